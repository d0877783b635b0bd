/** nodePools.<name>.subnet: a pool's nodes in their own role-nodes subnet (vnet_subnet_id), refused when unknown. */
import { all, only, problemsWith, stack } from '../helpers/synth';

const SUBNETS = {
  'snet-apps': { role: 'nodes', cidr: '10.232.200.0/24' },
  'snet-sys': { role: 'nodes', cidr: '10.232.201.0/24' },
  'snet-ilb': { role: 'internalLoadBalancer', cidr: '10.232.202.0/24' },
};

describe('node pool subnets', () => {
  const s = stack('prod-infra', {
    environments: { prod: { network: { vnet: { subnets: SUBNETS } }, nodePools: { apps: { subnet: 'snet-apps' }, system: { subnet: 'snet-sys' } } } },
  });
  const subnets = all(s, 'azurerm_subnet');
  const keyOf = (name: string) => Object.keys(subnets).find((k) => subnets[k].name === name)!;
  const pools = Object.fromEntries(Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool')).map((p) => [p.name, p]));

  test('a user pool in its own subnet references that subnet in vnet_subnet_id', () => {
    expect(keyOf('snet-apps')).toBeDefined();
    expect(pools.apps.vnet_subnet_id).toBe(`\${azurerm_subnet.${keyOf('snet-apps')}.id}`);
  });

  test('a pool without subnet stays in the node subnet', () => {
    expect(pools.gpu.vnet_subnet_id).toBe(`\${azurerm_subnet.${keyOf('snet-nodes')}.id}`);
  });

  test('the system pool in its own subnet: default_node_pool.vnet_subnet_id', () => {
    expect(only(s, 'azurerm_kubernetes_cluster').default_node_pool.vnet_subnet_id).toBe(`\${azurerm_subnet.${keyOf('snet-sys')}.id}`);
  });

  test('the control plane has Network Contributor on the pool subnet', () => {
    const grants = Object.values(all(s, 'azurerm_role_assignment')).filter((g) => g.role_definition_name === 'Network Contributor');
    expect(grants.map((g) => g.scope)).toContain(`\${azurerm_subnet.${keyOf('snet-apps')}.id}`);
  });

  test('an unknown subnet name is refused, naming the field, the value and the declared subnets', () => {
    const p = problemsWith({ environments: { prod: { nodePools: { apps: { subnet: 'snet-nope' } } } } }).join('\n');
    expect(p).toMatch(/nodePools\.apps\.subnet/);
    expect(p).toMatch(/snet-nope/);
    expect(p).toMatch(/snet-nodes/);
  });

  test('a subnet of another role is refused', () => {
    const p = problemsWith({ environments: { prod: { network: { vnet: { subnets: SUBNETS } }, nodePools: { apps: { subnet: 'snet-ilb' } } } } }).join('\n');
    expect(p).toMatch(/nodePools\.apps\.subnet.*internalLoadBalancer/);
  });
});

/** nodePools.<name>.podSubnet: classic Azure CNI (pluginMode none) gives pods VNet IPs from a role-pods subnet. */
describe('node pool pod subnets', () => {
  const PODS = { ...SUBNETS, 'snet-pods': { role: 'pods', cidr: '10.232.204.0/22' } };
  const classic = { plugin: 'azure', pluginMode: 'none', vnet: { subnets: PODS } };
  const s = stack('prod-infra', {
    environments: { prod: { network: classic, nodePools: { apps: { podSubnet: 'snet-pods' }, system: { podSubnet: 'snet-pods' } } } },
  });
  const subnets = all(s, 'azurerm_subnet');
  const ref = `\${azurerm_subnet.${Object.keys(subnets).find((k) => subnets[k].name === 'snet-pods')}.id}`;

  test('a user pool and the system pool reference the pod subnet in pod_subnet_id', () => {
    const pools = Object.fromEntries(Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool')).map((p) => [p.name, p]));
    expect(pools.apps.pod_subnet_id).toBe(ref);
    expect(only(s, 'azurerm_kubernetes_cluster').default_node_pool.pod_subnet_id).toBe(ref);
    expect(pools.gpu.pod_subnet_id).toBeUndefined();
  });

  test('a pod subnet with CNI Overlay is refused, naming pluginMode', () => {
    const p = problemsWith({ environments: { prod: { network: { vnet: { subnets: PODS } }, nodePools: { apps: { podSubnet: 'snet-pods' } } } } }).join('\n');
    expect(p).toMatch(/nodePools\.apps\.podSubnet.*pluginMode none/);
  });

  test('a pod subnet of another role is refused', () => {
    const p = problemsWith({ environments: { prod: { network: classic, nodePools: { apps: { podSubnet: 'snet-apps' } } } } }).join('\n');
    expect(p).toMatch(/nodePools\.apps\.podSubnet.*snet-apps is a nodes subnet/);
  });
});
