import { ValidationError } from '../../errors/index.js';
import { chomp, readText } from '../configfs-text.js';
import { inStep } from '../rollback.js';
import { applySteps, type Step } from '../steps.js';
import type { StorageObject } from './storage-object.js';
import { ALUA_SETTINGS, aluaSettingValue, isAluaSetting, type AluaSetting } from './alua-settings.js';

export const DEFAULT_ALUA_GROUP = 'default_tg_pt_gp';

export interface AluaGroupInfo {
  readonly name: string;
  /** tg_pt_gp_id; 0 for the default group, undefined while unset. */
  readonly id: number | undefined;
  readonly settings: Readonly<Record<AluaSetting, number>>;
  /** The LUNs in this group, as the kernel lists them (`iSCSI/<wwn>/tpgt_1/lun_0`). */
  readonly members: readonly string[];
}

/** One ALUA target port group of a storage object (`<so>/alua/<name>`). */
export class AluaGroup {
  constructor(
    readonly storageObject: StorageObject,
    readonly name: string,
  ) {}

  get path(): string {
    return `${this.storageObject.path}/alua/${this.name}`;
  }

  get isDefault(): boolean {
    return this.name === DEFAULT_ALUA_GROUP;
  }

  private get fs() {
    return this.storageObject.lio.fs;
  }

  id(): number | undefined {
    const text = readText(this.fs, `${this.path}/tg_pt_gp_id`);
    return text === '' ? undefined : Number(text);
  }

  /** The primary access state as a number (see ALUA_STATES for names). */
  accessState(): number {
    return aluaSettingValue('alua_access_state', readText(this.fs, `${this.path}/alua_access_state`));
  }

  info(): AluaGroupInfo {
    return { name: this.name, id: this.id(), settings: this.settings(), members: this.members() };
  }

  settings(): Record<AluaSetting, number> {
    const settings = {} as Record<AluaSetting, number>;
    for (const name of ALUA_SETTINGS) settings[name] = aluaSettingValue(name, readText(this.fs, `${this.path}/${name}`));
    return settings;
  }

  members(): string[] {
    return splitMembers(this.fs.read(`${this.path}/members`));
  }

  /** Sets ALUA settings (kernel file names, numeric values) in order; refuses unknown names up front. */
  set(settings: Readonly<Partial<Record<AluaSetting, number>>>): void {
    const entries = checkAluaSettings(settings);
    for (const [name, value] of entries) {
      inStep(`Cannot set ${name}=${value} on ALUA group ${this.name} of ${this.storageObject.label}`, () =>
        this.fs.write(`${this.path}/${name}`, String(value)),
      );
    }
  }

  /** Removes the group; its LUNs fall back to the default group. The default group cannot go. */
  delete(): void {
    applySteps(this.fs, this.deletionSteps());
  }

  deletionSteps(out: Step[] = []): Step[] {
    if (this.isDefault) {
      throw new ValidationError(`The ALUA group ${DEFAULT_ALUA_GROUP} cannot be deleted`, { code: 'default-alua-group' });
    }
    out.push({ op: 'rmdir', path: this.path, what: `Cannot delete ALUA group ${this.name} of ${this.storageObject.label}` });
    return out;
  }
}

/** `members` lines end in "\n" and the kernel appends a NUL after each. */
export function splitMembers(text: string): string[] {
  return text
    .split('\n')
    .map((l) => chomp(l.replace(/\0/g, '')).trim())
    .filter((l) => l !== '');
}

/** Refuses unknown setting names and values that are not whole numbers >= 0. */
export function checkAluaSettings(settings: Readonly<Partial<Record<AluaSetting, number>>>): Array<[string, number]> {
  const entries = Object.entries(settings) as Array<[string, number]>;
  for (const [name, value] of entries) {
    if (!isAluaSetting(name)) {
      throw new ValidationError(`Unknown ALUA setting '${name}'; known: ${ALUA_SETTINGS.join(', ')}`, { code: 'bad-name' });
    }
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ValidationError(`ALUA setting ${name}: ${value} is not a whole number >= 0`, { code: 'bad-value' });
    }
  }
  return entries;
}
