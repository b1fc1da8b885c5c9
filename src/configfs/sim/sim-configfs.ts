import { Volume, type IProcess } from 'memfs';
import { ConfigFsError } from '../configfs-error.js';
import { baseName, checkRelative, parentOf } from '../paths.js';
import { atFinish, runLanesInTurn } from '../lanes-in-turn.js';
import type { ConfigFs, ConfigFsChange, ConfigFsOp, EntryStat, StartedLanes } from '../port.js';
import { classifyMkdir } from './classify-mkdir.js';
import { computedRead, ruleForWrite, type SimContext } from './file-rules.js';
import { SIM_FABRICS, type DeviceState, type EntryMeta, type InjectedFailure, type ObjectKind } from './sim-state.js';
import { template, templateEntry } from './templates.js';
import type { FixtureEntry } from './fixture-types.js';

/** Serialisable state, for `--sim STATEFILE` (the simulator kept between invocations). */
export interface SimSnapshot {
  readonly version: 1;
  readonly entries: ReadonlyArray<{ path: string; meta: EntryMeta; content?: string; target?: string }>;
  readonly devices: ReadonlyArray<[string, DeviceState]>;
  readonly lunGroups: ReadonlyArray<[string, string]>;
  readonly hbaCounter: number;
}

const SIM_ROOT = '/sys/kernel/config/target';

/**
 * memfs asks its process for the uid and gid at every step of every path it walks, and
 * node answers each with a system call: most of a large simulated tree's time. configfs
 * belongs to root, so the simulator's volume is root's, asked nothing.
 */
const SIM_PROCESS: IProcess = {
  getuid: () => 0,
  getgid: () => 0,
  cwd: () => '/',
  platform: 'linux',
  emitWarning: () => undefined,
  env: {},
};

/**
 * An in-memory LIO configfs that behaves like the kernel recorded in fixtures/kernel:
 * mkdir makes the same default groups and files, writes are checked by the same rules,
 * rmdir/symlink follow configfs and target-core semantics. Contents live in a memfs
 * volume; modes and object kinds live beside it because memfs would enforce modes on us.
 */
export class SimConfigFs implements ConfigFs {
  readonly backend = 'simulator' as const;
  readonly root = SIM_ROOT;
  private readonly vol = Volume.fromJSON({}, '/', { process: SIM_PROCESS });
  private readonly meta = new Map<string, EntryMeta>();
  private readonly devices = new Map<string, DeviceState>();
  /** link path -> target path */
  private readonly links = new Map<string, string>();
  /** directory -> the link inside it (LUNs and mapped LUNs hold at most one) */
  private readonly linkIn = new Map<string, string>();
  /** target path -> link paths */
  private readonly linkedBy = new Map<string, Set<string>>();
  /** LUN path -> ALUA group name */
  private readonly lunGroups = new Map<string, string>();
  private readonly failures: InjectedFailure[] = [];
  private hbaCounter = 0;
  /**
   * Whether the simulated host serves iSER. The fixtures' host did (ib_isert loads and binds
   * even without an RDMA device); false simulates a host where it cannot, whose kernel refuses
   * `iser` = 1 with EINVAL.
   */
  iserAvailable = true;

  constructor() {
    this.meta.set('', { owner: '', kind: 'root', mode: 0o755, isDefault: true });
    this.instantiate('', template('root'));
  }

  // ---- the port ---------------------------------------------------------------------

  list(path: string): string[] {
    const p = this.check('list', path);
    const m = this.need('list', p);
    if (m.kind === undefined && !this.isDir(p)) this.fail('list', p, 'ENOTDIR');
    return (this.vol.readdirSync(this.v(p)) as string[]).sort();
  }

  read(path: string): string {
    const p = this.check('read', path);
    const m = this.need('read', p);
    if (this.isDir(p)) this.fail('read', p, 'EISDIR');
    if ((m.mode & 0o444) === 0) this.fail('read', p, 'EACCES');
    const owner = this.meta.get(m.owner);
    const rel = p.slice(m.owner.length + 1);
    if (owner?.kind === 'lun' || owner?.kind === 'mapped-lun') {
      // Port files answer only while linked, some only while a session exists: as recorded.
      const linked = owner.kind === 'lun' ? this.lunDevice(m.owner) !== undefined : this.mappedLunLinked(m.owner);
      const refusal = templateEntry(`${owner.kind}:iscsi${linked ? ':linked' : ''}`, rel)?.readError;
      if (refusal !== undefined) this.fail('read', p, refusal);
    }
    if (owner?.kind === 'tpg' && rel === 'nexus' && this.stored(p) === '') this.fail('read', p, 'ENODEV');
    const computed = owner?.kind ? computedRead(this.ctx, m.owner, owner.kind, rel) : undefined;
    return computed ?? this.stored(p) ?? '';
  }

  write(path: string, value: string): void {
    const p = this.check('write', path, value);
    const m = this.need('write', p, value);
    if (this.isDir(p)) this.fail('write', p, 'EISDIR', value);
    if ((m.mode & 0o222) === 0) this.fail('write', p, 'EACCES', value);
    const ownerKind = this.meta.get(m.owner)?.kind ?? 'root';
    const rel = m.owner === '' ? p : p.slice(m.owner.length + 1);
    if (ownerKind === 'tpg' && rel === 'nexus' && this.stored(p) === '') {
      // An unset nexus reads as ENODEV but accepts its first write.
      if (!/^(naa|fc|iqn)\./.test(value.replace(/\n$/, ''))) this.fail('write', p, 'EINVAL', value);
      this.store(p, `${value.replace(/\n$/, '')}\n`);
      return;
    }
    if (ownerKind === 'root' && rel === 'dbroot' && Object.keys(SIM_FABRICS).some((f) => this.exists(f))) {
      this.fail('write', p, 'EINVAL', value);
    }
    const verdict = ruleForWrite(this.ctx, m.owner, ownerKind, rel, value);
    if ('errno' in verdict) this.fail('write', p, verdict.errno, value);
    if ('store' in verdict) this.store(p, verdict.store);
  }

  mkdir(path: string): void {
    const p = this.check('mkdir', path);
    if (p === '') this.fail('mkdir', p, 'EEXIST');
    if (this.meta.has(p)) this.fail('mkdir', p, 'EEXIST');
    const parent = parentOf(p);
    const pm = this.need('mkdir', parent);
    if (!this.isDir(parent)) this.fail('mkdir', p, 'ENOTDIR');
    const ownerMeta = this.meta.get(pm.owner);
    const verdict = classifyMkdir(
      {
        ownerKind: ownerMeta?.kind,
        relToOwner: pm.owner === parent ? '' : parent.slice(pm.owner === '' ? 0 : pm.owner.length + 1),
        fabric: fabricOf(p),
        path: parent,
      },
      baseName(p),
    );
    if ('errno' in verdict) this.fail('mkdir', p, verdict.errno);
    if (verdict.kind === 'portal' && (this.portalTakenInTarget(p) || this.portalUnderWildcard(p))) this.fail('mkdir', p, 'EINVAL');
    this.vol.mkdirSync(this.v(p));
    this.meta.set(p, { owner: p, kind: verdict.kind, mode: 0o755, isDefault: false });
    if (verdict.kind === 'device') {
      const plugin = baseName(parent).replace(/_\d+$/, '');
      this.devices.set(p, { plugin, control: {}, enabled: false });
      this.instantiate(p, template(`device:${plugin}`));
      this.store(`${p}/wwn/vpd_unit_serial`, 'T10 VPD Unit Serial Number: \n');
      return;
    }
    this.instantiate(p, template(verdict.template));
    if (verdict.kind === 'hba') {
      this.hbaCounter += 1;
      const plugin = baseName(p).replace(/_\d+$/, '');
      this.store(`${p}/hba_info`, `HBA Index: ${this.hbaCounter} plugin: ${plugin} version: v5.0\n`);
    }
    if (verdict.kind === 'acl') {
      const infoPath = `${p}/info`;
      if (this.meta.has(infoPath)) this.store(infoPath, `No active iSCSI Session for Initiator Endpoint: ${baseName(p)}\n`);
    }
    if (verdict.kind === 'tpg' && this.meta.has(`${p}/nexus`)) this.store(`${p}/nexus`, '');
  }

  rmdir(path: string): void {
    const p = this.check('rmdir', path);
    const m = this.need('rmdir', p);
    if (!this.isDir(p)) this.fail('rmdir', p, 'ENOTDIR');
    if (m.isDefault) this.fail('rmdir', p, 'EPERM');
    if ((this.linkedBy.get(p)?.size ?? 0) > 0) this.fail('rmdir', p, 'EBUSY');
    if (this.hasUserChildren(p)) this.fail('rmdir', p, 'ENOTEMPTY');
    if (m.kind === 'alua-group') {
      for (const lun of this.aluaMembersOf(p)) this.lunGroups.set(lun, 'default_tg_pt_gp');
    }
    this.forgetSubtree(p);
    this.vol.rmSync(this.v(p), { recursive: true });
    this.devices.delete(p);
    this.lunGroups.delete(p);
  }

  symlink(target: string, path: string): void {
    const p = this.check('symlink', path);
    const t = this.check('symlink', target);
    if (this.meta.has(p)) this.fail('symlink', p, 'EEXIST');
    const parent = parentOf(p);
    const pm = this.need('symlink', parent);
    if (!this.meta.has(t)) this.fail('symlink', p, 'ENOENT');
    const parentKind = pm.owner === parent ? pm.kind : undefined;
    const targetKind = this.meta.get(t)?.kind;
    if (parentKind === 'lun') {
      if (targetKind !== 'device') this.fail('symlink', p, 'EFAULT');
      if (this.lunDevice(parent)) this.fail('symlink', p, 'EEXIST');
      if (!this.devices.get(t)?.enabled) this.fail('symlink', p, 'ENODEV');
      this.lunGroups.set(parent, 'default_tg_pt_gp');
      this.instantiate(parent, template('lun:iscsi:linked').filter((e) => e.kind === 'file'), true);
    } else if (parentKind === 'mapped-lun') {
      if (targetKind !== 'lun') this.fail('symlink', p, 'EFAULT');
      if (this.mappedLunLinked(parent)) this.fail('symlink', p, 'EINVAL');
      const tpgOfTarget = parentOf(parentOf(t));
      const tpgOfAcl = parentOf(parentOf(parentOf(parent)));
      if (tpgOfTarget !== tpgOfAcl) this.fail('symlink', p, 'EINVAL');
      this.instantiate(parent, template('mapped-lun:iscsi:linked').filter((e) => e.kind === 'file'), true);
    } else {
      this.fail('symlink', p, 'EPERM');
    }
    this.vol.symlinkSync(this.v(t), this.v(p));
    this.meta.set(p, { owner: pm.owner, mode: 0o777, isDefault: false });
    this.addLink(p, t);
  }

  private addLink(p: string, t: string): void {
    this.links.set(p, t);
    this.linkIn.set(parentOf(p), p);
    const set = this.linkedBy.get(t) ?? new Set<string>();
    set.add(p);
    this.linkedBy.set(t, set);
  }

  readlink(path: string): string {
    const p = this.check('readlink', path);
    this.need('readlink', p);
    const t = this.links.get(p);
    if (t === undefined) this.fail('readlink', p, 'EINVAL');
    return t;
  }

  unlink(path: string): void {
    const p = this.check('unlink', path);
    const m = this.need('unlink', p);
    const t = this.links.get(p);
    if (t === undefined) this.fail('unlink', p, this.isDir(p) ? 'EISDIR' : 'EPERM');
    const parent = parentOf(p);
    this.vol.unlinkSync(this.v(p));
    this.meta.delete(p);
    this.links.delete(p);
    this.linkIn.delete(parent);
    this.linkedBy.get(t)?.delete(p);
    const parentKind = this.meta.get(m.owner)?.kind;
    if (parentKind === 'lun') this.lunGroups.delete(parent);
    if (parentKind === 'mapped-lun') this.store(`${parent}/write_protect`, '');
  }

  exists(path: string): boolean {
    return this.meta.has(checkRelative(path));
  }

  stat(path: string): EntryStat {
    const p = this.check('stat', path);
    const m = this.need('stat', p);
    const kind = this.links.has(p) ? 'link' : this.isDir(p) ? 'dir' : 'file';
    return { kind, mode: m.mode };
  }

  /**
   * Made when finish() is called: the kernel's port may make them any time until then, and
   * a caller that reads or changes them before that must fail here as it may there.
   */
  startLanes(lanes: readonly (readonly ConfigFsChange[])[]): StartedLanes {
    return atFinish(() => runLanesInTurn(this, lanes));
  }

  /** Nothing to get ready: the simulator makes one change at a time. */
  expectLanes(): void {}

  readAhead(_trees: readonly string[], _leaveOut?: readonly string[]): void {}

  // ---- test hooks and persistence -------------------------------------------------------

  /** Makes the next `times` calls of `op` on a matching path fail with `errno`. */
  injectFailure(op: ConfigFsOp, path: string | RegExp, errno: string, times = 1): void {
    this.failures.push({ op, path, errno, remaining: times });
  }

  clearInjectedFailures(): void {
    this.failures.length = 0;
  }

  toSnapshot(): SimSnapshot {
    const entries = [...this.meta.entries()]
      .filter(([path]) => path !== '')
      .map(([path, meta]) => {
        const target = this.links.get(path);
        if (target !== undefined) return { path, meta, target };
        if (this.isDir(path)) return { path, meta };
        return { path, meta, content: this.stored(path) ?? '' };
      });
    return {
      version: 1,
      entries,
      devices: [...this.devices.entries()],
      lunGroups: [...this.lunGroups.entries()],
      hbaCounter: this.hbaCounter,
    };
  }

  static fromSnapshot(snapshot: SimSnapshot): SimConfigFs {
    const sim = new SimConfigFs();
    sim.vol.reset();
    sim.meta.clear();
    sim.vol.mkdirSync('/', { recursive: true });
    sim.meta.set('', { owner: '', kind: 'root', mode: 0o755, isDefault: true });
    const links: Array<[string, string]> = [];
    for (const e of snapshot.entries) {
      sim.meta.set(e.path, e.meta);
      if (e.target !== undefined) links.push([e.path, e.target]);
      else if (e.content === undefined) sim.vol.mkdirSync(sim.v(e.path));
      else sim.vol.writeFileSync(sim.v(e.path), e.content);
    }
    for (const [path, target] of links) {
      sim.vol.symlinkSync(sim.v(target), sim.v(path));
      sim.addLink(path, target);
    }
    for (const [path, state] of snapshot.devices) sim.devices.set(path, state);
    for (const [lun, group] of snapshot.lunGroups) sim.lunGroups.set(lun, group);
    sim.hbaCounter = snapshot.hbaCounter;
    return sim;
  }

  // ---- internals ----------------------------------------------------------------------

  private readonly ctx: SimContext = {
    kindOf: (p) => this.meta.get(p)?.kind,
    device: (p) => this.devices.get(p),
    exportCount: (dev) => [...(this.linkedBy.get(dev) ?? [])].filter((l) => this.meta.get(parentOf(l))?.kind === 'lun').length,
    lunDevice: (lun) => this.lunDevice(lun),
    stored: (p) => this.stored(p),
    store: (p, c) => this.store(p, c),
    exists: (p) => this.meta.has(p),
    aluaMembers: (group) => this.aluaMembersOf(group).map((lun) => this.memberName(lun)),
    lunAluaGroup: (lun) => this.lunGroups.get(lun) ?? 'default_tg_pt_gp',
    setLunAluaGroup: (lun, group) => this.lunGroups.set(lun, group),
    devices: () => this.devices.entries(),
    listDir: (p) => (this.meta.has(p) && this.isDir(p) ? (this.vol.readdirSync(this.v(p)) as string[]) : []),
    iserAvailable: () => this.iserAvailable,
  };

  private v(p: string): string {
    return p === '' ? '/' : `/${p}`;
  }

  private check(op: ConfigFsOp, path: string, value?: string): string {
    const p = checkRelative(path);
    const i = this.failures.findIndex((f) => f.op === op && (typeof f.path === 'string' ? f.path === p : f.path.test(p)));
    const hit = i >= 0 ? this.failures[i] : undefined;
    if (hit) {
      hit.remaining -= 1;
      if (hit.remaining <= 0) this.failures.splice(i, 1);
      this.fail(op, p, hit.errno, value);
    }
    return p;
  }

  private need(op: ConfigFsOp, p: string, value?: string): EntryMeta {
    const m = this.meta.get(p);
    if (!m) this.fail(op, p, 'ENOENT', value);
    return m;
  }

  private fail(op: ConfigFsOp, p: string, errno: string, value?: string): never {
    throw new ConfigFsError(op, p === '' ? this.root : `${this.root}/${p}`, errno, value);
  }

  private isDir(p: string): boolean {
    if (this.links.has(p)) return false;
    return this.vol.statSync(this.v(p)).isDirectory();
  }

  private stored(p: string): string | undefined {
    if (!this.meta.has(p) || this.isDir(p)) return undefined;
    return this.vol.readFileSync(this.v(p), 'utf8') as string;
  }

  private store(p: string, content: string): void {
    this.vol.writeFileSync(this.v(p), content);
  }

  /** Creates a fixture's entries below `base`; `overwrite` refreshes files that exist. */
  private instantiate(base: string, entries: readonly FixtureEntry[], overwrite = false): void {
    for (const e of entries) {
      if (e.kind === 'link') continue;
      const p = base === '' ? e.path : `${base}/${e.path}`;
      if (this.meta.has(p) && !overwrite) continue;
      const mode = Number.parseInt(e.mode, 8);
      if (e.kind === 'dir') this.vol.mkdirSync(this.v(p), { recursive: true });
      else this.vol.writeFileSync(this.v(p), e.content ?? '');
      this.meta.set(p, { owner: this.meta.get(base)?.kind ? base : (this.meta.get(base)?.owner ?? ''), mode, isDefault: true });
    }
  }

  /** Drops the metadata of p and what it holds, walking only that subtree (a scan of every key made a large clear quadratic). */
  private forgetSubtree(p: string): void {
    const stack = [p];
    for (let q = stack.pop(); q !== undefined; q = stack.pop()) {
      if (this.isDir(q)) for (const name of this.vol.readdirSync(this.v(q)) as string[]) stack.push(`${q}/${name}`);
      this.meta.delete(q);
    }
  }

  /** Walks the subtree (not the whole tree) so rmdir stays cheap in large configs. */
  private hasUserChildren(p: string): boolean {
    for (const name of this.vol.readdirSync(this.v(p)) as string[]) {
      const child = `${p}/${name}`;
      const m = this.meta.get(child);
      if (!m || !m.isDefault) return true;
      if (!this.links.has(child) && this.isDir(child) && this.hasUserChildren(child)) return true;
    }
    return false;
  }

  private lunDevice(lun: string): string | undefined {
    if (this.meta.get(lun)?.kind !== 'lun') return undefined;
    const link = this.linkIn.get(lun);
    return link === undefined ? undefined : this.links.get(link);
  }

  private mappedLunLinked(mappedLun: string): boolean {
    return this.linkIn.has(mappedLun);
  }

  private aluaMembersOf(group: string): string[] {
    const dev = parentOf(parentOf(group));
    const name = baseName(group);
    const out: string[] = [];
    for (const link of this.linkedBy.get(dev) ?? []) {
      const lun = parentOf(link);
      if (this.meta.get(lun)?.kind === 'lun' && (this.lunGroups.get(lun) ?? 'default_tg_pt_gp') === name) out.push(lun);
    }
    return out.sort();
  }

  /** "iSCSI/<wwn>/tpgt_1/lun_0", as the kernel lists ALUA members. */
  private memberName(lun: string): string {
    const parts = lun.split('/');
    const fabric = parts[0] ?? '';
    return `${SIM_FABRICS[fabric] ?? fabric}/${parts[1]}/${parts[2]}/${parts[4]}`;
  }

  /** A specific address cannot join a port that any target already listens on for all addresses. */
  private portalUnderWildcard(portal: string): boolean {
    const m = /^(\[.*\]|[^:]+):(\d+)$/.exec(baseName(portal));
    if (!m) return false;
    const [, address = '', port = ''] = m;
    const ipv6 = address.startsWith('[');
    const wildcard = ipv6 ? ['[::]', '[::0]'] : ['0.0.0.0'];
    if (wildcard.includes(address)) return false;
    const fabric = portal.split('/')[0] ?? '';
    for (const target of this.vol.readdirSync(this.v(fabric)) as string[]) {
      if (this.meta.get(`${fabric}/${target}`)?.kind !== 'target') continue;
      for (const tpg of this.vol.readdirSync(this.v(`${fabric}/${target}`)) as string[]) {
        if (wildcard.some((w) => this.meta.get(`${fabric}/${target}/${tpg}/np/${w}:${port}`)?.kind === 'portal')) return true;
      }
    }
    return false;
  }

  /** The kernel refuses an ip:port already bound by another TPG of the same target. */
  private portalTakenInTarget(portal: string): boolean {
    const name = baseName(portal);
    const target = parentOf(parentOf(parentOf(portal)));
    return (this.vol.readdirSync(this.v(target)) as string[]).some((tpg) => this.meta.get(`${target}/${tpg}/np/${name}`)?.kind === 'portal');
  }
}

function fabricOf(p: string): string | undefined {
  const first = p.split('/')[0];
  return first !== undefined && first in SIM_FABRICS ? first : undefined;
}


export type { ObjectKind };
