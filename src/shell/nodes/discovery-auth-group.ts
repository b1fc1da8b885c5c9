import type { FabricModule } from '../../model/index.js';
import type { ConfigGroup } from '../tree/ui-node.js';
import { authGroup } from './auth-group.js';
import { param } from './node-kit.js';

/**
 * `set discovery_auth` on /iscsi: the CHAP credentials of discovery (SendTargets)
 * sessions, and `enable` (1 = discovery must authenticate). The kernel's spellings
 * userid_mutual/password_mutual are accepted with a note.
 */
export function discoveryAuthGroup(fabric: FabricModule): ConfigGroup {
  const credentials = authGroup({ auth: () => fabric.discoveryAuth(), setAuth: (change) => fabric.setDiscoveryAuth(change) }, 'discovery_auth');
  return {
    ...credentials,
    params: () => [
      ...credentials.params(),
      param('enable', {
        type: { kind: 'number', min: 0, max: 1 },
        description: 'Discovery sessions must authenticate with these credentials (1) or not (0).',
        get: () => (fabric.discoveryAuth().enforced ? '1' : '0'),
        set: (value) => fabric.setDiscoveryAuth({ enforce: Number(value) === 1 }),
      }),
    ],
  };
}
