import { NotFoundError } from '../../errors/index.js';
import type { CommandDeclaration, ParamDeclaration } from './declaration.js';
import { typeSyntax } from './param-types.js';
import { suggest } from './suggest.js';

const INTRO = `GENERALITIES
============
This shell configures the Linux LIO SCSI target. Its objects form a tree, like
directories: the prompt shows where you are (possibly shortened), 'pwd' prints
the full path, 'cd' moves around and 'ls' draws the tree below a path.

COMMAND SYNTAX
==============
[TARGET_PATH] COMMAND_NAME [OPTIONS]

TARGET_PATH runs the command somewhere else without moving there: an absolute
path (/iscsi), a relative one (tpg1/luns), '.', '..', '-' (the previous path) or
a bookmark (@name). A path alone changes to it; a path ending in '*' runs the
command on each child.

OPTIONS are values in the order shown by 'help COMMAND', or name=value pairs in
any order. Quote values that contain spaces or special characters: 'single
quotes' keep everything literally, "double quotes" allow \\" and \\\\ escapes.
A word starting with # begins a comment.`;

/** `help` with no topic: the introduction, then one syntax line per command, sorted by name. */
export function renderHelpIndex(commands: readonly CommandDeclaration[]): string {
  const lines = sortedByName(commands).map((c) => `  - ${commandSyntax(c)}`);
  return [
    INTRO,
    '',
    ...heading('AVAILABLE COMMANDS'),
    'The following commands are available in the current path:',
    '',
    ...lines,
  ].join('\n');
}

/** `help <topic>`: SYNTAX, DEFAULT VALUES (when any), DESCRIPTION and PARAMETERS. */
export function renderCommandHelp(commands: readonly CommandDeclaration[], topic: string): string {
  const command = commands.find((c) => c.name === topic);
  if (command === undefined) {
    const guess = suggest(
      topic,
      commands.map((c) => c.name),
    );
    throw new NotFoundError(
      `Cannot find help topic ${topic}.`,
      guess === undefined ? undefined : { hint: `Did you mean '${guess}'?` },
    );
  }

  const sections: string[][] = [[...heading('SYNTAX'), commandSyntax(command)]];
  const defaults = defaultValues(command.params);
  if (defaults !== '') sections.push([...heading('DEFAULT VALUES'), defaults]);
  const description =
    command.description === undefined ? [command.summary] : [command.summary, '', command.description];
  sections.push([...heading('DESCRIPTION'), ...description]);
  const params = parameterBlocks(command);
  if (params.length > 0) sections.push([...heading('PARAMETERS'), ...params]);
  return sections.map((s) => s.join('\n')).join('\n\n');
}

/**
 * configshell's syntax line: required names, `[optional]` names, `[rest...]` for extra
 * positionals and `[rest=value...]` for extra keywords.
 */
export function commandSyntax(command: CommandDeclaration): string {
  const words = [command.name];
  for (const param of command.params) words.push(param.required === true ? param.name : `[${param.name}]`);
  if (command.variadicPositionals !== undefined) words.push(`[${command.variadicPositionals.name}...]`);
  if (command.variadicKeywords !== undefined) words.push(`[${command.variadicKeywords.name}=value...]`);
  return words.join(' ');
}

/** `name=value` for each parameter with a default, space separated, as configshell prints them. */
export function defaultValues(params: readonly ParamDeclaration[]): string {
  return params
    .map((p) => {
      if (p.defaultText !== undefined) return `${p.name}=${p.defaultText}`;
      return p.default === undefined ? undefined : `${p.name}=${String(p.default)}`;
    })
    .filter((entry) => entry !== undefined)
    .join(' ');
}

function parameterBlocks(command: CommandDeclaration): string[] {
  const blocks: string[][] = command.params.map((param) => {
    const title = `${param.name}=${typeSyntax(param.type)}`;
    const block = [title, '-'.repeat(title.length), param.help];
    const aliases = (param.aliases ?? []).map((a) => `${a.name}=`);
    if (aliases.length > 0) block.push(`Also accepted (old spelling): ${aliases.join(', ')}`);
    return block;
  });
  for (const variadic of [command.variadicPositionals, command.variadicKeywords]) {
    if (variadic?.help === undefined) continue;
    const title = variadic === command.variadicKeywords ? `${variadic.name}=value...` : `${variadic.name}...`;
    blocks.push([title, '-'.repeat(title.length), variadic.help]);
  }
  return blocks.flatMap((block, i) => (i === 0 ? block : ['', ...block]));
}

function heading(title: string): string[] {
  return [title, '='.repeat(title.length)];
}

function sortedByName(commands: readonly CommandDeclaration[]): CommandDeclaration[] {
  return [...commands].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
