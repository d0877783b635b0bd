import { Construct } from 'constructs';
import { NetworkWatcherFlowLog } from '@cdktf/provider-azurerm/lib/network-watcher-flow-log';

export interface VnetFlowLogProps {
  /** Flow log name. */
  readonly name: string;
  /** The region's Network Watcher (`NetworkWatcher_<region>` in `NetworkWatcherRG`, which Azure creates). */
  readonly networkWatcherName: string;
  readonly networkWatcherResourceGroupName: string;
  readonly location: string;
  /** The VNet logged. */
  readonly virtualNetworkId: string;
  /** Storage account the logs go to (same region). */
  readonly storageAccountId: string;
  /** Days kept, 0 = forever. @default 90 */
  readonly retentionDays?: number;
  /**
   * Traffic analytics into a Log Analytics workspace: its workspace (customer) ID, region and resource ID.
   * @default - no traffic analytics
   */
  readonly trafficAnalytics?: { workspaceId: string; workspaceRegion: string; workspaceResourceId: string; intervalMinutes?: number };
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * A VNet flow log (`azurerm_network_watcher_flow_log` targeting the VNet, version 2). Azure stopped accepting new
 * NSG flow logs on 30 June 2025 (learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview), so flow logs
 * here are always VNet flow logs.
 */
export class VnetFlowLog extends Construct {
  readonly flowLog: NetworkWatcherFlowLog;

  constructor(scope: Construct, id: string, props: VnetFlowLogProps) {
    super(scope, id);
    const retention = props.retentionDays ?? 90;
    const ta = props.trafficAnalytics;
    this.flowLog = new NetworkWatcherFlowLog(this, 'flow-log', {
      name: props.name,
      networkWatcherName: props.networkWatcherName,
      resourceGroupName: props.networkWatcherResourceGroupName,
      location: props.location,
      targetResourceId: props.virtualNetworkId,
      storageAccountId: props.storageAccountId,
      enabled: true,
      version: 2,
      retentionPolicy: { enabled: retention > 0, days: retention },
      trafficAnalytics: ta
        ? {
            enabled: true,
            workspaceId: ta.workspaceId,
            workspaceRegion: ta.workspaceRegion,
            workspaceResourceId: ta.workspaceResourceId,
            intervalInMinutes: ta.intervalMinutes ?? 10,
          }
        : undefined,
      tags: props.tags ?? {},
    });
  }
}
