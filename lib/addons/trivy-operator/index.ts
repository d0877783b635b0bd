import { parseTaint, TAINT_SYNTAX, tolerationFor, WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION, WORKLOAD_IDENTITY_USE_LABEL } from '../../azure/kubernetes';
import { Construct } from 'constructs';
import { HelmAddon, type HelmReleaseSettings, type Values } from '../helm-addon';
import { TRIVY_OPERATOR_CHART } from '../../azure/charts';

export { TRIVY_OPERATOR_CHART };

/**
 * Pod Security level of `trivy-system`: privileged, because the node-collector jobs of the infra assessment mount
 * host paths (not allowed under baseline). Scan jobs themselves run non-root, read-only, all capabilities dropped.
 */
export const TRIVY_OPERATOR_POD_SECURITY = 'privileged';
/** Why `trivy-system` is privileged (the namespace's `platform/pod-security-reason`, shown in the baseline report). */
export const TRIVY_OPERATOR_POD_SECURITY_REASON = 'the node-collector jobs of the infra assessment mount host paths';

export interface TrivyOperatorProps extends HelmReleaseSettings {
  readonly namespace: string;
  /** Report only vulnerabilities that have a fix (`trivy.ignoreUnfixed`). @default true */
  readonly ignoreUnfixed?: boolean;
  /** Severities reported (`trivy.severity`). @default ['HIGH','CRITICAL'] */
  readonly severities?: string[];
  /** Scan jobs at once (`operator.scanJobsConcurrentLimit`). @default 3 */
  readonly scanJobsConcurrentLimit?: number;
  /** Scan job container resources (`trivy.resources`). @default requests 100m/128Mi, limits 500m/512Mi */
  readonly scanJobResources?: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };
  /** Node labels scan jobs must run on (a user pool's). @default {} */
  readonly scanJobNodeSelector?: Record<string, string>;
  /** Taints scan jobs tolerate (`key=value:Effect`). @default [] */
  readonly scanJobTolerations?: string[];
  /** Client ID of the scanner's workload identity, for private ACR images. @default - public images only */
  readonly clientId?: string;
  /** @default TRIVY_OPERATOR_CHART.version */
  readonly chartVersion?: string;
  /** @default {} */
  readonly values?: Values;
}

const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** `key=value:Effect` as a Kubernetes toleration. */
export function toleration(taint: string): Record<string, string> {
  const t = parseTaint(taint);
  if (!t) throw new Error(`invalid taint "${taint}" (allowed: ${TAINT_SYNTAX})`);
  return tolerationFor(t);
}

/**
 * The Trivy operator (continuous scanning inside the cluster) with the seed's `trivy.ignoreUnfixed=true`, a
 * severity filter, bounded scan-job concurrency and resources, scan jobs placed on user pools, and private ACR
 * images pulled with workload identity: the operator ServiceAccount carries the identity's client ID and scan pods
 * the `azure.workload.identity/use` label, so Trivy's Azure credential chain gets a token (no registry password).
 */
export class TrivyOperator extends Construct {
  readonly addon: HelmAddon;

  constructor(scope: Construct, id: string, props: TrivyOperatorProps) {
    super(scope, id);
    const severities = props.severities ?? ['HIGH', 'CRITICAL'];
    const bad = severities.filter((s) => !SEVERITIES.includes(s));
    if (bad.length || severities.length === 0) {
      throw new Error(`TrivyOperator: severities ${JSON.stringify(severities)} invalid (allowed: one or more of ${SEVERITIES.join(', ')})`);
    }
    const limit = props.scanJobsConcurrentLimit ?? 3;
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`TrivyOperator: scanJobsConcurrentLimit must be a positive integer (got ${limit})`);
    const defaults: Values = {
      operator: { scanJobsConcurrentLimit: limit, scanJobTimeout: '10m' },
      trivy: {
        ignoreUnfixed: props.ignoreUnfixed ?? true,
        severity: SEVERITIES.filter((s) => severities.includes(s)).join(','),
        resources: props.scanJobResources ?? { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      },
      trivyOperator: {
        scanJobNodeSelector: props.scanJobNodeSelector ?? {},
        scanJobTolerations: (props.scanJobTolerations ?? []).map(toleration),
      },
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      resources: { requests: { cpu: '100m', memory: '256Mi' } },
    };
    const computed: Values = props.clientId
      ? {
          serviceAccount: { annotations: { [WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION]: props.clientId } },
          // The chart reads the operator pod's labels from operator.podLabels (templates/deployment.yaml); a top-level
          // podLabels is never read, and the pod would silently lack the workload identity label.
          operator: { podLabels: { [WORKLOAD_IDENTITY_USE_LABEL]: 'true' } },
          // The webhook projects its own token for Entra ID; the Kubernetes API token stays unmounted (chart default).
          trivyOperator: { scanJobPodTemplateLabels: `${WORKLOAD_IDENTITY_USE_LABEL}=true` },
        }
      : {};
    this.addon = new HelmAddon(this, 'helm', {
      ...props,
      chart: { ...TRIVY_OPERATOR_CHART, version: props.chartVersion ?? TRIVY_OPERATOR_CHART.version },
      releaseName: 'trivy-operator',
      defaults,
      computed,
      overrides: props.values,
    });
  }
}
