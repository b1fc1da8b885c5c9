import type { Preferences } from '../prefs/preferences.js';
import { PREFERENCES, type PreferenceName } from '../prefs/preference-table.js';
import type { ConfigGroup } from '../tree/ui-node.js';

/** `set global` / `get global`: the preferences, on every node as in targetcli. */
export function globalGroup(prefs: Preferences): ConfigGroup {
  return {
    name: 'global',
    mutates: false,
    params: () =>
      (Object.keys(PREFERENCES) as PreferenceName[]).map((name) => ({
        name,
        type: PREFERENCES[name].type,
        writable: true,
        readable: true,
        description: PREFERENCES[name].description,
        get: () => String(prefs.get(name)),
        set: (value: string) => String(prefs.set(name, value)),
      })),
  };
}
