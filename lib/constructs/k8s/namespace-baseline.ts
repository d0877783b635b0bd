import { Construct } from 'constructs';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { NetworkPolicyV1, type NetworkPolicyV1Spec } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';

import { SEED_LIMITS, SEED_RESOURCE_QUOTA, type CpuMemory, type NamespaceLimits } from '../../azure/kubernetes';

export { SEED_LIMITS, SEED_RESOURCE_QUOTA, type CpuMemory, type NamespaceLimits };

/**
 * One allowed ingress source: pods by label, namespaces by label, or both (pods in those namespaces); or an address
 * range (`ipBlock`, alone: Kubernetes allows no selector beside it).
 */
export interface IngressPeer {
  readonly podSelector?: Record<string, string>;
  readonly namespaceSelector?: Record<string, string>;
  /** An IPv4 CIDR, e.g. an Application Gateway subnet. */
  readonly ipBlock?: string;
}

/** An allow rule on top of the default deny (the seed's allow-frontend-to-backend). */
export interface IngressAllowRule {
  /** Policy name. */
  readonly name: string;
  /** Pods it applies to, by label. @default {} (every pod in the namespace) */
  readonly podSelector?: Record<string, string>;
  /** Allowed sources; empty allows every source. */
  readonly from: IngressPeer[];
  /** Allowed ports. @default [] (every port) */
  readonly ports?: { readonly port: number; readonly protocol?: 'TCP' | 'UDP' | 'SCTP' }[];
}

export interface NamespaceBaselineProps {
  /** The namespace, as a reference to the namespace resource. */
  readonly namespace: string;
  /** ResourceQuota `spec.hard`; empty for no quota. @default SEED_RESOURCE_QUOTA */
  readonly quota?: Record<string, string>;
  /** LimitRange; undefined for the seed's. @default SEED_LIMITS */
  readonly limits?: NamespaceLimits;
  /** A default-deny ingress policy for every pod. @default true */
  readonly denyAllIngress?: boolean;
  /** Allow rules. @default [] */
  readonly allowIngress?: IngressAllowRule[];
  /**
   * Where the cluster's ingress controller reaches backends from (its namespace, or its subnet for a controller
   * outside the cluster network): an `allow-from-ingress-controller` policy lets those sources reach every pod on
   * every port, so a default-deny namespace still serves through the ingress. Only with `denyAllIngress` (without
   * it nothing is denied, and a policy would isolate the pods). @default [] (no such policy)
   */
  readonly ingressControllerFrom?: IngressPeer[];
  /**
   * A default-deny egress policy, with the two flows every workload here needs kept open: DNS to the cluster DNS
   * (kube-system, UDP and TCP 53) and HTTPS to `httpsEgressCidrs` (Entra ID for the workload identity token
   * exchange, Key Vault and the other Azure endpoints the workloads call; none has fixed addresses a NetworkPolicy
   * could name, so the default is any address on port 443). The Key Vault CSI provider runs on the host network in
   * kube-system, so no policy here can block its mounts. @default false
   */
  readonly denyAllEgress?: boolean;
  /** Where HTTPS egress is allowed under `denyAllEgress`. @default ['0.0.0.0/0'] */
  readonly httpsEgressCidrs?: string[];
}

/** The cluster DNS pods, as AKS labels them. */
export const CLUSTER_DNS_SELECTOR = { 'k8s-app': 'kube-dns' };

const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Policy names the construct uses itself (an allow rule `x` becomes construct ID `allow-x`). */
const RESERVED = new Set(['deny-all-ingress', 'allow-from-ingress-controller', 'from-ingress-controller']);

const selector = (labels?: Record<string, string>) => (labels ? { matchLabels: labels } : undefined);

function peer(p: IngressPeer, where: string) {
  if (p.ipBlock !== undefined) {
    if (p.podSelector || p.namespaceSelector) {
      throw new Error(`NamespaceBaseline: ${where} has ipBlock ${p.ipBlock} with a selector (allowed: ipBlock alone, or selectors)`);
    }
    return { ipBlock: { cidr: p.ipBlock } };
  }
  return { podSelector: selector(p.podSelector), namespaceSelector: selector(p.namespaceSelector) };
}

/**
 * What every application namespace carries besides its Pod Security labels: a ResourceQuota, a LimitRange (so pods
 * without requests still get them) and network isolation (deny all ingress, then the allowed flows).
 */
export class NamespaceBaseline extends Construct {
  readonly quota?: ResourceQuotaV1;
  readonly limitRange: LimitRangeV1;
  readonly networkPolicies: NetworkPolicyV1[] = [];
  /** The `allow-from-ingress-controller` policy, when `ingressControllerFrom` names sources. */
  readonly ingressControllerPolicy?: NetworkPolicyV1;

  constructor(scope: Construct, id: string, props: NamespaceBaselineProps) {
    super(scope, id);
    const quota = props.quota ?? SEED_RESOURCE_QUOTA;
    const limits = props.limits ?? SEED_LIMITS;
    if (Object.keys(quota).length > 0) {
      this.quota = new ResourceQuotaV1(this, 'quota', {
        metadata: { name: 'namespace-quota', namespace: props.namespace },
        spec: { hard: quota },
      });
    }
    const c = limits.container;
    this.limitRange = new LimitRangeV1(this, 'limits', {
      metadata: { name: 'namespace-limits', namespace: props.namespace },
      spec: {
        limit: [
          { type: 'Container', max: { ...c.max }, min: { ...c.min }, default: { ...c.default }, defaultRequest: { ...c.defaultRequest } },
          { type: 'Pod', max: { ...limits.pod.max }, min: { ...limits.pod.min } },
        ],
      },
    });
    if (props.denyAllIngress ?? true) {
      this.networkPolicies.push(
        new NetworkPolicyV1(this, 'deny-all-ingress', {
          metadata: { name: 'deny-all-ingress', namespace: props.namespace },
          spec: { podSelector: {}, policyTypes: ['Ingress'] },
        }),
      );
    }
    const controllerFrom = props.ingressControllerFrom ?? [];
    if (controllerFrom.length > 0 && (props.denyAllIngress ?? true)) {
      this.ingressControllerPolicy = new NetworkPolicyV1(this, 'allow-from-ingress-controller', {
        metadata: { name: 'allow-from-ingress-controller', namespace: props.namespace },
        spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: controllerFrom.map((p) => peer(p, 'ingressControllerFrom')) }] },
      });
      this.networkPolicies.push(this.ingressControllerPolicy);
    }
    if (props.denyAllEgress ?? false) this.denyEgress(props.namespace, props.httpsEgressCidrs ?? ['0.0.0.0/0']);
    const seen = new Set<string>();
    for (const rule of props.allowIngress ?? []) {
      if (!NAME.test(rule.name) || RESERVED.has(rule.name) || seen.has(rule.name)) {
        throw new Error(`NamespaceBaseline: allowIngress name "${rule.name}" is invalid or repeated (allowed: a unique DNS label other than ${[...RESERVED].join(', ')})`);
      }
      seen.add(rule.name);
      this.networkPolicies.push(
        new NetworkPolicyV1(this, `allow-${rule.name}`, {
          metadata: { name: rule.name, namespace: props.namespace },
          spec: {
            podSelector: rule.podSelector ? { matchLabels: rule.podSelector } : {},
            policyTypes: ['Ingress'],
            ingress: [
              {
                from: rule.from.map((p) => peer(p, `allowIngress ${rule.name}`)),
                ports: (rule.ports ?? []).map((p) => ({ port: String(p.port), protocol: p.protocol ?? 'TCP' })),
              },
            ],
          },
        }),
      );
    }
  }

  /** Deny all egress, then allow DNS to the cluster DNS and HTTPS to the given ranges. */
  private denyEgress(namespace: string, httpsCidrs: string[]): void {
    const policy = (id: string, spec: NetworkPolicyV1Spec) =>
      this.networkPolicies.push(new NetworkPolicyV1(this, id, { metadata: { name: id, namespace }, spec }));
    policy('deny-all-egress', { podSelector: {}, policyTypes: ['Egress'] });
    policy('allow-dns-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: CLUSTER_DNS_SELECTOR } }],
          ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }],
        },
      ],
    });
    policy('allow-https-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: httpsCidrs.map((cidr) => ({ ipBlock: { cidr } })), ports: [{ port: '443', protocol: 'TCP' }] }],
    });
  }
}
