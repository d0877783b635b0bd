/** Resource management: autoscaling, quotas and limits (seed: 리소스 관리). */
import { attr, blocks, show } from '../stack-model';
import type { Outcome, Rule } from '../types';
import { homeAddress, isTrue, outcome, resourceRule, type RuleMeta } from './dsl';
import { ADDON_NAMESPACE_EXEMPT, inNamespace, isAddonNamespace, meta, namespaces, objects } from './k8s-helpers';
import type { EnvironmentView } from '../stack-model';

/**
 * A rule that every application namespace holds at least one object of a kind. Add-on namespaces (labelled
 * `platform/role: addon`) are not applicable: a quota or LimitRange sized for applications can reject a chart's
 * pods (the seed's LimitRange minimum of 100m CPU / 128Mi refuses smaller requests), so add-ons get what their
 * charts need instead.
 */
function perNamespace(m: RuleMeta, types: string[], kind: string): Rule {
  return {
    ...m,
    check(env: EnvironmentView): Outcome[] {
      const ns = namespaces(env);
      if (ns.length === 0) return [{ address: homeAddress(env, 'platform'), status: 'fail', detail: `no namespaces in the platform stack, so no ${kind}` }];
      const objs = objects(env, types, kind);
      return ns.map((n) => {
        if (isAddonNamespace(n)) return outcome(n, 'not-applicable', ADDON_NAMESPACE_EXEMPT);
        const held = objs.filter((o) => inNamespace(env, o, n));
        return outcome(n, held.length > 0, held.length ? `${kind}: ${held.map((o) => show(meta(o, 'name'))).join(', ')}` : `no ${kind} in namespace ${show(meta(n, 'name'))}`);
      });
    },
  };
}

export const resourceManagementRules = [
  resourceRule({
    area: 'resource management',
    types: ['azurerm_kubernetes_cluster'],
    home: 'infra',
    whenAbsent: 'not-applicable',
    id: 'AKS-RES-001',
    title: 'Cluster autoscaler enabled',
    severity: 'error',
    seed: 'Production checklist / 리소스 관리: Cluster Autoscaler 활성화; 클러스터 생성: --enable-cluster-autoscaler (필수)',
    remedy: "Autoscale the application pools (nodePools.<name>.autoscaling: true with nodePools.<name>.minCount and nodePools.<name>.maxCount; the default for user, gpu and spot pools).",
    test: (r, env) => {
      const pools = [...blocks(r.attrs, 'default_node_pool'), ...env.ofType('azurerm_kubernetes_cluster_node_pool').map((p) => p.attrs)];
      const on = pools.filter((p) => isTrue(p.auto_scaling_enabled)).map((p) => String(p.name));
      return [on.length > 0, on.length ? `autoscaled pools: ${on.join(', ')}` : 'no pool has auto_scaling_enabled = true'];
    },
  }),
  resourceRule({
    area: 'resource management',
    types: ['azurerm_kubernetes_cluster_node_pool'],
    home: 'infra',
    whenAbsent: 'not-applicable',
    id: 'AKS-RES-002',
    title: 'Every user pool autoscaled',
    severity: 'warning',
    seed: 'Node Pool 전략: apppool/gpupool/spotpool --enable-cluster-autoscaler --min-count --max-count',
    remedy: "Set nodePools.<name>.autoscaling: true with nodePools.<name>.minCount and nodePools.<name>.maxCount (the default for every user pool kind).",
    where: (r) => r.attrs.mode !== 'System',
    test: (r) => {
      const on = isTrue(r.attrs.auto_scaling_enabled);
      return [on && typeof r.attrs.max_count === 'number', `auto_scaling_enabled = ${show(r.attrs.auto_scaling_enabled)}, min_count = ${show(r.attrs.min_count)}, max_count = ${show(r.attrs.max_count)}`];
    },
  }),
  perNamespace(
    {
      id: 'AKS-RES-003',
      title: 'ResourceQuota in every application namespace',
      severity: 'error',
      area: 'resource management',
      seed: 'Production checklist / 리소스 관리: ResourceQuota 적용; 1. Resource Quotas',
      remedy: 'Keep a quota on the namespace: namespaces.<name>.quota (the seed\'s by default; {} removes it). A namespace created for workloads.<name>.namespace gets the default quota; add it under namespaces to size it.',
    },
    ['kubernetes_resource_quota_v1', 'kubernetes_resource_quota'],
    'ResourceQuota',
  ),
  perNamespace(
    {
      id: 'AKS-RES-004',
      title: 'LimitRange in every application namespace',
      severity: 'warning',
      area: 'resource management',
      seed: 'Production checklist / 리소스 관리: LimitRange 구성, Resource Requests/Limits 설정; 2. LimitRange',
      remedy: 'Every application namespace gets a LimitRange (secure by default, no setting removes it); size it with namespaces.<name>.limits.',
    },
    ['kubernetes_limit_range_v1', 'kubernetes_limit_range'],
    'LimitRange',
  ),
  resourceRule({
    area: 'resource management',
    types: ['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool'],
    home: 'infra',
    whenAbsent: 'not-applicable',
    id: 'AKS-RES-005',
    title: 'Nodes allow at least 50 pods',
    severity: 'info',
    seed: 'Not in the seed: scanner extra (pod density); Azure CNI Overlay allows up to 250 pods per node',
    scanners: ['CKV_AZURE_168'],
    remedy: "Leave nodePools.<name>.maxPods unset with Azure CNI Overlay (250), or set it to 50 or more.",
    test: (r, env) => {
      const pool = r.type === 'azurerm_kubernetes_cluster' ? (blocks(r.attrs, 'default_node_pool')[0] ?? {}) : r.attrs;
      const v = pool.max_pods;
      if (typeof v === 'number') return [v >= 50, `max_pods = ${v}`];
      const cluster = r.type === 'azurerm_kubernetes_cluster' ? r : env.ofType('azurerm_kubernetes_cluster')[0];
      const overlay = cluster && attr(cluster.attrs, 'network_profile.network_plugin_mode') === 'overlay';
      return [!!overlay, `max_pods unset (AKS default ${overlay ? '250 with overlay' : '30 with classic Azure CNI'})`];
    },
  }),
];
