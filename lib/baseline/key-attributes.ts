/**
 * What a reviewer needs to see of a resource that is added or removed: a few key attributes per resource type (VM
 * size, counts, zones and taints of a pool; role, scope and principal of a grant; subject of a federated credential;
 * chart and version of a release; the secrets a SecretProviderClass reads ...), not every attribute. Works on
 * synthesized JSON (one nested block as an object) and on plan JSON (blocks as one-element lists) alike.
 */
import { parse } from 'yaml';

/** Attribute paths (dotted; a block's first element is taken when it is a list) shown per resource type. */
const KEY_ATTRIBUTES: Record<string, readonly string[]> = {
  azurerm_kubernetes_cluster: ['name', 'kubernetes_version', 'sku_tier', 'default_node_pool.vm_size', 'default_node_pool.node_count', 'default_node_pool.min_count', 'default_node_pool.max_count', 'default_node_pool.zones', 'network_profile.network_plugin', 'network_profile.network_policy', 'private_cluster_enabled'],
  azurerm_kubernetes_cluster_node_pool: ['name', 'mode', 'vm_size', 'node_count', 'min_count', 'max_count', 'zones', 'node_taints', 'node_labels', 'priority', 'os_type'],
  azurerm_role_assignment: ['role_definition_name', 'role_definition_id', 'scope', 'principal_id', 'principal_type'],
  azurerm_federated_identity_credential: ['name', 'subject', 'issuer', 'audience'],
  azurerm_user_assigned_identity: ['name', 'location'],
  azurerm_key_vault: ['name', 'sku_name', 'rbac_authorization_enabled', 'public_network_access_enabled', 'purge_protection_enabled', 'network_acls.default_action'],
  azurerm_container_registry: ['name', 'sku', 'public_network_access_enabled', 'admin_enabled'],
  azurerm_storage_account: ['name', 'account_tier', 'account_replication_type', 'public_network_access_enabled'],
  azurerm_virtual_network: ['name', 'address_space'],
  azurerm_subnet: ['name', 'address_prefixes', 'service_endpoints'],
  azurerm_private_endpoint: ['name', 'subnet_id', 'private_service_connection.subresource_names'],
  helm_release: ['name', 'namespace', 'chart', 'version', 'repository'],
  kubernetes_namespace_v1: ['metadata.name', 'metadata.labels'],
  kubernetes_service_account_v1: ['metadata.name', 'metadata.namespace', 'metadata.annotations'],
  kubernetes_network_policy_v1: ['metadata.name', 'metadata.namespace', 'spec.policy_types'],
  kubernetes_manifest: ['manifest.kind', 'manifest.metadata.name', 'manifest.metadata.namespace'],
};

/** Shown for a type without its own list. */
const FALLBACK = ['name', 'metadata.name', 'metadata.namespace', 'location'];

function at(value: unknown, dotted: string): unknown {
  let v = value;
  for (const k of dotted.split('.')) {
    if (Array.isArray(v) && v.length === 1 && v[0] && typeof v[0] === 'object') v = v[0];
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** The object names a SecretProviderClass reads from its vault (its `objects` YAML), or undefined when unreadable. */
function secretObjects(attrs: Record<string, unknown>): unknown {
  const objects = at(attrs, 'manifest.spec.parameters.objects');
  if (typeof objects !== 'string') return undefined;
  try {
    const doc = parse(objects) as { array?: unknown[] };
    return (doc?.array ?? []).map((o) => at(typeof o === 'string' ? parse(o) : o, 'objectName')).filter((n) => n !== undefined);
  } catch {
    return undefined;
  }
}

/**
 * The key attributes of a resource of `type`, in a fixed order, as `[path, value]` (unset ones left out). Values for
 * which `withheld(path)` is true are not read: the caller shows them as withheld.
 */
export function keyAttributes(type: string, attrs: Record<string, unknown>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const p of KEY_ATTRIBUTES[type] ?? FALLBACK) {
    const v = at(attrs, p);
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) out.push([p, v]);
  }
  if (type === 'kubernetes_manifest' && at(attrs, 'manifest.kind') === 'SecretProviderClass') {
    const vault = at(attrs, 'manifest.spec.parameters.keyvaultName');
    if (vault !== undefined) out.push(['manifest.spec.parameters.keyvaultName', vault]);
    const objects = secretObjects(attrs);
    if (objects !== undefined) out.push(['reads', objects]);
  }
  return out;
}
