/**
 * What each concept node says: a title (what it is) and a few short lines (its name, size, count range, zones,
 * taints, address ranges), read from the synthesized attributes of the resources it stands for.
 */
import { attr, blocks, type Resource } from '../baseline/stack-model';
import type { Concept } from './concepts';
import { EXISTING_TYPES } from './mapping';

export interface Description {
  /** The name the node id is made from. */
  readonly name: string;
  readonly title: string;
  readonly details: string[];
}

const lit = (v: unknown): string | undefined => (typeof v === 'string' && !v.includes('${') ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(lit).filter((x): x is string => x !== undefined) : []);
const nameOf = (r: Resource): string =>
  lit(r.attrs.name) ?? lit(attr(r.attrs, 'metadata.name')) ?? lit(attr(r.attrs, 'manifest.metadata.name')) ?? r.name;

/** `3 nodes`, `2-10 nodes`: the count or the autoscaler's range. */
function count(p: Record<string, unknown>): string {
  if (p.auto_scaling_enabled === true || p.enable_auto_scaling === true) return `${lit(p.min_count) ?? '?'}-${lit(p.max_count) ?? '?'} nodes`;
  const n = lit(p.node_count) ?? '?';
  return `${n} node${n === '1' ? '' : 's'}`;
}

/** A pool (the cluster's default pool or a node pool resource) in four short lines. */
function pool(p: Record<string, unknown>, system: boolean): Description {
  const name = lit(p.name) ?? 'pool';
  const kind = [system || p.mode === 'System' ? 'system' : 'user', p.priority === 'Spot' ? 'spot' : '', p.os_type === 'Windows' ? 'windows' : ''].filter(Boolean).join(', ');
  const zones = list(p.zones);
  const taints = [...list(p.node_taints), ...(p.only_critical_addons_enabled === true ? ['CriticalAddonsOnly=true:NoSchedule'] : [])];
  const details = [`${lit(p.vm_size) ?? '?'} · ${count(p)}`, zones.length ? `zones ${zones.join(',')}` : 'no zones'];
  if (taints.length) details.push(`taint ${taints.map((t) => t.replace(/^kubernetes\.azure\.com\//, '')).join(', ')}`);
  return { name, title: `pool ${name} (${kind})`, details };
}

function apiAccess(c: Record<string, unknown>): string {
  if (c.private_cluster_enabled === true) return 'API private';
  const ranges = list(attr(c, 'api_server_access_profile.authorized_ip_ranges'));
  return ranges.length ? `API limited to ${ranges.length} range${ranges.length > 1 ? 's' : ''}` : 'API public';
}

function cluster(r: Resource): Description {
  const a = r.attrs;
  const net = attr(a, 'network_profile') as Record<string, unknown> | undefined;
  const version = lit(a.kubernetes_version) ?? '(AKS default)';
  const channel = lit(a.automatic_upgrade_channel) ?? 'no auto-upgrade';
  return {
    name: nameOf(r),
    title: 'AKS cluster',
    details: [
      nameOf(r),
      `Kubernetes ${version} · ${channel}`,
      apiAccess(a),
      net ? `${[lit(net.network_plugin), lit(net.network_plugin_mode), lit(net.network_policy)].filter(Boolean).join(' ')} · outbound ${lit(net.outbound_type) ?? 'loadBalancer'}` : 'kubenet',
    ],
  };
}

/** `snet-nodes 10.0.0.0/20`. */
const subnetLine = (s: Resource) => `${lit(s.attrs.name) ?? s.name} ${list(s.attrs.address_prefixes).join(' ')}`.trim();

const IDENTITY_TITLES: Record<string, string> = {
  'control-plane': 'control-plane identity',
  kubelet: 'kubelet identity',
  'secrets-provider': 'secrets-provider identity',
  workload: 'workload identity',
  'add-on': 'add-on identity',
  managed: 'managed identity',
};

export function describe(c: Concept): Description {
  const r = c.main;
  const a = r.attrs;
  const others = (type: string) => c.members.filter((m) => m.type === type);
  const existing = EXISTING_TYPES[r.type.replace(/^existing:/, '')];
  if (r.type.startsWith('existing:') && existing) return { name: r.name, title: `${existing[2]} (existing)`, details: [r.name, `in ${String(a.resource_group_name)}`] };
  switch (c.kind) {
    case 'cluster':
      return cluster(r);
    case 'pool':
      return c.sub ? pool((attr(a, 'default_node_pool') as Record<string, unknown>) ?? {}, true) : pool(a, false);
    case 'identity': {
      const title = IDENTITY_TITLES[c.role ?? c.sub ?? 'managed'] ?? 'managed identity';
      if (c.sub) return { name: c.sub, title, details: [c.sub === 'kubelet' ? 'made by AKS' : c.sub === 'secrets-provider' ? 'made by the Key Vault CSI add-on' : 'system-assigned'] };
      return { name: nameOf(r), title, details: [nameOf(r)] };
    }
    case 'vnet': {
      const subnets = others('azurerm_subnet').map(subnetLine);
      const peerings = others('azurerm_virtual_network_peering').length;
      const nsgs = others('azurerm_network_security_group').length;
      const extras = [peerings ? `${peerings} peering${peerings > 1 ? 's' : ''}` : '', nsgs ? `${nsgs} NSG${nsgs > 1 ? 's' : ''}` : '', others('azurerm_network_watcher_flow_log').length ? 'flow logs' : ''];
      return {
        name: nameOf(r),
        title: 'virtual network',
        details: [`${nameOf(r)} ${list(a.address_space).join(' ')}`, ...subnets, ...(extras.some(Boolean) ? [extras.filter(Boolean).join(' · ')] : [])],
      };
    }
    case 'key-vault': {
      const pe = others('azurerm_private_endpoint').length > 0;
      const access = a.public_network_access_enabled === false ? 'public access off' : `firewall ${lit(attr(a, 'network_acls.default_action')) ?? 'open'}`;
      return { name: nameOf(r), title: 'Key Vault', details: [nameOf(r), `${a.rbac_authorization_enabled === false ? 'access policies' : 'Azure RBAC'} · ${access}${pe ? ' · private endpoint' : ''}`] };
    }
    case 'registry': {
      const pe = others('azurerm_private_endpoint').length > 0;
      return { name: nameOf(r), title: 'container registry', details: [nameOf(r), `${lit(a.sku) ?? ''}${a.public_network_access_enabled === false ? ' · public access off' : ''}${pe ? ' · private endpoint' : ''}`.trim()] };
    }
    case 'backup-storage':
    case 'storage': {
      const containers = others('azurerm_storage_container').map((s) => lit(s.attrs.name) ?? s.name);
      return {
        name: nameOf(r),
        title: c.kind === 'backup-storage' ? 'backup storage' : 'storage account',
        details: [nameOf(r), `${lit(a.account_replication_type) ?? ''}${containers.length ? ` · container ${containers.join(', ')}` : ''}`.trim()],
      };
    }
    case 'log-analytics':
      return { name: nameOf(r), title: 'Log Analytics', details: [nameOf(r), `${lit(a.retention_in_days) ?? '?'} days`] };
    case 'monitor-workspace': {
      const groups = others('azurerm_monitor_alert_prometheus_rule_group').length;
      return { name: nameOf(r), title: 'managed Prometheus', details: [nameOf(r), ...(groups ? [`${groups} rule groups`] : [])] };
    }
    case 'firewall':
      return { name: nameOf(r), title: 'firewall', details: [nameOf(r), lit(a.sku_tier) ?? ''].filter(Boolean) };
    case 'route-table': {
      const routes = [...blocks(a, 'route'), ...others('azurerm_route').map((x) => x.attrs)].map(
        (x) => `${lit(x.address_prefix) ?? (String(x.address_prefix ?? '').includes('public_ip') ? 'firewall public IP' : '?')} → ${lit(x.next_hop_in_ip_address) ?? (x.next_hop_in_ip_address ? 'firewall' : lit(x.next_hop_type) ?? '?')}`,
      );
      return { name: nameOf(r), title: 'egress route table', details: [nameOf(r), ...routes.slice(0, 3)] };
    }
    case 'nat-gateway':
      return { name: nameOf(r), title: 'NAT gateway', details: [nameOf(r)] };
    case 'dns-zone':
      return { name: nameOf(r), title: 'private DNS zone', details: [nameOf(r)] };
    case 'alerts': {
      const rules = c.members.filter((m) => /alert/.test(m.type)).length;
      const receivers = ['email_receiver', 'webhook_receiver', 'sms_receiver', 'azure_app_push_receiver', 'arm_role_receiver'].reduce((n, k) => n + blocks(a, k).length, 0);
      return { name: nameOf(r), title: 'alerts', details: [nameOf(r), `${rules} alert rule${rules === 1 ? '' : 's'} · ${receivers} receiver${receivers === 1 ? '' : 's'}`] };
    }
    case 'grafana':
      return { name: nameOf(r), title: 'Grafana', details: [nameOf(r)] };
    case 'addon': {
      const version = lit(a.version);
      const ns = lit(a.namespace) ?? c.members.filter((m) => /^kubernetes_namespace/.test(m.type)).map((m) => lit(attr(m.attrs, 'metadata.name')))[0];
      return { name: lit(a.name) ?? nameOf(r), title: lit(a.chart) ?? nameOf(r), details: [`${version ? `chart ${version}` : 'chart'}${ns ? ` · namespace ${ns}` : ''}`] };
    }
    case 'namespace': {
      const sas = others('kubernetes_service_account_v1').concat(others('kubernetes_service_account')).map(nameOf);
      const spcs = c.members.filter((m) => attr(m.attrs, 'manifest.kind') === 'SecretProviderClass').length;
      const pss = lit(attr(a, 'metadata.labels') && (attr(a, 'metadata.labels') as Record<string, unknown>)['pod-security.kubernetes.io/enforce']);
      const details = [pss ? `pod security ${pss}` : 'namespace'];
      if (sas.length) details.push(`ServiceAccount ${sas.join(', ')}`);
      if (spcs) details.push(`${spcs} SecretProviderClass`);
      return { name: nameOf(r), title: `namespace ${nameOf(r)}`, details };
    }
    default: {
      const inStack = r.path.startsWith(`${r.stack}/`) ? r.path.slice(r.stack.length + 1) : r.path;
      const name = inStack.split('/')[0] || r.name;
      const types = [...new Set(c.members.map((m) => m.type))].sort();
      return { name, title: name, details: types.length > 2 ? [...types.slice(0, 2), `+${types.length - 2} more`] : types };
    }
  }
}
