import { TerraformStack, Testing } from 'cdktf';
import { PlatformNamespace, type PlatformNamespaceProps } from '../../../lib/constructs/k8s/namespace';

function synth(props: PlatformNamespaceProps): Record<string, any> {
  const s = new TerraformStack(Testing.app(), 's');
  new PlatformNamespace(s, 'ns', props);
  return Object.values(JSON.parse(Testing.synth(s)).resource.kubernetes_namespace_v1)[0] as Record<string, any>;
}

test('enforce, audit and warn carry the podSecurity level (restricted by default)', () => {
  expect(synth({ name: 'a' }).metadata.labels).toEqual({
    'pod-security.kubernetes.io/enforce': 'restricted',
    'pod-security.kubernetes.io/audit': 'restricted',
    'pod-security.kubernetes.io/warn': 'restricted',
  });
});

test('extra labels cannot set a Pod Security label', () => {
  expect(() => synth({ name: 'a', labels: { 'pod-security.kubernetes.io/enforce': 'privileged' } })).toThrow(
    /PlatformNamespace a: labels pod-security\.kubernetes\.io\/enforce are set by podSecurity/,
  );
});

test('podSecurityReason becomes the platform/pod-security-reason annotation', () => {
  const ns = synth({ name: 'trivy-system', podSecurity: 'privileged', podSecurityReason: 'host mounts' });
  expect(ns.metadata.annotations).toEqual({ 'platform/pod-security-reason': 'host mounts' });
  expect(synth({ name: 'a' }).metadata.annotations).toBeUndefined();
});

test('an unknown level is refused, naming the allowed ones', () => {
  expect(() => synth({ name: 'a', podSecurity: 'open' as never })).toThrow(/podSecurity "open" is not a level \(allowed: restricted, baseline, privileged\)/);
});
