/** The network paths the platform builds so the Key Vault CSI provider reaches the vault (seed 002). */
import { all, stack } from '../helpers/synth';
import { byPath, ref } from '../helpers/terraform';

const EXISTING_NODES = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/nodes';
const prod = (p: Record<string, unknown>) => ({ environments: { prod: p } });
const nodeSubnet = (patch?: Record<string, unknown>) => {
  const cluster = byPath(stack('prod-infra', patch), 'azurerm_kubernetes_cluster', 'aks/cluster').body;
  return cluster.default_node_pool.vnet_subnet_id as string;
};

describe('vault firewall', () => {
  test('allows the node subnet by default, which carries the Microsoft.KeyVault service endpoint', () => {
    const infra = stack('prod-infra');
    const vault = byPath(infra, 'azurerm_key_vault', 'key-vault/vault').body;
    expect(vault.network_acls.default_action).toBe('Deny');
    expect(vault.network_acls.virtual_network_subnet_ids).toEqual([nodeSubnet()]);
    const subnet = Object.entries(all(infra, 'azurerm_subnet')).find(([name]) => nodeSubnet() === ref('azurerm_subnet', name, 'id'))!;
    expect(subnet[1].service_endpoints).toContain('Microsoft.KeyVault');
  });

  test('allowNodeSubnet false leaves the subnet out, and the subnet without the service endpoint', () => {
    const patch = prod({ workloads: null, keyVault: { networkAcls: { allowNodeSubnet: false } } });
    const infra = stack('prod-infra', patch);
    expect(byPath(infra, 'azurerm_key_vault', 'key-vault/vault').body.network_acls.virtual_network_subnet_ids).toEqual([]);
    expect(Object.values(all(infra, 'azurerm_subnet')).some((s) => (s.service_endpoints ?? []).includes('Microsoft.KeyVault'))).toBe(false);
  });
});

describe('private endpoint', () => {
  test('defaults to the node subnet and links the privatelink zone it creates to the platform VNet', () => {
    const patch = prod({ keyVault: { publicNetworkAccess: false, privateEndpoint: {} } });
    const infra = stack('prod-infra', patch);
    const pe = byPath(infra, 'azurerm_private_endpoint', 'key-vault/private-endpoint').body;
    expect(pe.subnet_id).toBe(nodeSubnet(patch));
    // The zone is the environment's shared one (every endpoint of a zone name registers there).
    const zone = byPath(infra, 'azurerm_private_dns_zone', 'private-dns/zone-privatelink.vaultcore.azure.net');
    expect(zone.body.name).toBe('privatelink.vaultcore.azure.net');
    const vnet = byPath(infra, 'azurerm_virtual_network', 'network/vnet').name;
    const links = Object.values(all(infra, 'azurerm_private_dns_zone_virtual_network_link'));
    expect(links.map((l) => l.virtual_network_id)).toEqual([ref('azurerm_virtual_network', vnet, 'id')]);
    expect(pe.private_dns_zone_group.private_dns_zone_ids).toEqual([ref('azurerm_private_dns_zone', zone.name, 'id')]);
  });

  test('with an existing node subnet, the zone is linked to that subnet\'s VNet', () => {
    const patch = prod({ network: { existingNodeSubnetId: EXISTING_NODES }, keyVault: { publicNetworkAccess: false, privateEndpoint: {} } });
    const links = Object.values(all(stack('prod-infra', patch), 'azurerm_private_dns_zone_virtual_network_link'));
    expect(links.map((l) => l.virtual_network_id)).toEqual([EXISTING_NODES.replace(/\/subnets\/nodes$/, '')]);
  });
});

describe('locked-down egress', () => {
  test('the stated paths become the infra output egress_paths', () => {
    const patch = prod({ network: { outboundType: 'userDefinedRouting', existingNodeSubnetId: EXISTING_NODES, egress: { keyVault: 'privateEndpoint', entraId: 'firewall' } }, keyVault: { privateEndpoint: {} } });
    expect(stack('prod-infra', patch).output!.egress_paths.value).toEqual({ key_vault: 'privateEndpoint', entra_id: 'firewall' });
  });

  test('nothing stated, no output', () => {
    expect(stack('prod-infra').output!.egress_paths).toBeUndefined();
  });
});

describe('namespace egress policies', () => {
  const policies = (patch?: Record<string, unknown>) =>
    Object.values(all(stack('prod-platform', patch), 'kubernetes_network_policy_v1')).filter((p) => String(p.metadata.namespace).includes('namespace-production'));

  test('denyAllEgress keeps DNS to the cluster DNS and HTTPS open', () => {
    const mine = policies(prod({ namespaces: { production: { denyAllEgress: true } } }));
    const byName = Object.fromEntries(mine.map((p) => [p.metadata.name, p.spec]));
    expect(byName['deny-all-egress']).toEqual({ pod_selector: {}, policy_types: ['Egress'] });
    expect(byName['allow-dns-egress'].egress[0].ports).toEqual([{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }]);
    expect(byName['allow-dns-egress'].egress[0].to[0].pod_selector.match_labels).toEqual({ 'k8s-app': 'kube-dns' });
    expect(byName['allow-https-egress'].egress[0]).toEqual({ to: [{ ip_block: { cidr: '0.0.0.0/0' } }], ports: [{ port: '443', protocol: 'TCP' }] });
  });

  test('is off by default', () => {
    expect(policies().map((p) => p.metadata.name)).not.toContain('deny-all-egress');
  });

  test('no policy is ever written to kube-system, where the CSI provider runs', () => {
    const patch = prod({ namespaces: { production: { denyAllEgress: true } } });
    expect(Object.values(all(stack('prod-platform', patch), 'kubernetes_network_policy_v1')).map((p) => p.metadata.namespace)).not.toContain('kube-system');
  });
});

describe('vault firewall and node subnet stay consistent', () => {
  test.each([
    ['private endpoint only', { keyVault: { publicNetworkAccess: false, privateEndpoint: {} } }],
    ['allowNodeSubnet off', { workloads: null, keyVault: { networkAcls: { allowNodeSubnet: false } } }],
  ])('%s: no subnet rule, and no service endpoint', (_what, patch) => {
    const infra = stack('prod-infra', prod(patch));
    expect(byPath(infra, 'azurerm_key_vault', 'key-vault/vault').body.network_acls.virtual_network_subnet_ids).toEqual([]);
    expect(Object.values(all(infra, 'azurerm_subnet')).some((s) => (s.service_endpoints ?? []).includes('Microsoft.KeyVault'))).toBe(false);
  });
});

describe('backup storage firewall', () => {
  test('denies all but the node subnet, which carries the Microsoft.Storage service endpoint', () => {
    const infra = stack('prod-infra');
    const account = Object.values(all(infra, 'azurerm_storage_account'))[0];
    expect(account.network_rules).toEqual({ default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [], virtual_network_subnet_ids: [nodeSubnet()] });
    const subnet = Object.entries(all(infra, 'azurerm_subnet')).find(([name]) => nodeSubnet() === ref('azurerm_subnet', name, 'id'))!;
    expect(subnet[1].service_endpoints).toContain('Microsoft.Storage');
  });

  test('ipRules are added; allowNodeSubnet false opens the public endpoint (Entra ID only) and drops the endpoint', () => {
    const withIps = Object.values(all(stack('prod-infra', prod({ backup: { ipRules: ['203.0.113.7'] } })), 'azurerm_storage_account'))[0];
    expect(withIps.network_rules.ip_rules).toEqual(['203.0.113.7']);
    const open = stack('prod-infra', prod({ backup: { allowNodeSubnet: false } }));
    expect(Object.values(all(open, 'azurerm_storage_account'))[0].network_rules).toBeUndefined();
    expect(Object.values(all(open, 'azurerm_subnet')).some((s) => (s.service_endpoints ?? []).includes('Microsoft.Storage'))).toBe(false);
  });
});
