import { Construct } from 'constructs';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { HelmAddon, type HelmReleaseSettings, type Values } from '../helm-addon';
import { ALB_CONTROLLER_CHART } from '../../azure/charts';

export { ALB_CONTROLLER_CHART };

/**
 * The controller pods' labels: the chart's `alb-controller` Deployment (2 replicas) selects `app: alb-controller`
 * (Microsoft Learn, "Troubleshoot Application Gateway for Containers": `kubectl get deployment -o wide` shows the
 * selector). The chart renders no PodDisruptionBudget, so the construct adds one.
 */
export const ALB_CONTROLLER_POD_LABELS = { app: 'alb-controller' };

/** Pod Security level for the controller namespace: the chart's pod settings are not published, so baseline. */
export const ALB_CONTROLLER_POD_SECURITY = 'baseline';
/** Why the controller namespace is baseline, not restricted. */
export const ALB_CONTROLLER_POD_SECURITY_REASON = "the chart's pod security settings are not published";

export interface AlbControllerProps extends HelmReleaseSettings {
  /** Namespace of the controller and the ApplicationLoadBalancer (a reference). */
  readonly namespace: string;
  /** Client ID of the ALB controller's workload identity (from the infra stack). */
  readonly clientId: string;
  /** The delegated association subnet's ID (from the infra stack). */
  readonly subnetId: string;
  /** Name of the ApplicationLoadBalancer resource (Gateways reference it). @default 'alb' */
  readonly albName?: string;
  /** @default ALB_CONTROLLER_CHART.version */
  readonly chartVersion?: string;
  /** The user's values, merged last. @default {} */
  readonly values?: Values;
  /**
   * Controller pods that must stay up during voluntary disruptions (node drains, upgrades): a PodDisruptionBudget
   * on `ALB_CONTROLLER_POD_LABELS`, which the chart does not render itself. 0 for none. @default 1 (of the chart's 2 replicas)
   */
  readonly pdbMinAvailable?: number;
}

/**
 * The ALB controller (Application Gateway for Containers) through Helm, authenticating with workload identity,
 * and the `ApplicationLoadBalancer` that makes it create the AGC resource in the delegated subnet. Gateways use
 * the class `azure-alb-external` with the annotation `alb.networking.azure.io/alb-name: <albName>`.
 */
export class AlbController extends Construct {
  readonly addon: HelmAddon;
  readonly applicationLoadBalancer: Manifest;
  /** The controller's PodDisruptionBudget, unless `pdbMinAvailable` is 0. */
  readonly podDisruptionBudget?: PodDisruptionBudgetV1;

  constructor(scope: Construct, id: string, props: AlbControllerProps) {
    super(scope, id);
    const minAvailable = props.pdbMinAvailable ?? 1;
    if (!Number.isInteger(minAvailable) || minAvailable < 0) {
      throw new Error(`AlbController: pdbMinAvailable ${minAvailable} is invalid (allowed: an integer >= 0; 0 for no PodDisruptionBudget)`);
    }
    this.addon = new HelmAddon(this, 'helm', {
      ...props,
      chart: { ...ALB_CONTROLLER_CHART, version: props.chartVersion ?? ALB_CONTROLLER_CHART.version },
      releaseName: 'alb-controller',
      defaults: {},
      computed: { albController: { namespace: props.namespace, podIdentity: { clientID: props.clientId } } },
      overrides: props.values,
    });
    // kubernetes_manifest needs the CRD at plan time: on a new cluster, apply the release first (docs/addons.md).
    this.applicationLoadBalancer = new Manifest(this, 'application-load-balancer', {
      manifest: {
        apiVersion: 'alb.networking.azure.io/v1',
        kind: 'ApplicationLoadBalancer',
        metadata: { name: props.albName ?? 'alb', namespace: props.namespace },
        spec: { associations: [props.subnetId] },
      },
      dependsOn: [this.addon.release],
    });
    if (minAvailable > 0) {
      this.podDisruptionBudget = new PodDisruptionBudgetV1(this, 'pdb', {
        metadata: { name: 'alb-controller', namespace: props.namespace },
        spec: { minAvailable: String(minAvailable), selector: { matchLabels: { ...ALB_CONTROLLER_POD_LABELS } } },
      });
    }
  }
}
