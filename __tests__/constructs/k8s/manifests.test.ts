/**
 * The Kubernetes objects the platform stack creates, validated offline against the real schemas: the Kubernetes API
 * types (kubernetes-models) and the SecretProviderClass CRD vendored in vendor/crds/ (bindings generated into .gen/).
 */
import { SecretProviderClass as SecretProviderClassModel } from '../../../.gen/secrets-store-csi-driver/secrets-store.csi.x-k8s.io/v1';
import { secretProviderClassManifest } from '../../../lib/constructs/k8s/secret-provider-class';
import { all, stack } from '../../helpers/synth';

/** A Terraform `metadata` block (snake_case, as synthesized) as a Kubernetes ObjectMeta. */
function objectMeta(m: Record<string, any>) {
  return { name: m.name, namespace: m.namespace, labels: m.labels, annotations: m.annotations };
}

describe('SecretProviderClass against the vendored CRD schema', () => {
  const classes = Object.entries(all(stack('prod-platform'), 'kubernetes_manifest')).filter(([, m]) => m.manifest.kind === 'SecretProviderClass').map(([name]) => name);

  test('the default prod platform has SecretProviderClasses to check', () => {
    expect(classes.length).toBeGreaterThan(0);
  });

  test.each(classes)('synthesized %s is a valid secrets-store.csi.x-k8s.io/v1 object', (name) => {
    const manifest = all(stack('prod-platform'), 'kubernetes_manifest')[name].manifest;
    expect(() => new SecretProviderClassModel(manifest).validate()).not.toThrow();
  });

  test('the schema check can fail: a non-string parameter is rejected', () => {
    const m = secretProviderClassManifest({
      name: 'x', namespace: 'y', identity: { mode: 'workloadIdentity', clientId: 'c' }, keyVaultName: 'kv', tenantId: 't', objects: [{ name: 's' }],
    });
    const broken = { ...m, spec: { ...m.spec, parameters: { ...m.spec.parameters, usePodIdentity: false as unknown as string } } };
    expect(() => new SecretProviderClassModel(broken).validate()).toThrow(/parameters/);
  });
});

describe('ServiceAccount against the Kubernetes API schema', () => {
  test('the synthesized workload ServiceAccount is a valid v1 ServiceAccount', () => {
    const { ServiceAccount } = require('kubernetes-models/v1/ServiceAccount');
    const accounts = Object.values(all(stack('prod-platform'), 'kubernetes_service_account_v1'));
    // The loop below proves nothing over an empty list.
    expect(accounts.length).toBeGreaterThan(0);
    for (const sa of accounts) {
      expect(() => new ServiceAccount({ metadata: objectMeta(sa.metadata) }).validate()).not.toThrow();
    }
  });
});

describe('SecretProviderClass construct validation', () => {
  const { TerraformStack, Testing } = require('cdktf');
  const { SecretProviderClass } = require('../../../lib/constructs/k8s/secret-provider-class');
  const base = { name: 'x', namespace: 'y', identity: { mode: 'workloadIdentity', clientId: 'c' }, keyVaultName: 'kv', tenantId: 't' };

  test('refuses no objects, two objects mounting as one file, and a synced Secret from an unmounted object', () => {
    const s = new TerraformStack(Testing.app(), 's');
    expect(() => new SecretProviderClass(s, 'a', { ...base, objects: [] })).toThrow(/objects is empty/);
    expect(() => new SecretProviderClass(s, 'b', { ...base, objects: [{ name: 'p' }, { name: 'q', alias: 'p' }] })).toThrow(/two objects mount as "p"/);
    expect(() => new SecretProviderClass(s, 'c', { ...base, objects: [{ name: 'p' }], secretObjects: [{ secretName: 'z', data: [{ objectName: 'q', key: 'k' }] }] })).toThrow(/objectName "q" is not mounted \(allowed: p\)/);
  });
});
