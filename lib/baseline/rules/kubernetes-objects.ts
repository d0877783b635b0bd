/** Kubernetes objects the platform stack creates: Pod Security Standards, NetworkPolicies, Helm releases. */
import { attr, show } from '../stack-model';
import type { EnvironmentView, Resource } from '../stack-model';
import type { Outcome, Rule } from '../types';
import { homeAddress, outcome, resourceRule } from './dsl';
import { ADDON_NAMESPACE_EXEMPT, annotationsOf, inNamespace, isAddonNamespace, labelsOf, meta, namespaces, objects, ROLE_LABEL } from './k8s-helpers';

/** The annotation an add-on namespace carries to say why it runs below restricted. */
const REASON_ANNOTATION = 'platform/pod-security-reason';
const NAMESPACE_TYPES = ['kubernetes_namespace_v1', 'kubernetes_namespace'];

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

/**
 * Application namespaces only. An add-on namespace (`platform/role: addon`) is not applicable: a deny-all ingress
 * policy in ingress-nginx would cut the load balancer's traffic and the admission webhook the API server calls;
 * add-ons allow what their charts need.
 */
const defaultDeny: Rule = {
  id: 'AKS-K8S-001',
  title: 'Default-deny ingress NetworkPolicy in every application namespace',
  severity: 'error',
  area: 'kubernetes objects',
  seed: 'Production checklist / 보안: Network Policy 적용; 2. Network Policy: deny-all-ingress',
  remedy: 'Keep namespaces.<name>.denyAllIngress: true (the default) and allow traffic with namespaces.<name>.allowIngress. Namespaces created for workloads.<name>.namespace get the default deny.',
  check(env: EnvironmentView): Outcome[] {
    const ns = namespaces(env);
    if (ns.length === 0) return [{ address: homeAddress(env, 'platform'), status: 'fail', detail: 'no namespaces in the platform stack, so no NetworkPolicy' }];
    const pols = objects(env, ['kubernetes_network_policy_v1', 'kubernetes_network_policy'], 'NetworkPolicy').filter(isDefaultDenyIngress);
    return ns.map((n) => {
      if (isAddonNamespace(n)) return outcome(n, 'not-applicable', ADDON_NAMESPACE_EXEMPT);
      const mine = pols.filter((p) => inNamespace(env, p, n));
      return outcome(n, mine.length > 0, mine.length ? `default deny: ${mine.map((p) => show(meta(p, 'name'))).join(', ')}` : `no default-deny ingress policy in namespace ${show(meta(n, 'name'))}`);
    });
  },
};

const enforced = (r: Resource) => labelsOf(r)['pod-security.kubernetes.io/enforce'];

export const kubernetesObjectRules = [
  resourceRule({
    area: 'kubernetes objects',
    types: NAMESPACE_TYPES,
    home: 'platform',
    whenAbsent: 'not-applicable',
    id: 'AKS-K8S-002',
    title: 'Pod Security Standards (restricted or baseline) enforced on every application namespace',
    severity: 'error',
    seed: 'Production checklist / 보안: Pod Security Standards 적용 (Restricted); 2. Pod Security Admission',
    remedy: 'Application namespaces enforce namespaces.<name>.podSecurity (restricted by default, or baseline); privileged is not a choice for them. Add-on namespaces are checked by AKS-K8S-005.',
    where: (r) => !isAddonNamespace(r),
    exempt: `${ADDON_NAMESPACE_EXEMPT}; its level is checked by AKS-K8S-005`,
    test: (r) => {
      const level = enforced(r);
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
    remedy: 'Each add-on construct pins its chart; override only with a vendored version (ingress.nginx.chartVersion, addons.trivyOperator.chartVersion, backup.chartVersion).',
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
    remedy: 'The platform stack creates every add-on namespace with its Pod Security labels (secure by default, no platform.yaml setting); a new add-on uses PlatformStack.namespace and leaves create_namespace unset.',
    test: (r) => [r.attrs.create_namespace !== true, `create_namespace = ${show(r.attrs.create_namespace)}`],
  }),
  resourceRule({
    area: 'kubernetes objects',
    types: NAMESPACE_TYPES,
    home: 'platform',
    whenAbsent: 'not-applicable',
    id: 'AKS-K8S-005',
    title: 'Add-on namespaces below baseline Pod Security are flagged, with the reason',
    severity: 'warning',
    seed: '2. Pod Security Admission (add-ons run at the level their chart needs; privileged is the exception to keep in view)',
    remedy: 'An add-on namespace runs privileged only where its chart needs host access (Trivy node collector; Velero with backup.nodeAgent: true); turn off what needs it (backup.nodeAgent: false, addons.trivyOperator.enabled: false) or accept the warning. The reason is the namespace annotation platform/pod-security-reason.',
    where: (r) => isAddonNamespace(r),
    exempt: 'application namespace: checked by AKS-K8S-002',
    test: (r) => {
      const level = enforced(r);
      const reason = annotationsOf(r)[REASON_ANNOTATION];
      const ok = level === 'restricted' || level === 'baseline';
      const why = typeof reason === 'string' && reason ? `: ${reason}` : ok ? '' : ` (no ${REASON_ANNOTATION} annotation says why)`;
      return [ok, `${ROLE_LABEL} = addon, pod-security.kubernetes.io/enforce = ${show(level)}${why}`];
    },
  }),
];
