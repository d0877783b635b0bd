import { App, TerraformStack, Testing } from 'cdktf';
import { ManagedPrometheus } from '../../lib/constructs/managed-prometheus';

test('resource names stay within the Azure limits (endpoint 44, rule 64 characters)', () => {
  const stackScope = new TerraformStack(Testing.app() as App, 't');
  new ManagedPrometheus(stackScope, 'p', { clusterName: 'a'.repeat(60), clusterId: '/c', resourceGroupName: 'rg', location: 'koreacentral' });
  const json = JSON.parse(Testing.synth(stackScope));
  const dce = Object.values(json.resource.azurerm_monitor_data_collection_endpoint as Record<string, { name: string }>)[0];
  const dcr = Object.values(json.resource.azurerm_monitor_data_collection_rule as Record<string, { name: string }>)[0];
  expect(dce.name).toHaveLength(44);
  expect(dcr.name).toHaveLength(64);
  expect(dcr.name.startsWith('MSProm-koreacentral-')).toBe(true);
});
