import { App, TerraformStack, Testing } from 'cdktf';
import { VirtualNetwork } from '../../lib/constructs/virtual-network';
import { all, only, stack } from '../helpers/synth';

describe('the cluster network from config', () => {
  test.each([['dev', '10.224.0.0/16', '10.224.0.0/20'], ['prod', '10.232.0.0/16', '10.232.0.0/20']])(
    '%s: a VNet %s with the node subnet %s',
    (env, space, subnet) => {
      const s = stack(`${env}-infra`);
      expect(only(s, 'azurerm_virtual_network')).toMatchObject({ name: `vnet-aks-demo-${env}`, address_space: [space], tags: { environment: env } });
      expect(only(s, 'azurerm_subnet')).toMatchObject({ name: 'snet-nodes', address_prefixes: [subnet], virtual_network_name: expect.stringMatching(/azurerm_virtual_network\.network_vnet_\w+\.name/) });
      expect(only(s, 'azurerm_kubernetes_cluster').default_node_pool.vnet_subnet_id).toMatch(/azurerm_subnet\.network_subnet-snet-nodes_\w+\.id/);
    },
  );

  test('names come from config', () => {
    const s = stack('prod-infra', { environments: { prod: { network: { vnet: { name: 'vnet-hub-spoke1', nodeSubnetName: 'aks-nodes' } } } } });
    expect(only(s, 'azurerm_virtual_network').name).toBe('vnet-hub-spoke1');
    expect(only(s, 'azurerm_subnet').name).toBe('aks-nodes');
  });

  test('an existing node subnet replaces the VNet', () => {
    const id = '/subscriptions/1/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/aks';
    const s = stack('prod-infra', { environments: { prod: { network: { existingNodeSubnetId: id } } } });
    expect(all(s, 'azurerm_virtual_network')).toEqual({});
    expect(all(s, 'azurerm_subnet')).toEqual({});
    expect(only(s, 'azurerm_kubernetes_cluster').default_node_pool.vnet_subnet_id).toBe(id);
    expect(Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool')).every((p) => p.vnet_subnet_id === id)).toBe(true);
  });
});

describe('VirtualNetwork used from TypeScript', () => {
  const make = () => new VirtualNetwork(new TerraformStack(Testing.app() as App, 't'), 'vnet', { name: 'vnet-x', resourceGroupName: 'rg', location: 'koreacentral', addressSpace: ['10.0.0.0/16'] });

  test('addSubnet returns the subnet, with a delegation for Application Gateway for Containers', () => {
    const vnet = make();
    const subnet = vnet.addSubnet({ name: 'snet-alb', addressPrefix: '10.0.16.0/24', delegation: { name: 'alb', serviceDelegation: { name: 'Microsoft.ServiceNetworking/trafficControllers' } } });
    expect(vnet.subnet('snet-alb')).toBe(subnet);
    const json = JSON.parse(Testing.synth(vnet.node.scope as TerraformStack));
    const s = Object.values(json.resource.azurerm_subnet as Record<string, Record<string, any>>)[0];
    expect(s).toMatchObject({ name: 'snet-alb', address_prefixes: ['10.0.16.0/24'] });
    expect(s.delegation[0].service_delegation.name).toBe('Microsoft.ServiceNetworking/trafficControllers');
  });

  test('refuses a subnet name used twice and an invalid prefix', () => {
    const vnet = make();
    vnet.addSubnet({ name: 'a', addressPrefix: '10.0.0.0/24' });
    expect(() => vnet.addSubnet({ name: 'a', addressPrefix: '10.0.1.0/24' })).toThrow(/subnet "a" already exists/);
    expect(() => vnet.addSubnet({ name: 'b', addressPrefix: '10.0.1.0' })).toThrow(/invalid addressPrefix "10.0.1.0"/);
  });

  test('refuses an empty or invalid address space', () => {
    const scope = new TerraformStack(Testing.app() as App, 't');
    expect(() => new VirtualNetwork(scope, 'a', { name: 'v', resourceGroupName: 'rg', location: 'x', addressSpace: [] })).toThrow(/addressSpace is empty/);
    expect(() => new VirtualNetwork(scope, 'b', { name: 'v', resourceGroupName: 'rg', location: 'x', addressSpace: ['10.0.0.0/33'] })).toThrow(/invalid addressSpace entry/);
  });
});
