// Run by scripts/build.mjs (bundled): writes the man page and the shell completion scripts
// into dist/ from the command declarations, so they cannot drift from `help`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandCatalog } from '../../shell/reference/command-catalog.js';
import { version } from '../../shell/version.js';
import { bashCompletion, zshCompletion } from './completion-scripts.js';
import { renderManPage } from './man-page.js';

const dist = process.argv[2] ?? 'dist';
mkdirSync(join(dist, 'man'), { recursive: true });
mkdirSync(join(dist, 'completion'), { recursive: true });
writeFileSync(join(dist, 'man', 'lioctl.8'), renderManPage(commandCatalog(), version));
writeFileSync(join(dist, 'completion', 'lioctl.bash'), bashCompletion());
writeFileSync(join(dist, 'completion', '_lioctl'), zshCompletion());
