/**
 * Kubernetes and AKS syntax and names that the configuration, the constructs and the baseline all need: taints,
 * label keys, namespace names, Pod Security levels, the workload identity webhook's label and annotation, the Spot
 * node label and taint, and the seed's namespace quota and limits.
 */

/**
 * `key=value:Effect`, as `--node-taints` and `node_taints` take it (groups: key, value, effect). AKS documents only
 * the `key=value:effect` form (az aks nodepool add --node-taints), so the value part is required (it may be empty).
 */
export const TAINT_PATTERN = /^([A-Za-z0-9./_-]+)=([A-Za-z0-9._-]*):(NoSchedule|PreferNoSchedule|NoExecute)$/;

/** What `TAINT_PATTERN` allows, in words (error messages, the JSON Schema). */
export const TAINT_SYNTAX = 'key=value:NoSchedule | PreferNoSchedule | NoExecute';

/** A taint as Kubernetes writes it, `key[=value]:Effect` (a taint on a node AKS manages may have no value). */
const KUBERNETES_TAINT = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/;

/** A node taint, parsed. */
export interface Taint {
  readonly key: string;
  /** Undefined for a taint without a value (`CriticalAddonsOnly:NoSchedule`). */
  readonly value?: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** `key[=value]:Effect` parsed, or undefined when it is not a taint. */
export function parseTaint(taint: string): Taint | undefined {
  const m = KUBERNETES_TAINT.exec(taint);
  return m ? { key: m[1], value: m[2], effect: m[3] as Taint['effect'] } : undefined;
}

/** The toleration that lets a pod onto nodes with `taint`: `Equal` on its value, or `Exists` when it has none. */
export function tolerationFor(t: Taint): Record<string, string> {
  return t.value !== undefined ? { key: t.key, operator: 'Equal', value: t.value, effect: t.effect } : { key: t.key, operator: 'Exists', effect: t.effect };
}

/**
 * A label key: an optional DNS-subdomain prefix and `/`, then a name of 1-63 characters (letters, digits, `-`, `_`,
 * `.`), starting and ending with a letter or digit (Kubernetes "Labels and Selectors", syntax and character set).
 */
export const LABEL_KEY_PATTERN = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** A label value: empty, or up to 63 characters (letters, digits, `-`, `_`, `.`) starting and ending alphanumeric. */
export const LABEL_VALUE_PATTERN = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** A namespace (and most object) name: an RFC 1123 DNS label, 1-63 lowercase letters, digits and hyphens. */
export const DNS_LABEL_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export const POD_SECURITY_LEVELS = ['restricted', 'baseline', 'privileged'] as const;
/** Pod Security Standards level (the `pod-security.kubernetes.io/enforce` label's value). */
export type PodSecurityLevel = (typeof POD_SECURITY_LEVELS)[number];

/** Namespaces every cluster has: workloads may live there, the platform never creates them. */
export const BUILT_IN_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** The prefix of the Pod Security admission labels (`enforce`, `audit`, `warn` and their `-version`). */
export const POD_SECURITY_LABEL_PREFIX = 'pod-security.kubernetes.io/';

/** The annotation the workload identity webhook reads the identity's client ID from (on the ServiceAccount). */
export const WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION = 'azure.workload.identity/client-id';
/** The label that opts a pod into workload identity (the webhook injects the token file, client and tenant). */
export const WORKLOAD_IDENTITY_USE_LABEL = 'azure.workload.identity/use';

/** The label AKS puts on every Spot node; declared on the pool too so Terraform sees no drift. */
export const SPOT_LABEL = { 'kubernetes.azure.com/scalesetpriority': 'spot' } as const;
/** The taint AKS puts on every Spot node. */
export const SPOT_TAINT = 'kubernetes.azure.com/scalesetpriority=spot:NoSchedule';

/** CPU and memory, as Kubernetes quantities. */
export interface CpuMemory {
  readonly cpu: string;
  readonly memory: string;
}

/** The seed's per-namespace quota (section "Resource Quotas"). */
export const SEED_RESOURCE_QUOTA: Readonly<Record<string, string>> = {
  'requests.cpu': '100',
  'requests.memory': '200Gi',
  'limits.cpu': '200',
  'limits.memory': '400Gi',
  persistentvolumeclaims: '20',
  'services.loadbalancers': '5',
};

/** A namespace LimitRange, as the seed writes it (section "LimitRange"). */
export interface NamespaceLimits {
  readonly container: { readonly max: CpuMemory; readonly min: CpuMemory; readonly default: CpuMemory; readonly defaultRequest: CpuMemory };
  readonly pod: { readonly max: CpuMemory; readonly min: CpuMemory };
}

/** The seed's LimitRange. */
export const SEED_LIMITS: NamespaceLimits = {
  container: {
    max: { cpu: '4', memory: '8Gi' },
    min: { cpu: '100m', memory: '128Mi' },
    default: { cpu: '500m', memory: '512Mi' },
    defaultRequest: { cpu: '200m', memory: '256Mi' },
  },
  pod: { max: { cpu: '8', memory: '16Gi' }, min: { cpu: '200m', memory: '256Mi' } },
};
