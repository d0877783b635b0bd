/**
 * A node pool's own subnet (nodePools.<name>.subnet) must be a declared subnet of role nodes. Classic Azure CNI pod
 * subnets per pool (pod_subnet_id) are not expressible yet: network.pluginMode has no classic-with-pod-subnet mode.
 */
import type { ResolvedEnvironment } from './model';
import { plannedSubnets } from './network-plan';
import type { Problem } from './problem';

export function checkPoolSubnets(env: ResolvedEnvironment, out: Problem[]): void {
  const subnets = plannedSubnets(env);
  for (const pool of env.nodePools) {
    if (!pool.subnet) continue;
    const path = `nodePools.${pool.name}.subnet`;
    const s = subnets.find((x) => x.name === pool.subnet);
    if (!s) {
      out.push({ path, message: 'names no subnet of network.vnet.subnets', got: pool.subnet, allowed: `a subnet of role nodes; declared: ${subnets.map((x) => `${x.name} (${x.role})`).join(', ')}` });
    } else if (s.role !== 'nodes') {
      out.push({ path, message: `${s.name} is a ${s.role} subnet`, got: pool.subnet, allowed: `a subnet of role nodes: ${subnets.filter((x) => x.role === 'nodes').map((x) => x.name).join(', ')}` });
    }
  }
}
