// The process entry: `--version` is answered before anything else is loaded, because
// start-up time is what scripts calling lioctl in a loop pay for.
import { version } from '../shell/version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${version}\n`);
} else {
  await import('./main.js');
}
