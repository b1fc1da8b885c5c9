import { NotFoundError, ValidationError } from '../../errors/index.js';
import type { PlanOperation } from '../../config/index.js';
import { TcmuUnavailableError, type TcmuHandler } from '../../tcmu/index.js';
import { defineCommand } from '../commands/declaration.js';
import { nodeCommand, type NodeCommand, type UiNode } from '../tree/ui-node.js';
import { deleteCommandFor, finish } from './backstore-commands.js';
import { bad, makeNode, plain } from './node-kit.js';
import { tcmuSource, type ShellEnv } from './shell-env.js';
import { storageObjectNode } from './storage-object-node.js';
import { handlerOfConfig, userHandlerOf } from './storage-object-path.js';

export const USER_PREFIX = 'user:';

/** What tcmu-runner says now: its handlers, or why it does not answer. */
type Announced = { readonly handlers: readonly TcmuHandler[]; readonly down?: TcmuUnavailableError };

function announced(env: ShellEnv): Announced {
  try {
    return { handlers: tcmuSource(env).handlers() };
  } catch (err) {
    if (err instanceof TcmuUnavailableError) return { handlers: [], down: err };
    throw err;
  }
}

/** Handlers of existing user objects: their `user:<handler>` is shown even while tcmu-runner is down. */
function handlersInUse(env: ShellEnv): Set<string> {
  return new Set(env.lio.storageObjects('user').map(userHandlerOf));
}

/** The handler announced under `name`, or why it cannot be used: create needs one. */
function liveHandler(env: ShellEnv, name: string): TcmuHandler {
  const { handlers, down } = announced(env);
  if (down !== undefined) throw down;
  const handler = handlers.find((h) => h.name === name);
  if (handler === undefined) throw new NotFoundError(`tcmu-runner has no handler ${name}; it has ${handlers.map((h) => h.name).join(', ') || 'none'}`);
  return handler;
}

function createCommand(env: ShellEnv, handlerName: string, handler: TcmuHandler | undefined): NodeCommand {
  const configDesc = handler?.configDesc ?? '';
  return nodeCommand(
    defineCommand({
      name: 'create',
      summary: `Creates a user-backed storage object served by tcmu-runner's ${handlerName} handler.`,
      description:
        `cfgstring is checked by the handler (CheckConfig) before anything is made; the kernel stores it as ${handlerName}/<cfgstring>. control adds tuples for the kernel such as max_data_area_mb=32.` +
        (configDesc === '' ? '' : `\n\n${handlerName} cfgstring: ${configDesc}`),
      params: [
        { name: 'name', type: { kind: 'string' }, required: true, help: 'name of the new storage object' },
        { name: 'size', type: { kind: 'size' }, required: true, help: 'size: 512K, 100M, 1G' },
        { name: 'cfgstring', type: { kind: 'string' }, required: true, help: "the handler's configuration string" },
        { name: 'wwn', type: { kind: 'string' }, help: 'unit serial number (VPD 0x80); a random UUID when omitted' },
        { name: 'hw_max_sectors', type: { kind: 'number', min: 1 }, help: 'largest I/O in 512-byte sectors' },
        { name: 'control', type: { kind: 'string' }, help: 'extra control tuples, key=value[,key=value]' },
      ],
    }),
    true,
    (ctx, { values: v }) => {
      // tcmu-runner is asked before the model writes anything.
      liveHandler(env, handlerName);
      // rtslib refuses ':' in a config string; the kernel and the handlers take it.
      if (v.cfgstring.includes(':')) ctx.warn(`cfgstring contains ':', which targetcli refuses; lioctl passes it on.`);
      const check = tcmuSource(env).checkConfig(handlerName, `${handlerName}/${v.cfgstring}`);
      if (!check.valid) throw new ValidationError(`cfgstring invalid: ${check.message}`, { code: 'cfgstring-invalid' });
      return finish(
        ctx,
        env,
        {
          plugin: 'user',
          name: v.name,
          handler: handlerName,
          size: v.size,
          config: v.cfgstring,
          ...(v.wwn === undefined ? {} : { wwn: v.wwn }),
          ...(v.hw_max_sectors === undefined ? {} : { hwMaxSectors: v.hw_max_sectors }),
          ...(v.control === undefined ? {} : { control: v.control }),
        },
        (so) => `Created user-backed storage object ${so.name} size ${v.size}.`,
      );
    },
  );
}

function handlerNode(env: ShellEnv, name: string, handler: TcmuHandler | undefined, down: TcmuUnavailableError | undefined): UiNode {
  const path = `/backstores/${USER_PREFIX}${name}`;
  const mine = (): ReturnType<ShellEnv['lio']['storageObjects']> => env.lio.storageObjects('user').filter((so) => userHandlerOf(so) === name);
  return makeNode({
    name: `${USER_PREFIX}${name}`,
    parent: '/backstores',
    summary: () => {
      const text = `Storage Objects: ${mine().length}`;
      if (handler !== undefined) return plain(text);
      return bad(`${text} (${down === undefined ? 'tcmu-runner has no such handler' : 'tcmu-runner not answering'})`);
    },
    children: () => mine().map((so) => storageObjectNode(env, path, so)),
    child: (soName) => {
      const so = mine().find((o) => o.name === soName);
      return so === undefined ? undefined : storageObjectNode(env, path, so);
    },
    commands: () => [createCommand(env, name, handler), deleteCommandFor('user', env, (so) => userHandlerOf(so) === name)],
  });
}

/** `/backstores/user:<handler>` for each handler announced or in use, by name. */
export function userBackstoreNodes(env: ShellEnv): UiNode[] {
  const inUse = handlersInUse(env);
  const { handlers, down } = announced(env);
  const names = [...new Set([...handlers.map((h) => h.name), ...inUse])].filter((n) => n !== '').sort();
  return names.map((n) => handlerNode(env, n, handlers.find((h) => h.name === n), down));
}

/**
 * One `user:<handler>` by name. A handler with objects is there even while tcmu-runner is
 * down (delete works then); any other needs tcmu-runner, whose silence is the error.
 */
export function userBackstoreNode(env: ShellEnv, name: string): UiNode | undefined {
  if (name === '') return undefined;
  const { handlers, down } = announced(env);
  const handler = handlers.find((h) => h.name === name);
  if (handler !== undefined || handlersInUse(env).has(name)) return handlerNode(env, name, handler, down);
  if (down !== undefined) throw down;
  return undefined;
}

/**
 * For restore and apply: a user object is made only when tcmu-runner announces its
 * handler, so a missing tcmu-runner or handler costs those objects and what uses them, not
 * the rest. Once tcmu-runner has run, the kernel waits for its answer when a user object
 * is enabled, and without it the object serves no I/O. One exception: with
 * target_core_user not loaded tcmu-runner has not run since boot, nothing waits, and
 * tcmu-runner takes the objects over when it starts (a restore at boot before it), so they
 * are made, with a warning.
 */
export function vetUserHandlers(env: ShellEnv, warn: (message: string) => void): (op: PlanOperation) => void {
  const warned = new Set<string>();
  return (op) => {
    if (op.kind !== 'create-storage-object' || op.config.plugin !== 'user') return;
    const handler = handlerOfConfig(op.config.config) ?? op.config.config;
    try {
      liveHandler(env, handler);
    } catch (err) {
      if (!(err instanceof TcmuUnavailableError) || err.moduleLoaded) throw err;
      if (!warned.has(handler)) warn(`user:${handler} objects are made, but serve no I/O until tcmu-runner runs (${err.reason}): systemctl start tcmu-runner`);
      warned.add(handler);
    }
  };
}
