/** Bring your own: the landing zone's resource group, VNet and subnets, used as they are. */
import { all, stack } from '../helpers/synth';
import { byPath, ref } from '../helpers/terraform';

const prod = (p: Record<string, unknown>) => ({ environments: { prod: p } });
const VNET = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke';
const NODES = `${VNET}/subnets/snet-nodes`;
const PE = `${VNET}/subnets/snet-pe`;

test('an existing resource group is read by name, not created', () => {
  const s = stack('prod-infra', prod({ resourceGroupName: 'rg-lz-aks', existingResourceGroup: true }));
  expect(all(s, 'azurerm_resource_group')).toEqual({});
  const rg = Object.entries((s.data as Record<string, Record<string, Record<string, any>>>).azurerm_resource_group);
  expect(rg.map(([, d]) => d.name)).toEqual(['rg-lz-aks']);
  const cluster = byPath(s, 'azurerm_kubernetes_cluster', 'aks/cluster').body;
  expect(cluster.resource_group_name).toBe(`\${data.azurerm_resource_group.${rg[0][0]}.name}`);
});

describe('an existing VNet', () => {
  const patch = prod({
    network: {
      existingNodeSubnetId: NODES,
      vnet: {
        existingId: VNET,
        subnets: {
          'snet-pe': { role: 'privateEndpoints', existingId: PE },
          'snet-ilb': { role: 'internalLoadBalancer', cidr: '10.232.16.0/24' },
        },
      },
    },
    acr: { privateEndpoint: {} },
  });
  const s = stack('prod-infra', patch);

  test('creates no VNet; a subnet with a cidr is created in it, by its name and resource group', () => {
    expect(all(s, 'azurerm_virtual_network')).toEqual({});
    expect(Object.values(all(s, 'azurerm_subnet'))).toEqual([
      expect.objectContaining({ name: 'snet-ilb', virtual_network_name: 'vnet-spoke', resource_group_name: 'rg-spoke', address_prefixes: ['10.232.16.0/24'] }),
    ]);
  });

  test('an existing subnet by ID holds the endpoint; the created zone is linked to the existing VNet', () => {
    expect(byPath(s, 'azurerm_private_endpoint', 'pe-registry').body.subnet_id).toBe(PE);
    expect(Object.values(all(s, 'azurerm_private_dns_zone_virtual_network_link')).map((l) => l.virtual_network_id)).toEqual([VNET]);
  });

  test('the control plane gets Network Contributor on the internal load balancer subnet before the cluster', () => {
    const ilb = byPath(s, 'azurerm_subnet', 'subnet-snet-ilb').name;
    const grant = Object.entries(all(s, 'azurerm_role_assignment')).find(([, g]) => g.scope === ref('azurerm_subnet', ilb, 'id'))!;
    expect(grant[1].role_definition_name).toBe('Network Contributor');
    expect(byPath(s, 'azurerm_kubernetes_cluster', 'aks/cluster').body.depends_on).toContain(`azurerm_role_assignment.${grant[0]}`);
  });
});

describe('Application Gateway for Containers in the landing zone\'s subnet', () => {
  const patch = prod({
    ingress: { controller: 'agc' },
    network: { vnet: { subnets: { 'snet-agc': { role: 'applicationGatewayForContainers', cidr: '10.232.32.0/24' } } } },
  });

  test('the role subnet (delegated to trafficControllers) replaces ingress.agc.subnetCidr; the ALB identity joins it', () => {
    const s = stack('prod-infra', patch);
    const subnet = byPath(s, 'azurerm_subnet', 'subnet-snet-agc');
    expect(subnet.body.delegation[0].service_delegation.name).toBe('Microsoft.ServiceNetworking/trafficControllers');
    expect(Object.values(all(s, 'azurerm_subnet')).map((x) => x.name).sort()).toEqual(['snet-agc', 'snet-nodes']);
    const grant = byPath(s, 'azurerm_role_assignment', 'agc/subnet-network-contributor').body;
    expect(grant.scope).toBe(ref('azurerm_subnet', subnet.name, 'id'));
  });

  test('pods accept the AGC proxies from the role subnet\'s range', () => {
    const p = stack('prod-platform', { environments: { prod: { ...(patch.environments.prod as object), namespaces: { production: { denyAllIngress: true } } } } });
    const policies = Object.values(all(p, 'kubernetes_network_policy_v1')).filter((x) => JSON.stringify(x).includes('10.232.32.0/24'));
    expect(policies.length).toBeGreaterThan(0);
  });
});
