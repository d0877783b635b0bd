/** The landing-zone network constructs used from TypeScript, without platform.yaml. */
import { App, TerraformStack, Testing } from 'cdktf';
import { createPrivateEndpoint, PrivateDnsZones } from '../../../lib/constructs/network/private-endpoint';
import { SubnetNsg } from '../../../lib/constructs/network/subnet-nsg';
import { FirewallRouteTable } from '../../../lib/constructs/network/firewall-route-table';
import { HubPeering } from '../../../lib/constructs/network/hub-peering';
import { ROLE_NSG_RULES, type NsgRule } from '../../../lib/azure/network-roles';

const newStack = () => new TerraformStack(Testing.app() as App, 't');
const synth = (s: TerraformStack) => JSON.parse(Testing.synth(s)) as { resource: Record<string, Record<string, Record<string, any>>> };
const SUBNET = '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe';
const VNET = '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v';
const HUB = '/subscriptions/2/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';

describe('PrivateDnsZones and createPrivateEndpoint', () => {
  test('one zone per name, shared by endpoints, linked to each VNet once', () => {
    const s = newStack();
    const zones = new PrivateDnsZones(s, 'dns', { resourceGroupName: 'rg', linkVirtualNetworkIds: [VNET] });
    const a = zones.zoneId('privatelink.azurecr.io');
    zones.zoneId('privatelink.azurecr.io', [VNET, HUB]);
    createPrivateEndpoint(s, 'pe', { name: 'pe-acrx', resourceGroupName: 'rg', location: 'koreacentral', subnetId: SUBNET, resourceId: '/r/acrx', subresource: 'registry', privateDnsZoneIds: [a] });
    const json = synth(s);
    expect(Object.values(json.resource.azurerm_private_dns_zone).map((z) => z.name)).toEqual(['privatelink.azurecr.io']);
    expect(Object.values(json.resource.azurerm_private_dns_zone_virtual_network_link).map((l) => l.virtual_network_id)).toEqual([VNET, HUB]);
    const pe = Object.values(json.resource.azurerm_private_endpoint)[0];
    expect(pe.private_service_connection).toMatchObject({ name: 'psc-acrx', subresource_names: ['registry'], is_manual_connection: false, private_connection_resource_id: '/r/acrx' });
    expect(pe.private_dns_zone_group).toEqual({ name: 'registry', private_dns_zone_ids: [expect.stringMatching(/^\$\{azurerm_private_dns_zone\./)] });
  });

  test('a central zone by ID is used by name, and nothing is created for it', () => {
    const s = newStack();
    const central = '/subscriptions/1/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net';
    const zones = new PrivateDnsZones(s, 'dns', { resourceGroupName: 'rg', existingZoneIds: [central], linkVirtualNetworkIds: [VNET] });
    expect(zones.zoneId('privatelink.vaultcore.azure.net')).toBe(central);
    expect(zones.createdZones.size).toBe(0);
  });

  test('an endpoint without a DNS zone is refused (unreachable by name)', () => {
    expect(() => createPrivateEndpoint(newStack(), 'pe', { name: 'pe-x', resourceGroupName: 'rg', location: 'l', subnetId: SUBNET, resourceId: '/r', subresource: 'vault', privateDnsZoneIds: [] })).toThrow(
      /privateDnsZoneIds is empty/,
    );
  });
});

describe('SubnetNsg', () => {
  test('one azurerm_network_security_rule per rule, one or many ports', () => {
    const s = newStack();
    new SubnetNsg(s, 'nsg', { name: 'nsg-bastion', resourceGroupName: 'rg', location: 'l', subnetId: SUBNET, rules: ROLE_NSG_RULES.bastion });
    const rules = Object.values(synth(s).resource.azurerm_network_security_rule);
    expect(rules).toHaveLength(ROLE_NSG_RULES.bastion!.length);
    expect(rules.find((r) => r.name === 'AllowBastionHostCommunication')).toMatchObject({ destination_port_ranges: ['8080', '5701'], source_port_range: '*' });
    expect(rules.find((r) => r.name === 'AllowHttpsInbound')).toMatchObject({ destination_port_range: '443' });
  });

  test('duplicate priorities in one direction are refused', () => {
    const r: NsgRule = { name: 'a', priority: 300, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', destinationAddressPrefix: '*', destinationPortRanges: ['1'] };
    expect(() => new SubnetNsg(newStack(), 'nsg', { name: 'n', resourceGroupName: 'rg', location: 'l', subnetId: SUBNET, rules: [r, { ...r, name: 'b' }] })).toThrow(/duplicate rule priority Inbound 300/);
  });
});

describe('FirewallRouteTable and HubPeering', () => {
  test('the default route goes to the firewall, BGP propagation off, one association per subnet', () => {
    const s = newStack();
    const rt = new FirewallRouteTable(s, 'rt', { name: 'rt', resourceGroupName: 'rg', location: 'l', firewallPrivateIp: '10.0.0.4', subnets: { nodes: SUBNET } });
    const json = synth(s);
    expect(Object.values(json.resource.azurerm_route_table)[0].bgp_route_propagation_enabled).toBe(false);
    expect(Object.values(json.resource.azurerm_route)).toEqual([expect.objectContaining({ address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: '10.0.0.4' })]);
    expect(rt.associations).toHaveLength(1);
  });

  test('the hub side only when asked, in the hub\'s resource group', () => {
    const s = newStack();
    new HubPeering(s, 'peer', { spokeName: 'v', spokeResourceGroupName: 'rg', spokeId: VNET, hubId: HUB });
    expect(Object.values(synth(s).resource.azurerm_virtual_network_peering)).toEqual([
      expect.objectContaining({ name: 'peer-to-vnet-hub', virtual_network_name: 'v', remote_virtual_network_id: HUB, allow_forwarded_traffic: true }),
    ]);
    const s2 = newStack();
    new HubPeering(s2, 'peer', { spokeName: 'v', spokeResourceGroupName: 'rg', spokeId: VNET, hubId: HUB, createHubSide: true });
    expect(Object.values(synth(s2).resource.azurerm_virtual_network_peering).map((p) => p.resource_group_name).sort()).toEqual(['rg', 'rg-hub']);
  });
});
