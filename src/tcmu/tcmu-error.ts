import { ExitCode, LioctlError } from '../errors/index.js';

const WHAT_TO_DO = 'load the module and start tcmu-runner: modprobe target_core_user && systemctl start tcmu-runner';

/** tcmu-runner does not answer on D-Bus: no bus, its name not owned, or no reply in time. */
export class TcmuUnavailableError extends LioctlError {
  override name = 'TcmuUnavailableError';
  readonly code = 'tcmu-unavailable';
  readonly exitCode = ExitCode.environment;
  /**
   * `moduleLoaded` false: target_core_user is not loaded, so tcmu-runner has not run since
   * boot and the kernel will not wait for it when a user object is enabled.
   */
  constructor(
    readonly reason: string,
    readonly moduleLoaded = true,
  ) {
    super(`tcmu-runner is not answering on D-Bus (${reason}); ${WHAT_TO_DO}`);
  }
}
