import { defaultConfigPath, type DefaultPathChoice } from '../../config/index.js';
import type { LioRoot } from '../../model/index.js';
import { DbusHandlerSource, tcmuNotRunning, type TcmuHandlerSource } from '../../tcmu/index.js';

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
  /** The handlers behind /backstores/user:<handler>; by default see tcmuSource. */
  readonly tcmu?: TcmuHandlerSource;
}

/** The configuration file commands use when none is named. */
export function defaultSavefile(env: ShellEnv): DefaultPathChoice {
  return env.defaultSavefile?.() ?? defaultConfigPath();
}

let systemTcmu: DbusHandlerSource | undefined;

/**
 * Who answers for tcmu-runner: the env's own source (the CLI's simulator offers four
 * handlers; tests their own), else the bus named by LIOCTL_TCMU_BUS, else none on a
 * simulator and the system D-Bus on a kernel. One per process.
 */
export function tcmuSource(env: ShellEnv): TcmuHandlerSource {
  if (env.tcmu !== undefined) return env.tcmu;
  const bus = process.env.LIOCTL_TCMU_BUS;
  if ((bus === undefined || bus === '') && env.lio.fs.backend === 'simulator') return tcmuNotRunning;
  return (systemTcmu ??= new DbusHandlerSource(bus === undefined || bus === '' ? {} : { busAddress: bus }));
}
