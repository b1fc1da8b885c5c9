import { FABRICS, hasFeature, isFabricName } from '../../model/fabric/fabric-specs.js';
import type { SaveConfig } from '../schema.js';
import type { PlanBuilder } from './builder.js';
import { credentialChange, fromDiscoveryKeys, isEmptyChange, type Credentials } from './credentials.js';

interface DiscoveryState {
  readonly enforce: boolean;
  readonly credentials: Credentials;
}

/**
 * Enforced credentials live in `fabric_modules` (where rtslib keeps them), unenforced
 * ones in lioctl's section; a fabric in neither has discovery authentication off and no
 * credentials.
 */
function discoveryState(doc: SaveConfig, fabric: string): DiscoveryState {
  const fm = doc.fabric_modules.find((f) => f.name === fabric);
  if (fm !== undefined) return { enforce: fm.discovery_enable_auth, credentials: fromDiscoveryKeys(fm) };
  return { enforce: false, credentials: fromDiscoveryKeys(doc.lioctl?.fabric_modules?.[fabric]) };
}

export function planDiscovery(b: PlanBuilder, current: SaveConfig, desired: SaveConfig): void {
  const names = new Set<string>();
  for (const doc of [current, desired]) {
    for (const fm of doc.fabric_modules) names.add(fm.name);
    for (const name of Object.keys(doc.lioctl?.fabric_modules ?? {})) names.add(name);
  }
  for (const fabric of names) {
    if (!isFabricName(fabric) || !hasFeature(FABRICS[fabric], 'discovery_auth')) continue;
    const want = discoveryState(desired, fabric);
    const have = discoveryState(current, fabric);
    const credentials = credentialChange(want.credentials, have.credentials);
    if (isEmptyChange(credentials) && want.enforce === have.enforce) continue;
    b.add({ kind: 'set-discovery-auth', fabric, credentials, enforce: want.enforce });
  }
}
