/**
 * Things worth saying about a valid environment that are not errors: placeholders still in place, and settings the
 * platform cannot check because they live outside it. Printed on stderr at synth; never written to the output.
 */
import type { ResolvedEnvironment } from './model';
import { backupAllowsNodeSubnet, vaultAllowsNodeSubnet } from './node-subnet-access';
import { PLACEHOLDER_GUID } from './schema/common';
import { clusterSettingsWarnings } from './checks-cluster-settings';
import { networkWarnings } from './network-plan';

export function environmentWarnings(env: ResolvedEnvironment): string[] {
  const out: string[] = [];
  const say = (text: string) => out.push(`${env.name}: ${text}`);
  for (const key of ['subscriptionId', 'tenantId'] as const) {
    if (env[key] === PLACEHOLDER_GUID) say(`${key} is still the placeholder ${PLACEHOLDER_GUID}; synth works, plan and deploy will not`);
  }
  const admins = env.cluster.adminGroupObjectIds;
  if (admins.length === 0) {
    say('cluster.adminGroupObjectIds is empty: with local accounts off, nobody can administer the cluster (nor apply the platform stack) until a group gets Azure Kubernetes Service RBAC Cluster Admin');
  } else if (admins.includes(PLACEHOLDER_GUID)) {
    say(`cluster.adminGroupObjectIds still holds the placeholder ${PLACEHOLDER_GUID}; put your admin group's object ID there`);
  }
  // RFC 5737 documentation ranges: the example's placeholders for "your office and CI egress ranges".
  const docs = env.cluster.apiServer.authorizedIpRanges.filter((r) => /^(192\.0\.2|198\.51\.100|203\.0\.113)\./.test(r));
  if (env.cluster.apiServer.access === 'authorizedRanges' && docs.length > 0) {
    say(`cluster.apiServer.authorizedIpRanges still holds documentation ranges (${docs.join(', ')}); put your office and CI egress ranges there`);
  }
  if (env.network.existingNodeSubnetId && backupAllowsNodeSubnet(env)) {
    say('the backup storage firewall allows the existing node subnet (backup.allowNodeSubnet): that subnet must already have the Microsoft.Storage service endpoint, which the platform does not manage there');
  }
  if (env.network.existingNodeSubnetId && vaultAllowsNodeSubnet(env)) {
    say('the vault firewall allows the existing node subnet (keyVault.networkAcls.allowNodeSubnet): that subnet must already have the Microsoft.KeyVault service endpoint, which the platform does not manage there');
  }
  for (const w of clusterSettingsWarnings(env)) say(w);
  for (const w of networkWarnings(env)) say(w);
  return out;
}
