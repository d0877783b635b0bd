/**
 * The review from Terraform's own plans (`terraform show -json`), on hand-written plan fixtures in Terraform's
 * documented JSON format (__tests__/fixtures/plans/).
 */
import { mkdirSync, mkdtempSync, writeFileSync, cpSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathString, planChanges, readPlans, stackOfPlanFile } from '../../lib/baseline/plan-review';
import { reviewMarkdown } from '../../lib/baseline/review';
import { ROOT } from '../helpers/synth';

const PLANS = path.join(ROOT, '__tests__', 'fixtures', 'plans');
const changes = planChanges(readPlans([PLANS]));
const infra = changes.find((c) => c.stack === 'prod-infra')!;
const md = reviewMarkdown(changes, '', { intro: 'From plans.' });

test('a folder of <stack>.json plans gives one change per stack; a plan of no-ops is unchanged', () => {
  expect(changes.map((c) => [c.stack, c.status])).toEqual([['prod-infra', 'changed'], ['prod-platform', 'unchanged']]);
});

test('create, delete, update and replace come from the actions; no-op and data reads are left out', () => {
  expect(infra.added).toEqual(['azurerm_kubernetes_cluster_node_pool.aks_pool-gpu_pool_58418F33']);
  expect(infra.removed).toEqual(['azurerm_role_assignment.acr_pull-kubelet_6A56A2F6']);
  expect(infra.changed.map((r) => [r.address, r.replaced])).toEqual([
    ['azurerm_key_vault_secret.db', false],
    ['azurerm_kubernetes_cluster.aks_cluster_D4B35EC5', true],
    ['azurerm_kubernetes_cluster_node_pool.aks_pool-apps_pool_EE7D717B', false],
  ]);
});

test("replacement is flagged on Terraform's replace_paths, with its action_reason", () => {
  const cluster = infra.changed.find((r) => r.type === 'azurerm_kubernetes_cluster')!;
  expect(cluster.reason).toBe('replace_because_cannot_update');
  expect(cluster.attributes.filter((a) => a.forcesReplacement).map((a) => a.path)).toEqual(['network_profile[0].dns_service_ip', 'network_profile[0].service_cidr']);
  expect(md).toContain('- changed `azurerm_kubernetes_cluster.aks_cluster_D4B35EC5` **(forces replacement: replace_because_cannot_update)**');
  expect(md).toContain('  - `network_profile[0].service_cidr`: `"10.0.0.0/16"` -> `"10.1.0.0/16"` **forces replacement**');
  expect(md).toMatch(/\*\*Destroyed and recreated on apply:\*\* `prod-infra\.azurerm_kubernetes_cluster\.aks_cluster_D4B35EC5`/);
  expect(pathString(['network_profile', 0, 'pod_cidr'])).toBe('network_profile[0].pod_cidr');
});

test('values known only after apply say so', () => {
  expect(md).toContain('  - `id`: `"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-demo-prod/providers/Microsoft.ContainerService/managedClusters/aks-demo-prod"` -> (known after apply)');
  expect(md).toContain('  - `value`: (sensitive) -> (known after apply)');
});

test('sensitive values are withheld everywhere: attributes, whole blocks, outputs', () => {
  expect(md).toContain('  - `kube_config[0].client_key`: (sensitive) -> (known after apply)');
  expect(md).toContain('- changed `azurerm_key_vault_secret.db`\n  - `value`: (sensitive) -> (sensitive)');
  expect(md).toContain('- output changed `cluster_ca_certificate` (sensitive)');
  expect(md).not.toMatch(/literal-/);
});

test('added and removed resources show their key attributes from the plan', () => {
  expect(md).toContain('- added `azurerm_kubernetes_cluster_node_pool.aks_pool-gpu_pool_58418F33`: name `"gpu"`, mode `"User"`, vm_size `"Standard_NC6s_v3"`, node_count `0`, min_count `0`, max_count `2`, zones `["1","2","3"]`, node_taints `["sku=gpu:NoSchedule"]`');
  expect(md).toContain('- removed `azurerm_role_assignment.acr_pull-kubelet_6A56A2F6`: role_definition_name `"AcrPull"`, scope `"/subscriptions/');
});

test('drift from resource_drift is listed apart from the planned changes', () => {
  expect(infra.drift!.map((r) => r.address)).toEqual(['azurerm_key_vault.key-vault_FE1F1979']);
  expect(md).toContain('- drifted `azurerm_key_vault.key-vault_FE1F1979` (changed outside Terraform since the last apply)\n  - `public_network_access_enabled`: `false` -> `true`');
});

test('outputs created and changed are listed', () => {
  expect(infra.outputs).toMatchObject({ added: ['gpu_pool_id'], removed: [] });
  expect(infra.outputs.changed.map((o) => o.name)).toEqual(['cluster_ca_certificate']);
});

test('stack names come from file names; single files and <stack>/plan.json folders work too', () => {
  expect(stackOfPlanFile('plans/prod-infra.plan.json')).toBe('prod-infra');
  expect(stackOfPlanFile('dev-platform.tfplan.json')).toBe('dev-platform');
  const dir = mkdtempSync(path.join(tmpdir(), 'plans-'));
  mkdirSync(path.join(dir, 'prod-infra'));
  cpSync(path.join(PLANS, 'prod-infra.json'), path.join(dir, 'prod-infra', 'plan.json'));
  expect(Object.keys(readPlans([dir]))).toEqual(['prod-infra']);
  expect(Object.keys(readPlans([path.join(PLANS, 'prod-platform.json')]))).toEqual(['prod-platform']);
});

test('a state file, another format version or a non-plan is refused with what to run', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plans-'));
  const write = (name: string, body: unknown) => (writeFileSync(path.join(dir, name), JSON.stringify(body)), path.join(dir, name));
  expect(() => readPlans([write('a.json', { format_version: '1.0', values: { root_module: {} } })])).toThrow(/a\.json: a state, not a plan .*terraform show -json <planfile>/);
  expect(() => readPlans([write('b.json', { format_version: '2.0', resource_changes: [] })])).toThrow(/b\.json: plan format_version 2\.0 is not supported \(allowed: 1\.x\)/);
  expect(() => readPlans([write('c.json', { resource: {} })])).toThrow(/c\.json: not a plan in Terraform's JSON format/);
  expect(() => readPlans([path.join(dir, 'missing.json')])).toThrow(/missing\.json: no such file or folder/);
});
