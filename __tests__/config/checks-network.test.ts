/** Landing-zone network checks (lib/config/checks-network.ts): refused at synth with the fields and the fix. */
import { parseConfig } from '../../lib/config';
import { configText, problemsWith } from '../helpers/synth';

// The fixture's prod VNet is 10.232.0.0/16 with the node subnet 10.232.0.0/20.
const prod = (body: Record<string, unknown>) => problemsWith({ environments: { prod: body } });
const accepted = (body: Record<string, unknown>) => () => parseConfig(configText({ environments: { prod: body } }), 'platform.yaml');
const subnets = (s: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ network: { vnet: { subnets: s }, ...extra } });
const HUB = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/vnet-hub';
const EXISTING_NODES = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/nodes';

describe('subnets', () => {
  test('a subnet outside the VNet', () => {
    expect(prod(subnets({ 'snet-pe': { role: 'privateEndpoints', cidr: '10.99.0.0/24' } }))).toEqual([
      expect.stringMatching(/environments\.prod\.network\.vnet\.subnets\.snet-pe\.cidr: is not inside network\.vnet\.addressSpace \(got "10\.99\.0\.0\/24"; allowed a subnet of 10\.232\.0\.0\/16\)$/),
    ]);
  });

  test('overlapping subnets, the node subnet included', () => {
    expect(prod(subnets({ 'snet-pe': { role: 'privateEndpoints', cidr: '10.232.8.0/24' } }))).toEqual([
      expect.stringContaining('network.vnet.subnets.snet-pe.cidr: overlaps network.vnet.nodeSubnet (10.232.0.0/20)'),
    ]);
  });

  test('a role subnet too small names the minimum and where it comes from', () => {
    expect(prod(subnets({ 'snet-api': { role: 'apiServer', cidr: '10.232.16.0/29' } }))).toEqual([
      expect.stringMatching(/snet-api\.cidr: is too small for role apiServer \(.*api-server-vnet-integration.*\) \(got "10\.232\.16\.0\/29"; allowed a \/28 or larger\)/),
    ]);
    expect(prod(subnets({ 'snet-agc': { role: 'applicationGatewayForContainers', cidr: '10.232.16.0/25' } }))).toEqual([expect.stringContaining('allowed a /24 or larger')]);
  });

  test('Bastion and firewall subnets must carry the names Azure requires', () => {
    expect(prod(subnets({ bastion: { role: 'bastion', cidr: '10.232.16.0/26' } }))).toEqual([
      expect.stringContaining('network.vnet.subnets.bastion: a bastion subnet must be named AzureBastionSubnet'),
    ]);
  });

  test('a subnet needs a cidr or an existing ID, not both', () => {
    expect(prod(subnets({ 'snet-pe': { role: 'privateEndpoints' } }))).toEqual([expect.stringContaining('snet-pe.cidr: a subnet needs a cidr (to create it) or an existingId')]);
    expect(prod(subnets({ 'snet-pe': { role: 'privateEndpoints', cidr: '10.232.16.0/24', existingId: EXISTING_NODES } }))).toEqual([
      expect.stringContaining('snet-pe.existingId: is set together with cidr'),
    ]);
  });

  test('a subnet to create with an existing node subnet needs the VNet to put it in', () => {
    expect(prod({ network: { existingNodeSubnetId: EXISTING_NODES, vnet: { subnets: { 'snet-pe': { role: 'privateEndpoints', cidr: '10.232.16.0/24' } } } } })).toEqual([
      expect.stringContaining('a subnet to create needs a VNet'),
    ]);
    expect(
      accepted({ network: { existingNodeSubnetId: EXISTING_NODES, vnet: { existingId: EXISTING_NODES.replace(/\/subnets\/nodes$/, ''), subnets: { 'snet-pe': { role: 'privateEndpoints', cidr: '10.232.16.0/24' } } } } }),
    ).not.toThrow();
  });

  test('API server VNet integration needs the delegated subnet', () => {
    expect(prod({ cluster: { apiServer: { access: 'authorizedRanges', vnetIntegration: true } } })).toEqual([
      expect.stringContaining('cluster.apiServer.vnetIntegration: needs a subnet with role apiServer'),
    ]);
  });
});

describe('egress', () => {
  test('userDefinedRouting without a route is refused with the options', () => {
    expect(prod({ network: { outboundType: 'userDefinedRouting' } })).toEqual([
      expect.stringMatching(/network\.outboundType: userDefinedRouting needs a default route on the node subnet: set network\.egress\.firewallPrivateIp .* or network\.egress\.firewall/),
    ]);
  });

  test('userDefinedRouting with a hub firewall is accepted', () => {
    expect(accepted({ network: { outboundType: 'userDefinedRouting', egress: { firewallPrivateIp: '10.0.0.4', keyVault: 'serviceEndpoint', entraId: 'firewall' } } })).not.toThrow();
  });

  test('loadBalancer with a firewall route must be a stated choice, never corrected silently', () => {
    expect(prod({ network: { egress: { firewallPrivateIp: '10.0.0.4' } } })).toEqual([
      expect.stringMatching(/network\.outboundType: loadBalancer with a firewall route .* \(got outboundType loadBalancer, egress firewallPrivateIp; allowed outboundType: userDefinedRouting, or network\.egress\.routeWithLoadBalancer: true/),
    ]);
    expect(accepted({ network: { egress: { firewallPrivateIp: '10.0.0.4', routeWithLoadBalancer: true } } })).not.toThrow();
  });

  test('a firewall created here needs its subnet', () => {
    expect(prod({ network: { outboundType: 'userDefinedRouting', egress: { firewall: {} } } })).toEqual([
      expect.stringContaining('network.egress.firewall: a firewall created here needs a subnet with role firewall'),
    ]);
  });

  test('intrusion detection in Alert mode needs a Premium firewall', () => {
    const fw = (firewall: Record<string, unknown>) => ({
      network: { outboundType: 'userDefinedRouting', vnet: { subnets: { AzureFirewallSubnet: { role: 'firewall', cidr: '10.232.16.0/26' } } }, egress: { firewall } },
    });
    expect(prod(fw({ idpsMode: 'Alert' }))).toEqual([expect.stringContaining('network.egress.firewall.idpsMode: intrusion detection needs sku Premium')]);
    expect(accepted(fw({ sku: 'Premium', idpsMode: 'Alert' }))).not.toThrow();
  });

  test('a hub firewall and a created one together are refused', () => {
    const p = prod({
      network: { outboundType: 'userDefinedRouting', vnet: { subnets: { AzureFirewallSubnet: { role: 'firewall', cidr: '10.232.16.0/26' } } }, egress: { firewall: {}, firewallPrivateIp: '10.0.0.4' } },
    });
    expect(p).toEqual([expect.stringContaining('network.egress.firewallPrivateIp: is set together with network.egress.firewall')]);
  });
});

describe('private endpoints and public access', () => {
  test('a private registry without a private endpoint is refused, naming both fields', () => {
    expect(prod({ acr: { publicNetworkAccess: false } })).toEqual([
      expect.stringMatching(/environments\.prod\.acr\.publicNetworkAccess: false leaves the nodes no way to pull images: add acr\.privateEndpoint/),
    ]);
    expect(accepted({ acr: { publicNetworkAccess: false, privateEndpoint: {} } })).not.toThrow();
  });

  test('a registry private endpoint needs Premium', () => {
    expect(prod({ acr: { sku: 'Standard', retentionDays: null, zoneRedundancy: null, privateEndpoint: {} } })).toEqual([
      expect.stringContaining('acr.privateEndpoint: private endpoints need a Premium registry'),
    ]);
  });

  test('backup storage without its public endpoint needs a private endpoint', () => {
    expect(prod({ backup: { publicNetworkAccess: false } })).toEqual([expect.stringContaining('backup.publicNetworkAccess: false leaves Velero no way to reach the backup account')]);
  });

  test('an endpoint naming a subnet that does not exist', () => {
    expect(prod({ acr: { privateEndpoint: { subnet: 'snet-nope' } } })).toEqual([expect.stringMatching(/acr\.privateEndpoint\.subnet: names no subnet .*allowed snet-nodes/)]);
  });

  test('a created zone linked only to the hub while the spoke uses Azure DNS: no DNS path', () => {
    expect(prod({ network: { hub: { virtualNetworkId: HUB }, privateDns: { linkTo: ['hub'] } }, acr: { privateEndpoint: {} } })).toEqual([
      expect.stringContaining('acr.privateEndpoint: the endpoint\'s created DNS zone is linked only to the hub, and the spoke uses Azure DNS'),
    ]);
    // With the spoke's DNS pointed at a resolver in the hub, it resolves.
    expect(accepted({ network: { hub: { virtualNetworkId: HUB }, privateDns: { linkTo: ['hub'] }, vnet: { dnsServers: ['10.0.0.4'] } }, acr: { privateEndpoint: {} } })).not.toThrow();
  });

  test('links to the hub need the hub', () => {
    expect(prod({ network: { privateDns: { linkTo: ['spoke', 'hub'] } } })).toEqual([expect.stringContaining('network.privateDns.linkTo: links to the hub need network.hub.virtualNetworkId')]);
  });
});

describe('private API server', () => {
  test('a zone by ID must be named for the region', () => {
    const zone = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io';
    expect(prod({ cluster: { apiServer: { access: 'private', authorizedIpRanges: [], privateDnsZone: zone } } })).toEqual([
      expect.stringContaining('allowed a zone named privatelink.koreacentral.azmk8s.io or <subzone>.privatelink.koreacentral.azmk8s.io'),
    ]);
  });

  test('none needs the public FQDN', () => {
    expect(prod({ cluster: { apiServer: { access: 'private', authorizedIpRanges: [], privateDnsZone: 'none' } } })).toEqual([
      expect.stringContaining('cluster.apiServer.privateDnsZone: none needs publicFqdn: true'),
    ]);
  });
});
