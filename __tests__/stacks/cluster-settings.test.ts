/** Cluster and node pool settings reach their azurerm attributes; bad combinations are refused. */
import { all, only, problemsWith, stack, type StackJson } from '../helpers/synth';
import { byPath } from '../helpers/terraform';

const prod = (patch: Record<string, unknown>) => stack('prod-infra', { environments: { prod: patch } });
const cluster = (s: StackJson) => only(s, 'azurerm_kubernetes_cluster');
const pools = (s: StackJson) => Object.fromEntries(Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool')).map((p) => [p.name, p]));
const KV = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-etcd';
const DES = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des-nodes';
const CRG = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-cap/providers/Microsoft.Compute/capacityReservationGroups/crg-1';
const PPG = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-cap/providers/Microsoft.Compute/proximityPlacementGroups/ppg-1';
const KEY = 'https://kv-etcd.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef';

describe('cluster settings', () => {
  const s = prod({
    cluster: {
      apiServer: { access: 'private', authorizedIpRanges: [] },
      nodeResourceGroup: 'rg-nodes-prod',
      runCommand: false,
      imageCleaner: { intervalHours: 48 },
      storage: { blobDriver: true, fileDriver: false },
      costAnalysis: true,
      kms: { keyId: KEY, keyVaultId: KV, networkAccess: 'Private' },
      diskEncryptionSetId: DES,
    },
  });
  const c = cluster(s);

  test('node resource group, run command, image cleaner, cost analysis, disk encryption set', () => {
    expect(c).toMatchObject({
      node_resource_group: 'rg-nodes-prod',
      run_command_enabled: false,
      image_cleaner_enabled: true,
      image_cleaner_interval_hours: 48,
      cost_analysis_enabled: true,
      disk_encryption_set_id: DES,
    });
  });

  test('storage profile: only the drivers given are written', () => {
    expect(c.storage_profile).toEqual({ blob_driver_enabled: true, file_driver_enabled: false });
  });

  test('KMS with its key and the control-plane grants it needs, made before the cluster', () => {
    expect(c.key_management_service).toEqual({ key_vault_key_id: KEY, key_vault_network_access: 'Private' });
    const crypto = byPath(s, 'azurerm_role_assignment', 'aks/kms-crypto-user');
    expect(crypto.body).toMatchObject({ scope: KV, role_definition_name: 'Key Vault Crypto User' });
    const contributor = byPath(s, 'azurerm_role_assignment', 'aks/kms-vault-contributor');
    expect(contributor.body.role_definition_name).toBe('Key Vault Contributor');
    const des = byPath(s, 'azurerm_role_assignment', 'aks/disk-encryption-set-reader');
    expect(des.body).toMatchObject({ scope: DES, role_definition_name: 'Reader' });
    expect(c.depends_on).toEqual(expect.arrayContaining([`azurerm_role_assignment.${crypto.name}`, `azurerm_role_assignment.${des.name}`]));
  });

  test('nothing of these is written by default', () => {
    const d = cluster(stack('prod-infra'));
    for (const k of ['node_resource_group', 'run_command_enabled', 'image_cleaner_enabled', 'storage_profile', 'cost_analysis_enabled', 'key_management_service', 'disk_encryption_set_id']) {
      expect(d).not.toHaveProperty(k);
    }
  });

  test('the full autoscaler profile', () => {
    const asp = cluster(prod({
      cluster: {
        autoscalerProfile: {
          scanInterval: '20s', scaleDownDelayAfterDelete: '1m', scaleDownDelayAfterFailure: '5m', scaleDownUnready: '30m',
          emptyBulkDeleteMax: 20, maxNodeProvisioningTime: '20m', maxUnreadyNodes: 5, maxUnreadyPercentage: 50,
          newPodScaleUpDelay: '10s', skipNodesWithLocalStorage: true, daemonsetEvictionForEmptyNodes: true,
          daemonsetEvictionForOccupiedNodes: false, ignoreDaemonsetsUtilization: true, expander: 'least-waste',
        },
      },
    })).auto_scaler_profile;
    expect(asp).toMatchObject({
      scan_interval: '20s', scale_down_delay_after_delete: '1m', scale_down_delay_after_failure: '5m', scale_down_unready: '30m',
      empty_bulk_delete_max: '20', max_node_provisioning_time: '20m', max_unready_nodes: 5, max_unready_percentage: 50,
      new_pod_scale_up_delay: '10s', skip_nodes_with_local_storage: true, daemonset_eviction_for_empty_nodes_enabled: true,
      daemonset_eviction_for_occupied_nodes_enabled: false, ignore_daemonsets_utilization_enabled: true, expander: 'least-waste',
    });
  });

  test('Cilium with Advanced Container Networking Services', () => {
    const net = cluster(prod({ network: { policy: 'cilium', advancedNetworking: { observability: true, security: true } } })).network_profile;
    expect(net).toMatchObject({ network_policy: 'cilium', network_data_plane: 'cilium', advanced_networking: { observability_enabled: true, security_enabled: true } });
  });

  test('Azure CNI classic (pods on VNet IPs): no plugin mode, no pod CIDR', () => {
    const net = cluster(prod({ network: { pluginMode: 'none', podCidr: null } })).network_profile;
    expect(net.network_plugin).toBe('azure');
    expect(net).not.toHaveProperty('network_plugin_mode');
    expect(net).not.toHaveProperty('pod_cidr');
  });
});

describe('refused cluster settings', () => {
  const lines = (patch: Record<string, unknown>) => problemsWith({ environments: { prod: patch } }).join('\n');

  test('kubenet is refused for new clusters', () => {
    expect(lines({ network: { plugin: 'kubenet' } })).toMatch(/network\.plugin.*kubenet is retired/);
  });

  test('ACNS security needs cilium', () => {
    expect(lines({ network: { advancedNetworking: { security: true } } })).toMatch(/network\.advancedNetworking\.security.*needs the cilium data plane/);
  });

  test('cost analysis on the Free tier', () => {
    expect(lines({ cluster: { skuTier: 'Free', costAnalysis: true } })).toMatch(/cluster\.costAnalysis.*Standard or Premium/);
  });

  test('a KMS key outside the named vault, and a malformed key ID', () => {
    expect(lines({ cluster: { kms: { keyId: KEY.replace('kv-etcd', 'kv-other'), keyVaultId: KV } } })).toMatch(/cluster\.kms\.keyVaultId.*names vault kv-etcd but keyId is in vault kv-other/);
    expect(lines({ cluster: { kms: { keyId: 'https://kv-etcd.vault.azure.net/keys/etcd', keyVaultId: KV } } })).toMatch(/cluster\.kms\.keyId.*versioned Key Vault key ID/);
  });

  test('a Private KMS vault with a public API server', () => {
    expect(lines({ cluster: { apiServer: { access: 'publicUnrestricted' }, kms: { keyId: KEY, keyVaultId: KV, networkAccess: 'Private' } } })).toMatch(/cluster\.kms\.networkAccess/);
  });

  test('secretRotationInterval with rotation off', () => {
    expect(lines({ cluster: { secretRotationEnabled: false, secretRotationInterval: '5m' } })).toMatch(/cluster\.secretRotationInterval.*secretRotationEnabled is false/);
  });
});

describe('node pool settings', () => {
  const s = prod({
    cluster: { kubernetesVersion: '1.32', upgrades: { channel: 'none', autoUpgradeWindow: { enabled: false } } },
    nodePools: {
      system: { osSku: 'AzureLinux', osDiskType: 'Ephemeral', osDiskSizeGb: 64, fips: true, kubeletDiskType: 'Temporary' },
      apps: { osSku: 'Ubuntu2204', maxPods: 110, nodePublicIp: true, orchestratorVersion: '1.31', capacityReservationGroupId: CRG, proximityPlacementGroupId: PPG, zones: ['1'] },
      gpu: { gpuDriver: 'None' },
    },
  });

  test('system pool: os_sku, ephemeral OS disk, FIPS, kubelet disk type', () => {
    expect(cluster(s).default_node_pool).toMatchObject({
      os_sku: 'AzureLinux', os_disk_type: 'Ephemeral', os_disk_size_gb: 64, fips_enabled: true, kubelet_disk_type: 'Temporary', orchestrator_version: '1.32',
    });
  });

  test('user pool: os_sku, max_pods, node public IP, its own version, CRG and PPG (with the CRG grant)', () => {
    expect(pools(s).apps).toMatchObject({
      os_sku: 'Ubuntu2204', max_pods: 110, node_public_ip_enabled: true, orchestrator_version: '1.31',
      capacity_reservation_group_id: CRG, proximity_placement_group_id: PPG,
    });
    expect(byPath(s, 'azurerm_role_assignment', 'aks/capacity-reservation-contributor').body).toMatchObject({
      scope: CRG, role_definition_name: 'Contributor',
    });
  });

  test('a pool without its own version follows the cluster\'s', () => {
    expect(pools(s).spot.orchestrator_version).toBe('1.32');
  });

  test('gpu_driver None for a pool that brings the GPU Operator', () => {
    expect(pools(s).gpu.gpu_driver).toBe('None');
  });

  test('node public IPs are off unless said (no attribute, the provider default false)', () => {
    expect(pools(stack('prod-infra')).apps).not.toHaveProperty('node_public_ip_enabled');
  });
});

describe('refused node pool settings', () => {
  const lines = (patch: Record<string, unknown>) => problemsWith({ environments: { prod: patch } }).join('\n');

  test('a retired VM size, with the date and a current size', () => {
    expect(lines({ nodePools: { gpu: { vmSize: 'Standard_NC6s_v3' } } })).toMatch(/nodePools\.gpu\.vmSize.*retired Standard_NC6s_v3 on 2025-09-30.*Standard_NC4as_T4_v3/);
  });

  test('a Windows os_sku on a Linux pool', () => {
    expect(lines({ nodePools: { apps: { osSku: 'Windows2022' } } })).toMatch(/nodePools\.apps\.osSku.*not an OS image for a Linux pool/);
  });

  test('a pool version newer than the control plane, or without a cluster version', () => {
    expect(lines({ cluster: { kubernetesVersion: '1.31' }, nodePools: { apps: { orchestratorVersion: '1.32' } } })).toMatch(/nodePools\.apps\.orchestratorVersion.*newer than the control plane/);
    expect(lines({ nodePools: { apps: { orchestratorVersion: '1.32' } } })).toMatch(/nodePools\.apps\.orchestratorVersion.*needs cluster\.kubernetesVersion/);
  });
});
