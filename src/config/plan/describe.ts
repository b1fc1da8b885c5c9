import type { ChapChange } from '../../model/chap.js';
import { humanSize } from '../../model/validate/index.js';
import type { StorageObjectConfig } from '../schema.js';
import type { ParameterList, PlanOperation, SettingList, StorageId, TpgId } from './operations.js';

/** Long setting lists are cut in the one-line description; the operation keeps them all. */
const SHOWN_SETTINGS = 8;

function tpgLabel(t: TpgId): string {
  return `${t.fabric}/${t.wwn}/tpg${t.tag}`;
}

function soLabel(s: StorageId): string {
  return `${s.plugin}/${s.name}`;
}

function settingText(value: string | number): string {
  return typeof value === 'number' || /^[\w.,:+-]+$/.test(value) ? String(value) : JSON.stringify(value);
}

function settings(list: SettingList | ParameterList): string {
  const shown = list.slice(0, SHOWN_SETTINGS).map(([name, value]) => `${name}=${settingText(value)}`);
  const more = list.length > SHOWN_SETTINGS ? ` and ${list.length - SHOWN_SETTINGS} more` : '';
  return `${shown.join(', ')}${more}`;
}

function because(reason: string | undefined): string {
  return reason === undefined ? '' : ` (to recreate it: ${reason})`;
}

function storageDetails(so: StorageObjectConfig): string {
  const parts: string[] = [];
  switch (so.plugin) {
    case 'block':
      parts.push(so.dev);
      if (so.readonly === true) parts.push('read-only');
      break;
    case 'fileio':
      parts.push(so.dev);
      if (so.size !== undefined) parts.push(humanSize(so.size));
      if (so.write_back === true) parts.push('write-back');
      if (so.aio === true) parts.push('aio');
      break;
    case 'pscsi':
      parts.push(so.dev);
      break;
    case 'ramdisk':
      parts.push(humanSize(so.size));
      if (so.nullio === true) parts.push('nullio');
      break;
    case 'user':
      parts.push(so.config, humanSize(so.size));
      break;
  }
  return parts.join(', ');
}

const CHAP_NAMES: ReadonlyArray<readonly [keyof ChapChange, string]> = [
  ['userid', 'userid'],
  ['password', 'password'],
  ['mutualUserid', 'mutual_userid'],
  ['mutualPassword', 'mutual_password'],
];

/** Names which credentials change, never their values: userids too, so a line is always safe to log. */
function credentialText(change: ChapChange): string {
  const set = CHAP_NAMES.filter(([k]) => change[k] !== undefined && change[k] !== '').map(([, n]) => n);
  const unset = CHAP_NAMES.filter(([k]) => change[k] === '').map(([, n]) => n);
  return [set.length > 0 ? `set ${set.join(', ')}` : '', unset.length > 0 ? `unset ${unset.join(', ')}` : ''].filter((s) => s !== '').join('; ');
}

function portalText(ip: string, port: number, iser: boolean | undefined, offload: boolean | undefined): string {
  const flags = [iser === undefined ? '' : `iser=${iser}`, offload === undefined ? '' : `offload=${offload}`].filter((s) => s !== '');
  return flags.length === 0 ? `${ip}:${port}` : `${ip}:${port} (${flags.join(', ')})`;
}

/** One line for the user: `create fileio storage object disk1 (/srv/disk1.img, 1.0GiB)`. */
export function describeOperation(op: PlanOperation): string {
  switch (op.kind) {
    case 'delete-mapped-lun':
      return `delete mapped LUN ${op.index} of ACL ${op.nodeWwn} in ${tpgLabel(op.tpg)}${because(op.reason)}`;
    case 'delete-lun':
      return `delete LUN ${op.index} in ${tpgLabel(op.tpg)}${because(op.reason)}`;
    case 'delete-node-acl':
      return `delete ACL ${op.nodeWwn} in ${tpgLabel(op.tpg)}`;
    case 'delete-portal':
      return `delete portal ${op.ipAddress}:${op.port} in ${tpgLabel(op.tpg)}`;
    case 'delete-tpg':
      return `delete TPG ${tpgLabel(op.tpg)}${because(op.reason)}`;
    case 'delete-target':
      return `delete ${op.fabric} target ${op.wwn}`;
    case 'delete-alua-group':
      return `delete ALUA group ${op.name} of ${soLabel(op.storage)}${because(op.reason)}`;
    case 'delete-storage-object':
      return `delete ${op.storage.plugin} storage object ${op.storage.name}${because(op.reason)}`;
    case 'create-storage-object':
      return `create ${op.config.plugin} storage object ${op.config.name} (${storageDetails(op.config)})`;
    case 'set-storage-identity':
      return `set identity of ${soLabel(op.storage)}: ${Object.entries(op.identity).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`;
    case 'set-storage-attributes':
      return `set attributes of ${soLabel(op.storage)}: ${settings(op.attributes)}`;
    case 'create-alua-group':
      return `create ALUA group ${op.group.name} (id ${op.group.tg_pt_gp_id}) on ${soLabel(op.storage)}`;
    case 'set-alua-group':
      return `set ALUA group ${op.name} of ${soLabel(op.storage)}: ${settings(op.settings)}`;
    case 'create-target':
      return `create ${op.fabric} target ${op.wwn}`;
    case 'set-target-parameters':
      return `set parameters of ${op.fabric} target ${op.wwn}: ${settings(op.parameters)}`;
    case 'create-tpg':
      return `create TPG ${tpgLabel(op.tpg)}${op.nexus === undefined ? '' : ` with nexus ${op.nexus}`}`;
    case 'set-tpg-attributes':
      return `set attributes of TPG ${tpgLabel(op.tpg)}: ${settings(op.attributes)}`;
    case 'set-tpg-parameters':
      return `set parameters of TPG ${tpgLabel(op.tpg)}: ${settings(op.parameters)}`;
    case 'create-lun': {
      const group = op.aluaGroup === undefined ? '' : ` in ALUA group ${op.aluaGroup}`;
      return `create LUN ${op.index} in ${tpgLabel(op.tpg)} for /backstores/${soLabel(op.storage)}${group}`;
    }
    case 'set-lun-alua-group':
      return `move LUN ${op.index} in ${tpgLabel(op.tpg)} to ALUA group ${op.aluaGroup}`;
    case 'create-portal':
      return `create portal ${op.ipAddress}:${op.port} in ${tpgLabel(op.tpg)}`;
    case 'set-portal':
      return `set portal ${portalText(op.ipAddress, op.port, op.iser, op.offload)} in ${tpgLabel(op.tpg)}`;
    case 'create-node-acl':
      return `create ACL ${op.nodeWwn} in ${tpgLabel(op.tpg)}`;
    case 'set-node-acl-attributes':
      return `set attributes of ACL ${op.nodeWwn} in ${tpgLabel(op.tpg)}: ${settings(op.attributes)}`;
    case 'set-node-acl-tag':
      return op.tag === null
        ? `remove the tag of ACL ${op.nodeWwn} in ${tpgLabel(op.tpg)}`
        : `tag ACL ${op.nodeWwn} in ${tpgLabel(op.tpg)} as ${op.tag}`;
    case 'create-mapped-lun':
      return (
        `map LUN ${op.tpgLun} as mapped LUN ${op.index} (${op.writeProtect ? 'read-only' : 'read-write'}) ` +
        `for ACL ${op.nodeWwn} in ${tpgLabel(op.tpg)}`
      );
    case 'set-mapped-lun-write-protect':
      return `make mapped LUN ${op.index} of ACL ${op.nodeWwn} in ${tpgLabel(op.tpg)} ${op.writeProtect ? 'read-only' : 'read-write'}`;
    case 'set-tpg-auth':
      return `change CHAP credentials of TPG ${tpgLabel(op.tpg)} (${credentialText(op.credentials)})`;
    case 'set-node-acl-auth':
      return `change CHAP credentials of ACL ${op.nodeWwn} in ${tpgLabel(op.tpg)} (${credentialText(op.credentials)})`;
    case 'set-discovery-auth': {
      const creds = credentialText(op.credentials);
      return `set ${op.fabric} discovery authentication ${op.enforce ? 'enforced' : 'not enforced'}${creds === '' ? '' : ` (${creds})`}`;
    }
    case 'set-tpg-enable':
      return `${op.enable ? 'enable' : 'disable'} TPG ${tpgLabel(op.tpg)}`;
  }
}

const REDACTED = '********';

function redactChange(change: ChapChange): ChapChange {
  const out: { -readonly [K in keyof ChapChange]?: string } = { ...change };
  if (out.password !== undefined && out.password !== '') out.password = REDACTED;
  if (out.mutualPassword !== undefined && out.mutualPassword !== '') out.mutualPassword = REDACTED;
  return out;
}

/** The operation with CHAP secrets masked, for `--json` output and logs. */
export function redactOperation(op: PlanOperation): PlanOperation {
  switch (op.kind) {
    case 'set-tpg-auth':
    case 'set-node-acl-auth':
    case 'set-discovery-auth':
      return { ...op, credentials: redactChange(op.credentials) };
    default:
      return op;
  }
}
