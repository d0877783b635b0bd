/**
 * Key Vault reachability (seed 002, "troubleshooting the Key Vault provider for the Secrets Store CSI driver"): the
 * provider runs on the nodes' host network in kube-system and must reach Key Vault and Entra ID, or every mount
 * fails with `context deadline exceeded`. These rules check, in the synthesized Terraform, that a path exists.
 */
import type { Outcome, Rule } from '../types';
import { attr, blocks, show, type EnvironmentView, type Resource } from '../stack-model';
import { homeAddress, outcome } from './dsl';
import { meta, namespaces, objects } from './k8s-helpers';

const SEED = 'Seed 002 (Key Vault provider troubleshooting): context deadline exceeded = the provider cannot reach Key Vault';
export const KEY_VAULT_PRIVATE_DNS_ZONE = 'privatelink.vaultcore.azure.net';
const LOCKED_DOWN = ['userDefinedRouting', 'userAssignedNATGateway'];

/** The node subnet: the cluster default pool's `vnet_subnet_id` (a reference or a literal ID). */
function nodeSubnet(env: EnvironmentView): { value: unknown; cluster?: Resource } {
  const cluster = env.ofType('azurerm_kubernetes_cluster')[0];
  return { value: cluster ? attr(cluster.attrs, 'default_node_pool.vnet_subnet_id') : undefined, cluster };
}

/** The VNet a subnet value lives in: the referenced azurerm_virtual_network, or the VNet part of a literal ID. */
function vnetOf(env: EnvironmentView, from: Resource, subnetValue: unknown): Resource | string | undefined {
  if (typeof subnetValue !== 'string') return undefined;
  if (!subnetValue.includes('${')) return /^(.*\/virtualNetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(subnetValue)?.[1]?.toLowerCase();
  const subnet = env.ofType('azurerm_subnet').find((s) => env.references(from, subnetValue, s));
  if (!subnet) return undefined;
  return env.ofType('azurerm_virtual_network').find((v) => env.references(subnet, subnet.attrs.virtual_network_name, v));
}

/** Private endpoints whose service connection targets `vault`. */
function privateEndpointsOf(env: EnvironmentView, vault: Resource): Resource[] {
  return env
    .ofType('azurerm_private_endpoint')
    .filter((pe) => env.references(pe, attr(pe.attrs, 'private_service_connection.private_connection_resource_id'), vault));
}

/** Whether `pe` is in a subnet of the nodes' VNet (so the nodes reach it without peering assumptions). */
function inNodeVnet(env: EnvironmentView, pe: Resource): boolean {
  const { value, cluster } = nodeSubnet(env);
  if (!cluster || value === undefined) return false;
  if (pe.attrs.subnet_id === value) return true;
  const nodes = vnetOf(env, cluster, value);
  return nodes !== undefined && nodes === vnetOf(env, pe, pe.attrs.subnet_id);
}

/** Whether the endpoint registers in a privatelink.vaultcore.azure.net zone linked to the nodes' VNet. */
function dnsLinked(env: EnvironmentView, pe: Resource): [boolean, string] {
  const ids = attr(pe.attrs, 'private_dns_zone_group.private_dns_zone_ids');
  const zone = env.ofType('azurerm_private_dns_zone').find((z) => z.attrs.name === KEY_VAULT_PRIVATE_DNS_ZONE && env.references(pe, ids, z));
  if (!zone) {
    const literal = Array.isArray(ids) && ids.some((i) => typeof i === 'string' && i.toLowerCase().endsWith(`/privatednszones/${KEY_VAULT_PRIVATE_DNS_ZONE}`));
    return [literal, literal ? 'registers in an existing privatelink.vaultcore.azure.net zone (its VNet links are managed elsewhere)' : `no ${KEY_VAULT_PRIVATE_DNS_ZONE} zone in the endpoint's DNS zone group`];
  }
  const { value, cluster } = nodeSubnet(env);
  const nodes = cluster ? vnetOf(env, cluster, value) : undefined;
  const links = env.ofType('azurerm_private_dns_zone_virtual_network_link').filter((l) => env.references(l, l.attrs.private_dns_zone_name, zone));
  const linked = links.some((l) =>
    typeof nodes === 'string' ? String(l.attrs.virtual_network_id).toLowerCase() === nodes : nodes !== undefined && env.references(l, l.attrs.virtual_network_id, nodes),
  );
  return [linked, linked ? `${KEY_VAULT_PRIVATE_DNS_ZONE} linked to the nodes' VNet` : `${KEY_VAULT_PRIVATE_DNS_ZONE} is not linked to the nodes' VNet`];
}

const privateVault: Rule = {
  id: 'AKS-KV-101',
  title: 'A vault without a public endpoint has a private endpoint the nodes reach',
  severity: 'error',
  area: 'key vault',
  seed: SEED,
  remedy:
    'Add keyVault.privateEndpoint (it defaults to the node subnet and links the private DNS zone it creates to the nodes\' VNet), or keep keyVault.publicNetworkAccess: true with keyVault.networkAcls.allowNodeSubnet.',
  check(env) {
    const vaults = env.ofType('azurerm_key_vault');
    if (vaults.length === 0) return [{ address: homeAddress(env, 'infra'), status: 'not-applicable', detail: 'no azurerm_key_vault in the environment' }];
    return vaults.map((v): Outcome => {
      if (v.attrs.public_network_access_enabled !== false) return outcome(v, 'not-applicable', 'public endpoint enabled (AKS-KV-102 checks its firewall)');
      const pes = privateEndpointsOf(env, v);
      if (pes.length === 0) return outcome(v, false, 'public_network_access_enabled = false and no private endpoint: the CSI driver cannot reach the vault');
      const reachable = pes.filter((pe) => inNodeVnet(env, pe));
      if (reachable.length === 0) return outcome(v, false, `private endpoint ${pes[0].address} is not in the nodes' VNet`);
      const [ok, detail] = dnsLinked(env, reachable[0]);
      return outcome(v, ok, `private endpoint ${reachable[0].address}; ${detail}`);
    });
  },
};

const firewalledVault: Rule = {
  id: 'AKS-KV-102',
  title: 'A vault firewall that denies by default lets the nodes in',
  severity: 'error',
  area: 'key vault',
  seed: SEED,
  remedy:
    'Keep keyVault.networkAcls.allowNodeSubnet: true (the node subnet, with the Microsoft.KeyVault service endpoint), add the cluster egress IPs to keyVault.networkAcls.ipRules, or add keyVault.privateEndpoint.',
  check(env) {
    const vaults = env.ofType('azurerm_key_vault');
    if (vaults.length === 0) return [{ address: homeAddress(env, 'infra'), status: 'not-applicable', detail: 'no azurerm_key_vault in the environment' }];
    const { value: subnet, cluster } = nodeSubnet(env);
    return vaults.map((v): Outcome => {
      const subnets = attr(v.attrs, 'network_acls.virtual_network_subnet_ids');
      const list = Array.isArray(subnets) ? subnets : [];
      // In every mode: Key Vault refuses (at apply) a subnet rule for a subnet without the service endpoint.
      const bare = env
        .ofType('azurerm_subnet')
        .find((s) => env.references(v, list, s) && !((s.attrs.service_endpoints as unknown[] | undefined) ?? []).includes('Microsoft.KeyVault'));
      if (bare) return outcome(v, false, `network_acls lists ${bare.address}, which has no Microsoft.KeyVault service endpoint (apply fails)`);
      if (v.attrs.public_network_access_enabled === false) return outcome(v, 'not-applicable', 'no public endpoint (AKS-KV-101 checks the private path)');
      const action = attr(v.attrs, 'network_acls.default_action');
      if (action !== 'Deny') return outcome(v, true, `network_acls.default_action = ${show(action)}`);
      const nodeAllowed = subnet !== undefined && cluster !== undefined && list.some((s) => s === subnet || (typeof s === 'string' && s === subnet));
      if (nodeAllowed) {
        const created = env.ofType('azurerm_subnet').find((s) => cluster && env.references(cluster, subnet, s));
        const endpoints = created ? (created.attrs.service_endpoints as unknown[] | undefined) ?? [] : ['(existing subnet)'];
        const ok = !created || endpoints.includes('Microsoft.KeyVault');
        return outcome(v, ok, ok ? 'the node subnet is allowed' : 'the node subnet is allowed but has no Microsoft.KeyVault service endpoint');
      }
      const ips = attr(v.attrs, 'network_acls.ip_rules');
      if (Array.isArray(ips) && ips.length > 0) return outcome(v, true, `ip_rules = ${show(ips)} (the cluster's egress IPs must be among them)`);
      const pe = privateEndpointsOf(env, v).find((p) => inNodeVnet(env, p));
      if (pe) return outcome(v, true, `reached through private endpoint ${pe.address}`);
      return outcome(v, false, 'network_acls.default_action = "Deny" and neither the node subnet, egress IPs nor a private endpoint is allowed: mounts fail with context deadline exceeded');
    });
  },
};

const lockedDownEgress: Rule = {
  id: 'AKS-NET-101',
  title: 'Locked-down egress states how Key Vault and Entra ID are reached',
  severity: 'error',
  area: 'networking',
  seed: `${SEED}; firewall rules blocking the provider's egress`,
  remedy:
    'With network.outboundType userDefinedRouting or userAssignedNATGateway, set network.egress.keyVault (privateEndpoint, serviceEndpoint or firewall) and network.egress.entraId (firewall or proxy), and open those paths in the hub firewall; a firewall created here (network.egress.firewall) derives them, and AKS-NET-102 checks its rules.',
  check(env) {
    const cluster = env.ofType('azurerm_kubernetes_cluster')[0];
    if (!cluster) return [{ address: homeAddress(env, 'infra'), status: 'not-applicable', detail: 'no cluster' }];
    const outbound = attr(cluster.attrs, 'network_profile.outbound_type');
    if (!LOCKED_DOWN.includes(String(outbound))) return [outcome(cluster, 'not-applicable', `outbound_type = ${show(outbound)} (egress is not locked down)`)];
    const infra = env.stacks[`${env.name}-infra`];
    const paths = infra?.output?.egress_paths?.value as Record<string, unknown> | undefined;
    const kv = paths?.key_vault;
    const entra = paths?.entra_id;
    const stated = typeof kv === 'string' && kv !== 'unstated' && typeof entra === 'string' && entra !== 'unstated';
    if (!stated) return [outcome(cluster, false, `outbound_type = ${show(outbound)} and egress_paths = ${show(paths)}: how Key Vault and Entra ID are reached is not stated`)];
    if (kv === 'privateEndpoint') {
      const missing = env.ofType('azurerm_key_vault').filter((v) => privateEndpointsOf(env, v).length === 0);
      if (missing.length) return [outcome(cluster, false, `egress_paths.key_vault = "privateEndpoint" but ${missing[0].address} has no private endpoint`)];
    }
    return [outcome(cluster, true, `outbound_type = ${show(outbound)}; Key Vault via ${kv}, Entra ID via ${entra}`)];
  },
};

/** A NetworkPolicy's policy types, its selector and its egress rules, typed or manifest. */
function policyParts(r: Resource): { types: string[]; selectsAll: boolean; egress: Record<string, unknown>[] } {
  const spec = (r.type === 'kubernetes_manifest' ? attr(r.attrs, 'manifest.spec') : attr(r.attrs, 'spec')) as Record<string, unknown> | undefined;
  const types = ((spec?.policy_types ?? spec?.policyTypes) as string[] | undefined) ?? [];
  const sel = (spec?.pod_selector ?? spec?.podSelector) as Record<string, unknown> | undefined;
  const selectsAll = !sel || Object.keys(sel).length === 0 || Object.values(sel).every((v) => v === undefined || (typeof v === 'object' && v && Object.keys(v).length === 0));
  return { types, selectsAll, egress: blocks(spec ?? {}, 'egress') };
}

/** Whether some egress rule in `policies` opens `port`/`protocol`. */
function opens(policies: Resource[], port: string, protocol: string): boolean {
  return policies.some((p) =>
    policyParts(p).egress.some((rule) => blocks(rule, 'ports').some((pt) => String(pt.port) === port && String(pt.protocol ?? 'TCP') === protocol)),
  );
}

const csiNotBlocked: Rule = {
  id: 'AKS-K8S-101',
  title: 'No NetworkPolicy blocks the CSI provider; default-deny egress keeps DNS and HTTPS open',
  severity: 'error',
  area: 'kubernetes objects',
  seed: `${SEED}; a network policy blocking the provider's egress`,
  remedy:
    'Never put NetworkPolicies in kube-system (the provider runs there on the host network); a namespace with namespaces.<name>.denyAllEgress gets the DNS and HTTPS allow policies from the platform (httpsEgressCidrs).',
  check(env) {
    const pols = objects(env, ['kubernetes_network_policy_v1', 'kubernetes_network_policy'], 'NetworkPolicy');
    const out: Outcome[] = pols.filter((p) => meta(p, 'namespace') === 'kube-system').map((p) => outcome(p, false, 'a NetworkPolicy in kube-system, where the Key Vault provider runs'));
    for (const ns of namespaces(env)) {
      const mine = pols.filter((p) => env.references(p, meta(p, 'namespace'), ns) || meta(p, 'namespace') === meta(ns, 'name'));
      const denyEgress = mine.some((p) => {
        const parts = policyParts(p);
        return parts.types.includes('Egress') && parts.selectsAll && parts.egress.length === 0;
      });
      if (!denyEgress) continue;
      const dns = opens(mine, '53', 'UDP');
      const https = opens(mine, '443', 'TCP');
      out.push(outcome(ns, dns && https, `default-deny egress; DNS (UDP 53) ${dns ? 'open' : 'BLOCKED'}, HTTPS (TCP 443, Entra ID and Key Vault) ${https ? 'open' : 'BLOCKED'}`));
    }
    if (out.length === 0) return [{ address: homeAddress(env, 'platform'), status: 'pass', detail: 'no NetworkPolicy in kube-system and no default-deny egress' }];
    return out;
  },
};

/** The reachability rules, in report order. */
export const reachabilityRules: readonly Rule[] = [privateVault, firewalledVault, lockedDownEgress, csiNotBlocked];
