import type { BoundCommand } from '../commands/bind.js';
import type { CommandDeclaration } from '../commands/declaration.js';
import type { ParamType } from '../commands/param-types.js';
import type { LsSummary } from '../render/ls-tree.js';
import type { CommandContext } from '../session/command-context.js';
import type { CommandOutcome } from '../session/command-outcome.js';
import type { ValueCompleter } from '../completion/complete.js';

/**
 * One node of targetcli's tree (`/`, `/backstores/fileio`, `/iscsi/<iqn>/tpg1/luns`, ...).
 * Nodes are built on demand from the live configuration, never cached between lines,
 * so the tree can never be stale (targetcli-fb#161/#170).
 */
export interface UiNode {
  readonly name: string;
  /** Absolute shell path, "/" for the root. */
  readonly path: string;
  summary(): LsSummary;
  children(): readonly UiNode[];
  /** A direct lookup that avoids building every sibling; defaults to a scan of children(). */
  child?(name: string): UiNode | undefined;
  /** Commands specific to this node; the built-ins (ls, cd, ...) are added by the shell. */
  commands(): readonly NodeCommand[];
  /** Groups for `get` / `set`. */
  configGroups(): readonly ConfigGroup[];
}

export interface NodeCommand<C extends CommandDeclaration = CommandDeclaration> {
  readonly declaration: C;
  /** Changes the configuration: refused up front when not root on a real kernel. */
  readonly mutates: boolean;
  run(ctx: CommandContext, bound: BoundCommand<C>): CommandOutcome | void;
  /** Tab-completion values for parameters, by parameter name (existing names, WWNs...). */
  readonly completers?: Readonly<Record<string, ValueCompleter>>;
}

/** Declares a command with its handler; keeps the declaration's literal types for the handler. */
export function nodeCommand<const C extends CommandDeclaration>(
  declaration: C,
  mutates: boolean,
  run: (ctx: CommandContext, bound: BoundCommand<C>) => CommandOutcome | void,
  completers?: Readonly<Record<string, ValueCompleter>>,
): NodeCommand {
  // The handler is typed against C; the session binds exactly C's declaration before calling it.
  return { declaration, mutates, run: run as NodeCommand['run'], ...(completers ? { completers } : {}) };
}

export interface ConfigParam {
  readonly name: string;
  readonly type: ParamType;
  readonly writable: boolean;
  readonly readable: boolean;
  /** CHAP passwords: shown by `get` only, never in listings or logs. */
  readonly secret?: boolean;
  readonly description?: string;
  /** Older spellings still accepted, with a note naming this one (e.g. `userid_mutual`). */
  readonly aliases?: readonly string[];
  get(): string;
  /** Writes and returns the value as read back. */
  set(value: string): string;
  /** A caution about an accepted value (a short CHAP secret), shown after setting it. */
  warning?(value: string): string | undefined;
}

export interface ConfigGroup {
  readonly name: string;
  /** Whether `set` in this group changes the live configuration (global preferences do not). */
  readonly mutates: boolean;
  params(): readonly ConfigParam[];
}
