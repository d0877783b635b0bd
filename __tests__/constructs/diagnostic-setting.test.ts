import { App, TerraformStack, Testing } from 'cdktf';
import { DiagnosticSetting, type DiagnosticSettingProps } from '../../lib/constructs/diagnostic-setting';

const base: DiagnosticSettingProps = { name: 'diag', targetResourceId: '/x', logAnalyticsWorkspaceId: '/w', logCategories: ['kube-audit'] };
const make = (props: Partial<DiagnosticSettingProps> = {}) => new DiagnosticSetting(new TerraformStack(Testing.app() as App, 't'), 'd', { ...base, ...props });

test('writes to resource-specific tables by default', () => {
  const d = make();
  const json = JSON.parse(Testing.synth(d.node.scope as TerraformStack));
  expect(Object.values(json.resource.azurerm_monitor_diagnostic_setting as Record<string, Record<string, unknown>>)[0]).toMatchObject({
    log_analytics_destination_type: 'Dedicated',
    enabled_log: [{ category: 'kube-audit' }],
    enabled_metric: [{ category: 'AllMetrics' }],
  });
});

test('refuses a setting that sends nothing', () => {
  expect(() => make({ logCategories: [], allMetrics: false })).toThrow(/logCategories is empty and allMetrics is false/);
});

test('refuses a category listed twice', () => {
  expect(() => make({ logCategories: ['guard', 'guard'] })).toThrow(/duplicate logCategories guard/);
});
