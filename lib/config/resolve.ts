import { defaultNames } from '../azure/naming';
import type { EnvironmentConfig } from './schema';
import { namespaceSchema } from './schema/namespaces';
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
    // A key present with null (labels, taints, maxSurge keep their null through the merge) stops the fallback.
    const own = pool as Record<string, unknown>;
    const kd = kindDefaults as Record<string, unknown>;
    const pickNullable = <K extends keyof typeof base>(k: K) =>
      (own[k] !== undefined ? own[k] : kd[k] !== undefined ? kd[k] : base[k]) as (typeof base)[K] | null;
    // Only labels, taints and maxSurge can hold null (lib/config/merge.ts POOL_TOMBSTONES); the schema refuses it elsewhere.
    const pick = <K extends keyof typeof base>(k: K) => pickNullable(k) as (typeof base)[K];
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
      labels: layeredLabels(base.labels, kindDefaults.labels, pool.labels),
      // null (kept through the merge) and [] both mean "no taints"; undefined inherits.
      taints: pickNullable('taints') ?? [],
      // null leaves the surge to AKS.
      maxSurge: pickNullable('maxSurge') ?? undefined,
      spotMaxPrice: pick('spotMaxPrice'),
      evictionPolicy: pick('evictionPolicy'),
      maxPods: pick('maxPods'),
      osDiskSizeGb: pick('osDiskSizeGb'),
      hostEncryption: pick('hostEncryption'),
      osSku: pick('osSku'),
      osDiskType: pick('osDiskType'),
      kubeletDiskType: pick('kubeletDiskType'),
      fips: pick('fips'),
      nodePublicIp: pick('nodePublicIp'),
      orchestratorVersion: pick('orchestratorVersion'),
      capacityReservationGroupId: pick('capacityReservationGroupId'),
      proximityPlacementGroupId: pick('proximityPlacementGroupId'),
      gpuDriver: pick('gpuDriver'),
      criticalAddonsOnly: pick('criticalAddonsOnly'),
      maxUnavailable: pick('maxUnavailable'),
      drainTimeoutMinutes: pick('drainTimeoutMinutes'),
      nodeSoakMinutes: pick('nodeSoakMinutes'),
      subnet: pick('subnet'),
      podSubnet: pick('podSubnet'),
    };
  });
  return pools.sort((a, b) => (a.kind === 'system' ? 0 : 1) - (b.kind === 'system' ? 0 : 1) || a.name.localeCompare(b.name));
}

/**
 * Labels from the kind, then nodePoolDefaults, then the pool: each layer merges over the one before, a label set to
 * null is removed, and an empty map or null resets to no labels.
 */
function layeredLabels(...layers: (Record<string, string | null> | null | undefined)[]): Record<string, string> {
  let out: Record<string, string> = {};
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (layer === null || Object.keys(layer).length === 0) {
      out = {};
      continue;
    }
    for (const [k, v] of Object.entries(layer)) {
      if (v === null) delete out[k];
      else out[k] = v;
    }
  }
  return out;
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
    namespaces: withTeamNamespaces(cfg),
    tags: { environment: name, owner, project, 'managed-by': 'cdktf', ...cfg.tags },
  };
}

/** Built-in namespaces a team may be given a role in; the platform never creates them. */
const BUILT_IN_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** The `namespaces` entries plus each team namespace they do not list, with the namespace baseline's defaults. */
function withTeamNamespaces(cfg: EnvironmentConfig): EnvironmentConfig['namespaces'] {
  const out = { ...cfg.namespaces };
  for (const team of Object.values(cfg.teams)) {
    for (const ns of team.namespaces) if (!(ns in out) && !BUILT_IN_NAMESPACES.has(ns)) out[ns] = namespaceSchema.parse({});
  }
  return out;
}
