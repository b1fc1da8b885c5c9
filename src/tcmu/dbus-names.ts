/** tcmu-runner's D-Bus names (its main.c and tcmu-handler.xml). */
export const TCMU_SERVICE = 'org.kernel.TCMUService1';
export const TCMU_ROOT_PATH = '/org/kernel/TCMUService1';
export const TCMU_INTERFACE = 'org.kernel.TCMUService1';
export const OBJECT_MANAGER_INTERFACE = 'org.freedesktop.DBus.ObjectManager';

/** How long either D-Bus client waits for tcmu-runner's answer. */
export const ANSWER_WITHIN_S = 8;

/** What the D-Bus query program prints, one JSON line. */
export type TcmuReply =
  | { readonly ok: true; readonly handlers: ReadonlyArray<{ name: string; description: string; configDesc: string }> }
  | { readonly ok: true; readonly valid: boolean; readonly message: string }
  | { readonly ok: false; readonly reason: string };
