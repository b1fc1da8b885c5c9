import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors/index.js';
import { version } from '../shell/version.js';
import { expandSimEquals, GLOBAL_OPTIONS, type GlobalOptions, type ParsedArgs } from './global-options.js';
import { stderr, stdout } from './std-output.js';

function program(): Command {
  const command = new Command('lioctl')
    .description(
      // Lines under 80 columns: commander wraps longer ones at the terminal's width.
      'Configuration shell for the Linux LIO SCSI target (targetcli-compatible).\n\n' +
        'With no words, starts the interactive shell. With words, runs them as one\n' +
        'shell line and exits, e.g.\n' +
        '  lioctl /backstores/fileio create disk1 /srv/disk1.img 1G\n' +
        'Lines on standard input (not a terminal) run one by one, stopping at the\n' +
        'first error (started as targetcli, through a link, they go on after a\n' +
        'failed line, as targetcli does). lioctl top [path] shows live IO per LUN\n' +
        'and initiator (see lioctl top --help).',
    )
    .usage('[options] [path] [command] [arguments...]')
    .version(version, '-v, --version', 'print the version and exit')
    .helpOption('-h, --help', 'print this help and exit')
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
  for (const option of GLOBAL_OPTIONS) command.option(option.flags, option.description, option.default);
  return command;
}

interface CommanderOptions {
  readonly json: boolean;
  readonly sim?: boolean;
  readonly simState?: string;
  readonly simKernel?: string;
  readonly root?: string;
  readonly dryRun?: boolean;
}

function globalOptions(o: CommanderOptions): GlobalOptions {
  const sim = o.simState ?? o.sim;
  return {
    json: o.json,
    ...(sim === undefined ? {} : { sim }),
    ...(o.simKernel === undefined ? {} : { simKernel: o.simKernel }),
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
