import { Construct } from 'constructs';
import { MonitorDataCollectionEndpoint } from '@cdktf/provider-azurerm/lib/monitor-data-collection-endpoint';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { MonitorWorkspace } from '@cdktf/provider-azurerm/lib/monitor-workspace';

export interface ManagedPrometheusProps {
  /** The cluster's name, used in resource names (`MSProm-<location>-<cluster>`). */
  readonly clusterName: string;
  /** The cluster's resource ID (the association target). */
  readonly clusterId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Send metrics to this Azure Monitor workspace. @default - create `amw-<cluster>` */
  readonly monitorWorkspaceId?: string;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * Managed Prometheus (`--enable-azure-monitor-metrics`) besides the cluster's `monitor_metrics` block: an Azure
 * Monitor workspace (`az monitor account create`), a data collection endpoint and rule forwarding
 * `Microsoft-PrometheusMetrics` to it, and the rule's association with the cluster.
 */
export class ManagedPrometheus extends Construct {
  /** The workspace, when this construct created it. */
  readonly workspace?: MonitorWorkspace;
  readonly endpoint: MonitorDataCollectionEndpoint;
  readonly rule: MonitorDataCollectionRule;
  readonly association: MonitorDataCollectionRuleAssociation;
  /** The Azure Monitor workspace receiving the metrics. */
  readonly monitorWorkspaceId: string;

  constructor(scope: Construct, id: string, props: ManagedPrometheusProps) {
    super(scope, id);
    const tags = props.tags ?? {};
    const base = `MSProm-${props.location}-${props.clusterName}`;
    if (props.monitorWorkspaceId) {
      this.monitorWorkspaceId = props.monitorWorkspaceId;
    } else {
      this.workspace = new MonitorWorkspace(this, 'workspace', {
        name: `amw-${props.clusterName}`,
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        tags,
      });
      this.monitorWorkspaceId = this.workspace.id;
    }
    this.endpoint = new MonitorDataCollectionEndpoint(this, 'endpoint', {
      name: base.slice(0, 44),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      kind: 'Linux',
      tags,
    });
    const destination = 'MonitoringAccount1';
    this.rule = new MonitorDataCollectionRule(this, 'rule', {
      name: base.slice(0, 64),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      kind: 'Linux',
      description: 'Managed Prometheus metrics (Azure Monitor metrics profile)',
      dataCollectionEndpointId: this.endpoint.id,
      destinations: { monitorAccount: [{ name: destination, monitorAccountId: this.monitorWorkspaceId }] },
      dataFlow: [{ streams: ['Microsoft-PrometheusMetrics'], destinations: [destination] }],
      dataSources: { prometheusForwarder: [{ name: 'PrometheusDataSource', streams: ['Microsoft-PrometheusMetrics'] }] },
      tags,
    });
    this.association = new MonitorDataCollectionRuleAssociation(this, 'association', {
      name: base.slice(0, 64),
      targetResourceId: props.clusterId,
      dataCollectionRuleId: this.rule.id,
      description: 'Deleting this association stops Prometheus metrics collection for the cluster.',
    });
  }
}
