import type { ConfigFs } from '../../configfs/index.js';
import type { Preferences } from '../prefs/preferences.js';
import type { UiNode } from '../tree/ui-node.js';

/** What a command handler may use; it never prints or exits by itself. */
export interface CommandContext {
  readonly fs: ConfigFs;
  /** The node the command runs on (the current node, or the path typed before it). */
  readonly node: UiNode;
  readonly prefs: Preferences;
  /** The --json flag: handlers keep prose out of results either way. */
  readonly json: boolean;
  /** Whether this is the interactive shell (as opposed to one-shot or a script). */
  readonly interactive: boolean;
  /** Resolves a shell path (absolute, relative to the current node, '-', '@bookmark'). */
  resolve(path: string): UiNode;
  readonly cwd: string;
  /** Set when configuration changes are refused up front (not root on a real kernel). */
  readonly readOnlyReason: string | undefined;
  /** Runs a configuration change under the cross-process lock, for commands that decide late. */
  exclusive<T>(fn: () => T): T;
  /** Informational line, e.g. "Created target iqn...". */
  info(message: string): void;
  warn(message: string): void;
}
