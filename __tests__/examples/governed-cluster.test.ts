/**
 * The governed-cluster example (examples/governed-cluster.yaml): every cluster, node pool and access setting on.
 * Its stacks are recorded under snapshots/examples/governed-cluster/ (snapshot.test.ts); here: no baseline error,
 * and the settings it exists to show reach their attributes.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { RULES } from '../../lib/baseline/rules';
import { EnvironmentView } from '../../lib/baseline/stack-model';
import { ROOT, all, config, only, synthAll } from '../helpers/synth';

const TEXT = readFileSync(path.join(ROOT, 'examples', 'governed-cluster.yaml'), 'utf8');
const stacks = synthAll(TEXT);

// small uses the development preset: its weakenings (rotation off, one pool without CriticalAddonsOnly) are reported
// as warnings there, which is what that preset is for.
test.each(['prod'])('%s has no baseline error', (env) => {
  const view = new EnvironmentView(env, Object.fromEntries(Object.entries(stacks).filter(([n]) => n.startsWith(`${env}-`))) as never);
  const errors = RULES.filter((r) => r.severity === 'error').flatMap((r) => r.check(view).filter((o) => o.status === 'fail').map((o) => `${r.id} ${o.address}: ${o.detail}`));
  expect(errors).toEqual([]);
});

test('prod: customer-managed keys, Cilium with ACNS, pinned version, the node resource group', () => {
  const c = only(stacks['prod-infra'], 'azurerm_kubernetes_cluster');
  expect(c).toMatchObject({
    kubernetes_version: '1.32', node_resource_group: 'rg-gov-prod-nodes', run_command_enabled: false, cost_analysis_enabled: true,
    image_cleaner_interval_hours: 72,
  });
  expect(c.key_management_service.key_vault_network_access).toBe('Public');
  expect(c.disk_encryption_set_id).toMatch(/diskEncryptionSets\/des-gov$/);
  expect(c.network_profile.advanced_networking).toEqual({ observability_enabled: true, security_enabled: true });
  expect(c.default_node_pool).toMatchObject({ os_sku: 'AzureLinux', os_disk_type: 'Ephemeral', upgrade_settings: { max_surge: '33%', drain_timeout_in_minutes: 30, node_soak_duration_in_minutes: 2 } });
});

test('prod: the apps pool lost the kind\'s workload label; latency follows its own version', () => {
  const pools = Object.fromEntries(Object.values(all(stacks['prod-infra'], 'azurerm_kubernetes_cluster_node_pool')).map((p) => [p.name, p]));
  expect(pools.apps.node_labels).toEqual({ tier: 'backend' });
  expect(pools.apps.fips_enabled).toBe(true);
  expect(pools.latency.orchestrator_version).toBe('1.31');
});

test('small: a single pool that takes every workload, no labels, surge left to AKS, rotation off', () => {
  const c = only(stacks['small-infra'], 'azurerm_kubernetes_cluster');
  expect(c.default_node_pool.only_critical_addons_enabled).toBe(false);
  expect(c.default_node_pool).not.toHaveProperty('upgrade_settings');
  expect(c.default_node_pool).not.toHaveProperty('node_labels');
  expect(c.key_vault_secrets_provider.secret_rotation_enabled).toBe(false);
  expect(all(stacks['small-infra'], 'azurerm_kubernetes_cluster_node_pool')).toEqual({});
});

test('its only synth warnings are the placeholders and the private API server', () => {
  expect(config(TEXT).warnings.filter((w) => !/placeholder|access is private/.test(w))).toEqual([]);
});
