/**
 * Attributes whose change makes Terraform destroy and recreate the resource (azurerm 4.55: `ForceNew` in the
 * provider schema, or a `CustomizeDiff` that forces it), by resource type. Paths use Terraform's JSON attribute
 * names with `[0]` for single nested blocks. A change-review tool flags a diff on any of these as a replacement.
 *
 * Conditional cases are listed with the attribute: `network_profile[0].network_policy` and
 * `network_profile[0].network_data_plane` force replacement only when an engine was already set,
 * `network_profile[0].network_plugin_mode` only when it changes to anything but `overlay`.
 */
export const REPLACEMENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  azurerm_kubernetes_cluster: [
    'name',
    'location',
    'resource_group_name',
    'dns_prefix',
    'dns_prefix_private_cluster',
    'node_resource_group',
    'private_cluster_enabled',
    'private_dns_zone_id',
    'role_based_access_control_enabled',
    'disk_encryption_set_id',
    'edge_zone',
    'kubelet_identity',
    'kubelet_identity[0].client_id',
    'kubelet_identity[0].object_id',
    'kubelet_identity[0].user_assigned_identity_id',
    'default_node_pool[0].name',
    'network_profile[0].network_plugin',
    'network_profile[0].network_plugin_mode',
    'network_profile[0].network_mode',
    'network_profile[0].network_policy',
    'network_profile[0].network_data_plane',
    'network_profile[0].pod_cidr',
    'network_profile[0].pod_cidrs',
    'network_profile[0].service_cidr',
    'network_profile[0].service_cidrs',
    'network_profile[0].dns_service_ip',
    'network_profile[0].load_balancer_sku',
    'network_profile[0].ip_versions',
    'windows_profile[0].admin_username',
  ],
  azurerm_kubernetes_cluster_node_pool: [
    'name',
    'kubernetes_cluster_id',
    'os_type',
    'priority',
    'eviction_policy',
    'spot_max_price',
    'gpu_instance',
    'host_group_id',
    'capacity_reservation_group_id',
    'proximity_placement_group_id',
    'node_public_ip_prefix_id',
    'windows_profile',
  ],
  azurerm_user_assigned_identity: ['name', 'location', 'resource_group_name'],
  azurerm_virtual_network: ['name', 'location', 'resource_group_name'],
  azurerm_subnet: ['name', 'resource_group_name', 'virtual_network_name'],
  azurerm_log_analytics_workspace: ['name', 'location', 'resource_group_name'],
  azurerm_monitor_workspace: ['name', 'location', 'resource_group_name'],
  azurerm_monitor_data_collection_endpoint: ['name', 'location', 'resource_group_name'],
  azurerm_monitor_data_collection_rule: ['name', 'location', 'resource_group_name', 'kind'],
  azurerm_monitor_data_collection_rule_association: ['name', 'target_resource_id', 'data_collection_rule_id', 'data_collection_endpoint_id'],
  azurerm_monitor_diagnostic_setting: ['name', 'target_resource_id'],
  azurerm_monitor_action_group: ['name', 'resource_group_name', 'location'],
  azurerm_monitor_alert_prometheus_rule_group: ['name', 'resource_group_name', 'location'],
  azurerm_monitor_metric_alert: ['name', 'resource_group_name'],
  azurerm_monitor_activity_log_alert: ['name', 'resource_group_name', 'location'],
  azurerm_monitor_scheduled_query_rules_alert_v2: ['name', 'resource_group_name', 'location'],
  azurerm_log_analytics_workspace_table: ['name', 'workspace_id'],
  // internal/services/dashboard/dashboard_grafana_resource.go: name, sku, zone redundancy, major version and identity are ForceNew.
  azurerm_dashboard_grafana: ['name', 'resource_group_name', 'location', 'sku', 'zone_redundancy_enabled', 'grafana_major_version', 'identity'],
  azurerm_eventgrid_system_topic: ['name', 'resource_group_name', 'location', 'source_arm_resource_id', 'source_resource_id', 'topic_type'],
  azurerm_eventgrid_system_topic_event_subscription: ['name', 'resource_group_name', 'system_topic'],
  azurerm_kubernetes_cluster_extension: ['name', 'cluster_id', 'extension_type', 'release_namespace', 'target_namespace', 'plan'],
  azurerm_kubernetes_flux_configuration: ['name', 'cluster_id', 'namespace', 'scope'],
  azurerm_role_assignment: ['name', 'scope', 'role_definition_id', 'role_definition_name', 'principal_id', 'principal_type'],
  azurerm_resource_group: ['name', 'location'],
  azurerm_container_registry: ['name', 'location', 'resource_group_name'],
  azurerm_federated_identity_credential: ['name', 'parent_id', 'resource_group_name'],
  azurerm_key_vault: ['name', 'location', 'resource_group_name'],
  azurerm_key_vault_access_policy: ['key_vault_id', 'tenant_id', 'object_id', 'application_id'],
  azurerm_private_endpoint: ['name', 'location', 'resource_group_name', 'subnet_id', 'private_service_connection[0].name', 'private_service_connection[0].private_connection_resource_id', 'private_service_connection[0].subresource_names'],
  azurerm_private_dns_zone: ['name', 'resource_group_name'],
  azurerm_private_dns_zone_virtual_network_link: ['name', 'resource_group_name', 'private_dns_zone_name', 'virtual_network_id'],
  azurerm_public_ip: ['name', 'location', 'resource_group_name', 'sku', 'sku_tier', 'zones', 'ip_version'],
  azurerm_storage_account: ['name', 'location', 'resource_group_name', 'account_tier', 'is_hns_enabled', 'nfsv3_enabled'],
  azurerm_storage_container: ['name', 'storage_account_id', 'storage_account_name'],
  // In-cluster objects: a new name or namespace is a new object.
  kubernetes_namespace_v1: ['metadata[0].name'],
  kubernetes_service_account_v1: ['metadata[0].name', 'metadata[0].namespace'],
  kubernetes_config_map_v1: ['metadata[0].name', 'metadata[0].namespace'],
  kubernetes_resource_quota_v1: ['metadata[0].name', 'metadata[0].namespace'],
  kubernetes_limit_range_v1: ['metadata[0].name', 'metadata[0].namespace'],
  kubernetes_network_policy_v1: ['metadata[0].name', 'metadata[0].namespace'],
  kubernetes_manifest: ['manifest.apiVersion', 'manifest.kind', 'manifest.metadata.name', 'manifest.metadata.namespace'],
  helm_release: ['name', 'namespace'],
};

/**
 * Attributes that replace every node of a pool without replacing the Terraform resource: the provider cycles the
 * pool through `temporary_name_for_rotation` (always set by AksCluster and NodePool). Listed so a reviewer sees
 * that such a change rebuilds the nodes. Paths are for the default pool; a node pool uses the same names without
 * the `default_node_pool[0].` prefix (see POOL_ROTATION_ATTRIBUTES).
 */
export const DEFAULT_POOL_ROTATION_ATTRIBUTES: readonly string[] = [
  'default_node_pool[0].vm_size',
  'default_node_pool[0].zones',
  'default_node_pool[0].max_pods',
  'default_node_pool[0].os_disk_size_gb',
  'default_node_pool[0].os_disk_type',
  'default_node_pool[0].os_sku',
  'default_node_pool[0].vnet_subnet_id',
  'default_node_pool[0].pod_subnet_id',
  'default_node_pool[0].kubelet_config',
  'default_node_pool[0].linux_os_config',
];

/** The same as DEFAULT_POOL_ROTATION_ATTRIBUTES for `azurerm_kubernetes_cluster_node_pool`. */
export const POOL_ROTATION_ATTRIBUTES: readonly string[] = DEFAULT_POOL_ROTATION_ATTRIBUTES.map((a) => a.replace('default_node_pool[0].', ''));
