import type { ParamType } from '../commands/param-types.js';

export interface PreferenceSpec {
  readonly type: ParamType;
  readonly default: string | number | boolean;
  readonly description: string;
}

const bool = { kind: 'bool' } as const;
const number = { kind: 'number', min: 0 } as const;
const colors = { kind: 'enum', values: ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'default'] } as const;

/**
 * targetcli's global preferences (`set global ...`), with the same names and defaults.
 * Differences are deliberate: auto_save_on_exit is off until asked for (targetcli-fb#85:
 * leaving a half-built shell overwrote the saved configuration), and max_backup_files is
 * a number, not a string.
 */
export const PREFERENCES = {
  auto_cd_after_create: { type: bool, default: false, description: 'cd into the object just created' },
  auto_save_on_exit: {
    type: bool,
    default: false,
    description: 'run saveconfig when leaving the interactive shell (shown in the prompt when on)',
  },
  auto_add_mapped_luns: { type: bool, default: true, description: 'default of add_mapped_luns when creating LUNs and ACLs' },
  auto_add_default_portal: { type: bool, default: true, description: 'new iSCSI TPGs listen on [::0]:3260' },
  auto_enable_tpgt: { type: bool, default: true, description: 'new TPGs are enabled' },
  export_backstore_name_as_model: { type: bool, default: true, description: 'INQUIRY product id of new backstores is their name' },
  max_backup_files: { type: number, default: 10, description: 'saveconfig backups kept in /etc/target/backup' },
  color_mode: { type: bool, default: true, description: 'colours on a terminal (never in --json or pipes)' },
  color_path: { type: colors, default: 'magenta', description: 'completion colour of paths' },
  color_command: { type: colors, default: 'cyan', description: 'completion colour of commands' },
  color_parameter: { type: colors, default: 'magenta', description: 'completion colour of parameters' },
  color_keyword: { type: colors, default: 'cyan', description: 'completion colour of keywords' },
  loglevel_console: {
    type: { kind: 'enum', values: ['critical', 'error', 'warning', 'info', 'verbose', 'debug'] },
    default: 'info',
    description: 'messages shown on the console',
  },
  prompt_length: { type: number, default: 30, description: 'longest prompt path before it is shortened (0 = never)' },
  tree_max_depth: { type: number, default: 0, description: 'default depth of ls (0 = all)' },
  tree_status_mode: { type: bool, default: true, description: 'ls shows bracket summaries' },
  tree_round_nodes: { type: bool, default: true, description: "ls draws 'o-' (true) or '+-' (false)" },
  tree_show_root: { type: bool, default: true, description: 'ls draws the listed node itself' },
} as const satisfies Record<string, PreferenceSpec>;

export type PreferenceName = keyof typeof PREFERENCES;
