/** One handler tcmu-runner announces (`/org/kernel/TCMUService1/<name>`). */
export interface TcmuHandler {
  /** The subtype, as in `user:<name>` and the `<name>/` prefix of `dev_config`. */
  readonly name: string;
  /** tcmu-runner's `HandlerName`, a longer description. */
  readonly description: string;
  /** tcmu-runner's `ConfigDesc`: what the handler's configuration string holds. */
  readonly configDesc: string;
}

/** A handler's answer to `CheckConfig`. */
export interface ConfigCheck {
  readonly valid: boolean;
  /** The handler's reason (or `success`). */
  readonly message: string;
}

/**
 * Where user:<handler> backstores come from: tcmu-runner on the system D-Bus, the
 * simulator's fixed set, or a test's. Both calls throw TcmuUnavailableError when the
 * service does not answer.
 */
export interface TcmuHandlerSource {
  handlers(): readonly TcmuHandler[];
  /** `config` is the whole `<handler>/<cfgstring>`, as targetcli passes it. */
  checkConfig(handler: string, config: string): ConfigCheck;
}
