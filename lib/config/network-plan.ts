/**
 * The spoke network an environment describes, decided once from the configuration: its subnets by role (the node
 * subnet included), where each private endpoint goes, and which egress route the subnets get. The checks, the infra
 * stack and the firewall rules all read it, so they cannot disagree.
 */
import type { SubnetRole } from '../azure/network-roles';
import { SUBNET_ROLE_FACTS } from '../azure/network-roles';
import type { ResolvedEnvironment } from './model';
import type { PrivateEndpointConfig } from './schema/private-endpoint';
import type { SubnetConfig } from './schema/subnets';

/** One subnet of the spoke, the node subnet included. */
export interface PlannedSubnet {
  readonly name: string;
  readonly role: SubnetRole;
  /** The range of a subnet the platform creates. */
  readonly cidr?: string;
  /** A bring-your-own subnet. */
  readonly existingId?: string;
  /** The user's settings (absent for the implicit node subnet, which keeps its simple defaults). */
  readonly settings?: SubnetConfig;
  /** Where the entry is in the file, for messages (`network.vnet.subnets.<name>` or `network.vnet.nodeSubnet`). */
  readonly path: string;
  /** The cluster's default node subnet. */
  readonly clusterNodes: boolean;
}

/** Every subnet of the environment: the node subnet first, then the role subnets by name. */
export function plannedSubnets(env: ResolvedEnvironment): PlannedSubnet[] {
  const n = env.network;
  const declared = n.vnet.subnets;
  const out: PlannedSubnet[] = [];
  if (n.existingNodeSubnetId) {
    out.push({ name: n.existingNodeSubnetId.split('/').pop()!, role: 'nodes', existingId: n.existingNodeSubnetId, path: 'network.existingNodeSubnetId', clusterNodes: true });
  } else {
    const own = declared[n.vnet.nodeSubnetName];
    out.push({
      name: n.vnet.nodeSubnetName,
      role: 'nodes',
      cidr: own?.existingId ? undefined : (own?.cidr ?? n.vnet.nodeSubnet),
      existingId: own?.existingId,
      settings: own,
      path: own ? `network.vnet.subnets.${n.vnet.nodeSubnetName}` : 'network.vnet.nodeSubnet',
      clusterNodes: true,
    });
  }
  for (const name of Object.keys(declared).sort()) {
    if (!n.existingNodeSubnetId && name === n.vnet.nodeSubnetName) continue;
    const s = declared[name];
    out.push({ name, role: s.role, cidr: s.cidr, existingId: s.existingId, settings: s, path: `network.vnet.subnets.${name}`, clusterNodes: false });
  }
  return out;
}

/** The first subnet of a role, if any. */
export function subnetOfRole(env: ResolvedEnvironment, role: SubnetRole): PlannedSubnet | undefined {
  return plannedSubnets(env).find((s) => s.role === role);
}

/** Whether the platform creates or manages the spoke's subnets (a VNet it creates, or an existing VNet by ID). */
export function hasVnet(env: ResolvedEnvironment): boolean {
  return !env.network.existingNodeSubnetId || env.network.vnet.existingId !== undefined;
}

/** The next hop of the spoke's default route: a hub firewall's IP, a firewall this stack creates, or none. */
export function firewallRoute(env: ResolvedEnvironment): 'hub' | 'created' | undefined {
  const e = env.network.egress;
  if (e.firewall) return 'created';
  if (e.firewallPrivateIp) return 'hub';
  return undefined;
}

/** Whether a subnet gets the route table that sends 0.0.0.0/0 to the firewall. */
export function routesToFirewall(env: ResolvedEnvironment, s: PlannedSubnet): boolean {
  if (!firewallRoute(env) || s.existingId) return false;
  return s.settings?.routeToFirewall ?? SUBNET_ROLE_FACTS[s.role].routesToFirewall;
}

/** The private endpoints the configuration asks for: which resource, which config block, and its path. */
export interface PlannedEndpoint {
  readonly key: 'registry' | 'vault' | 'blob' | 'prometheusMetrics';
  readonly config: PrivateEndpointConfig;
  readonly path: string;
}

export function plannedEndpoints(env: ResolvedEnvironment): PlannedEndpoint[] {
  const out: PlannedEndpoint[] = [];
  if (env.acr.privateEndpoint) out.push({ key: 'registry', config: env.acr.privateEndpoint, path: 'acr.privateEndpoint' });
  if (env.keyVault.privateEndpoint && !env.keyVault.existingId) out.push({ key: 'vault', config: env.keyVault.privateEndpoint, path: 'keyVault.privateEndpoint' });
  if (env.backup.enabled && env.backup.privateEndpoint) out.push({ key: 'blob', config: env.backup.privateEndpoint, path: 'backup.privateEndpoint' });
  const mon = env.cluster.monitoring;
  if (mon.prometheus && mon.privateEndpoint) out.push({ key: 'prometheusMetrics', config: mon.privateEndpoint, path: 'cluster.monitoring.privateEndpoint' });
  return out;
}

/** The subnet an endpoint goes in, by name: its own choice, else the privateEndpoints subnet, else the node subnet. */
export function endpointSubnet(env: ResolvedEnvironment, pe: PrivateEndpointConfig): PlannedSubnet | undefined {
  const all = plannedSubnets(env);
  if (pe.subnet) return all.find((s) => s.name === pe.subnet);
  return all.find((s) => s.role === 'privateEndpoints') ?? all[0];
}

/**
 * How Key Vault and Entra ID are reached under locked-down egress: as stated in network.egress, or, with a firewall
 * this stack creates (whose rules it derives), what those rules and endpoints provide.
 */
export function statedEgress(env: ResolvedEnvironment): { keyVault?: string; entraId?: string } {
  const e = env.network.egress;
  if (!e.firewall) return { keyVault: e.keyVault, entraId: e.entraId };
  return {
    keyVault: e.keyVault ?? (env.keyVault.privateEndpoint ? 'privateEndpoint' : 'firewall'),
    entraId: e.entraId ?? 'firewall',
  };
}

/** Landing-zone warnings: things synth cannot check but the deployer must know. */
export function networkWarnings(env: ResolvedEnvironment): string[] {
  const out: string[] = [];
  const a = env.cluster.apiServer;
  if (a.access === 'private' && !a.publicFqdn) {
    out.push(
      `cluster.apiServer.access is private: the ${env.name}-platform stack (helm, kubernetes) reaches the API server only from inside the VNet or a peered network. Options: run its plan and apply from there (a self-hosted agent in the hub or spoke), API server VNet integration with access authorizedRanges for your CI's egress range, or access authorizedRanges`,
    );
  }
  if (env.network.egress.firewallPrivateIp) {
    out.push(
      `network.egress.firewallPrivateIp sends the nodes' egress to a firewall this stack does not manage: its rules must allow what docs/networking.md lists for this configuration (AKS, Entra ID, registry, vault, monitoring), or nodes fail to join`,
    );
  }
  return out;
}
