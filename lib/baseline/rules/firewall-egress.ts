/**
 * Egress through a firewall this environment creates: its rules must allow every path the cluster needs, or nodes
 * fail to join, pull or mount. The rule reads the synthesized firewall policy (the rules the platform derived plus the
 * user's) and names each path that is missing. A hub firewall outside the stack is left to AKS-NET-101.
 */
import type { Outcome, Rule } from '../types';
import { attr, blocks, show, type EnvironmentView, type Resource } from '../stack-model';
import { homeAddress, outcome } from './dsl';
import { AKS_FQDN_TAG, ENTRA_ID_FQDNS } from '../../azure/aks-egress';

const LOCKED_DOWN = ['userDefinedRouting', 'userAssignedNATGateway'];

/** Everything the environment's firewall policies allow: FQDNs, FQDN tags, destination addresses and tags. */
function allowed(env: EnvironmentView): { fqdns: string[]; tags: string[]; addresses: string[] } {
  const out = { fqdns: [] as string[], tags: [] as string[], addresses: [] as string[] };
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  for (const g of env.ofType('azurerm_firewall_policy_rule_collection_group')) {
    for (const c of blocks(g.attrs, 'application_rule_collection')) {
      if (c.action !== 'Allow') continue;
      for (const r of blocks(c, 'rule')) {
        out.fqdns.push(...list(r.destination_fqdns));
        out.tags.push(...list(r.destination_fqdn_tags));
      }
    }
    for (const c of blocks(g.attrs, 'network_rule_collection')) {
      if (c.action !== 'Allow') continue;
      for (const r of blocks(c, 'rule')) {
        out.fqdns.push(...list(r.destination_fqdns));
        out.addresses.push(...list(r.destination_addresses));
      }
    }
  }
  return out;
}

/** Whether an FQDN list admits `fqdn` (exactly, or through a `*.` wildcard). */
function admits(fqdns: string[], fqdn: string): boolean {
  const f = fqdn.toLowerCase();
  return fqdns.some((x) => x.toLowerCase() === f || (x.startsWith('*.') && f.endsWith(x.slice(1).toLowerCase())));
}

/** Whether a private endpoint in the environment targets `target`. */
function hasPrivateEndpoint(env: EnvironmentView, target: Resource): boolean {
  return env.ofType('azurerm_private_endpoint').some((pe) => env.references(pe, attr(pe.attrs, 'private_service_connection.private_connection_resource_id'), target));
}

const firewallCoversCluster: Rule = {
  id: 'AKS-NET-102',
  title: 'A firewall this stack creates allows every path the cluster needs',
  severity: 'error',
  area: 'networking',
  seed: 'Network Security: egress through a firewall (learn.microsoft.com/azure/aks/outbound-rules-control-egress); seed 002: the CSI provider must reach Key Vault and Entra ID',
  remedy:
    'Keep the rules the platform derives for network.egress.firewall (AKS FQDN tag, Entra ID, registry, vault, monitoring); a path without them needs a private endpoint (acr.privateEndpoint, keyVault.privateEndpoint) or a rule in network.egress.firewall.applicationRules.',
  check(env): Outcome[] {
    const cluster = env.ofType('azurerm_kubernetes_cluster')[0];
    if (!cluster) return [{ address: homeAddress(env, 'infra'), status: 'not-applicable', detail: 'no cluster' }];
    const outbound = attr(cluster.attrs, 'network_profile.outbound_type');
    if (!LOCKED_DOWN.includes(String(outbound))) return [outcome(cluster, 'not-applicable', `outbound_type = ${show(outbound)} (egress is not locked down)`)];
    if (env.ofType('azurerm_firewall_policy_rule_collection_group').length === 0) {
      return [outcome(cluster, 'not-applicable', 'no firewall policy in this environment (a hub firewall: AKS-NET-101 checks the stated paths)')];
    }
    const a = allowed(env);
    const missing: string[] = [];
    if (!a.tags.includes(AKS_FQDN_TAG)) missing.push(`AKS (FQDN tag ${AKS_FQDN_TAG})`);
    if (!ENTRA_ID_FQDNS.every((f) => admits(a.fqdns, f)) && !a.addresses.includes('AzureActiveDirectory')) missing.push('Entra ID (login.microsoftonline.com)');
    for (const r of env.ofType('azurerm_container_registry')) {
      const name = String(r.attrs.name).toLowerCase();
      if (!hasPrivateEndpoint(env, r) && !admits(a.fqdns, `${name}.azurecr.io`) && !a.addresses.some((x) => x.startsWith('AzureContainerRegistry'))) {
        missing.push(`registry ${name}.azurecr.io (no private endpoint either)`);
      }
    }
    for (const v of env.ofType('azurerm_key_vault')) {
      const name = String(v.attrs.name).toLowerCase();
      if (!hasPrivateEndpoint(env, v) && !admits(a.fqdns, `${name}.vault.azure.net`) && !a.addresses.some((x) => x.startsWith('AzureKeyVault'))) {
        missing.push(`Key Vault ${name}.vault.azure.net (no private endpoint either)`);
      }
    }
    const monitored = attr(cluster.attrs, 'oms_agent') !== undefined || attr(cluster.attrs, 'monitor_metrics') !== undefined;
    if (monitored && !admits(a.fqdns, 'x.ods.opinsights.azure.com') && !a.addresses.some((x) => x.startsWith('AzureMonitor'))) {
      missing.push('Azure Monitor (*.ods.opinsights.azure.com, *.ingest.monitor.azure.com)');
    }
    return [
      outcome(cluster, missing.length === 0, missing.length ? `the firewall rules do not allow: ${missing.join('; ')}` : 'the firewall rules allow AKS, Entra ID, the registry, the vault and monitoring (or they have private endpoints)'),
    ];
  },
};

export const firewallEgressRules: readonly Rule[] = [firewallCoversCluster];
