import { hasFeature, type Tpg } from '../../model/index.js';
import type { LsSummary } from '../render/ls-tree.js';
import { bad } from './node-kit.js';

/**
 * The bracket text of a TPG (and of a single-TPG target), as targetcli builds it: the
 * nexus WWN on nexus fabrics, `disabled` alone when off, then whether initiators without
 * an ACL get in (gen-acls) and which CHAP credentials apply.
 */
export function tpgSummary(tpg: Tpg): LsSummary {
  const spec = tpg.fabric.spec;
  const parts: string[] = [];
  if (hasFeature(spec, 'nexus')) {
    const nexus = tpg.nexus();
    if (nexus !== undefined) parts.push(nexus);
  }
  if (!tpg.isEnabled()) return bad('disabled');
  let healthy: boolean | null = null;
  if (hasFeature(spec, 'acls')) {
    const generated = tpg.attributeIfExists('generate_node_acls') === '1';
    parts.push(generated ? 'gen-acls' : 'no-gen-acls');
    if (hasFeature(spec, 'auth')) {
      const required = tpg.attributeIfExists('authentication') === '1';
      if (!required) {
        parts.push('no-auth');
        // Open to everyone on purpose (demo mode): healthy. Without gen-acls: neutral.
        if (generated) healthy = true;
      } else if (!generated) {
        parts.push('auth per-acl');
      } else {
        const auth = tpg.auth();
        parts.push('tpg-auth');
        healthy = auth.userid !== undefined && auth.password !== undefined;
        parts.push(auth.authenticateTarget ? 'mutual auth' : '1-way auth');
      }
    }
  }
  return { text: parts.join(', '), healthy };
}
