import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors/index.js';
import { version } from '../shell/version.js';
import type { GlobalOptions, ParsedArgs } from './global-options.js';
import { stderr, stdout } from './std-output.js';

function program(): Command {
  return new Command('lioctl')
    .description(
      // Lines under 80 columns: commander wraps longer ones at the terminal's width.
      'Configuration shell for the Linux LIO SCSI target (targetcli-compatible).\n\n' +
        'With no words, starts the interactive shell. With words, runs them as one\n' +
        'shell line and exits, e.g.\n' +
        '  lioctl /backstores/fileio create disk1 /srv/disk1.img 1G\n' +
        'Lines on standard input (not a terminal) run one by one, stopping at the\n' +
        'first error. lioctl top [path] shows live IO per LUN and initiator (see\n' +
        'lioctl top --help).',
    )
    .usage('[options] [path] [command] [arguments...]')
    .version(version, '-v, --version', 'print the version and exit')
    .helpOption('-h, --help', 'print this help and exit')
    .option('--json', 'print results of read commands as JSON (no colour, no prose)', false)
    // No optional argument: `--sim ls` must run ls, not keep the state in a file named ls.
    .option('--sim', 'use the configfs simulator (state kept in ~/.lioctl/sim-state.json)')
    .option('--sim-state <file>', 'use the simulator with its state kept in FILE (also --sim=FILE)')
    .option('--root <dir>', 'use another configfs root instead of /sys/kernel/config/target')
    .option('--dry-run', 'the same as dry_run=true: restoreconfig, apply and restore list the operations and change nothing')
    .argument('[words...]', 'a shell line: [path] [command] [positional...] [key=value...]')
    .enablePositionalOptions()
    .passThroughOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => stdout.write(s),
      writeErr: (s) => stderr.write(s),
      // Errors are reported once, by the top-level handler.
      outputError: () => undefined,
    });
}

/** Options that take the next word as their value. */
const WITH_VALUE = new Set(['--root', '--sim-state']);

/** `--sim=FILE` among the leading options is `--sim-state FILE`; the equals sign keeps FILE from being a command. */
function expandSimEquals(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (!word.startsWith('-') || word === '--') return [...out, ...argv.slice(i)];
    if (word.startsWith('--sim=')) out.push('--sim-state', word.slice('--sim='.length));
    else out.push(word);
    if (WITH_VALUE.has(word) && i + 1 < argv.length) out.push(argv[++i] ?? '');
  }
  return out;
}

interface CommanderOptions {
  readonly json: boolean;
  readonly sim?: boolean;
  readonly simState?: string;
  readonly root?: string;
  readonly dryRun?: boolean;
}

function globalOptions(o: CommanderOptions): GlobalOptions {
  const sim = o.simState ?? o.sim;
  return {
    json: o.json,
    ...(sim === undefined ? {} : { sim }),
    ...(o.root === undefined ? {} : { root: o.root }),
    ...(o.dryRun === undefined ? {} : { dryRun: o.dryRun }),
  };
}

/** Parses options with commander; undefined when it printed help or the version. */
export function parseOptions(argv: readonly string[]): ParsedArgs | undefined {
  const cmd = program();
  let words: string[] = [];
  cmd.action((w: string[]) => {
    words = w;
  });
  try {
    cmd.parse(expandSimEquals(argv), { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.version' || err.code === 'commander.helpDisplayed' || err.code === 'commander.help') return undefined;
      throw new UsageError(err.message.replace(/^error: /, ''), { hint: 'see lioctl --help' });
    }
    throw err;
  }
  return { words, options: globalOptions(cmd.opts<CommanderOptions>()) };
}
