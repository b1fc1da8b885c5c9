import type { SaveConfig } from '../schema.js';
import { PlanBuilder } from './builder.js';
import type { KernelSettings, Plan } from './operations.js';
import { planDiscovery } from './plan-discovery.js';
import { planStorage } from './plan-storage.js';
import { planTargets } from './plan-targets.js';
import { storageReplacements } from './storage-replacement.js';

/**
 * The ordered operations that turn `current` (a dump of the live configuration) into
 * `desired` (a parsed document), touching only what differs: an object that already
 * matches is left alone, so initiators using it are not disturbed, and planning a
 * document against itself gives no operations.
 *
 * Objects are the document's: one missing from `desired` is deleted. Settings
 * (attributes, parameters, ALUA settings, identity) are compared only where `desired`
 * names them, as a document cannot ask for "the kernel's default". Credentials, ACL tags
 * and TPG enable are compared whole, since rtslib leaves unset ones out of its dumps.
 * A setting `kernel` lacks for a live object (the document was saved on another kernel)
 * is left out and listed in `missing`.
 */
export function planConfig(current: SaveConfig, desired: SaveConfig, kernel?: KernelSettings): Plan {
  const b = new PlanBuilder(kernel);
  const replaced = storageReplacements(current, desired);
  const keptLuns = planTargets(b, current, desired, replaced);
  planStorage(b, { current, desired, replaced, keptLuns });
  planDiscovery(b, current, desired);
  return b.build();
}

/** Everything `doc` holds, created from nothing: what a restore into an empty system does. */
export function planRestore(doc: SaveConfig): Plan {
  return planConfig({ fabric_modules: [], storage_objects: [], targets: [] }, doc);
}
