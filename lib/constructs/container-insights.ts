import { Construct } from 'constructs';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';

/** The stream group Container Insights collects by default (logs, events, inventory, perf). */
export const CONTAINER_INSIGHTS_STREAMS = ['Microsoft-ContainerInsights-Group-Default'];

export interface ContainerInsightsProps {
  /** The cluster's name, used in the rule name (`MSCI-<location>-<cluster>`). */
  readonly clusterName: string;
  /** The cluster's resource ID (the association target). */
  readonly clusterId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Log Analytics workspace receiving the data. */
  readonly logAnalyticsWorkspaceId: string;
  /** Collection interval. @default '1m' */
  readonly interval?: string;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * What Container Insights with managed-identity auth needs besides the cluster's `oms_agent` block: the data
 * collection rule for the ContainerInsights extension and its association with the cluster (the CLI creates both
 * behind `--enable-addons monitoring`; Terraform has to say so).
 */
export class ContainerInsights extends Construct {
  readonly rule: MonitorDataCollectionRule;
  readonly association: MonitorDataCollectionRuleAssociation;

  constructor(scope: Construct, id: string, props: ContainerInsightsProps) {
    super(scope, id);
    const destination = 'ciworkspace';
    this.rule = new MonitorDataCollectionRule(this, 'rule', {
      name: `MSCI-${props.location}-${props.clusterName}`.slice(0, 64),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      description: 'Container Insights data collection (managed identity auth)',
      destinations: { logAnalytics: [{ name: destination, workspaceResourceId: props.logAnalyticsWorkspaceId }] },
      dataFlow: [{ streams: CONTAINER_INSIGHTS_STREAMS, destinations: [destination] }],
      dataSources: {
        extension: [
          {
            name: 'ContainerInsightsExtension',
            extensionName: 'ContainerInsights',
            streams: CONTAINER_INSIGHTS_STREAMS,
            extensionJson: JSON.stringify({
              dataCollectionSettings: { interval: props.interval ?? '1m', namespaceFilteringMode: 'Off', enableContainerLogV2: true },
            }),
          },
        ],
      },
      tags: props.tags ?? {},
    });
    this.association = new MonitorDataCollectionRuleAssociation(this, 'association', {
      name: 'ContainerInsightsExtension',
      targetResourceId: props.clusterId,
      dataCollectionRuleId: this.rule.id,
      description: 'Deleting this association stops Container Insights collection for the cluster.',
    });
  }
}
