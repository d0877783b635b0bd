import { Construct } from 'constructs';
import { Token } from 'cdktf';
import { LogAnalyticsWorkspace as AzLogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';

export interface LogAnalyticsWorkspaceProps {
  /** Workspace name, 4-63 letters, digits and hyphens. Forces replacement. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Days of retention, 30-730. @default 30 */
  readonly retentionDays?: number;
  /** Daily ingestion cap in GB. @default - no cap */
  readonly dailyQuotaGb?: number;
  /** Tags. @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * A Log Analytics workspace (pay-as-you-go `PerGB2018`) for Container Insights, Defender and control-plane logs.
 * Local (shared key) authentication is off: agents use their managed identity.
 */
export class LogAnalyticsWorkspace extends Construct {
  /** The `azurerm_log_analytics_workspace` resource. */
  readonly resource: AzLogAnalyticsWorkspace;

  constructor(scope: Construct, id: string, props: LogAnalyticsWorkspaceProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.name) && !/^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/.test(props.name)) {
      throw new Error(`LogAnalyticsWorkspace: invalid name ${JSON.stringify(props.name)}; allowed: 4-63 letters, digits and hyphens, not starting or ending with a hyphen`);
    }
    const retention = props.retentionDays ?? 30;
    if (retention < 30 || retention > 730) throw new Error(`LogAnalyticsWorkspace ${props.name}: invalid retentionDays ${retention}; allowed: 30-730`);
    this.resource = new AzLogAnalyticsWorkspace(this, 'workspace', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'PerGB2018',
      retentionInDays: retention,
      dailyQuotaGb: props.dailyQuotaGb,
      localAuthenticationEnabled: false,
      tags: props.tags ?? {},
    });
  }

  /** Workspace resource ID. */
  get id(): string {
    return this.resource.id;
  }
}
