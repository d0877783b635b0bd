import { Construct } from 'constructs';
import { MonitorDataCollectionRule } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule';
import { MonitorDataCollectionRuleAssociation } from '@cdktf/provider-azurerm/lib/monitor-data-collection-rule-association';
import { LogAnalyticsWorkspaceTable } from '@cdktf/provider-azurerm/lib/log-analytics-workspace-table';

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
  /** Collection interval, `1m` to `30m`. @default '1m' */
  readonly interval?: string;
  /** Streams collected. @default CONTAINER_INSIGHTS_STREAMS (the default group) */
  readonly streams?: readonly string[];
  /** Namespaces collected: all (`Off`), only the listed (`Include`) or all but the listed (`Exclude`). @default { mode: 'Off' } */
  readonly namespaceFilter?: { readonly mode: 'Off' | 'Include' | 'Exclude'; readonly namespaces?: readonly string[] };
  /** Container logs in the ContainerLogV2 schema. @default true */
  readonly containerLogV2?: boolean;
  /**
   * Manage the ContainerLogV2 table: its plan (Basic or Analytics) and retention.
   * @default - not managed
   */
  readonly containerLogTable?: { readonly plan?: 'Analytics' | 'Basic'; readonly retentionDays?: number; readonly totalRetentionDays?: number };
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
  /** The ContainerLogV2 table, when managed. */
  readonly containerLogTable?: LogAnalyticsWorkspaceTable;

  constructor(scope: Construct, id: string, props: ContainerInsightsProps) {
    super(scope, id);
    const destination = 'ciworkspace';
    const streams = [...(props.streams ?? CONTAINER_INSIGHTS_STREAMS)];
    const filter = props.namespaceFilter ?? { mode: 'Off' };
    const namespaces = filter.namespaces ?? [];
    if (filter.mode !== 'Off' && namespaces.length === 0) {
      throw new Error(`ContainerInsights: namespaceFilter mode ${filter.mode} lists no namespaces; allowed: at least one namespace, or mode Off`);
    }
    const logV2 = props.containerLogV2 ?? true;
    if (props.containerLogTable?.plan === 'Basic' && !logV2) {
      throw new Error('ContainerInsights: containerLogTable plan Basic needs containerLogV2 (only ContainerLogV2 supports the Basic plan)');
    }
    this.rule = new MonitorDataCollectionRule(this, 'rule', {
      name: `MSCI-${props.location}-${props.clusterName}`.slice(0, 64),
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      description: 'Container Insights data collection (managed identity auth)',
      destinations: { logAnalytics: [{ name: destination, workspaceResourceId: props.logAnalyticsWorkspaceId }] },
      dataFlow: [{ streams, destinations: [destination] }],
      dataSources: {
        extension: [
          {
            name: 'ContainerInsightsExtension',
            extensionName: 'ContainerInsights',
            streams,
            extensionJson: JSON.stringify({
              dataCollectionSettings: {
                interval: props.interval ?? '1m',
                namespaceFilteringMode: filter.mode,
                ...(filter.mode === 'Off' ? {} : { namespaces }),
                enableContainerLogV2: logV2,
              },
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
    const table = props.containerLogTable;
    if (table) {
      this.containerLogTable = new LogAnalyticsWorkspaceTable(this, 'container-log-v2', {
        name: 'ContainerLogV2',
        workspaceId: props.logAnalyticsWorkspaceId,
        plan: table.plan ?? 'Analytics',
        // Basic tables have a fixed interactive retention; only the total retention is set.
        retentionInDays: table.plan === 'Basic' ? undefined : table.retentionDays,
        totalRetentionInDays: table.totalRetentionDays,
      });
    }
  }
}
