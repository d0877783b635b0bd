/** `nodePools` merge by pool name over the default pools and `defaults.nodePools`, like every other object; null drops one. */
import { stringify } from 'yaml';
import { config, problems } from '../helpers/synth';

const file = (env: Record<string, unknown>, defaults: Record<string, unknown> = {}) =>
  stringify({
    project: 'demo',
    owner: 'team',
    defaults: { location: 'westeurope', subscriptionId: '3f2b9c1e-0000-4000-8000-000000000001', tenantId: '3f2b9c1e-0000-4000-8000-000000000002', cluster: { adminGroupObjectIds: ['3f2b9c1e-0000-4000-8000-000000000003'] }, ...defaults },
    environments: { dev: { preset: 'development', ...env } },
  });
const pools = (text: string) => Object.fromEntries(config(text).environments[0].nodePools.map((p) => [p.name, p.kind]));

test('an environment that names only a new pool keeps the default system and apps pools', () => {
  expect(pools(file({ nodePools: { gpu: { kind: 'gpu' } } }))).toEqual({ system: 'system', apps: 'user', gpu: 'gpu' });
});

test('a known pool name changes that pool\'s settings only', () => {
  const env = config(file({ nodePools: { apps: { vmSize: 'Standard_D8s_v5' } } })).environments[0];
  expect(env.nodePools.find((p) => p.name === 'apps')).toMatchObject({ kind: 'user', vmSize: 'Standard_D8s_v5' });
});

test('pools from defaults.nodePools and the environment merge by name', () => {
  expect(pools(file({ nodePools: { batch: { kind: 'spot' } } }, { nodePools: { gpu: { kind: 'gpu' } } }))).toEqual({ system: 'system', apps: 'user', gpu: 'gpu', batch: 'spot' });
});

test('null drops an inherited pool', () => {
  expect(pools(file({ nodePools: { apps: null } }, { nodePools: { gpu: { kind: 'gpu' } } }))).toEqual({ system: 'system', gpu: 'gpu' });
});

test('a system pool of another name needs `system: null`, and the error says so', () => {
  const line = problems(file({ nodePools: { sys: { kind: 'system' } } })).find((l) => l.includes('nodePools: exactly one pool of kind system is required'));
  expect(line).toMatch(/got "(system, sys|sys, system)"/);
  expect(line).toContain('set `system: null` to use a system pool of another name');
  expect(pools(file({ nodePools: { system: null, sys: { kind: 'system' } } }))).toEqual({ sys: 'system', apps: 'user' });
});
