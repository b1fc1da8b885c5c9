import { defaultConfigPath, type DefaultPathChoice } from '../../config/index.js';
import type { LioRoot } from '../../model/index.js';

/**
 * What node builders share for one line: the live model. A fresh LioRoot per line keeps
 * every listing current without rescanning more than a command asks for.
 */
export interface ShellEnv {
  readonly lio: LioRoot;
  /** Where saveconfig and restoreconfig go without a file name; /etc/target's choice unless set (tests). */
  readonly defaultSavefile?: () => DefaultPathChoice;
  /** `/ status` prints targetcli's bare line instead of sessions and warnings (lioctl started as targetcli). */
  readonly targetcliStatus?: boolean;
}

/** The configuration file commands use when none is named. */
export function defaultSavefile(env: ShellEnv): DefaultPathChoice {
  return env.defaultSavefile?.() ?? defaultConfigPath();
}
