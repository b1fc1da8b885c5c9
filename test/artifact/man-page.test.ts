import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandSyntax } from '../../src/shell/commands/help.js';
import { commandCatalog } from '../../src/shell/reference/command-catalog.js';
import { PREFERENCES } from '../../src/shell/prefs/preference-table.js';

/** The page as `man` shows it, unjustified and unhyphenated so that words can be searched. */
function rendered(): string {
  const r = spawnSync('man', ['-l', '-P', 'cat', 'dist/man/lioctl.8'], {
    encoding: 'utf8',
    env: { ...process.env, MANWIDTH: '250', MAN_KEEP_FORMATTING: '', GROFF_NO_SGR: '1' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  // Overstrike bold (x\bx) and underline (_\bx), should the pager format them, read as text.
  return r.stdout.replace(/.\x08/g, '').replace(/\u2010/g, '-');
}

describe('man page dist/man/lioctl.8 (built by npm run build)', () => {
  const page = rendered();

  it('renders with man -l and has the sections of a system tool', () => {
    for (const heading of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'LIVE VIEW', 'THE TREE', 'COMMANDS ON EVERY NODE', 'PREFERENCES', 'EXIT STATUS', 'ENVIRONMENT', 'FILES', 'EXAMPLES']) {
      expect(page).toMatch(new RegExp(`^${heading}$`, 'm'));
    }
    expect(page).toMatch(/^LIOCTL\(8\)/);
  });

  it('has every command of every node kind, with its syntax and parameters', () => {
    const catalog = commandCatalog();
    expect(catalog.nodes.map((n) => n.pattern)).toEqual(expect.arrayContaining(['/', '/backstores/fileio', '/iscsi/<wwn>/tpg<N>/luns']));
    for (const node of catalog.nodes) {
      const start = page.indexOf(`\n   ${node.pattern}\n`);
      expect(start, node.pattern).toBeGreaterThan(0);
      for (const command of node.commands) {
        expect(page.slice(start), `${node.pattern} ${command.name}`).toContain(commandSyntax(command));
        for (const param of command.params) expect(page.slice(start), `${command.name} ${param.name}`).toContain(`${param.name}=`);
      }
    }
    for (const command of catalog.shared) expect(page).toContain(commandSyntax(command));
  });

  it('lists every preference with its default, and the exit statuses', () => {
    for (const [name, spec] of Object.entries(PREFERENCES)) {
      expect(page).toMatch(new RegExp(`${name}=\\S+\\n\\s+.*\\(default ${String(spec.default)}\\)`));
    }
    for (const code of ['0', '2', '4', '7', '9']) expect(page).toMatch(new RegExp(`^\\s+${code}\\s+\\S`, 'm'));
  });

  it('is the one the build writes from the declarations of this version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(page).toContain(`lioctl ${pkg.version}`);
  });
});
