/** Azure RBAC for Kubernetes role assignments from access and teams. */
import { all, problemsWith, stack, type StackJson } from '../helpers/synth';

const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '22222222-2222-4222-8222-222222222222';
const SP = '33333333-3333-4333-8333-333333333333';
const prod = (patch: Record<string, unknown>) => stack('prod-infra', { environments: { prod: patch } });
const rbac = (s: StackJson) => Object.values(all(s, 'azurerm_role_assignment')).filter((r) => /^Azure Kubernetes Service /.test(r.role_definition_name));
const CLUSTER_ID = /^\$\{azurerm_kubernetes_cluster\.[\w-]+\.id\}$/;

describe('access', () => {
  const s = prod({
    access: {
      clusterRoles: [{ role: 'clusterAdmin', principalId: G1 }, { role: 'reader', principalId: SP, principalType: 'ServicePrincipal' }],
      namespaceRoles: [{ namespace: 'orders', role: 'writer', principalId: G2 }],
    },
  });

  test('cluster-scope roles by name on the cluster ID', () => {
    const admin = rbac(s).find((r) => r.principal_id === G1)!;
    expect(admin).toMatchObject({ role_definition_name: 'Azure Kubernetes Service RBAC Cluster Admin', principal_type: 'Group' });
    expect(admin.scope).toMatch(CLUSTER_ID);
    expect(rbac(s).find((r) => r.principal_id === SP)).toMatchObject({ role_definition_name: 'Azure Kubernetes Service RBAC Reader', principal_type: 'ServicePrincipal' });
  });

  test('namespace-scope roles on <cluster id>/namespaces/<ns>', () => {
    const w = rbac(s).find((r) => r.principal_id === G2)!;
    expect(w.role_definition_name).toBe('Azure Kubernetes Service RBAC Writer');
    expect(w.scope).toMatch(/^\$\{azurerm_kubernetes_cluster\.[\w-]+\.id\}\/namespaces\/orders$/);
  });

  test('none by default', () => {
    expect(rbac(stack('prod-infra'))).toEqual([]);
  });
});

describe('teams', () => {
  const patch = { teams: { payments: { groupId: G1, namespaces: ['payments', 'payments-batch'], role: 'admin' } } };

  test('the group gets its role in each namespace and Cluster User Role on the cluster', () => {
    const grants = rbac(prod(patch)).filter((r) => r.principal_id === G1);
    const byScope = Object.fromEntries(grants.map((r) => [String(r.scope).replace(/^\$\{[^}]+\}/, '<cluster>'), r.role_definition_name]));
    expect(byScope).toEqual({
      '<cluster>/namespaces/payments': 'Azure Kubernetes Service RBAC Admin',
      '<cluster>/namespaces/payments-batch': 'Azure Kubernetes Service RBAC Admin',
      '<cluster>': 'Azure Kubernetes Service Cluster User Role',
    });
  });

  test('its namespaces are created with the namespace baseline (Pod Security restricted, default-deny ingress)', () => {
    const platform = stack('prod-platform', { environments: { prod: patch } });
    const ns = Object.values(all(platform, 'kubernetes_namespace_v1')).find((n) => n.metadata.name === 'payments')!;
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    const policies = Object.values(all(platform, 'kubernetes_network_policy_v1')).map((p) => String(p['//']?.metadata?.path));
    expect(policies.some((p) => p.includes('/baseline-payments/'))).toBe(true);
  });

  test('the same grant twice is refused (Azure would reject the second)', () => {
    const lines = problemsWith({ environments: { prod: { ...patch, access: { namespaceRoles: [{ namespace: 'payments', role: 'admin', principalId: G1 }] } } } }).join('\n');
    expect(lines).toMatch(/teams\.payments\.namespaces\.0.*same role to the same principal at the same scope as access\.namespaceRoles\.0/);
  });

  test('clusterAdmin is not a namespace role', () => {
    expect(problemsWith({ environments: { prod: { access: { namespaceRoles: [{ namespace: 'x', role: 'clusterAdmin', principalId: G1 }] } } } }).join('\n')).toMatch(/access\.namespaceRoles\.0\.role/);
  });
});
