import { EXIT_CODE_MEANINGS } from '../../errors/index.js';
import type { CommandDeclaration } from '../../shell/commands/declaration.js';
import { commandSyntax, defaultValues } from '../../shell/commands/help.js';
import { typeSyntax } from '../../shell/commands/param-types.js';
import type { CommandCatalog } from '../../shell/reference/command-catalog.js';
import { GLOBAL_OPTIONS } from '../global-options.js';
import { topCommand } from '../top/top-options.js';
import { bold, italic, roffText, tagged, verbatim } from './roff.js';

/** What the page says besides the declarations: the environment and files lioctl reads. */
const ENVIRONMENT: ReadonlyArray<readonly [string, string]> = [
  ['LIOCTL_HOME', 'directory of preferences, bookmarks and history (default ~/.lioctl)'],
  ['LIOCTL_LOCK', 'the lock file taken while a command changes the configuration (default /run/lock/lioctl.lock)'],
  ['LIOCTL_LOCK_TIMEOUT', 'seconds a change waits for another lioctl to release the lock (default 10)'],
  ['LIOCTL_DEBUG', 'set to 1 to print the stack of an internal error'],
  ['NO_COLOR', 'set to disable colour on a terminal'],
  ['UV_THREADPOOL_SIZE', 'how many configfs calls a large restore or clear keeps in the kernel at once (default 8)'],
];

const FILES: ReadonlyArray<readonly [string, string]> = [
  ['/sys/kernel/config/target', 'the LIO configfs tree lioctl reads and writes'],
  ['/etc/target/saveconfig.json', "the default saved configuration, targetcli-fb's format (Debian: /etc/rtslib-fb-target/saveconfig.json)"],
  ['/etc/target/backup/', 'earlier saved configurations, gzipped (preference max_backup_files)'],
  ['/run/lock/lioctl.lock', 'held while a command changes the configuration; names its holder'],
  ['~/.lioctl/', 'preferences, bookmarks and history (JSON), and the simulator state sim-state.json'],
  ['systemd/lioctl.service', 'in the package: restores the saved configuration at boot (lioctl restore)'],
];

const EXAMPLES: readonly string[] = [
  '# A file-backed disk exported over iSCSI to one initiator',
  'lioctl /backstores/fileio create disk1 /srv/disk1.img 1G',
  'lioctl /iscsi create iqn.2003-01.org.example:target1',
  'lioctl /iscsi/iqn.2003-01.org.example:target1/tpg1/luns create /backstores/fileio/disk1',
  'lioctl /iscsi/iqn.2003-01.org.example:target1/tpg1/acls create iqn.1994-05.com.example:host1',
  'lioctl saveconfig',
  '',
  '# Read the tree as JSON, compare with a file, make the live configuration match it',
  'lioctl --json ls /iscsi',
  'lioctl diff /root/target.json',
  'lioctl apply /root/target.json',
];

function commandBlock(command: CommandDeclaration): string[] {
  const lines = ['.TP', bold(commandSyntax(command)), roffText(command.summary)];
  if (command.description !== undefined) lines.push('.IP', roffText(command.description));
  const defaults = defaultValues(command.params);
  if (defaults !== '') lines.push('.IP', `Defaults: ${roffText(defaults)}`);
  for (const param of command.params) {
    lines.push('.RS', ...tagged(italic(`${param.name}=${typeSyntax(param.type)}`), param.help));
    const aliases = (param.aliases ?? []).map((a) => `${a.name}=`);
    if (aliases.length > 0) lines.push('.br', `Also accepted (old spelling): ${roffText(aliases.join(', '))}`);
    lines.push('.RE');
  }
  for (const variadic of [command.variadicPositionals, command.variadicKeywords]) {
    if (variadic?.help === undefined) continue;
    const title = variadic === command.variadicKeywords ? `${variadic.name}=value...` : `${variadic.name}...`;
    lines.push('.RS', ...tagged(italic(title), variadic.help), '.RE');
  }
  return lines;
}

const section = (title: string): string => `.SH ${title}`;

/** lioctl(8): every command of every node kind, the options, preferences and exit statuses. */
export function renderManPage(catalog: CommandCatalog, version: string): string {
  const lines: string[] = [
    `.TH LIOCTL 8 "" "lioctl ${version}" "System Administration"`,
    section('NAME'),
    'lioctl \\- configuration shell for the Linux LIO SCSI target (targetcli\\-compatible)',
    section('SYNOPSIS'),
    `${bold('lioctl')} [${italic('options')}] [${italic('path')}] [${italic('command')}] [${italic('positional')}...] [${italic('key')}=${italic('value')}...]`,
    '.br',
    `${bold('lioctl')} [${italic('options')}] < ${italic('script')}`,
    '.br',
    `${bold('lioctl top')} [${italic('path')}] [${bold('--once')}] [${bold('--interval')} ${italic('seconds')}]`,
    section('DESCRIPTION'),
    roffText(
      'lioctl configures the LIO SCSI target of the Linux kernel through configfs: backstores, ' +
        'iSCSI and other fabric targets, LUNs, ACLs and portals. It uses the tree, commands and ' +
        "saveconfig.json of targetcli-fb. With no words it starts an interactive shell with Tab " +
        'completion; with words it runs them as one shell line and exits; lines on standard input ' +
        '(not a terminal) run one by one and stop at the first error, whose exit status is returned.',
    ),
    '.PP',
    roffText(
      "A line is [path] command [positional...] [key=value...]. The path runs the command on that node " +
        "without moving there; a path alone changes to it. Values may be quoted ('single' or \"double\").",
    ),
    section('OPTIONS'),
    ...GLOBAL_OPTIONS.flatMap((o) => tagged(bold(o.flags), o.description)),
    ...tagged(bold('-v, --version'), 'print the version and exit'),
    ...tagged(bold('-h, --help'), 'print the options and exit'),
    section('LIVE VIEW'),
    `${bold('lioctl top')} ${roffText(topCommand().usage())}`,
    '.PP',
    roffText(topCommand().description()),
    ...topCommand().options.flatMap((o) => tagged(bold(o.flags), o.description)),
    section('THE TREE'),
    roffText('Nodes, with the names you choose in angle brackets, and the commands of each besides those every node has:'),
    ...verbatim(catalog.nodes.map((n) => `${n.pattern}  (${n.commands.map((c) => c.name).join(', ')})`)),
    roffText('Hardware fabrics (qla2xxx, srpt, tcm_fc, efct, ...) appear at the top when their ports exist, with the commands of /iscsi.'),
    section('COMMANDS ON EVERY NODE'),
    ...catalog.shared.flatMap(commandBlock),
  ];
  for (const node of catalog.nodes) {
    lines.push(`.SS ${roffText(node.pattern)}`, ...node.commands.flatMap(commandBlock));
  }
  lines.push(
    section('PREFERENCES'),
    roffText('Set with set global name=value, read with get global; kept in ~/.lioctl/prefs.json.'),
    ...catalog.preferences.flatMap((p) => tagged(bold(`${p.name}=${typeSyntax(p.type)}`), `${p.description} (default ${String(p.default)})`)),
    section('EXIT STATUS'),
    ...Object.entries(EXIT_CODE_MEANINGS).flatMap(([code, meaning]) => tagged(bold(code), meaning)),
    section('ENVIRONMENT'),
    ...ENVIRONMENT.flatMap(([name, text]) => tagged(bold(name), text)),
    section('FILES'),
    ...FILES.flatMap(([name, text]) => tagged(italic(name), text)),
    section('EXAMPLES'),
    ...verbatim(EXAMPLES),
    section('SEE ALSO'),
    roffText('targetcli(8), targetctl(8), iscsiadm(8)'),
  );
  return `${lines.join('\n')}\n`;
}
