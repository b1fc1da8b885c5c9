import { readdirSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { fuzzysort } from '../../runtime/lazy-modules.js';
import { LioctlError } from '../../errors/index.js';
import type { ParamDeclaration } from '../commands/declaration.js';
import { isPathWord } from '../grammar/parse-line.js';
import { tokenize, type Token } from '../grammar/tokenize.js';
import type { ShellSession } from '../session/shell-session.js';
import type { NodeCommand, UiNode } from '../tree/ui-node.js';
import { globalGroup } from '../builtins/global-group.js';

export interface Completion {
  /** Replacements for the word being typed. */
  readonly candidates: readonly string[];
  /** The word being typed, as readline replaces it. */
  readonly word: string;
}

/** Values a node offers for one of its command's parameters (backstore names, WWNs...). */
export type ValueCompleter = (session: ShellSession, node: UiNode) => readonly string[];

/** Prefix matches first; when none, fuzzy matches so `crate` still finds `create`. */
export function filterCandidates(word: string, all: readonly string[]): string[] {
  const unique = [...new Set(all)];
  const prefixed = unique.filter((c) => c.startsWith(word));
  if (prefixed.length > 0 || word === '') return prefixed.sort();
  return fuzzysort().go(word, unique, { limit: 10, threshold: 0.2 }).map((r) => r.target);
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof LioctlError) return fallback; // an unknown path simply completes to nothing
    throw err;
  }
}

/** Children of the directory part of a typed path, as `dir/child/`. */
function completePath(session: ShellSession, word: string, base: UiNode): string[] {
  const slash = word.lastIndexOf('/');
  const dirText = slash < 0 ? '' : word.slice(0, slash + 1);
  const dir = dirText === '' ? base : safely(() => session.resolve(dirText, base.path), undefined);
  if (!dir) return [];
  const children = safely(() => dir.children().map((c) => `${dirText}${c.name}/`), []);
  const marks = word.startsWith('@') ? Object.keys(session.prefs.bookmarks()).map((b) => `@${b}`) : [];
  return [...children, ...marks];
}

function completeFile(word: string): string[] {
  const dir = word.endsWith('/') ? word : dirname(word);
  const prefix = word.endsWith('/') ? '' : basename(word);
  try {
    return readdirSync(dir === '' ? '.' : dir)
      .filter((n) => n.startsWith(prefix))
      .slice(0, 200)
      .map((n) => {
        const full = join(dir, n);
        return safeIsDir(full) ? `${full}/` : full;
      });
  } catch {
    return [];
  }
}

function safeIsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function valuesFor(session: ShellSession, node: UiNode, command: NodeCommand, param: ParamDeclaration, word: string): string[] {
  const type = param.type;
  if (type.kind === 'bool') return ['true', 'false'];
  if (type.kind === 'enum') return [...type.values];
  if (type.kind === 'path' || param.completer === 'path') return completePath(session, word, node);
  if (type.kind === 'file') return word === '' ? [] : completeFile(word);
  const custom = command.completers?.[param.name];
  if (custom) return [...custom(session, node)];
  if (param.completer === 'command') return session.commandsOf(node).map((c) => c.declaration.name);
  if (param.completer === 'bookmark') return Object.keys(session.prefs.bookmarks());
  if (param.completer === 'group') return [...node.configGroups().map((g) => g.name), 'global'];
  return [];
}

/** configshell's completion: path|command first, then positional values and `key=`. */
export function complete(session: ShellSession, line: string): Completion {
  const tokens = safely(() => tokenize(line, { partial: true }), [] as Token[]);
  const endsInSpace = line === '' || /\s$/.test(line);
  const word = endsInSpace ? '' : (tokens[tokens.length - 1]?.raw ?? '');
  const before = endsInSpace ? tokens : tokens.slice(0, -1);
  const cwdNode = safely(() => session.resolve('.'), undefined);
  if (!cwdNode) return { candidates: [], word };

  let index = 0;
  let node = cwdNode;
  const first = before[0];
  if (first !== undefined && isPathWord(first.value)) {
    const target = safely(() => session.resolve(first.value), undefined);
    if (!target) return { candidates: [], word };
    node = target;
    index = 1;
  }
  const commandToken = before[index];
  if (commandToken === undefined) {
    // Command position: commands here, or a path.
    if (index === 0 && (word.includes('/') || word.startsWith('@') || word.startsWith('.'))) {
      return { candidates: filterCandidates(word, completePath(session, word, node)), word };
    }
    const commands = session.commandsOf(node).map((c) => `${c.declaration.name} `);
    const paths = index === 0 ? node.children().map((c) => `${c.name}/`) : [];
    return { candidates: filterCandidates(word, [...commands, ...paths]), word };
  }
  const command = session.commandsOf(node).find((c) => c.declaration.name === commandToken.value);
  if (!command) return { candidates: [], word };
  const args = before.slice(index + 1);
  const decl = command.declaration;

  // set/get: group, then the group's parameter names (`name=` for set).
  if (decl.name === 'set' || decl.name === 'get') return completeGroupParams(session, node, decl.name, args, word);

  const givenKeys = new Set(args.filter((t) => t.assignment).map((t) => t.assignment?.key ?? ''));
  const eq = word.indexOf('=');
  if (eq > 0) {
    const key = word.slice(0, eq);
    const param = decl.params.find((p) => p.name === key);
    if (!param) return { candidates: [], word };
    const values = valuesFor(session, node, command, param, word.slice(eq + 1)).map((v) => `${key}=${v}`);
    return { candidates: filterCandidates(word, values), word };
  }
  const positionalCount = args.filter((t) => !t.assignment).length;
  const positional = givenKeys.size === 0 ? decl.params[positionalCount] : undefined;
  const keywords = decl.params.filter((p, i) => i >= positionalCount && !givenKeys.has(p.name)).map((p) => `${p.name}=`);
  const values = positional ? valuesFor(session, node, command, positional, word) : [];
  return { candidates: filterCandidates(word, [...values, ...keywords]), word };
}

function completeGroupParams(session: ShellSession, node: UiNode, command: 'set' | 'get', args: readonly Token[], word: string): Completion {
  const groups = [...node.configGroups(), globalGroup(session.prefs)];
  const groupToken = args[0];
  if (groupToken === undefined) return { candidates: filterCandidates(word, groups.map((g) => `${g.name} `)), word };
  const group = groups.find((g) => g.name === groupToken.value);
  if (!group) return { candidates: [], word };
  const params = safely(() => group.params(), []);
  const eq = word.indexOf('=');
  if (command === 'set' && eq > 0) {
    const param = params.find((p) => p.name === word.slice(0, eq));
    const type = param?.type;
    const values = type?.kind === 'bool' ? ['true', 'false'] : type?.kind === 'enum' ? [...type.values] : [];
    return { candidates: filterCandidates(word, values.map((v) => `${word.slice(0, eq)}=${v}`)), word };
  }
  const names = params.filter((p) => (command === 'set' ? p.writable : p.readable)).map((p) => (command === 'set' ? `${p.name}=` : `${p.name} `));
  return { candidates: filterCandidates(word, names), word };
}
