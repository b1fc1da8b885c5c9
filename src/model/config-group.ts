import type { ConfigFs } from '../configfs/index.js';
import { ConfigFsError } from '../configfs/index.js';
import { NotFoundError, ValidationError } from '../errors/index.js';
import { notFound } from './errors.js';
import { chomp } from './configfs-text.js';
import { inContext } from './errors.js';

/** What a caller may pass for an attribute or parameter; booleans become the group's words. */
export type SettingValue = string | number | boolean;

export interface SettingEntry {
  readonly name: string;
  /** Undefined for write-only files (and for files the kernel refuses to show). */
  readonly value: string | undefined;
  readonly readable: boolean;
  readonly writable: boolean;
}

export interface ConfigGroupOptions {
  /** "attribute" or "parameter": used in messages ("Unknown attribute foo of ..."). */
  readonly noun: string;
  /** The object, as the user knows it ("storage object fileio/disk1"). */
  readonly owner: string;
  /** iSCSI parameters say Yes/No; attributes say 1/0. */
  readonly booleans?: readonly [yes: string, no: string];
  /** What is already known of this kind of group (every fileio `attrib/`, say). */
  readonly shape?: GroupShape;
  /** The objects that share this group's names ("iscsi tpg", "fileio"), for messages. */
  readonly kind?: string;
}

/**
 * A setting this kernel does not have for this kind of object (an attribute added or
 * removed between kernels): a restore leaves it out and warns once per name.
 */
export class NoSuchSettingError extends NotFoundError {
  override name = 'NoSuchSettingError';
  constructor(
    message: string,
    readonly noun: string,
    readonly setting: string,
    /** The objects that lack it ("iscsi tpg"). */
    readonly kind: string,
  ) {
    super(message, { hint: `list them with: get ${noun}` });
  }
}

/**
 * The names and file modes of one kind of settings group. The kernel defines them per
 * kind (backend, fabric), not per object, so one listing and one stat per name serve
 * every object of the kind: a save of a thousand ACLs lists one `attrib/`.
 */
export interface GroupShape {
  readonly modes: Map<string, number>;
  names?: readonly string[];
}

/** What settingsGroup needs of the object model's root. */
interface GroupSource {
  readonly fs: ConfigFs;
  shapeOf(kind: string): GroupShape;
}

/**
 * An object's `attrib/` or `param/` group; `kind` names the objects that share its shape
 * ("iscsi tpg", "fileio"). Parameters say Yes/No, attributes 1/0.
 */
export function settingsGroup(lio: GroupSource, objectPath: string, noun: 'attribute' | 'parameter', owner: string, kind: string): ConfigGroup {
  const dir = noun === 'attribute' ? 'attrib' : 'param';
  const shape = lio.shapeOf(`${kind} ${dir}`);
  const options: ConfigGroupOptions = noun === 'attribute' ? { noun, owner, shape, kind } : { noun, owner, shape, kind, booleans: ['Yes', 'No'] };
  return new ConfigGroup(lio.fs, `${objectPath}/${dir}`, options);
}

/**
 * A directory of kernel settings (`attrib/`, `param/`): every file is one setting. Reads
 * are lazy and each call reads only what it returns.
 */
export class ConfigGroup {
  constructor(
    private readonly fs: ConfigFs,
    /** The group directory, relative to the configfs root. */
    readonly path: string,
    private readonly options: ConfigGroupOptions,
  ) {}

  names(): string[] {
    const shape = this.options.shape;
    if (shape === undefined) return this.fs.list(this.path);
    shape.names ??= this.fs.list(this.path);
    return [...shape.names];
  }

  get(name: string): string {
    this.checkName(name);
    try {
      return chomp(this.fs.read(`${this.path}/${name}`));
    } catch (err) {
      throw this.explain(name, err, 'read');
    }
  }

  /** Every setting with its value and access (one list, then one stat and one read each). */
  entries(): SettingEntry[] {
    const modes = this.options.shape?.modes;
    return this.names().map((name) => {
      let mode = modes?.get(name);
      if (mode === undefined) {
        mode = this.fs.stat(`${this.path}/${name}`).mode;
        modes?.set(name, mode);
      }
      const readable = (mode & 0o444) !== 0;
      let value: string | undefined;
      if (readable) {
        try {
          value = chomp(this.fs.read(`${this.path}/${name}`));
        } catch {
          value = undefined; // e.g. pi_prot_format: readable by mode, refused by the kernel
        }
      }
      return { name, value, readable, writable: (mode & 0o222) !== 0 };
    });
  }

  /** Every readable value, by name. */
  values(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.entries()) if (e.value !== undefined) out[e.name] = e.value;
    return out;
  }

  set(name: string, value: SettingValue): void {
    const text = this.toText(name, value);
    try {
      this.fs.write(`${this.path}/${name}`, text);
    } catch (err) {
      throw this.explain(name, err, 'set', text);
    }
  }

  /**
   * Sets several values in the given order; if the kernel refuses one, the ones already
   * written are put back to what they were, so the group is unchanged.
   */
  setMany(values: Readonly<Record<string, SettingValue>>): void {
    const texts = Object.entries(values).map(([name, v]) => [name, this.toText(name, v)] as const);
    const done: Array<[string, string]> = [];
    try {
      for (const [name, text] of texts) {
        const before = this.readQuietly(name);
        this.set(name, text);
        if (before !== undefined) done.push([name, before]);
      }
    } catch (err) {
      for (const [name, before] of done.reverse()) {
        try {
          this.fs.write(`${this.path}/${name}`, before);
        } catch {
          // Best effort: the original error below is what the user must see.
        }
      }
      throw err;
    }
  }

  /** Converts a value to the text the kernel expects; refuses what no kernel file accepts. */
  toText(name: string, value: SettingValue): string {
    this.checkName(name);
    return settingText(this.options.noun, name, value, this.options.booleans);
  }

  private readQuietly(name: string): string | undefined {
    try {
      return chomp(this.fs.read(`${this.path}/${name}`));
    } catch {
      return undefined;
    }
  }

  private checkName(name: string): void {
    if (name === '' || name.includes('/') || name === '.' || name === '..') {
      throw new ValidationError(`'${name}' is not a ${this.options.noun} name`, { code: 'bad-name' });
    }
  }

  private explain(name: string, err: unknown, verb: 'read' | 'set', text?: string): unknown {
    const { noun, owner } = this.options;
    if (err instanceof ConfigFsError && err.errno === 'ENOENT') {
      const { kind } = this.options;
      if (kind !== undefined && this.fs.exists(this.path.slice(0, this.path.lastIndexOf('/')))) return new NoSuchSettingError(`Unknown ${noun} '${name}' of ${owner}`, noun, name, kind);
      return notFound(`Unknown ${noun} '${name}' of ${owner}`, `list them with: get ${noun}`);
    }
    if (err instanceof ConfigFsError && err.errno === 'EACCES') {
      const why = verb === 'set' ? 'is read-only' : 'is write-only';
      return new ValidationError(`${capital(noun)} ${name} of ${owner} ${why}`, { code: verb === 'set' ? 'read-only' : 'write-only' });
    }
    const shown = text === undefined ? '' : ` to '${text}'`;
    return inContext(`Cannot ${verb} ${noun} ${name}${shown} of ${owner}`, err);
  }
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The text written for a setting: booleans as the group's words, whole numbers, or
 * trimmed text. Empty values and line breaks are refused (targetcli wrote the word `None`).
 */
export function settingText(noun: string, name: string, value: SettingValue, booleans: readonly [string, string] = ['1', '0']): string {
  if (name === '' || name.includes('/') || name === '.' || name === '..') {
    throw new ValidationError(`'${name}' is not a ${noun} name`, { code: 'bad-name' });
  }
  const [yes, no] = booleans;
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new ValidationError(`${noun} ${name}: ${value} is not a whole number`, { code: 'bad-value' });
    }
    return String(value);
  }
  if (value.trim() === '') {
    throw new ValidationError(`${noun} ${name}: an empty value is not accepted; give a value`, { code: 'bad-value' });
  }
  if (/[\n\0]/.test(value)) {
    throw new ValidationError(`${noun} ${name}: the value contains a newline or NUL`, { code: 'bad-value' });
  }
  return value.trim();
}
