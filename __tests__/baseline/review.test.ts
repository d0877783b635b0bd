/** The change summary on a known before/after pair, and the snapshot file as a base. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { diffStacks, reviewMarkdown } from '../../lib/baseline/review';
import { stacksFromSnapshot } from '../../lib/baseline/snapshot-file';
import { forcesReplacement } from '../../lib/constructs/replacement';
import { ROOT, synthAll } from '../helpers/synth';
import { add, real } from './helpers';

const before = real();
// After: a new service range (forces cluster replacement), a cheaper tier, and one resource added in prod.
const after = add(
  real({ defaults: { network: { serviceCidr: '10.1.0.0/16', dnsServiceIp: '10.1.0.10' } }, environments: { dev: { cluster: { skuTier: 'Standard' } } } }),
  'prod-infra', 'azurerm_key_vault', 'kv', { name: 'kv-demo-prod', purge_protection_enabled: true },
);
const changes = diffStacks(before, after);
const byStack = Object.fromEntries(changes.map((c) => [c.stack, c]));

test('lists resources added per stack', () => {
  expect(byStack['prod-infra'].added).toEqual(['azurerm_key_vault.kv']);
  expect(byStack['dev-infra'].added).toEqual([]);
});

test('lists resources removed per stack', () => {
  expect(diffStacks(after, before).find((c) => c.stack === 'prod-infra')!.removed).toEqual(['azurerm_key_vault.kv']);
});

test('lists changed attributes with before and after values', () => {
  const [cluster] = byStack['dev-infra'].changed;
  expect(cluster.address).toMatch(/^azurerm_kubernetes_cluster\./);
  expect(cluster.attributes.map((a) => [a.path, a.before, a.after])).toEqual([
    ['network_profile.dns_service_ip', '10.0.0.10', '10.1.0.10'],
    ['network_profile.service_cidr', '10.0.0.0/16', '10.1.0.0/16'],
    ['sku_tier', 'Free', 'Standard'],
  ]);
});

test('flags the attributes that force replacement, and only those', () => {
  const [cluster] = byStack['dev-infra'].changed;
  expect(cluster.replaced).toBe(true);
  expect(cluster.attributes.filter((a) => a.forcesReplacement).map((a) => a.path)).toEqual(['network_profile.dns_service_ip', 'network_profile.service_cidr']);
});

test('unchanged stacks say so', () => {
  expect(byStack['dev-platform'].status).toBe('unchanged');
  expect(byStack['prod-infra'].status).toBe('changed');
});

test('renders Markdown for a pull request', () => {
  const md = reviewMarkdown(changes, 'the last committed snapshot');
  expect(md).toContain('| prod-infra | changed | 1 | 0 | 1 | 1 |');
  expect(md).toContain('- added `azurerm_key_vault.kv`');
  expect(md).toMatch(/- `network_profile\.service_cidr`: `"10\.0\.0\.0\/16"` -> `"10\.1\.0\.0\/16"` \*\*forces replacement\*\*/);
  expect(md).toMatch(/\*\*Destroyed and recreated on apply:\*\* `dev-infra\.azurerm_kubernetes_cluster\.[^`]+`, `prod-infra\.azurerm_kubernetes_cluster/);
});

test('sensitive attribute values never appear in the summary', () => {
  const a = add(real(), 'prod-infra', 'azurerm_key_vault_secret', 's', { name: 'db', value: 'old-literal-value' });
  const b = add(real(), 'prod-infra', 'azurerm_key_vault_secret', 's', { name: 'db', value: 'new-literal-value' });
  const md = reviewMarkdown(diffStacks(a, b), 'base');
  expect(md).toContain('`value`: (sensitive) -> (sensitive)');
  expect(md).not.toMatch(/literal-value/);
});

test('the committed snapshot file parses back to the synthesized default stacks', () => {
  const text = readFileSync(path.join(ROOT, '__tests__/stacks/__snapshots__/snapshot.test.ts.snap'), 'utf8');
  expect(stacksFromSnapshot(text)).toEqual(synthAll());
});

test('replacement paths match with or without block indexes', () => {
  expect(forcesReplacement('azurerm_kubernetes_cluster', 'network_profile[0].pod_cidr')).toBe(true);
  expect(forcesReplacement('azurerm_kubernetes_cluster', 'network_profile.network_policy')).toBe(false);
  expect(forcesReplacement('azurerm_kubernetes_cluster', 'kubelet_identity.client_id')).toBe(true);
  expect(forcesReplacement('azurerm_key_vault', 'name')).toBe(true);
});

test('snapshot parsing round-trips multi-line Helm values, quotes, backticks and ${} tokens', () => {
  const { format } = require('pretty-format') as typeof import('pretty-format');
  const stack = {
    resource: {
      helm_release: {
        ingress: {
          chart: 'ingress-nginx',
          values: ['controller:\n  replicaCount: 2\n  annotations:\n    a: "quoted", b\n  x: `tick` ${var.x}\n', 'single line'],
          set: [{ name: 'a.b', value: '"' }],
          count: 2,
          enabled: true,
          empty: {},
          none: [],
        },
      },
    },
  };
  const printed = format(stack, { escapeString: false, printBasicPrototype: false, indent: 2 });
  const escaped = printed.replace(/`|\\|\$\{/g, '\\$&');
  const file = `// Jest Snapshot v1\n\nexports[\`default stacks x-infra 1\`] = \`\n${escaped}\n\`;\n`;
  expect(stacksFromSnapshot(file)).toEqual({ 'x-infra': stack });
});
