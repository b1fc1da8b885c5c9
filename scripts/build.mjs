// Builds dist/:
//   lioctl.cjs        the CLI, one CommonJS file (loaded by bin/lioctl with V8's code cache)
//   lioctl.cjs.cache  that code cache, made by running the CLI once here
//   live-view.mjs     `lioctl top`'s ink/React view, ESM (yoga-layout uses top-level await)
//   index.mjs         the library
//   lane-worker-program.cjs  the configfs worker thread's program, started from its file
//   tcmu-dbus.cjs     the D-Bus query for user:<handler> backstores (dbus-next bundled),
//                     run as its own process only by commands that need tcmu-runner
//   memfs.cjs         memfs, which the simulator requires when it is first opened
//   types/            the library's declarations (tsc, tsconfig.types.json)
//   man/lioctl.8      the man page, and completion/ the bash and zsh completion scripts,
//                     written from the command declarations (src/cli/reference/)
// Why one CommonJS file: under an emulated CPU (the kernel test VM) most of a short
// command's time is V8 compiling JavaScript. Node 20 caches compiled code only for
// scripts (vm.Script cachedData), not for ES modules, so the CLI is one script whose
// compiled form is cached at build time; a node whose V8 rejects the cache compiles as usual.
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// `--no-minify` keeps names readable in --cpu-prof profiles.
const minify = !process.argv.includes('--no-minify');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify,
  // No keepNames: it wraps every function expression in a naming call, which a restore
  // pays for thousands of times; error classes name themselves instead.
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"', LIOCTL_VERSION: JSON.stringify(pkg.version) },
  jsx: 'automatic',
  // ink imports React DevTools only when DEV=true; it is not a dependency.
  external: ['react-devtools-core'],
};

// Bundled CommonJS dependencies call require(); give ESM output a real one.
const esmBanner = { js: "import { createRequire as __lioctlCreateRequire } from 'node:module'; const require = __lioctlCreateRequire(import.meta.url);" };

/** The live view is its own ES module; the CLI imports it at run time, never bundles it. */
const liveViewExternal = {
  name: 'live-view-external',
  setup(b) {
    b.onResolve({ filter: /\/live-view\.js$/ }, () => ({ path: './live-view.mjs', external: true }));
  },
};

/**
 * chalk works out colour support for its default instance when imported, loading node:tty
 * and node:os (about 45 ms of a command's start under emulation). lioctl only makes
 * instances with the level it decided itself (src/cli/console-output.ts), so the CLI gets
 * chalk's browser variant of that check, which loads nothing. The live view keeps the
 * real one: ink relies on it.
 */
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => ({ path: join(args.resolveDir, 'vendor', 'supports-color', 'browser.js') }));
  },
};

/**
 * The simulator's memfs and the kernel trees it starts from (one set per captured kernel)
 * are half the CLI's source, yet
 * only `--sim` (or a host without LIO) uses them. Bundled, every command would read them
 * and their compiled code from the cache at start-up; outside, the simulator requires them
 * from the package when it is first opened (it is imported on demand).
 */
const simulatorOutside = {
  name: 'simulator-outside',
  setup(b) {
    b.onResolve({ filter: /^memfs$/ }, () => ({ path: './memfs.cjs', external: true }));
    // One tree set per kernel series (fixtures/kernel/6.1/trees.json, ...).
    b.onResolve({ filter: /\/fixtures\/kernel\/[^/]+\/trees\.json$/ }, (args) => ({
      path: `../fixtures/kernel/${args.path.split('/').slice(-2).join('/')}`,
      external: true,
    }));
  },
};

/**
 * commander requires node:child_process when loaded, for subcommands that are programs of
 * their own, which lioctl has none of; child_process brings node:net, node:stream and
 * node:dgram with it (about 5% of a one-shot `ls /`, in a --cpu-prof on the host). The
 * CLI's commander gets a child_process that is required only if spawn is ever called.
 */
const commanderWithoutChildProcess = {
  name: 'commander-without-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(eager)) throw new Error(`${args.path} no longer requires child_process as the build expects`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

/** The library's .d.ts files: tsc runs beside esbuild, being the slower of the two. */
function declarations() {
  const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
  return new Promise((done, fail) =>
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`tsc -p tsconfig.types.json exited ${code}`)))),
  );
}

/** The man page and completion scripts, by a bundled run of src/cli/reference/write-reference.ts. */
async function reference() {
  const dir = mkdtempSync(join(tmpdir(), 'lioctl-reference-'));
  try {
    const program = join(dir, 'write-reference.mjs');
    await build({ ...common, minify: false, entryPoints: ['src/cli/reference/write-reference.ts'], outfile: program, format: 'esm', banner: esmBanner });
    const run = spawnSync(process.execPath, [program, 'dist'], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`writing the man page and completion scripts exited ${run.status}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  declarations(),
  reference(),
  build({
    ...common,
    entryPoints: { lioctl: 'src/cli/entry.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    plugins: [liveViewExternal, chalkWithoutDetection, simulatorOutside, commanderWithoutChildProcess],
    // __lioctlImport: bin/lioctl's import(), a parameter of the function it wraps the bundle in.
    define: { ...common.define, 'import.meta.url': '__lioctlUrl', LIOCTL_HOST_IMPORT: '__lioctlImport' },
    banner: { js: 'const __lioctlUrl = require("node:url").pathToFileURL(__filename).href;' },
  }),
  // Everything else is bundled, so the package has no run-time dependencies: a global
  // install from the tarball needs no registry.
  build({ ...common, entryPoints: { memfs: 'memfs' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, format: 'cjs' }),
  // dbus-next's optional native socket and X11 address lookup: lioctl uses neither.
  build({ ...common, entryPoints: { 'tcmu-dbus': 'src/tcmu/dbus-program.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' }, format: 'cjs', external: [...common.external, 'usocket', 'x11'] }),
  build({
    ...common,
    entryPoints: { 'live-view': 'src/cli/top/live-view.tsx' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // ink's React DevTools hook stays a chunk of its own, loaded only with DEV=true.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: esmBanner,
  }),
  build({
    ...common,
    entryPoints: { index: 'src/index.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    banner: esmBanner,
  }),
]);
copyFileSync('src/configfs/lane-worker-program.cjs', 'dist/lane-worker-program.cjs');

// The code cache: what typical commands compile. V8 writes into the cache every function
// compiled so far, those read from an earlier cache included, so two runs add up: first a
// restore, a LUN create and a clear on the simulator (the kernel tree cannot be faked in a
// plain directory), then read commands over an empty configfs-like directory, which also
// compiles the real-configfs port. Without this a restore compiles its code in the VM.
const scratch = mkdtempSync(join(tmpdir(), 'lioctl-build-'));
const warmUp = (args, input) => {
  const run = spawnSync(process.execPath, ['bin/lioctl', ...args], {
    input,
    env: { ...process.env, LIOCTL_HOME: scratch, LIOCTL_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`building the code cache: bin/lioctl ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
};
try {
  const lun = '/iscsi/iqn.2003-01.org.example.bench:target0000/tpg1/luns';
  warmUp(
    ['--sim-state', join(scratch, 'sim.json')],
    [
      'restoreconfig savefile=scripts/code-cache-warmup.json',
      '/backstores/ramdisk create warm 1M',
      `${lun} create /backstores/ramdisk/warm`,
      `${lun} delete 1`,
      'clearconfig confirm=true',
      '',
    ].join('\n'),
  );
  // A Tab in bash or zsh runs `lioctl --complete`: its engine compiled too.
  warmUp(['--complete', `lioctl --sim-state ${join(scratch, 'sim.json')} /iscsi create `]);
  mkdirSync(join(scratch, 'target', 'core', 'alua'), { recursive: true });
  warmUp(['--root', join(scratch, 'target')], `ls\nls /iscsi 1\nhelp\nstatus\nsaveconfig ${join(scratch, 'saved.json')}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
