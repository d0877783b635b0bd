import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { Release } from '@cdktf/provider-helm/lib/release';
import { checkChartValues, type ChartPin } from '../azure/chart-catalog';
import { mergeValues, valuesYaml, type Values } from '../azure/helm-values';

export type { ChartPin } from '../azure/chart-catalog';
export type { Values } from '../azure/helm-values';

/** Release settings every add-on shares: what protects a production cluster during an upgrade. */
export interface HelmReleaseSettings {
  /** Roll back a failed install or upgrade (`atomic`, with `cleanup_on_fail`). @default true */
  readonly atomic?: boolean;
  /** Seconds Helm waits for the release's resources to become ready. @default 600 */
  readonly timeoutSeconds?: number;
  /** Wait until every resource is ready before marking the release successful. @default true */
  readonly wait?: boolean;
  /** Release revisions Helm keeps (for `helm rollback`). @default 10 */
  readonly maxHistory?: number;
}

export interface HelmAddonProps extends HelmReleaseSettings {
  /** The pinned chart. */
  readonly chart: ChartPin;
  /** Release name. */
  readonly releaseName: string;
  /** Namespace, as a reference to the namespace resource the stack created (the release waits for it). */
  readonly namespace: string;
  /** The add-on's own defaults (first layer). @default {} */
  readonly defaults?: Values;
  /** Values computed from the infra stack (identities, storage, addresses: second layer). @default {} */
  readonly computed?: Values;
  /** The user's overrides from configuration (last layer; `null` removes a key). @default {} */
  readonly overrides?: Values;
  /** Check the merged values against the chart's vendored values.yaml and schema. @default true */
  readonly validate?: boolean;
  /** Resources the release must wait for (beyond the namespace). @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A Helm release of a pinned chart. Values are built in a fixed order (the add-on's defaults, then values computed
 * from the infra stack, then the user's overrides), deep-merged, checked offline against the chart's own values
 * (a key the chart does not have fails synth, naming the chart and the key) and emitted as one YAML document in
 * sorted key order. The namespace is never created by Helm (`create_namespace` is off): the stack creates it.
 */
export class HelmAddon extends Construct {
  readonly release: Release;
  /** The merged values, as the release receives them. */
  readonly values: Values;
  /** The values document. */
  readonly valuesYaml: string;
  readonly chart: ChartPin;

  constructor(scope: Construct, id: string, props: HelmAddonProps) {
    super(scope, id);
    const timeout = props.timeoutSeconds ?? 600;
    if (!Number.isInteger(timeout) || timeout < 60 || timeout > 3600) {
      throw new Error(`${this.node.path}: timeoutSeconds must be an integer from 60 to 3600 (got ${timeout})`);
    }
    const maxHistory = props.maxHistory ?? 10;
    if (!Number.isInteger(maxHistory) || maxHistory < 1) {
      throw new Error(`${this.node.path}: maxHistory must be a positive integer (got ${maxHistory})`);
    }
    this.chart = props.chart;
    this.values = mergeValues(props.defaults, props.computed, props.overrides);
    if (props.validate ?? true) checkChartValues(props.chart, this.values);
    this.valuesYaml = valuesYaml(this.values);
    const atomic = props.atomic ?? true;
    this.release = new Release(this, 'release', {
      name: props.releaseName,
      namespace: props.namespace,
      createNamespace: false,
      repository: props.chart.repository,
      chart: props.chart.chart,
      version: props.chart.version,
      values: [this.valuesYaml],
      atomic,
      cleanupOnFail: atomic,
      wait: props.wait ?? true,
      timeout,
      maxHistory,
      dependsOn: props.dependsOn,
    });
  }
}
