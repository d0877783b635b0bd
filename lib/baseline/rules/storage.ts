/** Storage accounts (the Velero backup account; seed: 3. Backup 및 Disaster Recovery - az storage account create). */
import { attr, show } from '../stack-model';
import { resourceRule } from './dsl';

const SA = { area: 'storage', types: ['azurerm_storage_account'], home: 'infra', whenAbsent: 'not-applicable' } as const;
const GEO = new Set(['GRS', 'RAGRS', 'GZRS', 'RAGZRS']);

export const storageRules = [
  resourceRule({
    ...SA,
    id: 'AKS-ST-001',
    title: 'HTTPS-only traffic',
    severity: 'error',
    seed: '3. Backup 및 Disaster Recovery: az storage account create --https-only true',
    scanners: ['CKV_AZURE_3', 'AVD-AZU-0008'],
    remedy: "The Velero storage construct always sets https_traffic_only_enabled = true (secure by default, no platform.yaml setting).",
    test: (r) => {
      const v = r.attrs.https_traffic_only_enabled;
      return [v !== false, `https_traffic_only_enabled = ${show(v)}${v === undefined ? ' (provider default true)' : ''}`];
    },
  }),
  resourceRule({
    ...SA,
    id: 'AKS-ST-002',
    title: 'Minimum TLS 1.2',
    severity: 'error',
    seed: 'Production checklist / 보안: TLS/SSL 인증서 구성 (encrypted transport)',
    scanners: ['CKV_AZURE_44', 'AVD-AZU-0011'],
    remedy: "The Velero storage construct always sets min_tls_version = TLS1_2 (secure by default, no platform.yaml setting).",
    test: (r) => {
      const v = r.attrs.min_tls_version;
      return [v === undefined || v === 'TLS1_2' || v === 'TLS1_3', `min_tls_version = ${show(v)}${v === undefined ? ' (provider default TLS1_2)' : ''}`];
    },
  }),
  resourceRule({
    ...SA,
    id: 'AKS-ST-003',
    title: 'No anonymous (public) blob access',
    severity: 'error',
    seed: '3. Backup 및 Disaster Recovery (backups hold every cluster object, secrets included)',
    scanners: ['CKV_AZURE_190', 'CKV2_AZURE_47', 'AVD-AZU-0007'],
    remedy: "The Velero storage construct always sets allow_nested_items_to_be_public = false (secure by default, no platform.yaml setting).",
    test: (r) => {
      const v = r.attrs.allow_nested_items_to_be_public;
      return [v === false, `allow_nested_items_to_be_public = ${show(v)}${v === undefined ? ' (provider default true)' : ''}`];
    },
  }),
  resourceRule({
    ...SA,
    id: 'AKS-ST-004',
    title: 'Shared key access disabled (Entra ID only)',
    severity: 'warning',
    seed: 'Security / 3. Workload Identity (Velero reaches storage with its workload identity, not account keys)',
    scanners: ['CKV2_AZURE_40'],
    remedy: "The Velero storage construct always sets shared_access_key_enabled = false and Velero uses workload identity (secure by default, no platform.yaml setting).",
    test: (r) => [r.attrs.shared_access_key_enabled === false, `shared_access_key_enabled = ${show(r.attrs.shared_access_key_enabled)}`],
  }),
  resourceRule({
    ...SA,
    id: 'AKS-ST-005',
    title: 'Storage network access restricted',
    severity: 'warning',
    seed: 'Security / 5. Network Security (private access to platform services)',
    scanners: ['CKV_AZURE_35', 'CKV_AZURE_59', 'CKV_AZURE_36', 'AVD-AZU-0012', 'AVD-AZU-0010'],
    remedy: 'Keep backup.allowNodeSubnet: true (the default): the account\'s firewall denies everything but the node subnet and backup.ipRules; or backup.publicNetworkAccess: false with backup.privateEndpoint.',
    test: (r) => {
      const pub = r.attrs.public_network_access_enabled;
      const action = attr(r.attrs, 'network_rules.default_action');
      return [pub === false || action === 'Deny', `public_network_access_enabled = ${show(pub)}, network_rules.default_action = ${show(action)}`];
    },
  }),
  resourceRule({
    ...SA,
    id: 'AKS-ST-006',
    title: 'Geo-redundant replication',
    severity: 'warning',
    seed: '3. Backup 및 Disaster Recovery: az storage account create --sku Standard_GRS',
    scanners: ['CKV_AZURE_206'],
    remedy: "The Velero storage construct always uses GRS (secure by default, no platform.yaml setting).",
    test: (r) => {
      const v = r.attrs.account_replication_type;
      return [typeof v === 'string' && GEO.has(v), `account_replication_type = ${show(v)}`];
    },
  }),
  resourceRule({
    ...SA,
    id: 'AKS-ST-007',
    title: 'Blob and container soft delete',
    severity: 'warning',
    seed: '주간 운영 체크리스트: 백업 확인 및 복원 테스트 (recoverable backups)',
    scanners: ['CKV2_AZURE_38'],
    remedy: "Keep backup.softDeleteDays set (14 by default) so blob_properties has delete_retention_policy and container_delete_retention_policy.",
    test: (r) => {
      const blob = attr(r.attrs, 'blob_properties.delete_retention_policy');
      const cont = attr(r.attrs, 'blob_properties.container_delete_retention_policy');
      return [blob !== undefined && cont !== undefined, `blob_properties.delete_retention_policy = ${show(blob)}, container_delete_retention_policy = ${show(cont)}`];
    },
  }),
  resourceRule({
    area: 'storage',
    types: ['azurerm_storage_container'],
    home: 'infra',
    whenAbsent: 'not-applicable',
    id: 'AKS-ST-008',
    title: 'Blob containers private',
    severity: 'error',
    seed: '3. Backup 및 Disaster Recovery (the velero container)',
    scanners: ['CKV_AZURE_34', 'AVD-AZU-0007'],
    remedy: "The Velero container is always private (secure by default, no platform.yaml setting); leave container_access_type unset in custom code.",
    test: (r) => {
      const v = r.attrs.container_access_type;
      return [v === undefined || v === 'private', `container_access_type = ${show(v)}${v === undefined ? ' (provider default private)' : ''}`];
    },
  }),
];
