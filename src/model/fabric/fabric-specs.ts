import type { Host } from '../host/host.js';
import type { WwnType } from '../validate/index.js';

export const FABRIC_NAMES = ['iscsi', 'loopback', 'vhost', 'xen-pvscsi', 'qla2xxx', 'efct', 'tcm_fc', 'srpt', 'sbp', 'ibmvscsis'] as const;
export type FabricName = (typeof FABRIC_NAMES)[number];

/**
 * What a fabric supports, as rtslib names it: `tpgts` = several TPGs per target; `acls`;
 * `auth` = CHAP on TPGs and ACLs; `nps` = network portals; `nexus` = the TPG has an
 * initiator-side nexus; `discovery_auth` on the fabric directory.
 */
export type FabricFeature = 'discovery_auth' | 'acls' | 'auth' | 'nps' | 'tpgts' | 'nexus' | 'cpus_allowed_list';

export interface FabricSpec {
  readonly name: FabricName;
  /** Directory under the configfs root. */
  readonly dir: string;
  readonly kernelModule: string;
  /** How the kernel names the fabric in ALUA `members` lines. */
  readonly kernelName: string;
  readonly features: readonly FabricFeature[];
  readonly wwnTypes: readonly WwnType[];
  /** Highest TPG tag the fabric's driver accepts. */
  readonly maxTpgTag: number;
  /** Whether TPGs have an `enable` file; those without are always active. */
  readonly tpgEnable: boolean;
  /** Hardware port names (normalised WWNs); undefined for software fabrics. */
  readonly hardwareWwns?: (host: Host) => string[];
}

/** FC HBAs whose driver's symbolic name starts with `vendor`, as rtslib finds them. */
function fcPorts(vendor: string): (host: Host) => string[] {
  return (host) => {
    const out: string[] = [];
    for (const h of host.listSys('/sys/class/fc_host')) {
      const symbolic = host.readSys(`/sys/class/fc_host/${h}/symbolic_name`) ?? '';
      const port = host.readSys(`/sys/class/fc_host/${h}/port_name`);
      if (port === undefined || !symbolic.toLowerCase().startsWith(vendor.toLowerCase())) continue;
      out.push(`naa.${port.replace(/^0x/i, '').toLowerCase()}`);
    }
    return out;
  };
}

function ibPorts(host: Host): string[] {
  const out: string[] = [];
  for (const dev of host.listSys('/sys/class/infiniband')) {
    for (const port of host.listSys(`/sys/class/infiniband/${dev}/ports`)) {
      const gid = host.readSys(`/sys/class/infiniband/${dev}/ports/${port}/gids/0`);
      if (gid !== undefined) out.push(`ib.${gid.replace(/:/g, '').toLowerCase()}`);
    }
  }
  return out;
}

function firewirePorts(host: Host): string[] {
  const out: string[] = [];
  for (const dev of host.listSys('/sys/bus/firewire/devices')) {
    if (host.readSys(`/sys/bus/firewire/devices/${dev}/is_local`) !== '1') continue;
    const guid = host.readSys(`/sys/bus/firewire/devices/${dev}/guid`);
    if (guid !== undefined) out.push(`eui.${guid.replace(/^0x/i, '').toLowerCase()}`);
  }
  return out;
}

function vioPorts(host: Host): string[] {
  const base = '/sys/module/ibmvscsis/drivers/vio:ibmvscsis';
  return host
    .listSys(base)
    .map((d) => host.readSys(`${base}/${d}/devspec`))
    .filter((s): s is string => s !== undefined && s !== '')
    .map((s) => s.slice(s.lastIndexOf('/') + 1));
}

const HW_FC = { features: ['acls'], wwnTypes: ['naa'], maxTpgTag: 65535, tpgEnable: true } as const;

export const FABRICS: Readonly<Record<FabricName, FabricSpec>> = {
  iscsi: {
    name: 'iscsi',
    dir: 'iscsi',
    kernelModule: 'iscsi_target_mod',
    kernelName: 'iSCSI',
    features: ['discovery_auth', 'acls', 'auth', 'nps', 'tpgts', 'cpus_allowed_list'],
    wwnTypes: ['iqn', 'naa', 'eui'],
    maxTpgTag: 65535,
    tpgEnable: true,
  },
  loopback: {
    name: 'loopback',
    dir: 'loopback',
    kernelModule: 'tcm_loop',
    kernelName: 'loopback',
    features: ['nexus'],
    wwnTypes: ['naa'],
    maxTpgTag: 31,
    tpgEnable: false,
  },
  vhost: {
    name: 'vhost',
    dir: 'vhost',
    kernelModule: 'vhost_scsi',
    kernelName: 'vhost',
    features: ['nexus', 'acls', 'tpgts'],
    wwnTypes: ['naa'],
    maxTpgTag: 65535,
    tpgEnable: false,
  },
  'xen-pvscsi': {
    name: 'xen-pvscsi',
    dir: 'xen-pvscsi',
    kernelModule: 'xen-scsiback',
    kernelName: 'xen-pvscsi',
    features: ['nexus', 'tpgts'],
    wwnTypes: ['naa'],
    maxTpgTag: 65535,
    tpgEnable: false,
  },
  qla2xxx: { name: 'qla2xxx', dir: 'qla2xxx', kernelModule: 'tcm_qla2xxx', kernelName: 'qla2xxx', ...HW_FC, hardwareWwns: fcPorts('QLogic') },
  efct: { name: 'efct', dir: 'efct', kernelModule: 'efct', kernelName: 'efct', ...HW_FC, hardwareWwns: fcPorts('Emulex') },
  tcm_fc: { name: 'tcm_fc', dir: 'fc', kernelModule: 'tcm_fc', kernelName: 'fc', ...HW_FC, hardwareWwns: fcPorts('fcoe') },
  srpt: {
    name: 'srpt',
    dir: 'srpt',
    kernelModule: 'ib_srpt',
    kernelName: 'srpt',
    features: ['acls'],
    wwnTypes: ['ib'],
    maxTpgTag: 65535,
    tpgEnable: true,
    hardwareWwns: ibPorts,
  },
  sbp: {
    name: 'sbp',
    dir: 'sbp',
    kernelModule: 'sbp_target',
    kernelName: 'sbp',
    features: [],
    wwnTypes: ['eui'],
    maxTpgTag: 65535,
    tpgEnable: true,
    hardwareWwns: firewirePorts,
  },
  ibmvscsis: {
    name: 'ibmvscsis',
    dir: 'ibmvscsis',
    kernelModule: 'ibmvscsis',
    kernelName: 'ibmvscsis',
    features: [],
    wwnTypes: ['free'],
    maxTpgTag: 65535,
    tpgEnable: true,
    hardwareWwns: vioPorts,
  },
};

export function isFabricName(name: string): name is FabricName {
  return (FABRIC_NAMES as readonly string[]).includes(name);
}

export function hasFeature(spec: FabricSpec, feature: FabricFeature): boolean {
  return spec.features.includes(feature);
}

/** The spec whose configfs directory is `dir` (tcm_fc lives in `fc`). */
export function fabricByDir(dir: string): FabricSpec | undefined {
  return Object.values(FABRICS).find((s) => s.dir === dir);
}

/** The spec the kernel means by a name in ALUA `members` ("iSCSI", "fc"). */
export function fabricByKernelName(name: string): FabricSpec | undefined {
  const lower = name.toLowerCase();
  return Object.values(FABRICS).find((s) => s.kernelName.toLowerCase() === lower || s.dir === lower);
}
