/**
 * The infra stack's landing-zone steps around the cluster: securing the spoke once the workspace exists, the API
 * server's network settings, the control plane's grants on the subnets it writes to, and the private endpoints of
 * the registry, vault, backup storage and Azure Monitor workspace.
 */
import { Construct } from 'constructs';
import { DataAzurermLogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/data-azurerm-log-analytics-workspace';
import type { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import type { ResolvedEnvironment } from '../config';
import { parseResourceId, privateDnsZoneName } from '../azure/network-roles';
import type { IContainerRegistry } from '../constructs/acr';
import type { AksCluster } from '../constructs/aks-cluster';
import { BUILT_IN_ROLES } from '../constructs/role-assignment';
import type { IKeyVault } from '../constructs/key-vault';
import type { ManagedPrometheus } from '../constructs/managed-prometheus';
import type { SpokeNetwork } from './network-wiring';

export { statedEgress } from '../config/network-plan';

/** What the cluster takes from the landing zone. */
export interface ClusterNetworkSettings {
  /** `private_dns_zone_id`: System, None, or a zone's ID (created or central). */
  readonly apiServerPrivateDnsZoneId: string;
  /** `dns_prefix_private_cluster`, with a custom private DNS zone. */
  readonly dnsPrefixPrivateCluster?: string;
  /** The delegated subnet of API server VNet integration. */
  readonly apiServerSubnetId?: string;
}

/** Phase two of the spoke (NSGs, firewall, routes, peering, DNS zones, flow logs) and the cluster's API settings. */
export function wireSpokeSecurity(scope: Construct, env: ResolvedEnvironment, spoke: SpokeNetwork, workspaceId: string): ClusterNetworkSettings {
  const mon = env.cluster.monitoring;
  let workspaceGuid: string | undefined;
  if (env.network.flowLogs?.enabled && env.network.flowLogs.trafficAnalytics) {
    // Traffic analytics takes the workspace's customer ID (a GUID), not its resource ID.
    if (mon.existingWorkspaceId) {
      const w = parseResourceId(mon.existingWorkspaceId);
      workspaceGuid = new DataAzurermLogAnalyticsWorkspace(scope, 'flow-log-workspace', { name: w.name, resourceGroupName: w.resourceGroupName }).workspaceId;
    } else {
      workspaceGuid = createdWorkspaceGuid(scope);
    }
  }
  spoke.secure({ id: workspaceId, workspaceGuid });

  const api = env.cluster.apiServer;
  const zone = api.privateDnsZone;
  const custom = api.access === 'private' && zone !== 'system' && zone !== 'none';
  const zoneId =
    zone === 'system' ? 'System' : zone === 'none' ? 'None' : zone === 'create' ? spoke.privateDnsZoneId(privateDnsZoneName('apiServer', env.location)) : zone;
  return {
    apiServerPrivateDnsZoneId: zoneId,
    dnsPrefixPrivateCluster: custom ? env.names.dnsPrefix : undefined,
    apiServerSubnetId: api.vnetIntegration ? spoke.subnetId('apiServer') : undefined,
  };
}

/** The created Log Analytics workspace's customer ID, when the stack created one (construct `log-analytics`). */
function createdWorkspaceGuid(scope: Construct): string | undefined {
  const law = scope.node.tryFindChild('log-analytics') as { resource?: { workspaceId: string } } | undefined;
  return law?.resource?.workspaceId;
}

/**
 * The control plane's grants on what it writes to, before the cluster exists: Network Contributor on every subnet
 * AKS writes to besides the node subnet (pods, internal load balancer; the API server subnet is granted by the
 * cluster), and on the VNet with a custom private DNS zone; the cluster also waits for the firewall route.
 */
export function wireClusterNetwork(env: ResolvedEnvironment, spoke: SpokeNetwork, cluster: AksCluster): void {
  for (const [name, id] of Object.entries(spoke.clusterSubnetIds())) {
    if (id === spoke.subnetId('apiServer') && env.cluster.apiServer.vnetIntegration) continue;
    cluster.addControlPlaneGrant(`subnet-${name}-network-contributor`, id, BUILT_IN_ROLES.networkContributor);
  }
  const api = env.cluster.apiServer;
  if (api.access === 'private' && api.privateDnsZone !== 'system' && api.privateDnsZone !== 'none' && spoke.virtualNetworkId) {
    cluster.addControlPlaneGrant('vnet-network-contributor', spoke.virtualNetworkId, BUILT_IN_ROLES.networkContributor);
  }
  for (const dep of spoke.clusterPrerequisites) cluster.addPrerequisite(dep);
}

/** Private endpoints for the registry, the vault and the backup storage account, as configured. */
export function wireServiceEndpoints(
  env: ResolvedEnvironment,
  spoke: SpokeNetwork,
  targets: { keyVault: IKeyVault; registry: IContainerRegistry; backup?: StorageAccount },
): void {
  if (env.acr.privateEndpoint) {
    spoke.addPrivateEndpoint('registry', { resourceId: targets.registry.id, resourceName: targets.registry.name, subresource: 'registry', config: env.acr.privateEndpoint });
  }
  if (env.keyVault.privateEndpoint) {
    // Under the vault, where it has always been (its Terraform address is unchanged).
    const at = targets.keyVault instanceof Construct ? { scope: targets.keyVault, id: 'private-endpoint' } : undefined;
    spoke.addPrivateEndpoint('key-vault', { resourceId: targets.keyVault.id, resourceName: targets.keyVault.name, subresource: 'vault', config: env.keyVault.privateEndpoint }, at);
  }
  if (env.backup.privateEndpoint && targets.backup) {
    spoke.addPrivateEndpoint('backup-blob', { resourceId: targets.backup.id, resourceName: targets.backup.name, subresource: 'blob', config: env.backup.privateEndpoint });
  }
}

/** The Azure Monitor workspace's private endpoint (managed Prometheus ingestion). */
export function wireMonitorEndpoint(env: ResolvedEnvironment, spoke: SpokeNetwork, prometheus: ManagedPrometheus): void {
  const pe = env.cluster.monitoring.privateEndpoint;
  if (!pe || !prometheus.workspace) return;
  spoke.addPrivateEndpoint('monitor-workspace', {
    resourceId: prometheus.workspace.id,
    resourceName: prometheus.workspace.name,
    subresource: 'prometheusMetrics',
    config: pe,
  });
}
