// Bundles the CLI and the library into dist/. One file per entry keeps start-up to a
// single module load; heavy optional parts (ink, memfs) are split into lazily imported chunks.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const banner = {
  // Bundled CommonJS dependencies call require(); give ESM output a real one.
  js: "import { createRequire as __lioctlCreateRequire } from 'node:module'; const require = __lioctlCreateRequire(import.meta.url);",
};

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: {
    lioctl: 'src/cli/entry.ts',
    index: 'src/index.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: false,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"', LIOCTL_VERSION: JSON.stringify(pkg.version) },
  jsx: 'automatic',
  // ink imports React DevTools only when DEV=true; it is not a dependency.
  external: ['react-devtools-core'],
});
