import { FABRICS, isFabricName } from '../../../src/model/fabric/fabric-specs.js';
import { isIgnoredStorageAttribute } from '../../../src/config/plan/setting-rules.js';
import { CHAP_KEYS, DEFAULT_ALUA_GROUP, storageObjectRef, tpgRef, type Attributes, type SaveConfig } from '../../../src/config/schema.js';
import { discoveryOf, type State } from './plan-interpreter.js';

const CONSTRUCTOR_KEYS = ['dev', 'wwn', 'size', 'readonly', 'write_back', 'exclusive', 'aio', 'config', 'hw_max_sectors', 'control'];

function sameSet(what: string, have: Iterable<string>, want: Iterable<string>, out: string[]): void {
  const a = [...have].sort().join(', ');
  const b = [...want].sort().join(', ');
  if (a !== b) out.push(`${what}: have [${a}], want [${b}]`);
}

function settingsCovered(what: string, have: Readonly<Record<string, unknown>> | undefined, want: Attributes | undefined, out: string[], ignore = (_: string): boolean => false): void {
  for (const [k, v] of Object.entries(want ?? {})) {
    if (!ignore(k) && String(have?.[k]) !== String(v)) out.push(`${what}.${k}: have ${String(have?.[k])}, want ${String(v)}`);
  }
}

function chapOf(obj: object): string {
  const rec = obj as Record<string, unknown>;
  return CHAP_KEYS.map((k) => `${k}=${String(rec[k] ?? '')}`).join(' ');
}

/**
 * What in the interpreted state does not match `desired`, by the planner's contract:
 * objects exactly, settings where desired names them, credentials/tags/enable whole.
 */
export function mismatches(state: State, desired: SaveConfig): string[] {
  const out: string[] = [];
  const { doc } = state;
  sameSet('storage objects', doc.storage_objects.map(storageObjectRef), desired.storage_objects.map(storageObjectRef), out);
  for (const want of desired.storage_objects) {
    const ref = storageObjectRef(want);
    const have = doc.storage_objects.find((s) => storageObjectRef(s) === ref);
    if (have === undefined) continue;
    const h = have as unknown as Record<string, unknown>;
    const w = want as unknown as Record<string, unknown>;
    for (const k of CONSTRUCTOR_KEYS) if (w[k] !== undefined && w[k] !== h[k]) out.push(`${ref}.${k}: have ${String(h[k])}, want ${String(w[k])}`);
    if ((w['nullio'] ?? false) !== (h['nullio'] ?? false)) out.push(`${ref}.nullio differs`);
    settingsCovered(`${ref}.attributes`, have.attributes, want.attributes, out, (n) => isIgnoredStorageAttribute(want.plugin, n));
    const groups = (list: readonly { name: string }[]): string[] => list.map((g) => g.name).filter((n) => n !== DEFAULT_ALUA_GROUP);
    sameSet(`${ref} ALUA groups`, groups(have.alua_tpgs), groups(want.alua_tpgs), out);
    for (const g of want.alua_tpgs) {
      const hg = have.alua_tpgs.find((x) => x.name === g.name);
      if (hg === undefined) continue;
      settingsCovered(`${ref} group ${g.name}`, hg, g as unknown as Attributes, out);
    }
    const wantIdentity = desired.lioctl?.storage_objects?.[ref] ?? {};
    settingsCovered(`${ref} identity`, state.identity.get(ref), wantIdentity as Attributes, out);
  }

  const tkey = (t: { fabric: string; wwn: string }): string => `${t.fabric}/${t.wwn}`;
  sameSet('targets', doc.targets.map(tkey), desired.targets.map(tkey), out);
  for (const want of desired.targets) {
    const have = doc.targets.find((t) => tkey(t) === tkey(want));
    if (have === undefined) continue;
    settingsCovered(`${tkey(want)}.parameters`, have.parameters, want.parameters, out);
    sameSet(`${tkey(want)} TPGs`, have.tpgs.map((t) => String(t.tag)), want.tpgs.map((t) => String(t.tag)), out);
    const enableMatters = isFabricName(want.fabric) && FABRICS[want.fabric].tpgEnable;
    for (const wt of want.tpgs) {
      const ht = have.tpgs.find((t) => t.tag === wt.tag);
      if (ht === undefined) continue;
      const at = tpgRef(want.fabric, want.wwn, wt.tag);
      settingsCovered(`${at}.attributes`, ht.attributes, wt.attributes, out);
      settingsCovered(`${at}.parameters`, ht.parameters, wt.parameters, out);
      if (enableMatters && ht.enable !== wt.enable) out.push(`${at}.enable: have ${ht.enable}`);
      if (chapOf(ht) !== chapOf(wt)) out.push(`${at} CHAP differs`);
      const nexus = desired.lioctl?.tpgs?.[at]?.nexus;
      if (nexus !== undefined && state.nexus.get(at) !== nexus) out.push(`${at} nexus: have ${String(state.nexus.get(at))}`);
      sameSet(`${at} LUNs`, ht.luns.map((l) => String(l.index)), wt.luns.map((l) => String(l.index)), out);
      for (const wl of wt.luns) {
        const hl = ht.luns.find((l) => l.index === wl.index);
        if (hl === undefined) continue;
        if (hl.storage_object !== wl.storage_object) out.push(`${at} LUN ${wl.index} exports ${hl.storage_object}`);
        if (typeof wl.alua_tg_pt_gp_name === 'string' && hl.alua_tg_pt_gp_name !== wl.alua_tg_pt_gp_name) out.push(`${at} LUN ${wl.index} group ${String(hl.alua_tg_pt_gp_name)}`);
      }
      const pkey = (p: { ip_address: string; port: number; iser: boolean; offload: boolean }): string => `${p.ip_address}:${p.port}:${p.iser}:${p.offload}`;
      sameSet(`${at} portals`, ht.portals.map(pkey), wt.portals.map(pkey), out);
      sameSet(`${at} ACLs`, ht.node_acls.map((a) => a.node_wwn), wt.node_acls.map((a) => a.node_wwn), out);
      for (const wa of wt.node_acls) {
        const ha = ht.node_acls.find((a) => a.node_wwn === wa.node_wwn);
        if (ha === undefined) continue;
        settingsCovered(`${at} ACL ${wa.node_wwn}.attributes`, ha.attributes, wa.attributes, out);
        if ((ha.tag ?? null) !== (wa.tag ?? null)) out.push(`${at} ACL ${wa.node_wwn} tag ${String(ha.tag)}`);
        if (chapOf(ha) !== chapOf(wa)) out.push(`${at} ACL ${wa.node_wwn} CHAP differs`);
        const mkey = (m: { index: number; tpg_lun: number; write_protect: boolean }): string => `${m.index}->${m.tpg_lun}:${m.write_protect}`;
        sameSet(`${at} ACL ${wa.node_wwn} mapped LUNs`, ha.mapped_luns.map(mkey), wa.mapped_luns.map(mkey), out);
      }
    }
  }
  const shown = (d: { enforce: boolean; creds: Record<string, string> }): string =>
    `${d.enforce} ${Object.entries(d.creds).sort().map(([k, v]) => `${k}=${v}`).join(' ')}`;
  for (const [fabric, have] of state.discovery) {
    if (shown(have) !== shown(discoveryOf(desired, fabric))) out.push(`${fabric} discovery differs`);
  }
  return out;
}
