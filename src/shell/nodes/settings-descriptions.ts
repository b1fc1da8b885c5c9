import type { ParamType } from '../commands/param-types.js';

/** What the kernel's TPG attributes (`tpgt_N/attrib/`) do, for `set attribute` listings. */
export const TPG_ATTRIBUTES: Readonly<Record<string, string>> = {
  authentication: 'Require CHAP from initiators logging in to this TPG (1) or not (0).',
  cache_dynamic_acls: 'In demo mode, keep the ACLs made for initiators after they log out (1).',
  default_cmdsn_depth: 'Commands an initiator without its own ACL may have queued.',
  default_erl: 'Default iSCSI error recovery level (0-2).',
  demo_mode_discovery: 'In demo mode, let any initiator discover this TPG (1).',
  demo_mode_write_protect: 'In demo mode, initiators without an ACL get read-only LUNs (1).',
  fabric_prot_type: 'T10 protection information type the fabric adds (0 = none).',
  generate_node_acls: 'Demo mode: initiators without an ACL may log in and see every LUN (1).',
  login_keys_workaround: 'Accept initiators that send login keys out of order (1).',
  login_timeout: 'Seconds a login may take.',
  netif_timeout: 'Seconds before a failed network interface fails its connections.',
  prod_mode_write_protect: 'Initiators with an ACL get read-only LUNs (1).',
  t10_pi: 'Accept T10 protection information from initiators (1).',
  tpg_enabled_sendtargets: 'SendTargets discovery lists this TPG only while it is enabled (1).',
};

/** iSCSI login keys (RFC 7143) the TPG offers, `tpgt_N/param/`. */
export const ISCSI_PARAMETERS: Readonly<Record<string, string>> = {
  AuthMethod: 'Authentication methods offered at login: CHAP, None, or both.',
  DataDigest: 'Data digest offered: CRC32C, None, or both.',
  DataPDUInOrder: 'Yes: the data PDUs of a sequence arrive in order.',
  DataSequenceInOrder: 'Yes: data sequences arrive in order.',
  DefaultTime2Retain: 'Seconds a task can still be reassigned after its connection dropped.',
  DefaultTime2Wait: 'Seconds to wait before logging out or reassigning after a connection dropped.',
  ErrorRecoveryLevel: 'iSCSI error recovery level (0-2).',
  FirstBurstLength: 'Most unsolicited data, in bytes, an initiator may send.',
  HeaderDigest: 'Header digest offered: CRC32C, None, or both.',
  IFMarkInt: 'Obsolete since RFC 7143; leave as is.',
  IFMarker: 'Obsolete since RFC 7143; leave as is.',
  ImmediateData: 'Yes: initiators may send data along with the command.',
  InitialR2T: 'No: initiators may send unsolicited data without waiting for an R2T.',
  MaxBurstLength: 'Most data, in bytes, in one Data-In or solicited Data-Out sequence.',
  MaxConnections: 'Connections allowed in one session.',
  MaxOutstandingR2T: 'R2Ts one task may have outstanding.',
  MaxRecvDataSegmentLength: 'Largest data segment, in bytes, the target receives in one PDU.',
  MaxXmitDataSegmentLength: 'Largest data segment, in bytes, the target sends in one PDU.',
  OFMarkInt: 'Obsolete since RFC 7143; leave as is.',
  OFMarker: 'Obsolete since RFC 7143; leave as is.',
  TargetAlias: 'Human-readable target name sent to initiators.',
};

/** Per-initiator attributes (`acls/<wwn>/attrib/`). */
export const ACL_ATTRIBUTES: Readonly<Record<string, string>> = {
  authentication: 'CHAP for this initiator: -1 as the TPG says, 0 off, 1 on.',
  dataout_timeout: 'Seconds to wait for Data-Out before recovery starts.',
  dataout_timeout_retries: 'Data-Out timeouts before the connection is failed.',
  default_erl: 'Default iSCSI error recovery level (0-2).',
  nopin_response_timeout: 'Seconds to wait for a NOP-Out reply before failing the connection.',
  nopin_timeout: 'Seconds between NOP-In pings to an idle initiator.',
  random_datain_pdu_offsets: 'Testing: ask for Data-In PDUs at random offsets (1).',
  random_datain_seq_offsets: 'Testing: ask for Data-In sequences at random offsets (1).',
  random_r2t_offsets: 'Testing: send R2Ts at random offsets (1).',
};

const NUMBER: ParamType = { kind: 'number' };
const YES_NO: ParamType = { kind: 'enum', values: ['Yes', 'No'] };

/** targetcli's types for iSCSI parameters: numbers for lengths and timers, Yes/No flags, text otherwise. */
export const ISCSI_PARAMETER_TYPES: Readonly<Record<string, ParamType>> = {
  DataPDUInOrder: YES_NO,
  DataSequenceInOrder: YES_NO,
  IFMarker: YES_NO,
  InitialR2T: YES_NO,
  OFMarker: YES_NO,
  DefaultTime2Retain: NUMBER,
  DefaultTime2Wait: NUMBER,
  ErrorRecoveryLevel: NUMBER,
  FirstBurstLength: NUMBER,
  MaxBurstLength: NUMBER,
  MaxConnections: NUMBER,
  MaxOutstandingR2T: NUMBER,
  MaxRecvDataSegmentLength: NUMBER,
  MaxXmitDataSegmentLength: NUMBER,
};
