/**
 * How each Terraform resource type appears in the architecture picture. A new resource type slots in with one row:
 * its own concept node, folded into the concept it belongs to, an edge between two concepts, or nothing. A type with
 * no row still appears: as a node named after its construct, in a group guessed from the type name
 * ({@link guessGroup}).
 */
import type { Group, Kind, Meaning } from './model';
import type { Resource } from '../baseline/stack-model';

/** The resource is a concept of its own. */
export interface NodeRule {
  readonly node: Kind | ((r: Resource) => Kind);
  readonly group: Group;
  /** Whether its references to other concepts become edges (by {@link MEANING_OF_TARGET}). @default true */
  readonly refs?: boolean;
}

/** The resource is part of another concept: the one referenced from the first of these attributes that resolves. */
export interface FoldRule {
  readonly fold: readonly string[];
  readonly refs?: boolean;
}

/** The resource is part of the concept of whatever references it (a public IP, a firewall policy). */
export interface FoldReferrerRule {
  readonly foldReferrer: true;
  readonly refs?: boolean;
}

/**
 * The resource relates two concepts: an edge from the concept referenced in `from` to the one referenced in `to`
 * (attribute paths). The meaning is `meaning`, or decided by the target's kind (and `role` for role assignments).
 */
export interface EdgeRule {
  readonly edge: {
    readonly from: readonly string[];
    readonly to: readonly string[];
    readonly meaning?: Meaning;
    /** The edge's detail line from the resource's attributes. */
    readonly detail?: (attrs: Record<string, unknown>, targetAttrs?: Record<string, unknown>) => string | undefined;
  };
}

export type TypeRule = NodeRule | FoldRule | FoldReferrerRule | EdgeRule | { readonly ignore: true } | { readonly namespace: true };

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Storage that Velero (or anything called backup) writes to is backup storage; other accounts are plain storage. */
const storageKind = (r: Resource): Kind => (/velero|backup/i.test(r.path) ? 'backup-storage' : 'storage');

/** `Key Vault Secrets User` on `<vault>/secrets/db-dsn` reads `secret db-dsn`; on the vault, every object of its kind. */
function roleDetail(attrs: Record<string, unknown>): string | undefined {
  const role = str(attrs.role_definition_name) ?? 'role ' + String(attrs.role_definition_id ?? '').split('/').pop();
  const object = /\/(secrets|keys|certificates)\/([^/}]+)$/.exec(str(attrs.scope) ?? '');
  if (object) return `${object[1].replace(/s$/, '').replace('certificate', 'cert')} ${object[2]}`;
  return /^Key Vault/.test(role) ? `${role} (whole vault)` : role;
}

/** What a data collection rule collects, from its streams. */
function collected(_: Record<string, unknown>, rule?: Record<string, unknown>): string {
  const streams = JSON.stringify(rule?.data_flow ?? '');
  if (streams.includes('PrometheusMetrics')) return 'Prometheus metrics';
  if (streams.includes('ContainerInsights')) return 'Container Insights';
  return 'data collection';
}

export const TYPE_RULES: Readonly<Record<string, TypeRule>> = {
  // cluster
  azurerm_kubernetes_cluster: { node: 'cluster', group: 'cluster' },
  azurerm_kubernetes_cluster_node_pool: { node: 'pool', group: 'cluster' },
  // network
  azurerm_virtual_network: { node: 'vnet', group: 'network' },
  azurerm_subnet: { fold: ['virtual_network_name', 'virtual_network_id'] },
  azurerm_virtual_network_peering: { fold: ['virtual_network_name', 'virtual_network_id', 'remote_virtual_network_id'] },
  azurerm_network_security_group: { foldReferrer: true },
  azurerm_network_security_rule: { fold: ['network_security_group_name', 'network_security_group_id'] },
  azurerm_subnet_network_security_group_association: { fold: ['subnet_id'] },
  azurerm_network_watcher_flow_log: { fold: ['target_resource_id', 'network_security_group_id'] },
  azurerm_route_table: { node: 'route-table', group: 'network' },
  azurerm_route: { fold: ['route_table_name', 'route_table_id'] },
  azurerm_subnet_route_table_association: { edge: { from: ['subnet_id'], to: ['route_table_id'], meaning: 'egress via' } },
  azurerm_firewall: { node: 'firewall', group: 'network' },
  azurerm_firewall_policy: { foldReferrer: true },
  azurerm_firewall_policy_rule_collection_group: { fold: ['firewall_policy_id'] },
  azurerm_public_ip: { foldReferrer: true },
  azurerm_nat_gateway: { node: 'nat-gateway', group: 'network' },
  azurerm_nat_gateway_public_ip_association: { fold: ['nat_gateway_id'] },
  azurerm_subnet_nat_gateway_association: { edge: { from: ['subnet_id'], to: ['nat_gateway_id'], meaning: 'egress via' } },
  azurerm_private_dns_zone: { node: 'dns-zone', group: 'network' },
  azurerm_private_dns_zone_virtual_network_link: { edge: { from: ['virtual_network_id'], to: ['private_dns_zone_name'], meaning: 'resolves through' } },
  azurerm_private_endpoint: { fold: ['private_service_connection.private_connection_resource_id'] },
  // identity
  azurerm_user_assigned_identity: { node: 'identity', group: 'identity' },
  azurerm_federated_identity_credential: { edge: { from: ['parent_id'], to: ['subject'], meaning: 'federated with' } },
  azurerm_role_assignment: { edge: { from: ['principal_id'], to: ['scope'], detail: roleDetail } },
  azurerm_key_vault_access_policy: { edge: { from: ['object_id'], to: ['key_vault_id'], meaning: 'reads secrets', detail: () => 'access policy' } },
  // data
  azurerm_key_vault: { node: 'key-vault', group: 'data' },
  azurerm_key_vault_secret: { fold: ['key_vault_id'] },
  azurerm_key_vault_key: { fold: ['key_vault_id'] },
  azurerm_container_registry: { node: 'registry', group: 'data' },
  azurerm_storage_account: { node: storageKind, group: 'data' },
  azurerm_storage_container: { fold: ['storage_account_id', 'storage_account_name'] },
  // observability
  azurerm_log_analytics_workspace: { node: 'log-analytics', group: 'observability' },
  azurerm_monitor_workspace: { node: 'monitor-workspace', group: 'observability' },
  azurerm_dashboard_grafana: { node: 'grafana', group: 'observability', refs: false },
  azurerm_monitor_data_collection_rule: { fold: ['destinations'], refs: false },
  azurerm_monitor_data_collection_endpoint: { foldReferrer: true },
  azurerm_monitor_data_collection_rule_association: {
    edge: { from: ['target_resource_id'], to: ['data_collection_rule_id'], meaning: 'sends logs to', detail: collected },
  },
  azurerm_monitor_diagnostic_setting: {
    edge: { from: ['target_resource_id'], to: ['log_analytics_workspace_id', 'storage_account_id'], meaning: 'sends logs to', detail: () => 'diagnostic logs' },
  },
  azurerm_monitor_alert_prometheus_rule_group: { fold: ['scopes'], refs: false },
  azurerm_monitor_action_group: { node: 'alerts', group: 'observability', refs: false },
  azurerm_monitor_metric_alert: { fold: ['action', 'scopes'], refs: false },
  azurerm_monitor_activity_log_alert: { fold: ['action', 'scopes'], refs: false },
  azurerm_monitor_scheduled_query_rules_alert_v2: { fold: ['action', 'scopes'], refs: false },
  azurerm_log_analytics_workspace_table: { fold: ['workspace_id'] },
  azurerm_eventgrid_system_topic: { fold: ['source_resource_id', 'source_arm_resource_id'], refs: false },
  azurerm_eventgrid_system_topic_event_subscription: { fold: ['system_topic', 'system_topic_name'], refs: false },
  // in the cluster
  helm_release: { node: 'addon', group: 'add-ons' },
  kubernetes_namespace: { namespace: true },
  kubernetes_namespace_v1: { namespace: true },
  // bookkeeping
  azurerm_resource_group: { ignore: true },
};

/**
 * Existing Azure resources named by resource ID instead of created here (a shared registry, the hub's DNS zones, a
 * central workspace): concepts of their own, marked existing, when something in the picture points at them.
 */
export const EXISTING_TYPES: Readonly<Record<string, readonly [Kind, Group, string]>> = {
  'microsoft.containerregistry/registries': ['registry', 'data', 'container registry'],
  'microsoft.keyvault/vaults': ['key-vault', 'data', 'Key Vault'],
  'microsoft.storage/storageaccounts': ['storage', 'data', 'storage account'],
  'microsoft.operationalinsights/workspaces': ['log-analytics', 'observability', 'Log Analytics'],
  'microsoft.monitor/accounts': ['monitor-workspace', 'observability', 'managed Prometheus'],
  'microsoft.network/privatednszones': ['dns-zone', 'network', 'private DNS zone'],
  'microsoft.network/azurefirewalls': ['firewall', 'network', 'firewall'],
};

/** Kubernetes objects of any type belong to their namespace's concept (an add-on's or an application's). */
export const NAMESPACED_OBJECT: FoldRule = { fold: ['metadata.namespace', 'manifest.metadata.namespace'], refs: false };

/** What a reference to a concept of this kind means (cluster -> Log Analytics: sends logs to). */
export const MEANING_OF_TARGET: Partial<Record<Kind, Meaning>> = {
  registry: 'pulls from',
  'key-vault': 'reads secrets',
  'backup-storage': 'backs up to',
  'log-analytics': 'sends logs to',
  'monitor-workspace': 'sends logs to',
  firewall: 'egress via',
  'nat-gateway': 'egress via',
  'route-table': 'egress via',
  'dns-zone': 'resolves through',
};

/** Role assignments mean something only for these roles on these kinds; other grants show in the settings table. */
export const ROLE_MEANINGS: readonly [kind: Kind, role: RegExp, meaning: Meaning][] = [
  ['registry', /^Acr(Pull|Push)$/, 'pulls from'],
  ['key-vault', /^Key Vault (Secrets|Certificate|Crypto) (User|Officer)|^Key Vault (Reader|Administrator)$/, 'reads secrets'],
  ['backup-storage', /^Storage Blob Data (Contributor|Owner)$/, 'backs up to'],
];

/** Groups for types without a row, by words in the type name; in-cluster types go by the stack instead. */
const GROUP_HINTS: readonly [RegExp, Group][] = [
  [/virtual_network|subnet|firewall|route|nat_gateway|public_ip|private_endpoint|dns|network_security|application_gateway|bastion|_lb|load_balancer|network_manager/, 'network'],
  [/identity|role_|federated|^azuread_/, 'identity'],
  [/monitor|log_analytics|application_insights|grafana|alert|action_group|diagnostic|dashboard/, 'observability'],
  [/key_vault|storage|container_registry|cosmos|sql|redis|backup|postgres|mysql|servicebus|eventhub/, 'data'],
  [/kubernetes_cluster|kubernetes_fleet|kubernetes_flux|policy|maintenance/, 'cluster'],
  [/^(helm|kubernetes)_/, 'add-ons'],
];

export function guessGroup(type: string): Group {
  return GROUP_HINTS.find(([re]) => re.test(type))?.[1] ?? 'other';
}
