import { Construct } from 'constructs';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';

export interface DiagnosticSettingProps {
  /** Setting name, unique per target resource. Forces replacement. */
  readonly name: string;
  /** The resource whose logs are sent. */
  readonly targetResourceId: string;
  /** Log Analytics workspace receiving them. */
  readonly logAnalyticsWorkspaceId: string;
  /** Log categories (`--logs`). */
  readonly logCategories: readonly string[];
  /** Send the AllMetrics category too (`--metrics`). @default true */
  readonly allMetrics?: boolean;
  /**
   * Write to resource-specific tables (`Dedicated`) rather than AzureDiagnostics. @default 'Dedicated'
   */
  readonly destinationType?: 'Dedicated' | 'AzureDiagnostics';
}

/** A diagnostic setting (`az monitor diagnostic-settings create`) sending a resource's logs to Log Analytics. */
export class DiagnosticSetting extends Construct {
  /** The `azurerm_monitor_diagnostic_setting` resource. */
  readonly resource: MonitorDiagnosticSetting;

  constructor(scope: Construct, id: string, props: DiagnosticSettingProps) {
    super(scope, id);
    const metrics = props.allMetrics ?? true;
    if (props.logCategories.length === 0 && !metrics) {
      throw new Error(`DiagnosticSetting ${props.name}: logCategories is empty and allMetrics is false; allowed: at least one category or allMetrics`);
    }
    const dupes = props.logCategories.filter((c, i) => props.logCategories.indexOf(c) !== i);
    if (dupes.length) throw new Error(`DiagnosticSetting ${props.name}: duplicate logCategories ${dupes.join(', ')}; allowed: each category once`);
    this.resource = new MonitorDiagnosticSetting(this, 'setting', {
      name: props.name,
      targetResourceId: props.targetResourceId,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      logAnalyticsDestinationType: props.destinationType ?? 'Dedicated',
      enabledLog: props.logCategories.map((category) => ({ category })),
      enabledMetric: metrics ? [{ category: 'AllMetrics' }] : undefined,
    });
  }
}
