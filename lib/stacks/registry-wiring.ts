/**
 * The platform registry from `acr` in platform.yaml: the registry and its attachment to the cluster, its diagnostic
 * setting and the AcrPush grants.
 */
import type { Construct } from 'constructs';
import type { ResolvedEnvironment } from '../config';
import { ContainerRegistry, type ContainerRegistryProps, type IContainerRegistry } from '../constructs/acr';
import { DiagnosticSetting } from '../constructs/diagnostic-setting';
import type { AksCluster } from '../constructs/aks-cluster';

/** The ContainerRegistry props of the registry the platform creates. */
export function registryProps(env: ResolvedEnvironment, resourceGroupName: string): ContainerRegistryProps {
  const acr = env.acr;
  return {
    name: env.names.acr,
    resourceGroupName,
    location: env.location,
    sku: acr.sku,
    zoneRedundancy: acr.zoneRedundancy,
    retentionDays: acr.retentionDays,
    publicNetworkAccess: acr.publicNetworkAccess,
    geoReplications: acr.geoReplications,
    dataEndpoint: acr.dataEndpoint || undefined,
    exportPolicy: acr.exportPolicy ? undefined : false,
    anonymousPull: acr.anonymousPull,
    quarantine: acr.quarantine || undefined,
    networkRules: acr.networkRules,
    tags: env.tags,
  };
}

/**
 * The platform registry: created from `acr` (or the existing one looked up by `acr.existingId`), and AcrPull for the
 * kubelet identity when `acr.attach` (`--attach-acr`); a bring-your-own kubelet identity gets it before the cluster
 * is created (seed 003).
 */
export function wireRegistry(scope: Construct, env: ResolvedEnvironment, cluster: AksCluster, resourceGroupName: string): IContainerRegistry {
  const acr = env.acr;
  const registry: IContainerRegistry = acr.existingId
    ? ContainerRegistry.fromRegistryId(scope, 'acr', acr.existingId)
    : new ContainerRegistry(scope, 'acr', registryProps(env, resourceGroupName));
  if (acr.attach) {
    const grant = registry.grantPull({ principalId: cluster.kubeletIdentity.objectId, principalName: 'kubelet' });
    if (cluster.hasOwnKubeletIdentity) cluster.addPrerequisite(grant);
  }
  return registry;
}

/**
 * The registry's diagnostic setting (a created registry only: an existing one's diagnostics belong to its owner)
 * and AcrPush for each `acr.pushPrincipals` entry (on a created or existing registry).
 */
export function wireRegistryExtras(scope: Construct, env: ResolvedEnvironment, registry: IContainerRegistry, logAnalyticsWorkspaceId: string): void {
  const acr = env.acr;
  const d = acr.diagnostics;
  if (registry instanceof ContainerRegistry && d.enabled && (d.categories.length > 0 || d.metrics)) {
    new DiagnosticSetting(scope, 'acr-diagnostics', {
      name: 'acr-diagnostics',
      targetResourceId: registry.id,
      logAnalyticsWorkspaceId: d.workspaceId ?? logAnalyticsWorkspaceId,
      logCategories: d.categories,
      allMetrics: d.metrics,
    });
  }
  for (const p of acr.pushPrincipals) {
    registry.grantPush({ principalId: p.principalId, principalName: p.name }, p.type);
  }
}
