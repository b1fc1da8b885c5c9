import { KernelConfigFs, type ConfigFs } from '../configfs/index.js';
import type { GroupShape } from './config-group.js';
import { readIfExists } from './configfs-text.js';
import { notFound } from './errors.js';
import { compareNodeNames } from './node-order.js';
import { FabricModule } from './fabric/fabric-module.js';
import { FABRIC_NAMES, FABRICS, isFabricName, type FabricName } from './fabric/fabric-specs.js';
import type { Target } from './fabric/target.js';
import type { Host } from './host/host.js';
import { NodeHost } from './host/node-host.js';
import type { Session } from './session/session.js';
import { createStorageObject } from './storage/create-storage-object.js';
import { isStoragePlugin, type StoragePlugin } from './storage/plugins.js';
import { StorageObject } from './storage/storage-object.js';
import { StorageRegistry } from './storage/storage-registry.js';
import { applyLanes, type Step } from './steps.js';
import type { BlockSpec, FileioSpec, PscsiSpec, RamdiskSpec, StorageObjectSpec, UserSpec } from './storage/storage-spec.js';
import type { RandomBytes } from './validate/index.js';

/**
 * From how many removals a clear asks the port to get ready for side-by-side changes
 * while it reads the rest (on the kernel, a worker thread that takes about 0.3 s to start
 * under emulation; a LUN's or mapped LUN's removal waits in the kernel).
 */
const CHANGES_AHEAD = 128;

export interface LioRootOptions {
  /** The machine outside configfs (backing files, /sys, modprobe); the real one by default. */
  readonly host?: Host;
  /** Randomness for generated WWNs, serials and link aliases (tests fix it). */
  readonly random?: RandomBytes;
}

type Without<T> = Omit<T, 'plugin'>;

/**
 * The LIO target as an object model (what rtslib's RTSRoot is), on any ConfigFs: the
 * kernel's, or the simulator. Objects are handles that read configfs when asked; nothing
 * is scanned up front and nothing is cached that could go stale, except where each
 * storage object lives, which is confirmed on every use.
 */
export class LioRoot {
  readonly host: Host;
  readonly random: RandomBytes | undefined;
  /** @internal where storage objects live and which HBA indexes are taken. */
  readonly storageRegistry: StorageRegistry;
  private readonly fabricModules = new Map<FabricName, FabricModule>();
  private readonly groupShapes = new Map<string, GroupShape>();

  constructor(
    readonly fs: ConfigFs,
    options: LioRootOptions = {},
  ) {
    this.host = options.host ?? new NodeHost();
    this.random = options.random;
    this.storageRegistry = new StorageRegistry(fs);
  }

  /** The real LIO target at /sys/kernel/config/target (or `root`). */
  static open(options: LioRootOptions & { readonly root?: string } = {}): LioRoot {
    return new LioRoot(new KernelConfigFs(options.root), options);
  }

  /** The target core's version line. */
  version(): string | undefined {
    return readIfExists(this.fs, 'version');
  }

  /** @internal names and file modes per kind of settings group ("fileio attrib"), learnt once per process. */
  shapeOf(kind: string): GroupShape {
    let shape = this.groupShapes.get(kind);
    if (!shape) {
      shape = { modes: new Map() };
      this.groupShapes.set(kind, shape);
    }
    return shape;
  }

  /**
   * Whether the running kernel has no setting `name` in groups of `kind` ("iscsi tpg
   * attrib"): known only once a group of that kind was listed (a dump lists every live
   * one), false until then.
   */
  lacksSetting(kind: string, name: string): boolean {
    const names = this.groupShapes.get(kind)?.names;
    return names !== undefined && !names.includes(name);
  }

  /** The kernel release from the version line (`6.1.0-56-amd64`), if shown. */
  kernelRelease(): string | undefined {
    return / on (\S+)\s*$/.exec(this.version() ?? '')?.[1];
  }

  // ---- storage objects ----------------------------------------------------------------------

  /** Every storage object (of one plugin if given), sorted by plugin then name. */
  storageObjects(plugin?: StoragePlugin): StorageObject[] {
    return this.storageRegistry
      .scan()
      .filter((f) => plugin === undefined || f.plugin === plugin)
      .map((f) => new StorageObject(this, f.hba, f.name))
      .sort((a, b) => (a.plugin === b.plugin ? compareNodeNames(a.name, b.name) : compareNodeNames(a.plugin, b.plugin)));
  }

  findStorageObject(plugin: StoragePlugin, name: string): StorageObject | undefined {
    const hba = this.storageRegistry.locate(plugin, name, true);
    return hba === undefined ? undefined : new StorageObject(this, hba, name);
  }

  storageObject(plugin: StoragePlugin | string, name: string): StorageObject {
    if (!isStoragePlugin(plugin)) throw notFound(`No backstore type '${plugin}'; use block, fileio, pscsi, ramdisk or user`);
    const found = this.findStorageObject(plugin, name);
    if (!found) throw notFound(`No storage object ${plugin}/${name}`, `list them with: ls /backstores/${plugin}`);
    return found;
  }

  /** Creates any kind of storage object; all or nothing. */
  createStorageObject(spec: StorageObjectSpec): StorageObject {
    return createStorageObject(this, spec);
  }

  createBlock(spec: Without<BlockSpec>): StorageObject {
    return createStorageObject(this, { ...spec, plugin: 'block' });
  }

  createFileio(spec: Without<FileioSpec>): StorageObject {
    return createStorageObject(this, { ...spec, plugin: 'fileio' });
  }

  createPscsi(spec: Without<PscsiSpec>): StorageObject {
    return createStorageObject(this, { ...spec, plugin: 'pscsi' });
  }

  createRamdisk(spec: Without<RamdiskSpec>): StorageObject {
    return createStorageObject(this, { ...spec, plugin: 'ramdisk' });
  }

  createUser(spec: Without<UserSpec>): StorageObject {
    return createStorageObject(this, { ...spec, plugin: 'user' });
  }

  // ---- fabrics ------------------------------------------------------------------------------

  fabric(name: FabricName | string): FabricModule {
    if (!isFabricName(name)) throw notFound(`No fabric '${name}'; known: ${FABRIC_NAMES.join(', ')}`);
    let module = this.fabricModules.get(name);
    if (!module) {
      module = new FabricModule(this, FABRICS[name]);
      this.fabricModules.set(name, module);
    }
    return module;
  }

  /** Every known fabric, visible or not. */
  fabrics(): FabricModule[] {
    return FABRIC_NAMES.map((n) => this.fabric(n));
  }

  /** What targetcli lists at `/`: software fabrics always, hardware fabrics when they have ports. */
  visibleFabrics(): FabricModule[] {
    return this.fabrics().filter((f) => f.isVisible());
  }

  /** Every target of every loaded fabric. */
  targets(): Target[] {
    return this.fabrics().flatMap((f) => f.targets());
  }

  /** Every logged-in initiator, demo-mode sessions included. */
  sessions(): Session[] {
    return this.targets().flatMap((t) => t.tpgs().flatMap((tpg) => tpg.sessions()));
  }

  /**
   * Removes every target and storage object, in reverse order of creation, and clears
   * discovery authentication. Fabric directories stay (their modules stay loaded).
   */
  clear(): void {
    // Each target, then each storage object, is a lane of its own: most of a clear's time
    // is the kernel waiting (LUNs and devices being released), which lanes do side by side.
    const targets = this.fabrics().flatMap((f) => f.targets({ includeInvalid: true }));
    const lanes: Step[][] = [];
    let changes = 0;
    for (const target of targets) {
      const steps = target.deletionSteps();
      lanes.push(steps);
      // Enough to make side by side: the port gets ready while the rest is read.
      if (changes < CHANGES_AHEAD && (changes += steps.length) >= CHANGES_AHEAD) this.fs.expectLanes();
    }
    applyLanes(this.fs, lanes);
    const objects = this.storageObjects();
    applyLanes(this.fs, objects.map((so) => so.deletionSteps(so.lunsToRemove())));
    this.storageRegistry.forget();
    for (const hba of this.fs.list('core')) {
      if (hba === 'alua') continue;
      try {
        if (this.storageRegistry.listHba(hba).length === 0) this.fs.rmdir(`core/${hba}`);
      } catch {
        // an HBA another process is filling right now: not ours to remove
      }
    }
    const iscsi = this.fabric('iscsi');
    if (iscsi.isLoaded()) {
      const auth = iscsi.discoveryAuth();
      if (auth.enforced || auth.userid !== undefined || auth.password !== undefined || auth.mutualUserid !== undefined || auth.mutualPassword !== undefined) {
        iscsi.setDiscoveryAuth({ enforce: false, userid: '', password: '', mutualUserid: '', mutualPassword: '' });
      }
    }
  }
}
