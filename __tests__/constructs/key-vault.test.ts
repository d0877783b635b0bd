import { all, stack } from '../helpers/synth';
import { byPath, ref } from '../helpers/terraform';

const vault = (patch?: Record<string, unknown>) => byPath(stack('prod-infra', patch), 'azurerm_key_vault', 'key-vault/vault').body;
const prod = (keyVault: Record<string, unknown>) => ({ environments: { prod: { keyVault } } });
const SUBNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-pe';
const VNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub';
const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mon/providers/Microsoft.OperationalInsights/workspaces/log-demo';

describe('Key Vault', () => {
  test('prevent_destroy is set on the vault', () => {
    expect(vault().lifecycle).toEqual({ prevent_destroy: true });
  });

  test('prod: RBAC authorization, purge protection and 90-day soft delete', () => {
    expect(vault()).toMatchObject({ rbac_authorization_enabled: true, purge_protection_enabled: true, soft_delete_retention_days: 90 });
    expect(vault()).not.toHaveProperty('enable_rbac_authorization');
  });

  test('dev preset: purge protection off and 7-day soft delete (still prevent_destroy)', () => {
    const v = byPath(stack('dev-infra'), 'azurerm_key_vault', 'key-vault/vault').body;
    expect(v).toMatchObject({ purge_protection_enabled: false, soft_delete_retention_days: 7, lifecycle: { prevent_destroy: true } });
  });

  test('public endpoint denies by default, letting only trusted Azure services, the node subnet and listed networks through', () => {
    const nodes = byPath(stack('prod-infra'), 'azurerm_kubernetes_cluster', 'aks/cluster').body.default_node_pool.vnet_subnet_id;
    expect(vault().network_acls).toEqual({ default_action: 'Deny', bypass: 'AzureServices', ip_rules: [], virtual_network_subnet_ids: [nodes] });
    const v = vault(prod({ networkAcls: { ipRules: ['203.0.113.0/24'], subnetIds: [SUBNET] } }));
    expect(v.network_acls).toMatchObject({ default_action: 'Deny', ip_rules: ['203.0.113.0/24'], virtual_network_subnet_ids: [nodes, SUBNET] });
  });

  test('publicNetworkAccess false turns the public endpoint off', () => {
    expect(vault(prod({ publicNetworkAccess: false, privateEndpoint: { subnetId: SUBNET } })).public_network_access_enabled).toBe(false);
  });

  test('private endpoint: vault subresource, registered in a created privatelink.vaultcore.azure.net zone linked to the VNet', () => {
    const s = stack('prod-infra', prod({ privateEndpoint: { subnetId: SUBNET, virtualNetworkIds: [VNET] } }));
    const kv = byPath(s, 'azurerm_key_vault', 'key-vault/vault').name;
    // The environment's shared zone (lib/stacks/network-wiring.ts); the endpoint keeps its address under the vault.
    const zone = byPath(s, 'azurerm_private_dns_zone', 'private-dns/zone-privatelink.vaultcore.azure.net');
    const pe = byPath(s, 'azurerm_private_endpoint', 'key-vault/private-endpoint').body;
    expect(zone.body.name).toBe('privatelink.vaultcore.azure.net');
    expect(pe.subnet_id).toBe(SUBNET);
    expect(pe.private_service_connection).toMatchObject({ private_connection_resource_id: ref('azurerm_key_vault', kv, 'id'), subresource_names: ['vault'], is_manual_connection: false });
    expect(pe.private_dns_zone_group.private_dns_zone_ids).toEqual([ref('azurerm_private_dns_zone', zone.name, 'id')]);
    // The platform's VNet first (the nodes resolve the vault through it), then the ones listed.
    const vnet = byPath(s, 'azurerm_virtual_network', 'network/vnet').name;
    const link0 = byPath(s, 'azurerm_private_dns_zone_virtual_network_link', 'private-dns/zone-privatelink.vaultcore.azure.net-link-0').body;
    expect(link0).toMatchObject({ virtual_network_id: ref('azurerm_virtual_network', vnet, 'id'), private_dns_zone_name: ref('azurerm_private_dns_zone', zone.name, 'name'), registration_enabled: false });
    const link1 = byPath(s, 'azurerm_private_dns_zone_virtual_network_link', 'private-dns/zone-privatelink.vaultcore.azure.net-link-1').body;
    expect(link1).toMatchObject({ virtual_network_id: VNET });
  });

  test('private endpoint with an existing zone creates no zone', () => {
    const zoneId = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net';
    const s = stack('prod-infra', prod({ privateEndpoint: { subnetId: SUBNET, privateDnsZoneId: zoneId } }));
    expect(all(s, 'azurerm_private_dns_zone')).toEqual({});
    expect(byPath(s, 'azurerm_private_endpoint', 'key-vault/private-endpoint').body.private_dns_zone_group.private_dns_zone_ids).toEqual([zoneId]);
  });

  test('diagnostics: all logs (AuditEvent included) and metrics go to the given workspace', () => {
    const s = stack('prod-infra', prod({ logAnalyticsWorkspaceId: WORKSPACE }));
    const kv = byPath(s, 'azurerm_key_vault', 'key-vault/vault').name;
    expect(byPath(s, 'azurerm_monitor_diagnostic_setting', 'key-vault/diagnostics').body).toMatchObject({
      target_resource_id: ref('azurerm_key_vault', kv, 'id'),
      log_analytics_workspace_id: WORKSPACE,
      enabled_log: [{ category_group: 'allLogs' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('the vault\'s logs go to the platform Log Analytics workspace by default', () => {
    const s = stack('prod-infra');
    const vault = Object.values(all(s, 'azurerm_monitor_diagnostic_setting')).filter((d) => String(d.target_resource_id).startsWith('${azurerm_key_vault.'));
    expect(vault).toHaveLength(1);
    expect(vault[0].log_analytics_workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\.[\w-]+\.id\}$/);
  });

  test('the vault\'s Terraform address is pinned (renaming it would replace the vault)', () => {
    expect(Object.keys(all(stack('prod-infra'), 'azurerm_key_vault'))).toEqual(['key-vault_FE1F1979']);
  });
});

describe('Key Vault administrators', () => {
  const GROUP = '3f2b9c1e-0000-4000-8000-1234567890ab';

  test('each group gets Key Vault Administrator on the vault, as a group', () => {
    const s = stack('prod-infra', prod({ administratorGroupIds: [GROUP] }));
    const kv = byPath(s, 'azurerm_key_vault', 'key-vault/vault').name;
    const admins = Object.values(all(s, 'azurerm_role_assignment')).filter((g) => g.role_definition_name === 'Key Vault Administrator');
    expect(admins).toEqual([expect.objectContaining({ scope: ref('azurerm_key_vault', kv, 'id'), principal_id: GROUP, principal_type: 'Group' })]);
    expect(admins[0].skip_service_principal_aad_check).toBeUndefined();
  });

  test('none by default', () => {
    expect(Object.values(all(stack('prod-infra'), 'azurerm_role_assignment')).filter((g) => g.role_definition_name === 'Key Vault Administrator')).toEqual([]);
  });
});
