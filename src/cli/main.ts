import { version } from './version.js';

process.stdout.write(`lioctl ${version}\n`);
