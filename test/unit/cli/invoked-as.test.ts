import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { personaOf } from '../../../src/cli/invoked-as.js';
import { Preferences } from '../../../src/shell/prefs/preferences.js';

describe('personaOf', () => {
  it('is targetcli only for a program file named targetcli', () => {
    expect(personaOf('/usr/local/bin/targetcli')).toBe('targetcli');
    expect(personaOf('targetcli')).toBe('targetcli');
    expect(personaOf('/usr/bin/lioctl')).toBe('lioctl');
    expect(personaOf('/opt/targetcli/bin/lioctl')).toBe('lioctl');
    expect(personaOf('/usr/bin/targetcli.py')).toBe('lioctl');
    expect(personaOf(undefined)).toBe('lioctl');
  });
});

describe('Preferences with other defaults', () => {
  it('answers the given default, and keeps a value set against it for the next run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lioctl-prefs-')), 'prefs.json');
    const asTargetcli = () => new Preferences(file, undefined, { auto_save_on_exit: true });
    expect(asTargetcli().get('auto_save_on_exit')).toBe(true);
    expect(new Preferences(file).get('auto_save_on_exit')).toBe(false);
    asTargetcli().set('auto_save_on_exit', 'false');
    expect(asTargetcli().get('auto_save_on_exit')).toBe(false);
    expect(new Preferences(file).get('auto_save_on_exit')).toBe(false);
  });
});
