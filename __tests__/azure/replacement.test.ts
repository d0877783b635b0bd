import { readFileSync } from 'fs';
import * as path from 'path';
import { POOL_ROTATION_ATTRIBUTES, REPLACEMENT_ATTRIBUTES } from '../../lib/azure/replacement';
import { all, only, ROOT, stack } from '../helpers/synth';

describe('the replacement list', () => {
  test('names the cluster settings the issue lists: name, DNS prefix, plugin, CIDRs, private cluster, kubelet identity, default pool name', () => {
    for (const a of ['name', 'dns_prefix', 'network_profile[0].network_plugin', 'network_profile[0].pod_cidr', 'network_profile[0].service_cidr', 'network_profile[0].dns_service_ip', 'private_cluster_enabled', 'private_dns_zone_id', 'kubelet_identity', 'default_node_pool[0].name']) {
      expect(REPLACEMENT_ATTRIBUTES.azurerm_kubernetes_cluster).toContain(a);
    }
  });

  test('every listed top-level attribute is one the synthesized resources can carry', () => {
    const s = stack('prod-infra', { environments: { prod: { cluster: { identity: { kubelet: 'create' } }, nodePools: { win: { kind: 'windows' } } } } });
    const cluster = only(s, 'azurerm_kubernetes_cluster');
    const set = new Set(Object.keys(cluster));
    for (const a of ['name', 'location', 'resource_group_name', 'dns_prefix', 'private_cluster_enabled', 'kubelet_identity', 'default_node_pool', 'network_profile', 'windows_profile']) expect(set).toContain(a);
    const pool = Object.values(all(s, 'azurerm_kubernetes_cluster_node_pool'))[0];
    for (const a of ['name', 'kubernetes_cluster_id', 'os_type', 'priority']) expect(Object.keys(pool)).toContain(a);
  });

  test('pool rotation attributes are the default-pool ones without the prefix', () => {
    expect(POOL_ROTATION_ATTRIBUTES).toContain('vm_size');
    expect(POOL_ROTATION_ATTRIBUTES.some((a) => a.includes('default_node_pool'))).toBe(false);
  });

  test('covers every resource type the infra stack creates', () => {
    const s = stack('prod-infra', { environments: { prod: { cluster: { identity: { kubelet: 'create' } } } } });
    for (const type of Object.keys(s.resource ?? {})) expect(Object.keys(REPLACEMENT_ATTRIBUTES)).toContain(type);
  });
});

describe('the configuration reference', () => {
  const doc = readFileSync(path.join(ROOT, 'docs', 'configuration.md'), 'utf8');
  test.each(['cluster.name', 'cluster.dnsPrefix', 'network.plugin', 'network.pluginMode', 'network.podCidr', 'network.serviceCidr', 'network.dnsServiceIp', 'cluster.apiServer.access', 'cluster.apiServer.privateDnsZone', 'cluster.identity.kubelet', 'nodePools'])(
    '%s says "Forces replacement"',
    (field) => {
      const fields = doc.slice(doc.indexOf('## Environment fields'));
      const line = fields.split('\n').find((l) => l.startsWith(`| \`${field}\` |`));
      expect(line).toBeDefined();
      expect(line!.toLowerCase()).toContain('forces replacement');
    },
  );
});
