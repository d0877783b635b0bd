/**
 * Across environments: two spoke VNets with overlapping address spaces peered to the same hub. A hub (its firewall,
 * its gateways, on-premises behind them) cannot route one range to two spokes, and Azure refuses a peering between
 * overlapping VNets (https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering#requirements-and-constraints),
 * so the second spoke is unreachable from the hub side. The warning suggests a free range of the same size.
 */
import { cidrRange, overlaps, prefixLength } from '../azure/cidr';
import type { ResolvedEnvironment } from './model';

const intToIp = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** The first block of `bits` inside 10.0.0.0/8 that overlaps none of `taken`, or undefined. */
export function freeRange(bits: number, taken: readonly string[]): string | undefined {
  const size = 2 ** (32 - bits);
  const base = cidrRange('10.0.0.0/8');
  for (let start = base.start; start + size - 1 <= base.end; start += size) {
    const candidate = `${intToIp(start)}/${bits}`;
    if (!taken.some((t) => overlaps(t, candidate))) return candidate;
  }
  return undefined;
}

/** Warnings for environments whose VNets overlap while they peer with the same hub. */
export function vnetOverlapWarnings(envs: readonly ResolvedEnvironment[]): string[] {
  const own = envs.filter((e) => !e.network.existingNodeSubnetId);
  const taken = own.flatMap((e) => [e.network.vnet.addressSpace, e.network.serviceCidr]);
  const out: string[] = [];
  for (let j = 0; j < own.length; j++) {
    for (let i = 0; i < j; i++) {
      const [a, b] = [own[i], own[j]];
      const hub = a.network.hub?.virtualNetworkId;
      if (!hub || hub.toLowerCase() !== b.network.hub?.virtualNetworkId.toLowerCase()) continue;
      const [ra, rb] = [a.network.vnet.addressSpace, b.network.vnet.addressSpace];
      if (!overlaps(ra, rb)) continue;
      const free = freeRange(prefixLength(rb), taken);
      out.push(
        `${b.name}: network.vnet.addressSpace ${rb} overlaps ${a.name}'s ${ra}, and both peer with the hub ${hub}: the hub cannot route one range to two spokes. ` +
          `Give each environment its own range (and the subnets inside it)${free ? `, e.g. ${free}, the first /${prefixLength(rb)} in 10.0.0.0/8 no environment's VNet or service range uses` : ''}; check it against the hub's other spokes and on-premises ranges too.`,
      );
    }
  }
  return out;
}
