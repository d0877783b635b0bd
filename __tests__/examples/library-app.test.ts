/**
 * The library as another CDKTF app uses it: examples/library-app composes constructs from `lib/index.ts` without
 * platform.yaml (type-checked by `tsc` with the rest of the project) and synthesizes here.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildLibraryApp } from '../../examples/library-app/main';
import * as library from '../../lib';
import { ROOT } from '../helpers/synth';

const dir = mkdtempSync(path.join(tmpdir(), 'library-app-'));
buildLibraryApp(dir).synth();
const stack = JSON.parse(readFileSync(path.join(dir, 'stacks', 'shop-prod', 'cdk.tf.json'), 'utf8'));

test('the example app synthesizes a cluster and a vault from the public entry', () => {
  expect(Object.values(stack.resource.azurerm_kubernetes_cluster as Record<string, { name: string }>).map((c) => c.name)).toEqual(['aks-shop-prod']);
  expect(Object.values(stack.resource.azurerm_key_vault as Record<string, { name: string }>).map((v) => v.name)).toEqual(['kv-shop-prod']);
});

test('the vault firewall lets the node subnet in, so the baseline\'s reachability rule passes', () => {
  const vault = Object.values(stack.resource.azurerm_key_vault as Record<string, any>)[0];
  expect(vault.network_acls).toMatchObject({ default_action: 'Deny', virtual_network_subnet_ids: ['${azurerm_subnet.nodes.id}'] });
  const report = library.evaluateEnvironment(new library.EnvironmentView('shop', { 'shop-prod': stack }), library.STRICT, '2026-01-01');
  const reach = report.findings.filter((f) => /vault firewall/i.test(f.title));
  expect(reach.length).toBeGreaterThan(0);
  expect(reach.map((f) => f.status)).not.toContain('fail');
});

test('the public entry exports the constructs, the configuration loader, the baseline and the review', () => {
  for (const name of ['AksCluster', 'KeyVault', 'NodePool', 'WorkloadIdentity', 'ContainerRegistry', 'loadConfig', 'parseConfig', 'buildApp', 'evaluateEnvironment', 'RULES', 'diffStacks', 'reviewMarkdown', 'planChanges']) {
    expect([name, typeof (library as Record<string, unknown>)[name]]).toEqual([name, expect.stringMatching(/function|object/)]);
  }
});

test('package.json points its exports at the built bundle and declarations', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.private).toBeUndefined();
  expect(pkg.exports['.']).toEqual({ types: './dist/types/lib/index.d.ts', default: './dist/lib/index.js' });
  expect(pkg.main).toBe('dist/lib/index.js');
  expect(pkg.scripts.prepack).toBe('node scripts/build-lib.js');
  expect(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## ${pkg.version}\n`);
});
