/**
 * The rule collection groups of an egress firewall this stack creates, derived from the configuration: AKS's
 * required outbound rules, then one rule per Azure service an enabled feature reaches without a private endpoint
 * (registry, vault, backup storage, monitoring, Azure Policy, Entra ID), then the user's own rules.
 */
import type { ResolvedEnvironment } from '../config';
import {
  AKS_FQDN_TAG,
  AZURE_POLICY_FQDNS,
  ENTRA_ID_FQDNS,
  MONITORING_FQDNS,
  blobFqdn,
  registryFqdns,
  vaultFqdn,
} from '../azure/aks-egress';
import type { FirewallApplicationRule, FirewallNetworkRule, FirewallRuleGroup } from '../constructs/network/egress-firewall';

export function aksEgressRuleGroups(env: ResolvedEnvironment, sources: string[]): FirewallRuleGroup[] {
  const region = env.location;
  const mon = env.cluster.monitoring;
  const network: FirewallNetworkRule[] = [
    // Node-to-control-plane tunnel and API server traffic (not needed with a private cluster, harmless with one).
    { name: 'aks-tunnel-udp', sourceAddresses: sources, protocols: ['UDP'], destinationPorts: ['1194'], destinationAddresses: [`AzureCloud.${region}`] },
    { name: 'aks-tunnel-tcp', sourceAddresses: sources, protocols: ['TCP'], destinationPorts: ['9000'], destinationAddresses: [`AzureCloud.${region}`] },
    { name: 'aks-api-server', sourceAddresses: sources, protocols: ['TCP'], destinationPorts: ['443'], destinationAddresses: [`AzureCloud.${region}`] },
    // Time sync; an FQDN in a network rule needs the firewall's DNS proxy (on by default).
    { name: 'ntp', sourceAddresses: sources, protocols: ['UDP'], destinationPorts: ['123'], destinationFqdns: ['ntp.ubuntu.com'] },
  ];
  if (env.network.vnet.dnsServers.length) {
    network.push({ name: 'custom-dns', sourceAddresses: sources, protocols: ['UDP', 'TCP'], destinationPorts: ['53'], destinationAddresses: env.network.vnet.dnsServers });
  }
  const app: FirewallApplicationRule[] = [
    { name: 'aks-fqdn-tag', sourceAddresses: sources, fqdnTags: [AKS_FQDN_TAG], protocols: ['Https', 'Http'] },
    { name: 'entra-id', sourceAddresses: sources, fqdns: ENTRA_ID_FQDNS },
  ];
  if (!env.acr.privateEndpoint) {
    const name = env.acr.existingId ? env.acr.existingId.split('/').pop()! : env.names.acr;
    const regions = [region, ...env.acr.geoReplications.map((g) => g.location)];
    app.push({ name: 'registry', sourceAddresses: sources, fqdns: registryFqdns(name, regions, env.acr.dataEndpoint) });
  }
  if (!env.keyVault.privateEndpoint) {
    const name = env.keyVault.existingId ? env.keyVault.existingId.split('/').pop()! : env.names.keyVault;
    app.push({ name: 'key-vault', sourceAddresses: sources, fqdns: [vaultFqdn(name)] });
  }
  if (env.backup.enabled && !env.backup.privateEndpoint) {
    app.push({ name: 'backup-storage', sourceAddresses: sources, fqdns: [blobFqdn(env.names.backupStorageAccount)] });
  }
  if (mon.containerInsights || mon.prometheus || mon.defender) {
    app.push({ name: 'monitoring', sourceAddresses: sources, fqdns: MONITORING_FQDNS });
  }
  if (mon.azurePolicy) app.push({ name: 'azure-policy', sourceAddresses: sources, fqdns: AZURE_POLICY_FQDNS });

  const groups: FirewallRuleGroup[] = [{ name: 'aks-required', priority: 200, networkRules: network, applicationRules: app }];
  const fw = env.network.egress.firewall!;
  if (fw.applicationRules.length || fw.networkRules.length) {
    groups.push({
      name: 'user',
      priority: 300,
      applicationRules: fw.applicationRules.map((r) => ({ name: r.name, sourceAddresses: r.sources ?? sources, fqdns: r.fqdns, protocols: r.protocols })),
      networkRules: fw.networkRules.map((r) => ({
        name: r.name,
        sourceAddresses: r.sources ?? sources,
        protocols: r.protocols,
        destinationPorts: r.ports,
        destinationAddresses: r.destinations,
      })),
    });
  }
  return groups;
}
