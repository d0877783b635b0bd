/**
 * A node pool's own subnet (nodePools.<name>.subnet) must be a declared subnet of role nodes; its pod subnet
 * (nodePools.<name>.podSubnet, pod_subnet_id) one of role pods, and only with classic Azure CNI (plugin azure,
 * pluginMode none): AKS rejects a pod subnet with CNI Overlay, whose pod IPs come from podCidr.
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
  for (const pool of env.nodePools) {
    if (!pool.podSubnet) continue;
    const path = `nodePools.${pool.name}.podSubnet`;
    const s = subnets.find((x) => x.name === pool.podSubnet);
    const pods = subnets.filter((x) => x.role === 'pods').map((x) => x.name).join(', ') || 'none declared';
    if (!s) {
      out.push({ path, message: 'names no subnet of network.vnet.subnets', got: pool.podSubnet, allowed: `a subnet of role pods; declared: ${pods}` });
    } else if (s.role !== 'pods') {
      out.push({ path, message: `${s.name} is a ${s.role} subnet`, got: pool.podSubnet, allowed: `a subnet of role pods: ${pods}` });
    }
    if (env.network.plugin !== 'azure' || env.network.pluginMode !== 'none') {
      out.push({ path, message: 'a pod subnet needs classic Azure CNI: set network.plugin azure and network.pluginMode none (CNI Overlay takes pod IPs from network.podCidr)', got: `${env.network.plugin}/${env.network.pluginMode}`, allowed: 'azure/none' });
    }
  }
}
