import { Testing, TerraformStack } from 'cdktf';
import { IngressNginx } from '../../lib/addons/ingress-nginx';
import { toleration, TrivyOperator } from '../../lib/addons/trivy-operator';
import { Velero } from '../../lib/addons/velero';
import { AgcInfra } from '../../lib/addons/alb-controller/azure';
import { AlbController } from '../../lib/addons/alb-controller';
import { resourceGroupIdOf } from '../../lib/addons/agic/azure';
import { NamespaceBaseline } from '../../lib/constructs/k8s/namespace-baseline';

const scope = () => new TerraformStack(Testing.app(), 'test');
const storage = { subscriptionId: 's', resourceGroupName: 'rg', storageAccountName: 'st', containerName: 'velero', nodeResourceGroup: 'mc', clientId: 'c' };

test('IngressNginx refuses an internal load balancer with a static public IP', () => {
  expect(() => new IngressNginx(scope(), 'i', { namespace: 'n', internal: true, publicIp: { name: 'p', resourceGroupName: 'rg' } })).toThrow(/internal and publicIp exclude each other/);
});

test('TrivyOperator refuses an unknown severity, naming the allowed ones', () => {
  expect(() => new TrivyOperator(scope(), 't', { namespace: 'n', severities: ['SEVERE'] })).toThrow(/allowed: one or more of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL/);
});

test('a taint without a value becomes an Exists toleration', () => {
  expect(toleration('CriticalAddonsOnly:NoSchedule')).toEqual({ key: 'CriticalAddonsOnly', operator: 'Exists', effect: 'NoSchedule' });
});

test('Velero refuses a schedule that is not a cron expression', () => {
  expect(() => new Velero(scope(), 'v', { namespace: 'velero', storage, schedules: { x: { schedule: 'daily', includedNamespaces: ['a'], ttl: '720h' } } })).toThrow(
    /schedules\.x\.schedule "daily" is not a cron expression/,
  );
});

test('AgcInfra refuses a subnet smaller than /24', () => {
  expect(() => new AgcInfra(scope(), 'a', {
    virtualNetworkName: 'v', virtualNetworkResourceGroupName: 'rg', subnetCidr: '10.0.0.0/26', resourceGroupName: 'rg', location: 'l', oidcIssuerUrl: 'u', nodeResourceGroupId: 'id',
  })).toThrow(/subnetCidr 10\.0\.0\.0\/26 is too small/);
});

test('the resource group of a resource ID is its first two segments pairs', () => {
  expect(resourceGroupIdOf('/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/applicationGateways/a')).toBe('/subscriptions/x/resourceGroups/rg');
});

test('NamespaceBaseline refuses an allow rule that would shadow the default deny', () => {
  expect(() => new NamespaceBaseline(scope(), 'b', { namespace: 'n', allowIngress: [{ name: 'deny-all-ingress', from: [] }] })).toThrow(/allowIngress name "deny-all-ingress"/);
});

test('NamespaceBaseline with an empty quota creates no ResourceQuota', () => {
  const s = scope();
  new NamespaceBaseline(s, 'b', { namespace: 'n', quota: {} });
  expect(JSON.parse(Testing.synth(s)).resource.kubernetes_resource_quota_v1).toBeUndefined();
});

test('NamespaceBaseline refuses an ipBlock beside a selector, naming the peer', () => {
  expect(() => new NamespaceBaseline(scope(), 'b', { namespace: 'n', ingressControllerFrom: [{ ipBlock: '10.0.0.0/24', podSelector: { a: 'b' } }] })).toThrow(
    /ingressControllerFrom has ipBlock 10\.0\.0\.0\/24 with a selector/,
  );
});

test('NamespaceBaseline adds no ingress-controller policy without a default deny (it would isolate the pods)', () => {
  expect(new NamespaceBaseline(scope(), 'b', { namespace: 'n', denyAllIngress: false, ingressControllerFrom: [{ ipBlock: '10.0.0.0/24' }] }).ingressControllerPolicy).toBeUndefined();
  expect(new NamespaceBaseline(scope(), 'b', { namespace: 'n', ingressControllerFrom: [{ ipBlock: '10.0.0.0/24' }] }).ingressControllerPolicy).toBeDefined();
});

test('AlbController refuses a negative pdbMinAvailable and creates no PDB with 0', () => {
  const props = { namespace: 'alb', clientId: 'c', subnetId: 's' };
  expect(() => new AlbController(scope(), 'a', { ...props, pdbMinAvailable: -1 })).toThrow(/pdbMinAvailable -1 is invalid/);
  expect(new AlbController(scope(), 'a', { ...props, pdbMinAvailable: 0 }).podDisruptionBudget).toBeUndefined();
});

test('Velero creates its VolumeSnapshotClass only in CSI mode', () => {
  expect(new Velero(scope(), 'v', { namespace: 'velero', storage }).volumeSnapshotClass).toBeDefined();
  expect(new Velero(scope(), 'v', { namespace: 'velero', storage, snapshotMode: 'none' }).volumeSnapshotClass).toBeUndefined();
});
