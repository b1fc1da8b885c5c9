import type * as LiveView from './live-view.js';

/** bin/lioctl's own import(), passed into the bundle (see scripts/build.mjs); undefined when run from source. */
declare const LIOCTL_HOST_IMPORT: ((specifier: string) => Promise<unknown>) | undefined;

/**
 * The live view (ink, React, yoga's top-level await) is an ES module of its own in the
 * build, dist/live-view.mjs. The CLI bundle runs as a script with V8's code cache, and
 * Node 20 gives such a script no import() of its own, so bin/lioctl lends its.
 */
export function importLiveView(): Promise<typeof LiveView> {
  if (typeof LIOCTL_HOST_IMPORT === 'function') return LIOCTL_HOST_IMPORT('../dist/live-view.mjs') as Promise<typeof LiveView>;
  return import('./live-view.js');
}
