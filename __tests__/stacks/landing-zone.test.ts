/**
 * The landing-zone example (examples/landing-zone.yaml): a spoke peered to a hub, role subnets with their NSGs,
 * userDefinedRouting through a firewall (the hub's in prod, one created here in staging), private endpoints with DNS
 * zone groups (central zones by ID in prod, created zones in staging), flow logs, and a private cluster with API
 * server VNet integration and a custom private DNS zone.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { RULES } from '../../lib/baseline/rules';
import { EnvironmentView } from '../../lib/baseline/stack-model';
import { ROOT, all, synthAll, type StackJson } from '../helpers/synth';
import { byPath, ref } from '../helpers/terraform';

const TEXT = readFileSync(path.join(ROOT, 'examples', 'landing-zone.yaml'), 'utf8');
const stacks = synthAll(TEXT);
const prod = stacks['prod-infra'];
const staging = stacks['staging-infra'];
const CENTRAL = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/';
const HUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';

const subnet = (s: StackJson, name: string) => byPath(s, 'azurerm_subnet', `subnet-${name}`);
const subnetRef = (s: StackJson, name: string) => ref('azurerm_subnet', subnet(s, name).name, 'id');
const cluster = (s: StackJson) => byPath(s, 'azurerm_kubernetes_cluster', 'aks/cluster');
const rules = (s: StackJson, nsg: string) =>
  Object.values(all(s, 'azurerm_network_security_rule')).filter((r) => r['//'].metadata.path.includes(`/nsg-${nsg}/`));
const endpoint = (s: StackJson, pathEnd: string) => byPath(s, 'azurerm_private_endpoint', pathEnd).body;

describe('the example', () => {
  test.each(['prod', 'staging'])('%s has no baseline failure of any severity', (env) => {
    const view = new EnvironmentView(env, Object.fromEntries(Object.entries(stacks).filter(([n]) => n.startsWith(`${env}-`))) as never);
    const failures = RULES.flatMap((r) => r.check(view).filter((o) => o.status === 'fail').map((o) => `${r.id} ${o.address}: ${o.detail}`));
    expect(failures).toEqual([]);
  });

  // Its stacks are recorded under snapshots/landing-zone/ with every other example (snapshot.test.ts).
});

describe('role subnets', () => {
  test('the API server subnet is delegated to managedClusters with the join action AKS adds (no drift)', () => {
    expect(subnet(prod, 'snet-apiserver').body.delegation).toEqual([
      { name: 'apiServer', service_delegation: { name: 'Microsoft.ContainerService/managedClusters', actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] } },
    ]);
  });

  test('declared subnets turn default outbound access off; the private endpoint subnet enforces its NSG', () => {
    expect(subnet(prod, 'snet-nodes').body.default_outbound_access_enabled).toBe(false);
    expect(subnet(prod, 'snet-pe').body.private_endpoint_network_policies).toBe('Enabled');
    expect(subnet(prod, 'snet-nodes').body.address_prefixes).toEqual(['10.240.0.0/20']);
  });

  test('the node subnet declared under subnets is the cluster\'s and keeps the service endpoints its firewalls need', () => {
    expect(cluster(prod).body.default_node_pool.vnet_subnet_id).toBe(subnetRef(prod, 'snet-nodes'));
    // The vault and storage have no public endpoint: no service endpoint is needed.
    expect(subnet(prod, 'snet-nodes').body.service_endpoints).toBeUndefined();
  });

  test('the VNet uses the hub firewall\'s DNS proxy', () => {
    expect(byPath(prod, 'azurerm_virtual_network', 'network/vnet').body.dns_servers).toEqual(['10.0.0.4']);
  });
});

describe('network security groups', () => {
  test('Application Gateway v2: GatewayManager on 65200-65535 and 443 in', () => {
    const r = rules(prod, 'snet-agw');
    expect(r).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'AllowGatewayManager', source_address_prefix: 'GatewayManager', destination_port_range: '65200-65535', direction: 'Inbound', access: 'Allow' }),
        expect.objectContaining({ name: 'AllowHttpsInbound', destination_port_range: '443' }),
      ]),
    );
  });

  test('private endpoint subnet: 443 from the VNet only, everything else denied', () => {
    const r = Object.fromEntries(rules(prod, 'snet-pe').map((x) => [x.name, x]));
    expect(r.AllowVnetHttpsInbound).toMatchObject({ priority: 100, source_address_prefix: 'VirtualNetwork', destination_port_range: '443', access: 'Allow' });
    expect(r.DenyAllInbound).toMatchObject({ priority: 4096, access: 'Deny', source_address_prefix: '*' });
  });

  test('Bastion gets the documented set, in and out', () => {
    const names = rules(prod, 'AzureBastionSubnet').map((r) => `${r.direction}:${r.name}`).sort();
    expect(names).toEqual(
      [
        'Inbound:AllowAzureLoadBalancerInbound', 'Inbound:AllowBastionHostCommunication', 'Inbound:AllowGatewayManagerInbound', 'Inbound:AllowHttpsInbound',
        'Outbound:AllowAzureCloudOutbound', 'Outbound:AllowBastionCommunication', 'Outbound:AllowHttpOutbound', 'Outbound:AllowSshRdpOutbound',
      ].sort(),
    );
  });

  test('each group is associated with its subnet and logs to the platform workspace', () => {
    const nsg = byPath(prod, 'azurerm_network_security_group', 'nsg-snet-pe/nsg');
    const assoc = byPath(prod, 'azurerm_subnet_network_security_group_association', 'nsg-snet-pe/association').body;
    expect(assoc).toMatchObject({ subnet_id: subnetRef(prod, 'snet-pe'), network_security_group_id: ref('azurerm_network_security_group', nsg.name, 'id') });
    const diag = byPath(prod, 'azurerm_monitor_diagnostic_setting', 'nsg-snet-pe/diagnostics').body;
    expect(diag.target_resource_id).toBe(ref('azurerm_network_security_group', nsg.name, 'id'));
    expect(diag.log_analytics_workspace_id).toBe(ref('azurerm_log_analytics_workspace', byPath(prod, 'azurerm_log_analytics_workspace', 'log-analytics/workspace').name, 'id'));
  });
});

describe('egress through a firewall', () => {
  test('user-defined routing with 0.0.0.0/0 to the hub firewall on the node subnet only', () => {
    expect(cluster(prod).body.network_profile.outbound_type).toBe('userDefinedRouting');
    const route = byPath(prod, 'azurerm_route', 'route-table/default-route').body;
    expect(route).toMatchObject({ address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: '10.0.0.4' });
    const assocs = Object.values(all(prod, 'azurerm_subnet_route_table_association')).map((a) => a.subnet_id);
    expect(assocs).toEqual([subnetRef(prod, 'snet-nodes')]);
  });

  test('the cluster waits for the route (AKS checks it at creation)', () => {
    const assoc = byPath(prod, 'azurerm_subnet_route_table_association', 'route-table/association-snet-nodes').name;
    expect(cluster(prod).body.depends_on).toContain(`azurerm_subnet_route_table_association.${assoc}`);
  });

  test('a firewall created in the spoke is the next hop, with threat intelligence and the DNS proxy on', () => {
    const fw = byPath(staging, 'azurerm_firewall', 'firewall/firewall');
    expect(fw.body.ip_configuration[0].subnet_id).toBe(subnetRef(staging, 'AzureFirewallSubnet'));
    expect(byPath(staging, 'azurerm_route', 'route-table/default-route').body.next_hop_in_ip_address).toBe(
      `\${azurerm_firewall.${fw.name}.ip_configuration[0].private_ip_address}`,
    );
    const policy = byPath(staging, 'azurerm_firewall_policy', 'firewall/policy').body;
    expect(policy).toMatchObject({ threat_intelligence_mode: 'Deny', dns: { proxy_enabled: true }, sku: 'Standard' });
    expect(byPath(staging, 'azurerm_monitor_diagnostic_setting', 'firewall/diagnostics').body.log_analytics_destination_type).toBe('Dedicated');
  });

  test('the firewall rules are derived from the config: AKS, Entra ID, monitoring; no registry or vault rule with their private endpoints', () => {
    const group = byPath(staging, 'azurerm_firewall_policy_rule_collection_group', 'firewall/rules-aks-required').body;
    const app = Object.fromEntries(group.application_rule_collection[0].rule.map((r: any) => [r.name, r]));
    const net = Object.fromEntries(group.network_rule_collection[0].rule.map((r: any) => [r.name, r]));
    expect(app['aks-fqdn-tag'].destination_fqdn_tags).toEqual(['AzureKubernetesService']);
    expect(app['entra-id'].destination_fqdns).toEqual(['login.microsoftonline.com']);
    expect(app.monitoring.destination_fqdns).toContain('*.ods.opinsights.azure.com');
    expect(app['azure-policy'].destination_fqdns).toEqual(['data.policy.core.windows.net', 'store.policy.core.windows.net']);
    expect(Object.keys(app)).not.toEqual(expect.arrayContaining(['registry']));
    expect(Object.keys(app)).not.toContain('key-vault');
    expect(Object.keys(app)).not.toContain('backup-storage');
    expect(net['aks-tunnel-udp']).toMatchObject({ protocols: ['UDP'], destination_ports: ['1194'], destination_addresses: ['AzureCloud.koreacentral'] });
    expect(net.ntp).toMatchObject({ protocols: ['UDP'], destination_ports: ['123'], destination_fqdns: ['ntp.ubuntu.com'] });
    // Sources: the node subnet's range.
    expect(app['entra-id'].source_addresses).toEqual(['10.241.0.0/20']);
    const user = byPath(staging, 'azurerm_firewall_policy_rule_collection_group', 'firewall/rules-user').body;
    expect(user.application_rule_collection[0].rule[0]).toMatchObject({ name: 'github', destination_fqdns: ['github.com', '*.githubusercontent.com'] });
  });

  test('with a created firewall the egress paths are derived, so the reachability rule sees them', () => {
    expect(staging.output!.egress_paths.value).toEqual({ key_vault: 'privateEndpoint', entra_id: 'firewall' });
  });
});

describe('hub peering', () => {
  test('prod: only the spoke side (the hub team owns the hub)', () => {
    const peerings = Object.values(all(prod, 'azurerm_virtual_network_peering'));
    expect(peerings).toHaveLength(1);
    expect(peerings[0]).toMatchObject({ remote_virtual_network_id: HUB, allow_forwarded_traffic: true, use_remote_gateways: false });
  });

  test('staging: both sides, the hub side in the hub\'s resource group', () => {
    const hubSide = byPath(staging, 'azurerm_virtual_network_peering', 'hub-peering/hub-to-spoke').body;
    expect(hubSide).toMatchObject({ resource_group_name: 'rg-hub', virtual_network_name: 'vnet-hub' });
  });
});

describe('private endpoints and DNS', () => {
  test('registry, vault, blob and the monitor workspace each get an endpoint in the privateEndpoints subnet', () => {
    const pe = subnetRef(prod, 'snet-pe');
    const byKind = Object.fromEntries(
      Object.values(all(prod, 'azurerm_private_endpoint')).map((e) => [e.private_service_connection.subresource_names[0], e.subnet_id]),
    );
    expect(byKind).toEqual({ registry: pe, vault: pe, blob: pe, prometheusMetrics: pe });
  });

  test('central DNS: endpoints register in the hub\'s zones by ID and no zone is created', () => {
    expect(all(prod, 'azurerm_private_dns_zone')).toEqual({});
    expect(endpoint(prod, 'pe-registry').private_dns_zone_group.private_dns_zone_ids).toEqual([`${CENTRAL}privatelink.azurecr.io`]);
    expect(endpoint(prod, 'key-vault/private-endpoint').private_dns_zone_group.private_dns_zone_ids).toEqual([`${CENTRAL}privatelink.vaultcore.azure.net`]);
  });

  test('created DNS: one zone per name, linked to the spoke and the hub', () => {
    const zone = byPath(staging, 'azurerm_private_dns_zone', 'private-dns/zone-privatelink.azurecr.io');
    expect(endpoint(staging, 'pe-registry').private_dns_zone_group.private_dns_zone_ids).toEqual([ref('azurerm_private_dns_zone', zone.name, 'id')]);
    const vnet = byPath(staging, 'azurerm_virtual_network', 'network/vnet').name;
    const links = Object.values(all(staging, 'azurerm_private_dns_zone_virtual_network_link'))
      .filter((l) => l.private_dns_zone_name === ref('azurerm_private_dns_zone', zone.name, 'name'))
      .map((l) => l.virtual_network_id);
    expect(links).toEqual([ref('azurerm_virtual_network', vnet, 'id'), HUB]);
  });

  test('the registry, vault and backup account have no public endpoint', () => {
    expect(byPath(prod, 'azurerm_container_registry', 'acr/registry').body.public_network_access_enabled).toBe(false);
    expect(byPath(prod, 'azurerm_key_vault', 'key-vault/vault').body.public_network_access_enabled).toBe(false);
    expect(byPath(prod, 'azurerm_storage_account', 'velero/storage-account').body.public_network_access_enabled).toBe(false);
  });
});

describe('private API server', () => {
  test('VNet integration in the delegated subnet', () => {
    expect(cluster(prod).body.api_server_access_profile).toEqual({ virtual_network_integration_enabled: true, subnet_id: subnetRef(prod, 'snet-apiserver') });
    expect(cluster(prod).body.private_cluster_enabled).toBe(true);
  });

  test('a central zone by ID: dns_prefix_private_cluster instead of dns_prefix', () => {
    const c = cluster(prod).body;
    expect(c.private_dns_zone_id).toBe(`${CENTRAL}privatelink.koreacentral.azmk8s.io`);
    expect(c.dns_prefix_private_cluster).toBe('aks-lz-prod');
    expect(c.dns_prefix).toBeUndefined();
  });

  test('a created zone: privatelink.<region>.azmk8s.io in the stack', () => {
    const zone = byPath(staging, 'azurerm_private_dns_zone', 'private-dns/zone-privatelink.koreacentral.azmk8s.io');
    expect(cluster(staging).body.private_dns_zone_id).toBe(ref('azurerm_private_dns_zone', zone.name, 'id'));
  });

  test('the control plane gets its network grants before the cluster exists', () => {
    const grants = Object.entries(all(prod, 'azurerm_role_assignment')).filter(([, g]) => g['//'].metadata.path.includes('/aks/'));
    const byScope = (scope: string) => grants.find(([, g]) => g.scope === scope);
    const vnet = ref('azurerm_virtual_network', byPath(prod, 'azurerm_virtual_network', 'network/vnet').name, 'id');
    const expected = [
      [`${CENTRAL}privatelink.koreacentral.azmk8s.io`, 'Private DNS Zone Contributor'],
      [vnet, 'Network Contributor'],
      [subnetRef(prod, 'snet-apiserver'), 'Network Contributor'],
      [subnetRef(prod, 'snet-ilb'), 'Network Contributor'],
      [subnetRef(prod, 'snet-nodes'), 'Network Contributor'],
    ];
    for (const [scope, role] of expected) {
      const g = byScope(scope);
      expect(g?.[1].role_definition_name).toBe(role);
      expect(cluster(prod).body.depends_on).toContain(`azurerm_role_assignment.${g![0]}`);
    }
  });
});

describe('flow logs', () => {
  test('a VNet flow log with traffic analytics into the platform workspace', () => {
    const fl = byPath(prod, 'azurerm_network_watcher_flow_log', 'flow-log/flow-log').body;
    const vnet = byPath(prod, 'azurerm_virtual_network', 'network/vnet').name;
    const law = byPath(prod, 'azurerm_log_analytics_workspace', 'log-analytics/workspace').name;
    expect(fl).toMatchObject({
      target_resource_id: ref('azurerm_virtual_network', vnet, 'id'),
      network_watcher_name: 'NetworkWatcher_koreacentral',
      resource_group_name: 'NetworkWatcherRG',
      version: 2,
      retention_policy: { enabled: true, days: 90 },
    });
    expect(fl.traffic_analytics).toMatchObject({ enabled: true, workspace_id: ref('azurerm_log_analytics_workspace', law, 'workspace_id'), workspace_region: 'koreacentral' });
  });
});
