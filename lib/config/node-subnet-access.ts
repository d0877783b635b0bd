/**
 * Which firewalls let the cluster's node subnet in, decided once from the configuration. The infra stack gives the
 * node subnet one service endpoint per firewall that admits it (a firewall rule for a subnet without its endpoint
 * fails at apply), the firewalls list the subnet on the same condition, and the warnings and the runbook say so.
 */
import type { ResolvedEnvironment } from './model';

/** The vault this platform creates admits the node subnet through its public-endpoint firewall. */
export function vaultAllowsNodeSubnet(env: ResolvedEnvironment): boolean {
  const kv = env.keyVault;
  return !kv.existingId && kv.publicNetworkAccess && kv.networkAcls.allowNodeSubnet;
}

/** The backup storage account admits the node subnet (Velero's traffic comes from the nodes). */
export function backupAllowsNodeSubnet(env: ResolvedEnvironment): boolean {
  return env.backup.enabled && env.backup.allowNodeSubnet && env.backup.publicNetworkAccess;
}
