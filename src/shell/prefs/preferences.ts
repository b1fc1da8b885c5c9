import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { convertValue, type ParamValue } from '../commands/param-types.js';
import { PREFERENCES, type PreferenceName } from './preference-table.js';

/** Where preferences, bookmarks and history live: $LIOCTL_HOME or ~/.lioctl. */
export function lioctlHome(): string {
  return process.env.LIOCTL_HOME ?? join(homedir(), '.lioctl');
}

export interface StoredPreferences {
  values: Partial<Record<PreferenceName, ParamValue>>;
  bookmarks: Record<string, string>;
}

/**
 * Preferences and bookmarks in one JSON file (not a pickle), written atomically and only
 * when something changed (targetcli rewrote its pickle on every cd). Defaults are not
 * stored, so a changed default reaches existing users.
 */
export class Preferences {
  private stored: StoredPreferences;

  /**
   * `defaults` replaces the table's defaults for this run (lioctl started as targetcli
   * takes targetcli's); a value equal to the default in force is not stored.
   */
  constructor(
    private readonly file: string | undefined,
    initial?: StoredPreferences,
    private readonly defaults: Partial<Record<PreferenceName, ParamValue>> = {},
  ) {
    this.stored = initial ?? (file === undefined ? empty() : load(file));
  }

  static inHome(defaults: Partial<Record<PreferenceName, ParamValue>> = {}): Preferences {
    return new Preferences(join(lioctlHome(), 'prefs.json'), undefined, defaults);
  }

  static inMemory(): Preferences {
    return new Preferences(undefined);
  }

  get<N extends PreferenceName>(name: N): (typeof PREFERENCES)[N]['default'] {
    return (this.stored.values[name] ?? this.defaultOf(name)) as (typeof PREFERENCES)[N]['default'];
  }

  /** Parses text by the preference's type; throws ValidationError on junk. */
  set(name: PreferenceName, text: string): ParamValue {
    const value = convertValue(PREFERENCES[name].type, text, name);
    if (value === this.defaultOf(name)) delete this.stored.values[name];
    else this.stored.values[name] = value;
    this.save();
    return value;
  }

  private defaultOf(name: PreferenceName): ParamValue {
    return this.defaults[name] ?? PREFERENCES[name].default;
  }

  bookmarks(): Readonly<Record<string, string>> {
    return this.stored.bookmarks;
  }

  setBookmark(name: string, path: string | undefined): void {
    if (path === undefined) delete this.stored.bookmarks[name];
    else this.stored.bookmarks[name] = path;
    this.save();
  }

  private save(): void {
    if (this.file === undefined) return;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(this.stored, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }
}

function empty(): StoredPreferences {
  return { values: {}, bookmarks: {} };
}

/** A missing or unreadable file means defaults: preferences must never stop the shell. */
function load(file: string): StoredPreferences {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredPreferences>;
    const values: StoredPreferences['values'] = {};
    for (const [name, value] of Object.entries(parsed.values ?? {})) {
      if (name in PREFERENCES) values[name as PreferenceName] = value as ParamValue;
    }
    return { values, bookmarks: { ...(parsed.bookmarks ?? {}) } };
  } catch {
    return empty();
  }
}
