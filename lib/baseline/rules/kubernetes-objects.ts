/** Kubernetes objects the platform stack creates: Pod Security Standards, NetworkPolicies, Helm releases. */
import { attr, show } from '../stack-model';
import type { EnvironmentView, Resource } from '../stack-model';
import type { Outcome, Rule } from '../types';
import { homeAddress, outcome, resourceRule } from './dsl';
import { inNamespace, meta, namespaces, objects } from './k8s-helpers';

function labels(r: Resource): Record<string, unknown> {
  const l = r.type === 'kubernetes_manifest' ? attr(r.attrs, 'manifest.metadata.labels') : attr(r.attrs, 'metadata.labels');
  return (l && typeof l === 'object' ? l : {}) as Record<string, unknown>;
}

/** Whether a NetworkPolicy selects every pod (empty pod selector) and lists Ingress among its policy types. */
function isDefaultDenyIngress(p: Resource): boolean {
  const spec = p.type === 'kubernetes_manifest' ? attr(p.attrs, 'manifest.spec') : attr(p.attrs, 'spec');
  const selector = attr(spec, 'pod_selector') ?? attr(spec, 'podSelector');
  const empty = selector === undefined || (typeof selector === 'object' && Object.keys(selector as object).length === 0);
  const types = (attr(spec, 'policy_types') ?? attr(spec, 'policyTypes')) as unknown;
  const hasIngress = Array.isArray(types) && types.includes('Ingress');
  const rules = attr(spec, 'ingress');
  return empty && hasIngress && (rules === undefined || (Array.isArray(rules) && rules.length === 0));
}

const defaultDeny: Rule = {
  id: 'AKS-K8S-001',
  title: 'Default-deny ingress NetworkPolicy in every platform namespace',
  severity: 'error',
  area: 'kubernetes objects',
  seed: 'Production checklist / 보안: Network Policy 적용; 2. Network Policy: deny-all-ingress',
  remedy: 'Keep namespaces.<name>.networkPolicy.defaultDeny: true (the default) and allow traffic with explicit policies.',
  check(env: EnvironmentView): Outcome[] {
    const ns = namespaces(env);
    if (ns.length === 0) return [{ address: homeAddress(env, 'platform'), status: 'fail', detail: 'no namespaces in the platform stack, so no NetworkPolicy' }];
    const pols = objects(env, ['kubernetes_network_policy_v1', 'kubernetes_network_policy'], 'NetworkPolicy').filter(isDefaultDenyIngress);
    return ns.map((n) => {
      const mine = pols.filter((p) => inNamespace(env, p, n));
      return outcome(n, mine.length > 0, mine.length ? `default deny: ${mine.map((p) => show(meta(p, 'name'))).join(', ')}` : `no default-deny ingress policy in namespace ${show(meta(n, 'name'))}`);
    });
  },
};

export const kubernetesObjectRules = [
  resourceRule({
    area: 'kubernetes objects',
    types: ['kubernetes_namespace_v1', 'kubernetes_namespace'],
    home: 'platform',
    whenAbsent: 'not-applicable',
    id: 'AKS-K8S-002',
    title: 'Pod Security Standards enforced on every platform namespace',
    severity: 'error',
    seed: 'Production checklist / 보안: Pod Security Standards 적용 (Restricted); 2. Pod Security Admission',
    remedy: 'Namespaces get pod-security.kubernetes.io/enforce from namespaces.<name>.podSecurity (restricted by default); use baseline or privileged only where an add-on needs it, with a waiver for privileged.',
    test: (r) => {
      const level = labels(r)['pod-security.kubernetes.io/enforce'];
      return [level === 'restricted' || level === 'baseline', `pod-security.kubernetes.io/enforce = ${show(level)}`];
    },
  }),
  defaultDeny,
  resourceRule({
    area: 'kubernetes objects',
    types: ['helm_release'],
    home: 'platform',
    whenAbsent: 'not-applicable',
    id: 'AKS-K8S-003',
    title: 'Helm charts pinned to a version',
    severity: 'warning',
    seed: 'Production checklist / 운영: GitOps 워크플로우 구성 (reproducible releases)',
    remedy: 'Pin the add-on chart version in its construct (each add-on carries repository, chart and version in one place).',
    test: (r) => {
      const v = r.attrs.version;
      return [typeof v === 'string' && /^\d/.test(v), `version = ${show(v)}`];
    },
  }),
  resourceRule({
    area: 'kubernetes objects',
    types: ['helm_release'],
    home: 'platform',
    whenAbsent: 'not-applicable',
    id: 'AKS-K8S-004',
    title: 'Helm releases do not create their namespaces',
    severity: 'info',
    seed: '2. Pod Security Admission (namespaces carry Pod Security labels, which a Helm-created namespace lacks)',
    remedy: 'Create the namespace with the platform stack (stack.namespace(name)) and leave create_namespace unset.',
    test: (r) => [r.attrs.create_namespace !== true, `create_namespace = ${show(r.attrs.create_namespace)}`],
  }),
];
