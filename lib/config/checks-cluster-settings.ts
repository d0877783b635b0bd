/**
 * Cross-field rules of the cluster and node pool settings (lib/config/schema/cluster-settings.ts,
 * node-pool-settings.ts, autoscaler-profile.ts) and the warnings that go with them.
 */
import type { Problem } from './checks';
import { described } from './errors';
import type { ResolvedEnvironment } from './model';
import { DEFAULT_GPU_VM_SIZE, retiredOn, VM_DISK_FACTS, WINDOWS_OS_SKUS } from '../azure/node-pools';

/** Namespaces every cluster has (the platform writes no baseline there). */
const BUILT_IN = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** The pod CIDR AKS uses for overlay when none is given (AKS CNI Overlay documentation). */
export const AKS_DEFAULT_POD_CIDR = '10.244.0.0/16';

/** Workloads and add-ons that need workload identity (so the OIDC issuer and the webhook). */
export function workloadIdentityUsers(env: ResolvedEnvironment): string[] {
  const users = Object.entries(env.workloads ?? {})
    .filter(([, w]) => w && w.mode === 'workloadIdentity')
    .map(([name]) => `workloads.${name}`);
  if (env.backup.enabled) users.push('backup (Velero)');
  if (env.ingress.controller === 'agc') users.push('ingress.controller agc (ALB controller)');
  if (env.addons.trivyOperator.enabled) users.push('addons.trivyOperator');
  return users;
}

export function checkClusterSettings(env: ResolvedEnvironment, out: Problem[]): void {
  const c = env.cluster;
  const n = env.network;
  if (n.plugin === 'kubenet') {
    out.push({
      path: 'network.plugin',
      message: 'kubenet is retired for AKS (Microsoft retires it on 31 March 2028 and recommends CNI Overlay for every cluster); the platform does not create kubenet clusters',
      got: 'kubenet',
      allowed: 'azure (pluginMode overlay: pods on a private range, like kubenet; or pluginMode none: classic Azure CNI, pods on VNet IPs)',
    });
  }
  if (n.advancedNetworking?.security && n.policy !== 'cilium') {
    out.push({
      path: 'network.advancedNetworking.security',
      message: 'Advanced Container Networking security (FQDN filtering, L7 policy) needs the cilium data plane',
      got: described(`policy ${n.policy}`),
      allowed: 'network.policy cilium, or security: false',
    });
  }
  const wiUsers = workloadIdentityUsers(env);
  if ((!c.oidcIssuer || !c.workloadIdentity) && wiUsers.length > 0) {
    const field = !c.oidcIssuer ? 'oidcIssuer' : 'workloadIdentity';
    out.push({
      path: `cluster.${field}`,
      message: `workload identity is needed by ${wiUsers.join(', ')}`,
      got: false,
      allowed: `true, or move those to another secret access mode / turn those add-ons off`,
    });
  }
  if (c.workloadIdentity && !c.oidcIssuer) {
    out.push({ path: 'cluster.oidcIssuer', message: 'workload identity needs the OIDC issuer', got: false, allowed: 'true, or cluster.workloadIdentity: false' });
  }
  if (!c.secretRotationEnabled && c.secretRotationInterval !== '2m') {
    out.push({ path: 'cluster.secretRotationInterval', message: 'is set but secretRotationEnabled is false', got: c.secretRotationInterval, allowed: 'no interval, or secretRotationEnabled: true' });
  }
  if (c.costAnalysis && c.skuTier === 'Free') {
    out.push({ path: 'cluster.costAnalysis', message: 'AKS cost analysis needs the Standard or Premium tier', got: described('skuTier Free'), allowed: 'cluster.skuTier Standard or Premium, or costAnalysis: false' });
  }
  if (c.kms?.networkAccess === 'Private' && c.apiServer.access !== 'private') {
    // A private KMS vault is reached through API server VNet integration, which this platform pairs with a private cluster.
    out.push({ path: 'cluster.kms.networkAccess', message: 'a Private KMS vault is reached from the API server inside the VNet; the API server here is not private', got: 'Private', allowed: 'Public, or cluster.apiServer.access private' });
  }
  if (c.kms) {
    const vaultName = c.kms.keyVaultId.split('/').pop()!.toLowerCase();
    const keyVault = new URL(c.kms.keyId).hostname.split('.')[0].toLowerCase();
    if (vaultName !== keyVault) {
      out.push({ path: 'cluster.kms.keyVaultId', message: `names vault ${vaultName} but keyId is in vault ${keyVault}`, got: c.kms.keyVaultId, allowed: `the resource ID of vault ${keyVault}` });
    }
  }
  checkPools(env, out);
  checkNetworkPolicyEngine(env, out);
}

function checkPools(env: ResolvedEnvironment, out: Problem[]): void {
  const system = env.nodePools.find((p) => p.kind === 'system');
  const userPools = env.nodePools.filter((p) => p.mode === 'User');
  if (system && system.criticalAddonsOnly !== false && userPools.length === 0) {
    out.push({
      path: `nodePools.${system.name}.criticalAddonsOnly`,
      message: 'the system pool takes only critical add-ons (CriticalAddonsOnly taint), and no user pool exists for workloads and the other add-ons',
      got: described(`criticalAddonsOnly true, pools: ${env.nodePools.map((p) => `${p.name} (${p.kind})`).join(', ')}`),
      allowed: `criticalAddonsOnly: false on nodePools.${system.name} (a single-pool cluster), or a pool of kind user in nodePools`,
    });
  }
  for (const p of env.nodePools) {
    const at = `nodePools.${p.name}`;
    if (p.kind !== 'system' && p.criticalAddonsOnly !== undefined) {
      out.push({ path: `${at}.criticalAddonsOnly`, message: 'applies only to the system pool', got: p.criticalAddonsOnly, allowed: 'no criticalAddonsOnly (taint the pool with taints instead)' });
    }
    const retired = retiredOn(p.vmSize);
    if (retired) {
      out.push({
        path: `${at}.vmSize`,
        message: `Azure retired ${p.vmSize} on ${retired}: such VMs are deallocated and cannot be created`,
        got: p.vmSize,
        allowed: p.kind === 'gpu' ? `a current GPU size such as ${DEFAULT_GPU_VM_SIZE} (the gpu default) or Standard_NC24ads_A100_v4` : 'a current VM size',
      });
    }
    if (p.osSku) {
      const windowsSku = WINDOWS_OS_SKUS.includes(p.osSku);
      if (windowsSku !== (p.osType === 'Windows')) {
        out.push({ path: `${at}.osSku`, message: `${p.osSku} is not an OS image for a ${p.osType} pool`, got: p.osSku, allowed: p.osType === 'Windows' ? WINDOWS_OS_SKUS.join(', ') : 'Ubuntu, AzureLinux, Ubuntu2204, Ubuntu2404' });
      }
    }
    if (p.kind === 'system' && p.maxUnavailable !== undefined) {
      out.push({ path: `${at}.maxUnavailable`, message: 'azurerm 4.55 has no max_unavailable on the default (system) pool', got: p.maxUnavailable, allowed: 'maxSurge on the system pool' });
    }
    if (p.priority === 'Spot') {
      for (const key of ['maxUnavailable', 'drainTimeoutMinutes', 'nodeSoakMinutes'] as const) {
        if (p[key] !== undefined) out.push({ path: `${at}.${key}`, message: 'spot pools take no upgrade settings (AKS refuses them)', got: p[key], allowed: `no ${key}` });
      }
    }
    if (p.fips && p.osType === 'Windows') {
      out.push({ path: `${at}.fips`, message: 'FIPS node images are Linux only in this platform', got: true, allowed: 'false on a Windows pool' });
    }
    if (p.kubeletDiskType === 'Temporary' && p.osType === 'Windows') {
      out.push({ path: `${at}.kubeletDiskType`, message: 'Temporary kubelet disks are Linux only', got: 'Temporary', allowed: 'OS' });
    }
    checkPoolVersion(env, p.name, p.orchestratorVersion, out);
  }
}

/** A pool's version must not be newer than the control plane's, nor more than three minors behind (AKS version skew). */
function checkPoolVersion(env: ResolvedEnvironment, pool: string, version: string | undefined, out: Problem[]): void {
  const cluster = env.cluster.kubernetesVersion;
  if (!version) return;
  if (!cluster) {
    out.push({ path: `nodePools.${pool}.orchestratorVersion`, message: 'a pool version needs cluster.kubernetesVersion to compare with', got: version, allowed: 'set cluster.kubernetesVersion, or leave the pool to follow the cluster' });
    return;
  }
  const [cMaj, cMin] = cluster.split('.').map(Number);
  const [pMaj, pMin] = version.split('.').map(Number);
  const behind = (cMaj - pMaj) * 100 + (cMin - pMin);
  if (behind < 0 || behind > 3) {
    out.push({
      path: `nodePools.${pool}.orchestratorVersion`,
      message: behind < 0 ? 'is newer than the control plane' : 'is more than three minor versions behind the control plane (AKS supports n-3)',
      got: described(`${version} with cluster ${cluster}`),
      allowed: `${cMaj}.${Math.max(0, cMin - 3)} to ${cMaj}.${cMin}`,
    });
  }
}

/** NetworkPolicies nobody enforces give a false sense of isolation: production refuses them, development drops them. */
function checkNetworkPolicyEngine(env: ResolvedEnvironment, out: Problem[]): void {
  if (env.network.policy !== 'none' || env.preset !== 'production') return;
  const withPolicies = Object.entries(env.namespaces)
    .filter(([, ns]) => ns.denyAllIngress || ns.denyAllEgress || Object.keys(ns.allowIngress).length > 0)
    .map(([name]) => name);
  // A namespace only a workload names gets the baseline's defaults, default-deny ingress among them.
  for (const w of Object.values(env.workloads ?? {})) {
    if (w && !(w.namespace in env.namespaces) && !BUILT_IN.includes(w.namespace) && !withPolicies.includes(w.namespace)) withPolicies.push(w.namespace);
  }
  if (withPolicies.length === 0) return;
  out.push({
    path: 'network.policy',
    message: `none: nothing would enforce the NetworkPolicies of namespaces ${withPolicies.join(', ')}`,
    got: 'none',
    allowed: `azure, calico or cilium; or denyAllIngress/denyAllEgress false and no allowIngress in namespaces ${withPolicies.join(', ')}`,
  });
}

/** Things worth saying about these settings that are not errors. */
export function clusterSettingsWarnings(env: ResolvedEnvironment): string[] {
  const out: string[] = [];
  const system = env.nodePools.find((p) => p.kind === 'system');
  const open = env.nodePools.filter((p) => p.mode === 'User' && p.osType === 'Linux' && p.taints.length === 0);
  if (system && system.criticalAddonsOnly !== false && open.length === 0 && env.nodePools.some((p) => p.mode === 'User')) {
    out.push(`every user pool is tainted and nodePools.${system.name} takes only critical add-ons: pods without tolerations (the add-ons' among them) will stay Pending`);
  }
  if (env.network.policy === 'none') {
    out.push('network.policy is none: no NetworkPolicies are written (nothing would enforce them); namespaces are not isolated from each other');
  }
  for (const p of env.nodePools) {
    if (p.osDiskType !== 'Ephemeral') continue;
    const facts = VM_DISK_FACTS[p.vmSize.toLowerCase()];
    const size = p.osDiskSizeGb;
    if (facts && size !== undefined && size > Math.max(facts.cacheGiB, facts.tempGiB)) {
      out.push(`nodePools.${p.name}: an ephemeral OS disk of ${size} GB does not fit ${p.vmSize}'s cache (${facts.cacheGiB} GiB) or temp disk (${facts.tempGiB} GiB); AKS will refuse the pool. Use osDiskSizeGb <= ${Math.max(facts.cacheGiB, facts.tempGiB)} or a larger size`);
    }
    if (facts && size === undefined && Math.max(facts.cacheGiB, facts.tempGiB) < 128) {
      out.push(`nodePools.${p.name}: ${p.vmSize}'s cache and temp disk are under AKS's default 128 GB OS disk; set osDiskSizeGb to at most ${Math.max(facts.cacheGiB, facts.tempGiB)} for an ephemeral OS disk`);
    }
  }
  return out;
}
