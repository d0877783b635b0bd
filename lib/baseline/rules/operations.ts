/** Operations: upgrades, maintenance windows, tags (seed: 운영, 3. 업그레이드 전략). */
import { attr, show } from '../stack-model';
import type { Outcome, Rule } from '../types';
import { homeAddress, outcome, resourceRule } from './dsl';

const CLUSTER = { area: 'operations', types: ['azurerm_kubernetes_cluster'], home: 'infra', whenAbsent: 'not-applicable' } as const;

/** azurerm resource types that carry tags in this platform (others are checked when they set `tags`). */
const TAGGABLE = new Set([
  'azurerm_resource_group', 'azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool', 'azurerm_user_assigned_identity',
  'azurerm_key_vault', 'azurerm_container_registry', 'azurerm_storage_account', 'azurerm_log_analytics_workspace',
  'azurerm_virtual_network', 'azurerm_monitor_workspace', 'azurerm_private_endpoint', 'azurerm_network_security_group',
]);
export const REQUIRED_TAGS = ['environment', 'owner'] as const;

const tags: Rule = {
  id: 'AKS-OPS-004',
  title: 'Azure resources tagged with environment and owner',
  severity: 'warning',
  area: 'operations',
  seed: 'Production checklist / 운영: 태그 정책 적용; 클러스터 생성: --tags Environment=Production Owner=DevOps',
  remedy: "Tags come from the environment name, the top-level owner and environments.<name>.tags in platform.yaml; new constructs take the stack's tags.",
  check(env): Outcome[] {
    const rs = env.resources.filter((r) => !r.data && r.type.startsWith('azurerm_') && (TAGGABLE.has(r.type) || 'tags' in r.attrs));
    if (rs.length === 0) return [{ address: homeAddress(env, 'infra'), status: 'not-applicable', detail: 'no taggable azurerm resources' }];
    return rs.map((r) => {
      const t = (r.attrs.tags ?? {}) as Record<string, unknown>;
      const missing = REQUIRED_TAGS.filter((k) => typeof t[k] !== 'string' || t[k] === '');
      return outcome(r, missing.length === 0, missing.length ? `missing tags: ${missing.join(', ')}` : `tags environment = ${show(t.environment)}, owner = ${show(t.owner)}`);
    });
  },
};

export const operationsRules = [
  resourceRule({
    ...CLUSTER,
    id: 'AKS-OPS-001',
    title: 'Automatic upgrade channel set',
    severity: 'error',
    seed: 'Production checklist / 운영: 자동 업그레이드 채널 설정; 3. 업그레이드 전략: --auto-upgrade-channel stable',
    scanners: ['CKV_AZURE_171'],
    remedy: "Keep cluster.upgrades.channel at stable (the seed's choice and the default) or patch; none fails this rule.",
    test: (r) => {
      const v = r.attrs.automatic_upgrade_channel;
      return [typeof v === 'string' && v !== 'none', `automatic_upgrade_channel = ${show(v)}`];
    },
  }),
  resourceRule({
    ...CLUSTER,
    id: 'AKS-OPS-002',
    title: 'Maintenance window for automatic upgrades',
    severity: 'error',
    seed: 'Production checklist / 운영: 유지보수 윈도우 구성; 3. 업그레이드 전략: az aks maintenanceconfiguration add --weekday Saturday --start-hour 2',
    remedy: "Keep cluster.upgrades.autoUpgradeWindow.enabled: true (the default: Saturday 02:00) so the cluster gets maintenance_window_auto_upgrade.",
    test: (r) => {
      const w = attr(r.attrs, 'maintenance_window_auto_upgrade');
      const detail = w === undefined ? 'maintenance_window_auto_upgrade unset' : `maintenance_window_auto_upgrade = ${show(w)}`;
      return [w !== undefined, detail];
    },
  }),
  resourceRule({
    ...CLUSTER,
    id: 'AKS-OPS-003',
    title: 'Node OS upgrades managed, inside a maintenance window',
    severity: 'warning',
    seed: '3. 업그레이드 전략 (node image updates); Production checklist / 운영: 유지보수 윈도우 구성',
    remedy: "Keep cluster.upgrades.nodeOsChannel at NodeImage (the default) or SecurityPatch, and cluster.upgrades.nodeOsWindow.enabled: true (the default: Sunday 02:00).",
    test: (r) => {
      const ch = r.attrs.node_os_upgrade_channel;
      const managed = ch === undefined || ch === 'NodeImage' || ch === 'SecurityPatch';
      const w = attr(r.attrs, 'maintenance_window_node_os');
      return [managed && w !== undefined, `node_os_upgrade_channel = ${show(ch)}${ch === undefined ? ' (provider default NodeImage)' : ''}, maintenance_window_node_os ${w === undefined ? 'unset' : 'set'}`];
    },
  }),
  tags,
];
