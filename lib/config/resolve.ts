import { defaultNames } from '../azure/naming';
import type { EnvironmentConfig } from './schema';
import type { ResolvedEnvironment, ResourceNames } from './model';
import { POOL_KIND_DEFAULTS, type ResolvedNodePool } from './pool-kinds';

/** Names derived from project and environment unless given. */
export function resolveNames(project: string, env: string, cfg: EnvironmentConfig): ResourceNames {
  const c = { project, name: env };
  const cluster = cfg.cluster.name ?? defaultNames.kubernetesCluster(c);
  return {
    resourceGroup: cfg.resourceGroupName ?? defaultNames.resourceGroup(c),
    cluster,
    dnsPrefix: cfg.cluster.dnsPrefix ?? cluster,
    keyVault: cfg.keyVault.name ?? defaultNames.keyVault(c),
    acr: cfg.acr.name ?? defaultNames.containerRegistry(c),
    backupStorageAccount: cfg.backup.storageAccountName ?? defaultNames.backupStorageAccount(c),
    virtualNetwork: cfg.network.vnet.name ?? defaultNames.virtualNetwork(cluster),
    logAnalyticsWorkspace: defaultNames.logAnalyticsWorkspace(cluster),
  };
}

/** Each pool: the kind's defaults, then the environment's nodePoolDefaults for that kind, then the pool's own. */
export function resolveNodePools(cfg: EnvironmentConfig): ResolvedNodePool[] {
  const pools = Object.entries(cfg.nodePools).map(([name, pool]): ResolvedNodePool => {
    const base = POOL_KIND_DEFAULTS[pool.kind];
    const kindDefaults = cfg.nodePoolDefaults[pool.kind] ?? {};
    const pick = <K extends keyof typeof base>(k: K) =>
      ((pool as Record<string, unknown>)[k] ?? (kindDefaults as Record<string, unknown>)[k] ?? base[k]) as (typeof base)[K];
    return {
      ...base,
      name,
      kind: pool.kind,
      vmSize: pick('vmSize'),
      count: pick('count'),
      autoscaling: pick('autoscaling'),
      minCount: pick('minCount'),
      maxCount: pick('maxCount'),
      zones: pick('zones'),
      labels: { ...base.labels, ...kindDefaults.labels, ...pool.labels },
      taints: pick('taints'),
      maxSurge: pick('maxSurge'),
      spotMaxPrice: pick('spotMaxPrice'),
      evictionPolicy: pick('evictionPolicy'),
      maxPods: pick('maxPods'),
      osDiskSizeGb: pick('osDiskSizeGb'),
      hostEncryption: pick('hostEncryption'),
    };
  });
  return pools.sort((a, b) => (a.kind === 'system' ? 0 : 1) - (b.kind === 'system' ? 0 : 1) || a.name.localeCompare(b.name));
}

export function resolveEnvironment(project: string, owner: string, name: string, cfg: EnvironmentConfig): ResolvedEnvironment {
  const { nodePools: _p, nodePoolDefaults: _d, resourceGroupName: _r, ...rest } = cfg;
  return {
    ...rest,
    name,
    project,
    owner,
    names: resolveNames(project, name, cfg),
    nodePools: resolveNodePools(cfg),
    tags: { environment: name, owner, project, 'managed-by': 'cdktf', ...cfg.tags },
  };
}
