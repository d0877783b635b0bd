/** Azure Container Registry (seed: 4. Image Security - ACR 통합, ACR 이미지 스캔 활성화). */
import { attr, blocks, show, type Resource } from '../stack-model';
import type { Outcome, Rule } from '../types';
import { homeAddress, isTrue, outcome, resourceRule } from './dsl';
import { helmChart } from './k8s-helpers';

const ACR = { area: 'acr', types: ['azurerm_container_registry'], home: 'infra', whenAbsent: 'not-applicable' } as const;

const scanning: Rule = {
  id: 'AKS-ACR-006',
  title: 'Images scanned for vulnerabilities (Defender for Containers or Trivy operator)',
  severity: 'warning',
  area: 'acr',
  seed: 'Production checklist / 보안: ACR 이미지 스캔 활성화; 5. 이미지 취약점 스캔: Trivy Operator',
  scanners: ['CKV_AZURE_163'],
  remedy: "Keep the Trivy operator (addons.trivyOperator.enabled: true, the default) or Defender for Containers (cluster.monitoring.defender: true, the default).",
  check(env): Outcome[] {
    const trivy = env.ofType('helm_release').filter((h) => helmChart(h) === 'trivy-operator');
    const plans = env
      .ofType('azurerm_security_center_subscription_pricing')
      .filter((p) => p.attrs.resource_type === 'Containers' && p.attrs.tier === 'Standard');
    const defender = env.ofType('azurerm_kubernetes_cluster').filter((c) => attr(c.attrs, 'microsoft_defender') !== undefined);
    const found = [...trivy, ...plans, ...defender];
    if (found.length === 0) return [{ address: homeAddress(env, 'platform'), status: 'fail', detail: 'no trivy-operator release, Defender plan or microsoft_defender block' }];
    return found.map((r) => outcome(r, true, r.type === 'helm_release' ? 'trivy-operator release' : r.type === 'azurerm_kubernetes_cluster' ? 'microsoft_defender set' : 'Defender for Containers plan'));
  },
};

const pull: Rule = {
  id: 'AKS-ACR-007',
  title: 'Cluster pulls from the registry with AcrPull (no registry credentials)',
  severity: 'warning',
  area: 'acr',
  seed: '4. Image Security: az aks update --attach-acr',
  remedy: "Keep acr.attach: true (the default): the kubelet identity gets AcrPull on the registry.",
  check(env): Outcome[] {
    const regs = env.ofType('azurerm_container_registry');
    if (regs.length === 0) return [{ address: homeAddress(env, 'infra'), status: 'not-applicable', detail: 'no azurerm_container_registry' }];
    const clusters = env.ofType('azurerm_kubernetes_cluster');
    // The kubelet's principal: the cluster's kubelet_identity, or the user-assigned identity the cluster is given as its kubelet identity.
    const kubelet = (g: Resource) =>
      env.referencesFrom(g).some((ref) => ref.attr === 'principal_id' && (clusters.includes(ref.to) || clusters.some((c) => env.references(c, c.attrs.kubelet_identity, ref.to))));
    const grants = env.ofType('azurerm_role_assignment').filter((a) => a.attrs.role_definition_name === 'AcrPull' && kubelet(a));
    return regs.map((reg) => {
      const mine = grants.filter((g) => env.references(g, g.attrs.scope, reg));
      return outcome(reg, mine.length > 0, mine.length ? `AcrPull for the kubelet identity: ${mine.map((g) => g.tfAddress).join(', ')}` : 'no AcrPull role assignment for the kubelet identity scoped to this registry');
    });
  },
};

/** The registry's own log categories (repository and login events). */
const REGISTRY_LOGS = ['ContainerRegistryRepositoryEvents', 'ContainerRegistryLoginEvents'];

const diagnostics: Rule = {
  id: 'AKS-ACR-008',
  title: 'Registry repository and login events sent to Log Analytics',
  severity: 'warning',
  area: 'acr',
  seed: 'Production checklist / 모니터링: Diagnostic Logs 활성화 (who pushed, pulled and signed in to the registry)',
  remedy: 'Keep acr.diagnostics.enabled: true with both acr.diagnostics.categories (the default).',
  check(env): Outcome[] {
    const regs = env.ofType('azurerm_container_registry');
    if (regs.length === 0) return [{ address: homeAddress(env, 'infra'), status: 'not-applicable', detail: 'no azurerm_container_registry' }];
    const settings = env.ofType('azurerm_monitor_diagnostic_setting');
    return regs.map((reg) => {
      const mine = settings.filter((s) => env.references(s, s.attrs.target_resource_id, reg));
      if (mine.length === 0) return outcome(reg, false, 'no azurerm_monitor_diagnostic_setting with target_resource_id = this registry');
      const cats = new Set(mine.flatMap((s) => blocks(s.attrs, 'enabled_log')).map((l) => (l.category_group === 'allLogs' ? '*' : l.category)));
      const missing = cats.has('*') ? [] : REGISTRY_LOGS.filter((c) => !cats.has(c));
      return outcome(reg, missing.length === 0, `${mine.map((s) => s.tfAddress).join(', ')}: ${missing.length ? `missing ${missing.join(', ')}` : 'repository and login events'}`);
    });
  },
};

export const acrRules = [
  resourceRule({
    ...ACR,
    id: 'AKS-ACR-001',
    title: 'Admin account disabled',
    severity: 'error',
    seed: '4. Image Security: ACR 통합 (the cluster pulls with its identity, never with the admin user)',
    scanners: ['CKV_AZURE_137'],
    remedy: "The ContainerRegistry construct always keeps the admin user off (no platform.yaml setting enables it); nodes pull with AcrPull (acr.attach).",
    test: (r) => [r.attrs.admin_enabled !== true, `admin_enabled = ${show(r.attrs.admin_enabled)}${r.attrs.admin_enabled === undefined ? ' (provider default false)' : ''}`],
  }),
  resourceRule({
    ...ACR,
    id: 'AKS-ACR-002',
    title: 'Anonymous pull disabled',
    severity: 'error',
    seed: '4. Image Security: only allowed container images (Security Baseline / 권장 정책)',
    scanners: ['CKV_AZURE_138'],
    remedy: "Keep acr.anonymousPull: false (the default): every pull signs in with an Entra ID identity.",
    test: (r) => [r.attrs.anonymous_pull_enabled !== true, `anonymous_pull_enabled = ${show(r.attrs.anonymous_pull_enabled)}`],
  }),
  resourceRule({
    ...ACR,
    id: 'AKS-ACR-003',
    title: 'Registry network access restricted',
    severity: 'warning',
    seed: 'Security / 5. Network Security (private access to platform services)',
    scanners: ['CKV_AZURE_139'],
    remedy: "Set acr.publicNetworkAccess: false with acr.privateEndpoint (acr.sku Premium; the endpoint goes in the privateEndpoints subnet, its DNS zone created or taken from network.privateDns).",
    test: (r) => {
      const pub = r.attrs.public_network_access_enabled;
      const action = attr(r.attrs, 'network_rule_set.default_action');
      return [pub === false || action === 'Deny', `public_network_access_enabled = ${show(pub)}, network_rule_set.default_action = ${show(action)}`];
    },
  }),
  resourceRule({
    ...ACR,
    id: 'AKS-ACR-004',
    title: 'Zone-redundant registry',
    severity: 'warning',
    seed: 'Production checklist / 고가용성: 다중 가용성 영역 사용',
    scanners: ['CKV_AZURE_233'],
    remedy: "Keep acr.sku: Premium with acr.zoneRedundancy unset or true (zone-redundant by default on Premium).",
    test: (r) => [isTrue(r.attrs.zone_redundancy_enabled), `zone_redundancy_enabled = ${show(r.attrs.zone_redundancy_enabled)}`],
  }),
  resourceRule({
    ...ACR,
    id: 'AKS-ACR-005',
    title: 'Untagged manifests expire (retention policy)',
    severity: 'info',
    seed: '비용 최적화 / 운영: Cost Management (registry storage)',
    scanners: ['CKV_AZURE_167'],
    remedy: "Keep acr.sku: Premium with acr.retentionDays unset (7) or above 0, so untagged manifests are deleted.",
    test: (r) => {
      const v = r.attrs.retention_policy_in_days;
      return [typeof v === 'number' && v > 0, `retention_policy_in_days = ${show(v)}`];
    },
  }),
  scanning,
  pull,
  diagnostics,
];
