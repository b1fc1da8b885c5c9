import { createRequire } from 'node:module';

/*
 * Modules that few commands need, loaded on first use. Importing one costs every start-up
 * its load: node:crypto alone compiles about twenty internal modules, and fuzzysort builds
 * a Unicode pattern when imported. Under an emulated CPU that is most of what `lioctl ls`
 * pays beyond node's own start.
 */
let required: NodeRequire | undefined;
// Made on first use as well: a require function costs a resolution of paths at start-up.
const load = (name: string): unknown => (required ??= createRequire(import.meta.url))(name);

export const nodeCrypto = (): typeof import('node:crypto') => load('node:crypto') as typeof import('node:crypto');
export const nodeChildProcess = (): typeof import('node:child_process') => load('node:child_process') as typeof import('node:child_process');
export const nodeZlib = (): typeof import('node:zlib') => load('node:zlib') as typeof import('node:zlib');
export const nodeWorkerThreads = (): typeof import('node:worker_threads') => load('node:worker_threads') as typeof import('node:worker_threads');

/** Fuzzy matching, for suggestions and completion: only a mistyped word or a Tab needs it. */
export const fuzzysort = (): typeof import('fuzzysort') => load('fuzzysort') as typeof import('fuzzysort');

/** `crypto.randomBytes`, loading node:crypto only when a random value is needed. */
export const randomBytes = (count: number): Buffer => nodeCrypto().randomBytes(count);
