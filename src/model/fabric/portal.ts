import { flag, readIfExists } from '../configfs-text.js';
import { inStep } from '../rollback.js';
import { applySteps, type Step } from '../steps.js';
import { formatPortalAddress, parsePortalDirName, portalDirName, type Portal as PortalSpec } from '../validate/index.js';
import type { Tpg } from './tpg.js';

export interface PortalInfo {
  /** IPv6 in brackets (`[::0]`), as targetcli shows and saves it. */
  readonly ipAddress: string;
  readonly port: number;
  readonly iser: boolean;
  readonly offload: boolean;
}

/** An iSCSI network portal (`tpgt_N/np/<ip>:<port>`). */
export class Portal {
  constructor(
    readonly tpg: Tpg,
    readonly address: PortalSpec,
  ) {}

  static fromDirName(tpg: Tpg, name: string): Portal {
    return new Portal(tpg, parsePortalDirName(name));
  }

  get dirName(): string {
    return portalDirName(this.address);
  }

  get path(): string {
    return `${this.tpg.path}/np/${this.dirName}`;
  }

  /** `[::0]` or `192.0.2.10`. */
  get ipAddress(): string {
    return formatPortalAddress(this.address);
  }

  get port(): number {
    return this.address.port;
  }

  get label(): string {
    return `${this.tpg.label}/portals/${this.dirName}`;
  }

  private get fs() {
    return this.tpg.lio.fs;
  }

  exists(): boolean {
    return this.fs.exists(this.path);
  }

  /** iSER (RDMA); false also when the kernel has no iSER support. */
  iser(): boolean {
    return readIfExists(this.fs, `${this.path}/iser`) === '1';
  }

  /** Chelsio cxgbit offload; false also when the kernel lacks it. */
  offload(): boolean {
    return readIfExists(this.fs, `${this.path}/cxgbit`) === '1';
  }

  setIser(on: boolean): void {
    inStep(`Cannot ${on ? 'enable' : 'disable'} iSER on portal ${this.label}`, () => this.fs.write(`${this.path}/iser`, flag(on)), {
      ENOENT: 'this kernel has no iSER support',
      EINVAL: 'the ib_isert module may be missing, or no RDMA device serves this address',
    });
  }

  setOffload(on: boolean): void {
    inStep(`Cannot ${on ? 'enable' : 'disable'} offload on portal ${this.label}`, () => this.fs.write(`${this.path}/cxgbit`, flag(on)), {
      ENOENT: 'this kernel has no cxgbit offload support',
    });
  }

  describe(): PortalInfo {
    return { ipAddress: this.ipAddress, port: this.port, iser: this.iser(), offload: this.offload() };
  }

  delete(): void {
    applySteps(this.fs, this.deletionSteps());
  }

  deletionSteps(out: Step[] = []): Step[] {
    out.push({ op: 'rmdir', path: this.path, what: `Cannot delete portal ${this.label}` });
    return out;
  }
}
