import { App, TerraformStack, Testing } from 'cdktf';
import { NodePool, rotationName, SPOT_TAINT, type NodePoolProps } from '../../lib/constructs/node-pool';
import { all, only, stack, type StackJson } from '../helpers/synth';

/** The node pool resources of a stack, by pool name. */
function pools(s: StackJson): Record<string, Record<string, any>> {
  return Object.fromEntries(Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool')).map((p) => [p.name, p]));
}
const prodPools = (nodePools?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  pools(stack('prod-infra', nodePools ? { environments: { prod: { nodePools, ...extra } } } : undefined));

describe('pools from config', () => {
  test('prod has the seed\'s apps, gpu and spot pools; dev only apps (the system pool is the default pool)', () => {
    expect(Object.keys(prodPools()).sort()).toEqual(['apps', 'gpu', 'spot']);
    expect(Object.keys(pools(stack('dev-infra')))).toEqual(['apps']);
  });

  test('user pool: autoscaled 3-20 x Standard_D4s_v3 in zones 1-3, with the seed\'s labels', () => {
    expect(prodPools().apps).toMatchObject({
      mode: 'User', os_type: 'Linux', priority: 'Regular', vm_size: 'Standard_D4s_v3',
      auto_scaling_enabled: true, node_count: 3, min_count: 3, max_count: 20, zones: ['1', '2', '3'],
      node_labels: { workload: 'application', tier: 'frontend' }, upgrade_settings: { max_surge: '33%' },
    });
  });

  test('dev user pool: 1-3 x Standard_B2s (development preset)', () => {
    expect(pools(stack('dev-infra')).apps).toMatchObject({ vm_size: 'Standard_B2s', node_count: 1, min_count: 1, max_count: 3 });
  });

  // Standard_NC6s_v3 was the default until Azure retired it on 30 September 2025 (Microsoft Learn, "NCv3 and NC6s
  // NC12s NC24s Retirement", azure-docs articles/virtual-machines/ncv3-nc6s-nc12s-nc24s-retirement.md).
  test('gpu pool: sku=gpu:NoSchedule, accelerator=nvidia, 0-5 x Standard_NC4as_T4_v3, surge 1, AKS installs the driver', () => {
    expect(prodPools().gpu).toMatchObject({
      vm_size: 'Standard_NC4as_T4_v3', gpu_driver: 'Install', min_count: 0, max_count: 5, node_taints: ['sku=gpu:NoSchedule'],
      node_labels: { accelerator: 'nvidia' }, upgrade_settings: { max_surge: '1' },
    });
  });

  test('spot pool: priority Spot, eviction Delete, max price -1, the scalesetpriority taint and label, no surge', () => {
    const spot = prodPools().spot;
    expect(spot).toMatchObject({
      priority: 'Spot', eviction_policy: 'Delete', spot_max_price: -1, auto_scaling_enabled: true, min_count: 1, max_count: 10,
      node_taints: [SPOT_TAINT], node_labels: { 'kubernetes.azure.com/scalesetpriority': 'spot' },
    });
    // AKS rejects max surge on Spot pools ("Spot pools can't set max surge").
    expect(spot.upgrade_settings).toBeUndefined();
  });

  test('spot price and eviction policy come from config', () => {
    expect(prodPools({ spot: { kind: 'spot', spotMaxPrice: 0.12, evictionPolicy: 'Deallocate' } }).spot).toMatchObject({ spot_max_price: 0.12, eviction_policy: 'Deallocate' });
  });

  test('regular pools carry no spot attributes', () => {
    expect(prodPools().apps.eviction_policy).toBeUndefined();
    expect(prodPools().apps.spot_max_price).toBeUndefined();
  });

  test('windows pool: os type Windows and a rotation name within 6 characters', () => {
    expect(prodPools({ win: { kind: 'windows' } }).win).toMatchObject({ os_type: 'Windows', node_count: 2, temporary_name_for_rotation: 'wintmp' });
  });

  test('max surge, max pods, OS disk, size and labels are per pool', () => {
    const p = prodPools({ apps: { kind: 'user', maxSurge: '50%', maxPods: 110, osDiskSizeGb: 128, vmSize: 'Standard_E4s_v3', labels: { team: 'a' } } }).apps;
    expect(p).toMatchObject({ upgrade_settings: { max_surge: '50%' }, max_pods: 110, os_disk_size_gb: 128, vm_size: 'Standard_E4s_v3', node_labels: { workload: 'application', team: 'a' } });
  });

  test('zones and counts come from config', () => {
    expect(prodPools({ apps: { kind: 'user', zones: ['1'], count: 2, minCount: 2, maxCount: 4 } }).apps).toMatchObject({ zones: ['1'], node_count: 2, min_count: 2, max_count: 4 });
  });

  test('any number of pools per environment', () => {
    expect(Object.keys(prodPools({ batch: { kind: 'spot' }, web: { kind: 'user' } })).sort()).toEqual(['apps', 'batch', 'gpu', 'spot', 'web']);
  });

  test('pools join the node subnet and are tagged', () => {
    for (const p of Object.values(prodPools())) {
      expect(p.vnet_subnet_id).toMatch(/azurerm_subnet\.network_subnet-snet-nodes_\w+\.id/);
      expect(p.tags).toMatchObject({ environment: 'prod', owner: 'platform-team' });
    }
  });
});

describe('Terraform safety', () => {
  test('autoscaled pools leave node_count to the autoscaler; with an upgrade channel, orchestrator_version to AKS', () => {
    for (const p of Object.values(prodPools())) expect(p.lifecycle.ignore_changes).toEqual(['node_count', 'orchestrator_version']);
  });

  test('a fixed-size pool without an upgrade channel ignores nothing', () => {
    const p = prodPools({ apps: { kind: 'user', autoscaling: false } }, { cluster: { upgrades: { channel: 'none', autoUpgradeWindow: { enabled: false } } } }).apps;
    expect(p.lifecycle).toBeUndefined();
    expect(p.min_count).toBeUndefined();
  });

  test('every pool rotates through a temporary pool', () => {
    expect(Object.values(prodPools()).map((p) => p.temporary_name_for_rotation).sort()).toEqual(['appstmp', 'gputmp', 'spottmp']);
  });

  test('rotation names fit the AKS limits', () => {
    expect(rotationName('averylongname')).toBe('averylongtmp');
    expect(rotationName('winpl', 'Windows')).toBe('wintmp');
  });
});

describe('NodePool used from TypeScript', () => {
  const base: NodePoolProps = { name: 'apps', vmSize: 'Standard_D4s_v3', count: 2, minCount: 1, maxCount: 4, kubernetesClusterId: '/subscriptions/1/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks' };
  const make = (props: Partial<NodePoolProps>) => new NodePool(new TerraformStack(Testing.app() as App, 't'), 'pool', { ...base, ...props });

  test('a Spot pool always gets the Spot taint', () => {
    const pool = make({ priority: 'Spot', taints: ['team=a:NoSchedule'] });
    const json = JSON.parse(Testing.synth(pool.node.scope as TerraformStack));
    const p = Object.values(json.resource.azurerm_kubernetes_cluster_node_pool as Record<string, Record<string, unknown>>)[0];
    expect(p.node_taints).toEqual(['team=a:NoSchedule', SPOT_TAINT]);
  });

  test.each([
    [{ name: 'Apps' }, /invalid name "Apps"/],
    [{ name: 'toolong', osType: 'Windows' as const }, /invalid name "toolong".*1-6/],
    [{ count: 9 }, /invalid count 9; allowed: minCount \(1\) <= count <= maxCount \(4\)/],
    [{ taints: ['bad taint'] }, /invalid taints "bad taint"/],
    [{ spotMaxPrice: 0.5 }, /only with priority Spot/],
    [{ priority: 'Spot' as const, spotMaxPrice: 0 }, /invalid spotMaxPrice 0/],
    [{ maxSurge: 'lots' }, /invalid maxSurge "lots"/],
  ])('refuses %j', (props, error) => {
    expect(() => make(props)).toThrow(error);
  });
});

describe('encryption at host', () => {
  const patch = { environments: { prod: { nodePoolDefaults: { system: { hostEncryption: true }, user: { hostEncryption: true } } } } };

  test('is off unless asked for (it needs a subscription feature)', () => {
    const s = stack('prod-infra');
    expect(only(s, 'azurerm_kubernetes_cluster').default_node_pool.host_encryption_enabled).toBeUndefined();
    expect(Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool')).every((p) => p.host_encryption_enabled === undefined)).toBe(true);
  });

  test('per kind: the default pool and the user pools of that kind get host_encryption_enabled', () => {
    const s = stack('prod-infra', patch);
    expect(only(s, 'azurerm_kubernetes_cluster').default_node_pool.host_encryption_enabled).toBe(true);
    const pools = Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool'));
    expect(pools.find((p) => p.name === 'apps')!.host_encryption_enabled).toBe(true);
    expect(pools.find((p) => p.name === 'gpu')!.host_encryption_enabled).toBeUndefined();
  });
});
