import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { SimConfigFs, findSimKernel } from '../../../../src/configfs/sim/index.js';
import { dumpConfig } from '../../../../src/config/dump/index.js';
import { serializeConfig } from '../../../../src/config/index.js';
import type { MemoryHost } from '../../../../src/model/index.js';
import { rootNodeFor } from '../../../../src/shell/nodes/root-node.js';
import type { ShellEnv } from '../../../../src/shell/nodes/shell-env.js';
import type { TcmuHandlerSource } from '../../../../src/tcmu/index.js';
import { recordingSession, type RecordingSession } from '../recording-session.js';
import { kernelState, newLio, testHost, type TestLio } from '../../model/helpers.js';

export interface ConfigShell extends TestLio, RecordingSession {
  /** The live configuration as saveconfig would write it. */
  saved(): string;
  /** Everything the simulated kernel holds, to show that nothing changed. */
  state(): unknown;
}

/** `kernel`: the series the simulator imitates (default: the newest captured). */
export function configShell(
  options: { host?: MemoryHost; interactive?: boolean; json?: boolean; defaultSavefile?: string; kernel?: string; tcmu?: TcmuHandlerSource } = {},
): ConfigShell {
  const kernel = options.kernel === undefined ? undefined : findSimKernel(options.kernel);
  if (options.kernel !== undefined && kernel === undefined) throw new Error(`no simulator of ${options.kernel}`);
  const lio = newLio(new SimConfigFs(kernel), options.host ?? testHost());
  const savefile = options.defaultSavefile;
  const env: ShellEnv = {
    lio: lio.lio,
    ...(options.tcmu === undefined ? {} : { tcmu: options.tcmu }),
    ...(savefile === undefined ? {} : { defaultSavefile: () => ({ path: savefile, reason: 'upstream-default' as const, message: `using ${savefile}` }) }),
  };
  const shell = recordingSession({ fs: lio.fs, root: () => rootNodeFor(env), interactive: options.interactive ?? false, json: options.json ?? false });
  return { ...lio, ...shell, saved: () => serializeConfig(dumpConfig(lio.lio)), state: () => kernelState(lio.sim) };
}

/** A fresh directory per test for configuration files, removed afterwards. */
export function useFiles(): (name: string, content?: string) => string {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return (name, content) => {
    dir ??= mkdtempSync(join(tmpdir(), 'lioctl-restore-'));
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
}
