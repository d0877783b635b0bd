import { App, TerraformStack, Testing } from 'cdktf';
import { LogAnalyticsWorkspace } from '../../lib/constructs/log-analytics-workspace';

const make = (name: string, retentionDays?: number) =>
  new LogAnalyticsWorkspace(new TerraformStack(Testing.app() as App, 't'), 'law', { name, resourceGroupName: 'rg', location: 'koreacentral', retentionDays });

test('refuses an invalid name', () => {
  expect(() => make('-law')).toThrow(/invalid name "-law"/);
});

test('refuses a retention outside 30-730 days', () => {
  expect(() => make('law-x', 7)).toThrow(/invalid retentionDays 7; allowed: 30-730/);
});

test('turns shared-key authentication off', () => {
  const law = make('law-x');
  const json = JSON.parse(Testing.synth(law.node.scope as TerraformStack));
  expect(Object.values(json.resource.azurerm_log_analytics_workspace as Record<string, Record<string, unknown>>)[0]).toMatchObject({ local_authentication_enabled: false, retention_in_days: 30 });
});
