import { ReadCachingConfigFs, type ConfigFs } from '../../configfs/index.js';
import { EnvironmentError, UsageError, type LioctlError } from '../../errors/index.js';
import { bindCommand } from '../commands/bind.js';
import { suggest } from '../commands/suggest.js';
import { parseLine, type ParsedLine } from '../grammar/parse-line.js';
import { resolvePath } from '../paths/resolve-path.js';
import type { Preferences } from '../prefs/preferences.js';
import { builtinCommands } from '../builtins/index.js';
import { findNode } from '../tree/find-node.js';
import type { NodeCommand, UiNode } from '../tree/ui-node.js';
import type { CommandContext } from './command-context.js';
import type { CommandResult } from './command-outcome.js';

const PATH_ALIASES: ReadonlyArray<readonly [string, string]> = [['/backstores/iblock', '/backstores/block']];

/** Where a session's output goes; the CLI binds it to stdout/stderr. */
export interface ShellOutput {
  info(message: string): void;
  warn(message: string): void;
  result(result: CommandResult): void;
}

export interface ShellSessionOptions {
  readonly fs: ConfigFs;
  readonly prefs: Preferences;
  /** Builds the root node of the tree over the live configuration. */
  readonly root: (fs: ConfigFs) => UiNode;
  readonly output: ShellOutput;
  readonly json: boolean;
  readonly interactive: boolean;
  /** Refuse configuration changes up front (not root on a real kernel). */
  readonly readOnlyReason?: string;
  /** Runs a configuration change under the cross-process lock (the CLI provides it). */
  readonly exclusive?: <T>(fn: () => T) => T;
}

export interface LineOutcome {
  readonly exit: boolean;
}

/** One shell: the current path, the previous one, and how to run a line. */
export class ShellSession {
  cwd = '/';
  previous: string | undefined;

  /** The configfs view of the line being run: reads are remembered until its first change. */
  private lineFs: ReadCachingConfigFs | undefined;

  constructor(readonly options: ShellSessionOptions) {}

  private get fs(): ConfigFs {
    return this.lineFs ?? this.options.fs;
  }

  get prefs(): Preferences {
    return this.options.prefs;
  }

  root(): UiNode {
    return this.options.root(this.fs);
  }

  /** Resolves typed path text against the current path, bookmarks and `-`, to an existing node. */
  resolve(text: string, from: string = this.cwd): UiNode {
    const absolute = resolvePath(text, { cwd: from, ...(this.previous === undefined ? {} : { previous: this.previous }), bookmarks: this.prefs.bookmarks() });
    return findNode(this.root(), this.currentSpelling(absolute));
  }

  /** Old paths that widely read guides still use, accepted with a note naming the current one. */
  private currentSpelling(absolute: string): string {
    for (const [old, current] of PATH_ALIASES) {
      if (absolute === old || absolute.startsWith(`${old}/`)) {
        this.options.output.warn(`'${old}' is the old name of '${current}'; using ${current}.`);
        return current + absolute.slice(old.length);
      }
    }
    return absolute;
  }

  /** All commands valid on a node: its own, then the built-ins it does not override. */
  commandsOf(node: UiNode): NodeCommand[] {
    const own = node.commands();
    const names = new Set(own.map((c) => c.declaration.name));
    return [...own, ...builtinCommands(node).filter((c) => !names.has(c.declaration.name))];
  }

  /** Parses and runs one line; errors are thrown typed, for the caller to report. */
  execute(line: string): LineOutcome {
    this.lineFs = new ReadCachingConfigFs(this.options.fs);
    try {
      return this.executeLine(line);
    } finally {
      this.lineFs = undefined;
    }
  }

  private executeLine(line: string): LineOutcome {
    const parsed = parseLine(line);
    if (parsed.command === undefined) return { exit: false };
    const target = parsed.path === undefined ? this.resolve('.') : this.resolve(parsed.path.text);
    if (parsed.path?.iterate) {
      let exit = false;
      for (const child of target.children()) {
        this.options.output.info(`[${child.path}]`);
        exit = this.runOn(child, parsed).exit || exit;
      }
      return { exit };
    }
    return this.runOn(target, parsed);
  }

  private runOn(node: UiNode, parsed: ParsedLine): LineOutcome {
    const name = parsed.command?.name ?? 'cd';
    const commands = this.commandsOf(node);
    const command = commands.find((c) => c.declaration.name === name);
    if (!command) throw commandNotFound(name, commands);
    const bound = bindCommand(command.declaration, parsed);
    if (command.mutates && this.options.readOnlyReason !== undefined) {
      throw new EnvironmentError(this.options.readOnlyReason, { code: 'not-root' });
    }
    for (const note of bound.notes) this.options.output.warn(note);
    const run = (): ReturnType<NodeCommand['run']> => command.run(this.context(node), bound);
    const outcome = (command.mutates ? this.exclusive(run) : run()) ?? {};
    if (outcome.result) this.options.output.result(outcome.result);
    if (outcome.cd !== undefined) this.changeTo(outcome.cd);
    return { exit: outcome.exit === true };
  }

  changeTo(path: string): void {
    const node = this.resolve(path);
    if (node.path !== this.cwd) {
      this.previous = this.cwd;
      this.cwd = node.path;
    }
  }

  /** Under the lock, what was read before it is forgotten: another lioctl may have changed it. */
  private exclusive<T>(fn: () => T): T {
    const locked = (): T => {
      this.lineFs?.clear();
      return fn();
    };
    return this.options.exclusive ? this.options.exclusive(locked) : locked();
  }

  private context(node: UiNode): CommandContext {
    return {
      fs: this.fs,
      node,
      prefs: this.prefs,
      json: this.options.json,
      interactive: this.options.interactive,
      cwd: this.cwd,
      readOnlyReason: this.options.readOnlyReason,
      resolve: (path) => this.resolve(path, node.path),
      exclusive: <T>(fn: () => T): T => this.exclusive(fn),
      info: (m) => this.options.output.info(m),
      warn: (m) => this.options.output.warn(m),
    };
  }
}

function commandNotFound(name: string, commands: readonly NodeCommand[]): LioctlError {
  const guess = suggest(
    name,
    commands.map((c) => c.declaration.name),
  );
  return new UsageError(`Command not found ${name}`, guess === undefined ? {} : { hint: `did you mean '${guess}'?` });
}

