/**
 * The environment's key settings as the report page's table, read from the synthesized stacks (what Terraform gets):
 * cluster version and channels, pools, network, API access, identities and their grants.
 */
import { attr, type EnvironmentView } from '../baseline/stack-model';
import type { ConceptModel } from '../diagram/model';

export interface SettingRow {
  readonly section: 'cluster' | 'API access' | 'pools' | 'network' | 'identities' | 'grants';
  readonly setting: string;
  readonly value: string;
}

const show = (v: unknown): string => {
  if (v === undefined || v === null) return 'unset';
  if (Array.isArray(v)) return v.length ? v.map(show).join(', ') : 'none';
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  return s.includes('${') ? '(from another resource)' : s;
};

export function keySettings(view: EnvironmentView, model: ConceptModel): SettingRow[] {
  const rows: SettingRow[] = [];
  const row = (section: SettingRow['section'], setting: string, value: unknown) => rows.push({ section, setting, value: show(value) });
  for (const c of view.ofType('azurerm_kubernetes_cluster')) {
    const a = c.attrs;
    row('cluster', 'name', a.name);
    row('cluster', 'kubernetes_version', a.kubernetes_version ?? 'AKS default');
    row('cluster', 'automatic_upgrade_channel', a.automatic_upgrade_channel ?? 'none');
    row('cluster', 'node_os_upgrade_channel', a.node_os_upgrade_channel);
    row('cluster', 'sku_tier', a.sku_tier);
    row('cluster', 'local_account_disabled', a.local_account_disabled);
    row('cluster', 'azure_rbac_enabled', attr(a, 'azure_active_directory_role_based_access_control.azure_rbac_enabled'));
    row('cluster', 'oidc_issuer_enabled / workload_identity_enabled', `${show(a.oidc_issuer_enabled)} / ${show(a.workload_identity_enabled)}`);
    row('API access', 'private_cluster_enabled', a.private_cluster_enabled ?? false);
    row('API access', 'authorized_ip_ranges', attr(a, 'api_server_access_profile.authorized_ip_ranges') ?? 'none (open unless private)');
    for (const k of ['network_plugin', 'network_plugin_mode', 'network_policy', 'network_data_plane', 'outbound_type', 'pod_cidr', 'service_cidr', 'dns_service_ip']) {
      const v = attr(a, `network_profile.${k}`);
      if (v !== undefined) row('network', k, v);
    }
    const pools = [attr(a, 'default_node_pool') as Record<string, unknown>, ...view.ofType('azurerm_kubernetes_cluster_node_pool').map((p) => p.attrs)].filter(Boolean);
    for (const p of pools) {
      const count = p.auto_scaling_enabled === true ? `${show(p.min_count)}-${show(p.max_count)} (autoscaled)` : show(p.node_count);
      const taints = [...((p.node_taints as string[] | undefined) ?? []), ...(p.only_critical_addons_enabled === true ? ['CriticalAddonsOnly=true:NoSchedule'] : [])];
      row('pools', show(p.name), `${show(p.vm_size)}, ${count} nodes, zones ${show(p.zones ?? [])}, ${p.kubernetes_cluster_id ? show(p.mode ?? 'User') : 'System'}${p.priority === 'Spot' ? ', Spot' : ''}${taints.length ? `, taints ${taints.join(', ')}` : ''}`);
    }
  }
  for (const v of view.ofType('azurerm_virtual_network')) row('network', `VNet ${show(v.attrs.name)}`, v.attrs.address_space);
  for (const s of view.ofType('azurerm_subnet')) {
    const endpoints = (s.attrs.service_endpoints as string[] | undefined) ?? [];
    row('network', `subnet ${show(s.attrs.name)}`, `${show(s.attrs.address_prefixes)}${endpoints.length ? `; service endpoints ${endpoints.join(', ')}` : ''}`);
  }
  const title = new Map(model.nodes.map((n) => [n.id, `${n.title} (${n.details[0] ?? n.id})`]));
  for (const n of model.nodes.filter((x) => x.kind === 'identity')) row('identities', n.title, n.details.join(', '));
  const name = (end: string) => {
    const id = /^[a-z0-9_]+/.exec(end)?.[0] ?? '';
    return title.has(id) ? `${title.get(id)}${end.slice(id.length)}` : end;
  };
  for (const g of model.grants) row('grants', name(g.principal), `${g.role} on ${name(g.scope)}`);
  return rows;
}
