/**
 * Attributes whose change makes Terraform destroy and recreate the resource (ForceNew in the azurerm 4.55 provider
 * schema), by resource type. `*` stands for a block index (`network_profile.*.network_plugin`). The change review
 * flags these; the construct docs say "Forces replacement" for the config fields that feed them.
 *
 * Minimal list for the review tool; the cluster work extends it (the lead reconciles both versions).
 */
export const FORCES_REPLACEMENT: Readonly<Record<string, readonly string[]>> = {
  azurerm_resource_group: ['name', 'location'],
  azurerm_kubernetes_cluster: [
    'name',
    'location',
    'resource_group_name',
    'dns_prefix',
    'dns_prefix_private_cluster',
    'node_resource_group',
    'private_cluster_enabled',
    'kubelet_identity',
    'default_node_pool.*.name',
    'network_profile.*.network_plugin',
    'network_profile.*.pod_cidr',
    'network_profile.*.service_cidr',
    'network_profile.*.dns_service_ip',
  ],
  azurerm_kubernetes_cluster_node_pool: ['name', 'kubernetes_cluster_id'],
  azurerm_user_assigned_identity: ['name', 'location', 'resource_group_name'],
  azurerm_federated_identity_credential: ['name', 'parent_id', 'resource_group_name'],
  azurerm_key_vault: ['name', 'location', 'resource_group_name'],
  azurerm_container_registry: ['name', 'location', 'resource_group_name'],
  azurerm_storage_account: ['name', 'location', 'resource_group_name'],
  azurerm_role_assignment: ['scope', 'principal_id', 'role_definition_id', 'role_definition_name'],
};

/** Drops block indexes (`[0]`, `.0`, `.*`) so `network_profile[0].pod_cidr` and `network_profile.*.pod_cidr` compare equal. */
function normalize(path: string): string {
  return path.replace(/\[\d+\]/g, '').split('.').filter((s) => s !== '*' && !/^\d+$/.test(s)).join('.');
}

/** Whether changing `path` of a `type` resource forces replacement (also when a parent or child of a listed path changes). */
export function forcesReplacement(type: string, path: string): boolean {
  const p = normalize(path);
  return (FORCES_REPLACEMENT[type] ?? []).some((f) => {
    const n = normalize(f);
    return p === n || p.startsWith(`${n}.`) || n.startsWith(`${p}.`);
  });
}
