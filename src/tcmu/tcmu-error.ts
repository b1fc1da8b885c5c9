import { ExitCode, LioctlError } from '../errors/index.js';

const WHAT_TO_DO = 'load the module and start tcmu-runner: modprobe target_core_user && systemctl start tcmu-runner';

/** tcmu-runner does not answer on D-Bus: no bus, its name not owned, or no reply in time. */
export class TcmuUnavailableError extends LioctlError {
  override name = 'TcmuUnavailableError';
  readonly code = 'tcmu-unavailable';
  readonly exitCode = ExitCode.environment;
  constructor(readonly reason: string) {
    super(`tcmu-runner is not answering on D-Bus (${reason}); ${WHAT_TO_DO}`);
  }
}
