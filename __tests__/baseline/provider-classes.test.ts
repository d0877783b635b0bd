/**
 * The rules read the attribute names the provider classes really emit. The other work streams' constructs are not on
 * this branch yet, so this builds their resources with the pinned provider classes (and the PlatformNamespace
 * construct) in the real default stacks and checks the rules find and pass them. Replace with the real constructs
 * (through platform.yaml) after the merge.
 */
import { App, TerraformStack, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Release } from '@cdktf/provider-helm/lib/release';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { PlatformNamespace } from '../../lib/constructs/k8s/namespace';
import type { StackJson } from '../../lib/baseline/stack-model';
import { clusterRef, real, statuses } from './helpers';

const CLUSTER_ID = clusterRef(real());

/** Synthesizes `build` in a scratch stack and merges its resources into a copy of the real `stack`. */
function withResources(stack: 'prod-infra' | 'prod-platform', build: (scope: Construct) => void): Record<string, StackJson> {
  const app = new App();
  const scratch = new TerraformStack(app, stack);
  build(scratch);
  const json = JSON.parse(Testing.synth(scratch)) as StackJson;
  const stacks = real();
  const target = stacks[stack];
  target.resource = target.resource ?? {};
  for (const [type, byName] of Object.entries(json.resource ?? {})) target.resource[type] = { ...target.resource[type], ...byName };
  return stacks;
}

const platform = withResources('prod-platform', (s) => {
  const ns = new PlatformNamespace(s, 'namespace-production', { name: 'production' });
  new ResourceQuotaV1(s, 'quota', { metadata: { name: 'production-quota', namespace: ns.name }, spec: { hard: { 'requests.cpu': '100' } } });
  new LimitRangeV1(s, 'limits', { metadata: { name: 'production-limits', namespace: ns.name }, spec: { limit: [{ type: 'Container', default: { cpu: '500m' } }] } });
  new NetworkPolicyV1(s, 'deny', { metadata: { name: 'deny-all-ingress', namespace: ns.name }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
  new PodDisruptionBudgetV1(s, 'pdb', { metadata: { name: 'web', namespace: ns.name }, spec: { minAvailable: '2', selector: { matchLabels: { app: 'web' } } } });
  new Release(s, 'velero', {
    name: 'velero', chart: 'velero', repository: 'https://vmware-tanzu.github.io/helm-charts', version: '11.1.1', namespace: 'velero',
    values: ['schedules:\n  daily-backup:\n    schedule: "0 2 * * *"\n'],
  });
  new Release(s, 'trivy', { name: 'trivy-operator', chart: 'trivy-operator', repository: 'https://aquasecurity.github.io/helm-charts/', version: '0.31.0', namespace: 'trivy-system' });
});

const infra = withResources('prod-infra', (s) => {
  new KeyVault(s, 'kv', {
    name: 'kv-demo-prod', location: 'koreacentral', resourceGroupName: 'rg', tenantId: 't', skuName: 'standard',
    purgeProtectionEnabled: true, rbacAuthorizationEnabled: true, publicNetworkAccessEnabled: false,
  });
  const acr = new ContainerRegistry(s, 'acr', {
    name: 'acrdemoprod', location: 'koreacentral', resourceGroupName: 'rg', sku: 'Premium', adminEnabled: false,
    publicNetworkAccessEnabled: false, zoneRedundancyEnabled: true, retentionPolicyInDays: 7,
  });
  new RoleAssignment(s, 'pull', { scope: acr.id, roleDefinitionName: 'AcrPull', principalId: 'p' });
  new StorageAccount(s, 'st', {
    name: 'stbkdemoprod', location: 'koreacentral', resourceGroupName: 'rg', accountTier: 'Standard', accountReplicationType: 'GRS',
    allowNestedItemsToBePublic: false, sharedAccessKeyEnabled: false, publicNetworkAccessEnabled: false, minTlsVersion: 'TLS1_2',
    blobProperties: { deleteRetentionPolicy: { days: 14 }, containerDeleteRetentionPolicy: { days: 14 } },
  });
  new KubernetesClusterNodePool(s, 'apps', {
    name: 'apps', kubernetesClusterId: CLUSTER_ID, vmSize: 'Standard_D4s_v3', mode: 'User',
    autoScalingEnabled: true, minCount: 3, maxCount: 20, zones: ['1', '2', '3'],
  });
  new MonitorDiagnosticSetting(s, 'diag', {
    name: 'aks', targetResourceId: CLUSTER_ID, logAnalyticsWorkspaceId: 'law',
    enabledLog: ['kube-apiserver', 'kube-audit', 'kube-controller-manager', 'kube-scheduler', 'cluster-autoscaler'].map((category) => ({ category })),
  });
});

test.each(['AKS-K8S-001', 'AKS-K8S-002', 'AKS-K8S-003', 'AKS-K8S-004', 'AKS-RES-003', 'AKS-RES-004', 'AKS-HA-006', 'AKS-HA-007', 'AKS-ACR-006'])(
  '%s passes on the objects the provider classes emit',
  (id) => {
    expect(statuses(id, platform)).toEqual(['pass']);
  },
);

test.each([
  'AKS-KV-001', 'AKS-KV-002', 'AKS-KV-003', 'AKS-KV-004', 'AKS-ACR-001', 'AKS-ACR-002', 'AKS-ACR-003', 'AKS-ACR-004', 'AKS-ACR-005', 'AKS-ACR-007',
  'AKS-ST-001', 'AKS-ST-002', 'AKS-ST-003', 'AKS-ST-004', 'AKS-ST-005', 'AKS-ST-006', 'AKS-ST-007', 'AKS-HA-002', 'AKS-RES-001', 'AKS-RES-002', 'AKS-MON-003',
])('%s passes on the resources the provider classes emit', (id) => {
  expect(statuses(id, infra)).toEqual(['pass']);
});
