// The package as a user gets it: packed, installed globally into a temporary prefix, then
// used through the README's own command lines, the library page's example and bash
// completion, on the simulator.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_CODE_MEANINGS } from '../../src/errors/index.js';
import { packAndInstall, type InstalledPackage } from './installed-package.js';
import { blockAfterJs, firstJsBlock, shellCommands, withoutSudo, type DocCommand } from './readme-commands.js';
import { TmuxPane } from './tmux.js';

const pkgJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  main: string;
  types: string;
  man: string[];
  files: string[];
};

let installed: InstalledPackage;
/** The README's `~` and the simulator's state live here; lioctl on PATH is the installed one. */
let home: string;
let env: NodeJS.ProcessEnv;

/**
 * The options that put a command on the simulator, with its state in the test's home (the
 * default file of `lioctl --sim`, so that the shell, one-shot commands and completion share it).
 */
const simOptions = (): string[] => ['--sim-state', join(home, '.lioctl', 'sim-state.json')];

beforeAll(() => {
  installed = packAndInstall();
  home = join(installed.dir, 'home');
  const wrappers = join(installed.dir, 'wrappers');
  for (const dir of [home, wrappers, join(home, 'work'), join(installed.dir, 'srv'), join(installed.dir, 'root')]) mkdirSync(dir, { recursive: true });
  // `lioctl` on PATH: the installed one, on the simulator. Completion asks it with
  // --complete first, which opens the simulator by itself on a host without LIO.
  writeFileSync(
    join(wrappers, 'lioctl'),
    `#!/bin/sh\ncase "$1" in --complete) exec '${installed.prefix}/bin/lioctl' "$@";; esac\nexec '${installed.prefix}/bin/lioctl' ${simOptions().join(' ')} "$@"\n`,
    { mode: 0o755 },
  );
  env = {
    PATH: `${wrappers}:${installed.prefix}/bin:${process.env.PATH ?? ''}`,
    HOME: home,
    TERM: 'xterm',
    NO_COLOR: '1',
    MANPAGER: 'cat',
    PAGER: 'cat',
    // `npm root -g` in the README's lines names the temporary prefix.
    npm_config_prefix: installed.prefix,
    npm_config_update_notifier: 'false',
  };
}, 180_000);

describe('the package (npm pack, then npm install -g of the tarball)', () => {
  it('contains what package.json promises, and nothing else', () => {
    const files = execFileSync('tar', ['-tzf', installed.tarball], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    const promised = [pkgJson.main, pkgJson.types, ...pkgJson.man, ...Object.values(pkgJson.bin)].map((p) => p.replace(/^\.\//, ''));
    for (const file of [...promised, 'fixtures/kernel/6.1/trees.json', 'fixtures/kernel/6.12/trees.json', 'systemd/lioctl.service', 'dist/completion/lioctl.bash', 'dist/completion/_lioctl', 'dist/lioctl.cjs.cache']) {
      expect(files).toContain(file);
    }
    const allowed = (f: string): boolean => f === 'package.json' || pkgJson.files.some((entry) => f === entry || f.startsWith(`${entry}/`));
    expect(files.filter((f) => !allowed(f))).toEqual([]);
    expect(files.filter((f) => /^(src|test|bench|scripts|docs)\//.test(f) || f.startsWith('fixtures/config'))).toEqual([]);
  });

  it('needs nothing from the registry: no run-time dependencies', () => {
    const installedJson = JSON.parse(readFileSync(join(installed.packageDir, 'package.json'), 'utf8')) as { dependencies?: object };
    expect(installedJson.dependencies ?? {}).toEqual({});
  });

  it('runs from any directory, finds the simulator fixtures, and starts with its code cache', () => {
    const bin = join(installed.prefix, 'bin', 'lioctl');
    const version = spawnSync(bin, ['--version'], { cwd: '/', encoding: 'utf8', env });
    expect(version.stdout).toBe(`${pkgJson.version}\n`);
    const box = join(installed.dir, 'anywhere');
    mkdirSync(box);
    const created = spawnSync(bin, ['--sim-state', join(box, 'sim.json'), '/backstores/ramdisk', 'create', 'r1', '1M'], { cwd: '/', encoding: 'utf8', env });
    expect({ status: created.status, stderr: created.stderr }).toEqual({ status: 0, stderr: '' });
    // bin/lioctl wraps the bundle this way; a cache V8 rejects would cost every command a compile.
    const file = join(installed.packageDir, 'dist', 'lioctl.cjs');
    const source = `(function (exports, require, module, __filename, __dirname, __lioctlImport) {${readFileSync(file, 'utf8')}\n})`;
    const script = new Script(source, { filename: file, cachedData: readFileSync(`${file}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('gives TypeScript users its types', () => {
    const consumer = join(installed.dir, 'ts-consumer');
    mkdirSync(join(consumer, 'node_modules'), { recursive: true });
    symlinkSync(installed.packageDir, join(consumer, 'node_modules', 'lioctl'));
    writeFileSync(join(consumer, 'package.json'), '{"type":"module"}\n');
    const options = ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--typeRoots', join(process.cwd(), 'node_modules', '@types')];
    const tsc = (code: string) => {
      writeFileSync(join(consumer, 'use.ts'), code);
      return spawnSync(process.execPath, [join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc'), ...options, 'use.ts'], { cwd: consumer, encoding: 'utf8' });
    };
    const good = tsc("import { LioRoot, SimConfigFs, type SaveConfig, dumpConfig } from 'lioctl';\nconst lio = new LioRoot(new SimConfigFs());\nconst doc: SaveConfig = dumpConfig(lio);\nexport const count: number = lio.targets().length + doc.targets.length;\n");
    expect(good.stdout + good.stderr).toBe('');
    expect(good.status).toBe(0);
    // Real types, not `any`: a wrong use is an error.
    const bad = tsc("import { LioRoot, SimConfigFs } from 'lioctl';\nexport const wrong: string = new LioRoot(new SimConfigFs()).targets().length;\n");
    expect(bad.stdout).toContain('TS2322');
  }, 180_000);

  it("runs docs/library.md's example as written, and prints what the page shows", () => {
    const consumer = join(installed.dir, 'js-consumer');
    mkdirSync(join(consumer, 'node_modules'), { recursive: true });
    symlinkSync(installed.packageDir, join(consumer, 'node_modules', 'lioctl'));
    writeFileSync(join(consumer, 'example.mjs'), firstJsBlock('docs/library.md'));
    const run = spawnSync(process.execPath, ['example.mjs'], { cwd: consumer, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(blockAfterJs('docs/library.md'));
  });
});

/** How a README line is run, or why it is not. */
type Plan =
  | { readonly kind: 'shell'; readonly command: string }
  | { readonly kind: 'terminal'; readonly command: string; readonly leave: string; readonly shows: RegExp }
  | { readonly kind: 'skip'; readonly reason: string };

/** Host paths the README writes to, redirected into the test's directory. */
function onTestPaths(line: string): string {
  return line.replace(/(^|\s)\/srv\//g, `$1${installed.dir}/srv/`).replace(/(^|\s)\/root\//g, `$1${installed.dir}/root/`);
}

function plan(part: string): Plan {
  const line = onTestPaths(withoutSudo(part));
  if (/^npm ci\b/.test(line)) return { kind: 'skip', reason: "installs the checkout's dependencies: .ci/run runs it on a clean machine before npm test" };
  if (line === 'npm test') return { kind: 'skip', reason: 'this test runs inside it' };
  if (/^npm pack\b/.test(line)) return { kind: 'skip', reason: 'done before these lines by packAndInstall (npm pack --ignore-scripts: npm test built dist/ already)' };
  if (/^npm install -g\b/.test(line)) return { kind: 'skip', reason: 'done before these lines by packAndInstall, into a temporary --prefix instead of /usr' };
  const link = /^ln -s ("[^"]*"|\S+) \/usr\/local\/sbin\/targetcli$/.exec(line);
  // The drop-in link goes into the test's directory, and answers under targetcli's name.
  if (link) return { kind: 'shell', command: `ln -sf ${link[1] ?? ''} ${installed.dir}/targetcli && ${installed.dir}/targetcli --sim version` };
  const unit = /^systemctl enable ("[^"]*"|\S+)$/.exec(line);
  // A root-only systemd step: the test checks that the unit is where the line says.
  if (unit) return { kind: 'shell', command: `test -f ${unit[1] ?? ''}` };
  if (/^(\.\/bin\/)?lioctl( --sim)?\s*(#.*)?$/.test(line)) {
    return { kind: 'terminal', command: line.replace(/#.*/, ''), leave: 'exit', shows: /lioctl shell version/ };
  }
  if (/^lioctl top\s*(#.*)?$/.test(line)) return { kind: 'terminal', command: 'lioctl top', leave: 'q', shows: /LUN|IOPS|initiator/i };
  // Only programs known to stay inside the test's directories run; a new kind of line needs a rule here.
  const programs = line
    .replace(/#.*/, '')
    .split(/\||&&|;/)
    .map((segment) => segment.trim().split(/\s+/)[0] ?? '');
  const unknown = programs.filter((p) => !SAFE_PROGRAMS.has(p));
  if (unknown.length > 0) throw new Error(`no rule to run '${part}' safely (${unknown.join(', ')}): add one to installed.test.ts`);
  return { kind: 'shell', command: line };
}

/** What README lines may run here: lioctl on the simulator, and programs that only read or print. */
const SAFE_PROGRAMS = new Set(['lioctl', 'man', 'echo', 'printf', 'head', 'test']);

function runInTerminal(command: string, leave: string, shows: RegExp, cwd: string): Promise<string> {
  const pane = TmuxPane.start(`bash -c 'cd ${cwd} && ${command}'`, Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v ?? ''])));
  const done = (async () => {
    await pane.waitFor(shows, 20_000);
    pane.type(leave);
    if (leave !== 'q') pane.keys('Enter');
    return pane.waitFor(/\[exit \d+\]/, 20_000);
  })();
  return done.finally(() => pane.kill());
}

describe("the README's command lines, as written, against the installed package (simulator)", () => {
  const commands: DocCommand[] = shellCommands('README.md');
  const parts = commands.flatMap((c) => c.line.split(/\s+&&\s+/).map((part) => ({ ...c, part })));

  it('has the fresh-machine commands and the sections a user reads, in order', () => {
    expect(commands.map((c) => c.line)).toEqual(expect.arrayContaining(['npm ci && ./bin/lioctl', 'npm test']));
    const headings = readFileSync('README.md', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('## '))
      .map((l) => l.slice(3));
    const order = ['Install', 'First target in five commands', 'The shell', 'Scripting and --json', 'Saving and restoring', "Using it in targetcli's place", 'The live view', 'Exit codes', 'Files'];
    expect(headings.filter((h) => order.includes(h))).toEqual(order);
  });

  it('names the tarball npm pack makes', () => {
    const install = commands.find((c) => c.line.includes('npm install -g'));
    expect(install?.line).toContain(installed.tarball.split('/').pop());
  });

  it("lists lioctl's exit codes", () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const [code, meaning] of Object.entries(EXIT_CODE_MEANINGS)) expect(readme).toContain(`| ${code} | ${meaning} |`);
  });

  for (const { section, part } of parts) {
    it(`${section}: ${part}`, async (ctx) => {
      const step = plan(part);
      if (step.kind === 'skip') return ctx.skip(step.reason);
      // ./bin/lioctl is the checkout's; everything else runs where a user would be.
      const cwd = step.command.startsWith('./bin/') ? process.cwd() : join(home, 'work');
      if (step.kind === 'terminal') {
        if (!TmuxPane.available()) return ctx.skip('needs tmux (.ci/run installs it)');
        const screen = await runInTerminal(step.command, step.leave, step.shows, cwd);
        expect(screen).toMatch(/\[exit 0\]/);
        return;
      }
      const r = spawnSync('bash', ['-c', `set -o pipefail; ${step.command}`], { cwd, env, encoding: 'utf8', timeout: 60_000 });
      expect({ status: r.status, stderr: r.stderr.replace(/^Warning: .*\n/gm, '') }, `${step.command}\n${r.stdout}`).toEqual({ status: 0, stderr: '' });
    }, 60_000);
  }

  it('left the first target in place until clearconfig, and saved it to the simulator\'s file', () => {
    const saved = readFileSync(join(home, '.lioctl', 'sim-saveconfig.json'), 'utf8');
    expect(saved).toContain('iqn.2003-01.org.example:target1');
    expect(saved).toContain('iqn.1994-05.com.example:host1');
    expect(existsSync(join(installed.dir, 'root', 'target.json'))).toBe(true);
  });
});

// The README's ~/.bashrc line, in an interactive bash: Tab runs the installed lioctl --complete.
const withTmux = TmuxPane.available() && !existsSync('/sys/kernel/config/target') ? describe : describe.skip;

withTmux('bash completion, set up as the README says', () => {
  let pane: TmuxPane | undefined;
  afterAll(() => pane?.kill());

  async function completes(typed: string, expected: RegExp): Promise<void> {
    pane ??= TmuxPane.start(`bash -c 'cd ${home} && exec bash -i'`, Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v ?? ''])));
    pane.keys('C-u');
    pane.type(typed);
    pane.keys('Tab');
    pane.keys('Tab');
    await pane.waitFor(expected, 15_000);
  }
  const COMPLETION_TIMEOUT = 30_000;

  it('completes a path of the live tree: lioctl /iscsi/<Tab>', async () => {
    // A target the shell can see, made with the same lioctl on the same simulator state.
    const r = spawnSync('lioctl', ['/iscsi', 'create', 'iqn.2003-01.org.example:completed'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    await completes('lioctl /iscsi/', /lioctl \/iscsi\/iqn\.2003-01\.org\.example:completed\/$/m);
  }, COMPLETION_TIMEOUT);

  it("completes a command's parameters: lioctl /backstores/fileio create <Tab>", async () => {
    await completes('lioctl /backstores/fileio create ', /file_or_dev=[\s\S]*write_back=/);
  }, COMPLETION_TIMEOUT);

  it('completes preferences and their values: lioctl set global <Tab>', async () => {
    await completes('lioctl set global auto_cd', /lioctl set global auto_cd_after_create=$/m);
    pane?.type('t');
    pane?.keys('Tab');
    await pane?.waitFor(/lioctl set global auto_cd_after_create=true$/m, 15_000);
  }, COMPLETION_TIMEOUT);
});

// The README's zsh line (fpath, then compinit) in zsh without any rc file.
const withZsh = TmuxPane.available() && spawnSync('zsh', ['--version']).status === 0 && !existsSync('/sys/kernel/config/target') ? describe : describe.skip;

withZsh('zsh completion, set up as the README says', () => {
  let pane: TmuxPane | undefined;
  afterAll(() => pane?.kill());

  it('completes paths, parameters and preference values', async () => {
    const fpathLine = /`(fpath\+=\([^`]*\))`/.exec(readFileSync('README.md', 'utf8'))?.[1];
    expect(fpathLine).toBeDefined();
    pane = TmuxPane.start(`bash -c 'cd ${home} && exec zsh -f'`, Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v ?? ''])));
    pane.type(`${fpathLine ?? ''}; autoload -Uz compinit; compinit -u`);
    pane.keys('Enter');
    const r = spawnSync('lioctl', ['/iscsi', 'create', 'iqn.2003-01.org.example:zsh'], { env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const completes = async (typed: string, expected: RegExp): Promise<void> => {
      pane?.keys('C-u');
      pane?.type(typed);
      pane?.keys('Tab');
      await pane?.waitFor(expected, 15_000);
    };
    await completes('lioctl /iscsi/iqn.2003-01.org.example:z', /lioctl \/iscsi\/iqn\.2003-01\.org\.example:zsh\/$/m);
    await completes('lioctl /backstores/fileio create ', /file_or_dev=[\s\S]*write_back=/);
    await completes('lioctl set global auto_cd_after_create=t', /lioctl set global auto_cd_after_create=true$/m);
  }, 60_000);
});
