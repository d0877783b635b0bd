import { Construct } from 'constructs';
import { HelmAddon, type HelmReleaseSettings, type Values } from '../helm-addon';
import { INGRESS_NGINX_CHART } from '../../azure/charts';

export { INGRESS_NGINX_CHART };

/** Pod Security level the chart runs under: the controller runs as uid 101 with seccomp and all capabilities dropped but NET_BIND_SERVICE. */
export const INGRESS_NGINX_POD_SECURITY = 'restricted';

const LB = 'service.beta.kubernetes.io';

export interface IngressNginxProps extends HelmReleaseSettings {
  /** Namespace (a reference to the namespace resource). */
  readonly namespace: string;
  /** Controller replicas. @default 2 */
  readonly replicaCount?: number;
  /** An internal load balancer (private VNet address) instead of a public one. @default false */
  readonly internal?: boolean;
  /** A static public IP from the infra stack: its name and resource group. @default - a dynamic address from AKS */
  readonly publicIp?: { readonly name: string; readonly resourceGroupName: string };
  /** Controller resource requests. @default { cpu: '100m', memory: '128Mi' } */
  readonly requests?: { readonly cpu: string; readonly memory: string };
  /** Prometheus metrics endpoint. @default true */
  readonly metrics?: boolean;
  /** Chart version. @default INGRESS_NGINX_CHART.version */
  readonly chartVersion?: string;
  /** The user's values, merged last. @default {} */
  readonly values?: Values;
}

/**
 * ingress-nginx with the seed's `helm install` flags as defaults (2 replicas, Linux nodes, the Azure load balancer
 * health probe on /healthz, externalTrafficPolicy Local) plus a PodDisruptionBudget, spreading across zones and
 * nodes, resource requests and metrics; optionally an internal load balancer or a static public IP.
 */
export class IngressNginx extends Construct {
  readonly addon: HelmAddon;

  constructor(scope: Construct, id: string, props: IngressNginxProps) {
    super(scope, id);
    const replicas = props.replicaCount ?? 2;
    if (!Number.isInteger(replicas) || replicas < 1) throw new Error(`IngressNginx: replicaCount must be a positive integer (got ${replicas})`);
    if (props.internal && props.publicIp) {
      throw new Error('IngressNginx: internal and publicIp exclude each other (allowed: an internal load balancer, or a static public IP)');
    }
    const selector = {
      matchLabels: {
        'app.kubernetes.io/name': 'ingress-nginx',
        'app.kubernetes.io/instance': 'ingress-nginx',
        'app.kubernetes.io/component': 'controller',
      },
    };
    const defaults: Values = {
      controller: {
        replicaCount: replicas,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        service: {
          annotations: { [`${LB}/azure-load-balancer-health-probe-request-path`]: '/healthz' },
          externalTrafficPolicy: 'Local',
        },
        minAvailable: replicas > 1 ? 1 : 0,
        // The seed's multi-zone spread (zones strict, nodes best effort). Tainted nodes (the system pool) are not
        // counted as domains, or an empty system zone would block the second replica.
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor', labelSelector: selector },
          { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', nodeTaintsPolicy: 'Honor', labelSelector: selector },
        ],
        resources: { requests: props.requests ?? { cpu: '100m', memory: '128Mi' } },
        metrics: { enabled: props.metrics ?? true },
      },
    };
    const annotations: Record<string, string> = {};
    if (props.internal) annotations[`${LB}/azure-load-balancer-internal`] = 'true';
    if (props.publicIp) {
      annotations[`${LB}/azure-pip-name`] = props.publicIp.name;
      annotations[`${LB}/azure-load-balancer-resource-group`] = props.publicIp.resourceGroupName;
    }
    const computed: Values = Object.keys(annotations).length ? { controller: { service: { annotations } } } : {};
    this.addon = new HelmAddon(this, 'helm', {
      ...props,
      chart: { ...INGRESS_NGINX_CHART, version: props.chartVersion ?? INGRESS_NGINX_CHART.version },
      releaseName: 'ingress-nginx',
      defaults,
      computed,
      overrides: props.values,
    });
  }
}
