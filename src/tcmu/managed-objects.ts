import { TCMU_INTERFACE, type TcmuReply } from './dbus-names.js';

/** GetManagedObjects' answer, a{oa{sa{sv}}}, whatever form its variants take in a client. */
export type ManagedObjects<Value> = Record<string, Record<string, Record<string, Value>>>;

/**
 * The handlers among tcmu-runner's objects: one per object with its interface, named by
 * the path's last part (as targetcli takes it). `text` reads a property as a string, or ''.
 */
export function handlersOf<Value>(objects: ManagedObjects<Value>, text: (value: Value | undefined) => string): TcmuReply {
  const handlers = Object.entries(objects)
    .filter(([, interfaces]) => interfaces[TCMU_INTERFACE] !== undefined)
    .map(([path, interfaces]) => {
      const props = interfaces[TCMU_INTERFACE] ?? {};
      return { name: path.slice(path.lastIndexOf('/') + 1), description: text(props.HandlerName), configDesc: text(props.ConfigDesc) };
    });
  return { ok: true, handlers };
}
