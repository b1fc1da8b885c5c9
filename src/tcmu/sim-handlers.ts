import type { ConfigCheck, TcmuHandler, TcmuHandlerSource } from './handler-source.js';
import { TcmuUnavailableError } from './tcmu-error.js';

/**
 * The simulator's tcmu-runner: the four handlers Debian's tcmu-runner 1.5 announces, with a
 * simple CheckConfig of its own (not tcmu-runner's): fbo, qcow and zbc take an absolute
 * file path, rbd `<pool>/<image>` optionally followed by `;option=value...`.
 */
const HANDLERS: readonly TcmuHandler[] = [
  { name: 'fbo', description: 'File-backed optical Handler', configDesc: 'The path to the file to use as a backstore.' },
  { name: 'qcow', description: 'QEMU Copy-On-Write image file', configDesc: 'The path to the QEMU QCOW image file.' },
  { name: 'rbd', description: 'Ceph RBD handler', configDesc: 'RBD config string: <pool>/<image>[;osd_op_timeout=N][;conf=path][;id=user]' },
  { name: 'zbc', description: 'Emulated ZBC device', configDesc: 'The path to the file to use as a ZBC backstore, optionally prefixed by model and zone options.' },
];

function check(handler: string, cfgstring: string): ConfigCheck {
  if (handler === 'rbd') {
    return /^[^/;]+\/[^/;]+(;[a-z_]+=[^;]*)*$/.test(cfgstring) ? { valid: true, message: 'success' } : { valid: false, message: `'${cfgstring}' is not <pool>/<image>` };
  }
  return cfgstring.startsWith('/') ? { valid: true, message: 'success' } : { valid: false, message: `'${cfgstring}' is not an absolute file path` };
}

export const simTcmuHandlers: TcmuHandlerSource = {
  handlers: () => HANDLERS,
  checkConfig: (handler, config) => {
    if (!HANDLERS.some((h) => h.name === handler)) return { valid: false, message: `no handler ${handler}` };
    return check(handler, config.startsWith(`${handler}/`) ? config.slice(handler.length + 1) : config);
  },
};

/** A simulator with no tcmu-runner (the library's default): nothing announced, as before boot started it. */
export const tcmuNotRunning: TcmuHandlerSource = {
  handlers: () => {
    throw new TcmuUnavailableError('the simulator runs no tcmu-runner', false);
  },
  checkConfig: () => {
    throw new TcmuUnavailableError('the simulator runs no tcmu-runner', false);
  },
};
