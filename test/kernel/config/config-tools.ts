import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { KernelConfigFs } from '../../../src/configfs/index.js';

/** A command's outcome: exit status and both streams. */
export interface Ran {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function spawn(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, input = ''): Ran {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 64 << 20, input });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** targetcli-fb one-shot: `targetcli <path> <command> <args...>`. */
export function targetcli(line: string): Ran {
  return spawn('targetcli', line.split(/\s+/).filter((w) => w !== ''));
}

/** Like targetcli(), failing the test with targetcli's output when it exits non-zero. */
export function targetcliOk(line: string): string {
  const r = targetcli(line);
  if (r.status !== 0) throw new Error(`targetcli ${line} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** The built lioctl (npm run build first), with preferences kept out of the user's home. */
export function lioctl(...args: string[]): Ran {
  return spawn(process.execPath, ['bin/lioctl', ...args], { ...process.env, LIOCTL_HOME: '/tmp/lioctl-config-home' });
}

/** The built lioctl with lines on standard input (a script). */
export function lioctlScript(args: readonly string[], lines: readonly string[]): Ran {
  return spawn(process.execPath, ['bin/lioctl', ...args], { ...process.env, LIOCTL_HOME: '/tmp/lioctl-config-home' }, `${lines.join('\n')}\n`);
}

export function lioctlOk(...args: string[]): string {
  const r = lioctl(...args);
  if (r.status !== 0) throw new Error(`lioctl ${args.join(' ')} exited ${r.status}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The identity of a list element in saveconfig.json, for order-free comparison. */
function identity(item: Json): string {
  if (!isObject(item)) return JSON.stringify(item);
  const keys = ['plugin', 'fabric', 'name', 'wwn', 'node_wwn', 'tag', 'index', 'ip_address', 'port'];
  return keys.map((k) => (item[k] === undefined ? '' : JSON.stringify(item[k]))).join('|');
}

/** Lists sorted by identity, recursively: both tools list objects in their own order. */
function sorted(value: Json): Json {
  if (Array.isArray(value)) return value.map(sorted).sort((a, b) => (identity(a) < identity(b) ? -1 : identity(a) > identity(b) ? 1 : 0));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sorted(v)]));
}

/**
 * The part of a saveconfig.json both tools write, in a canonical order. lioctl's own
 * top-level section is left out: targetcli neither writes nor reads it.
 */
export function standardPart(text: string): Json {
  const doc = JSON.parse(text) as JsonObject;
  const { lioctl: _extras, ...standard } = doc;
  return sorted(standard);
}

export function readJson(path: string): JsonObject {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
}

/** targetcli and lioctl leave the fabric directories registered; a clean slate removes them too. */
export function clearEverything(): void {
  targetcli('clearconfig confirm=true');
  const fs = new KernelConfigFs();
  for (const dir of ['iscsi', 'loopback', 'vhost']) {
    if (fs.exists(dir)) {
      try {
        fs.rmdir(dir);
      } catch {
        // still in use by something the test will report
      }
    }
  }
}
