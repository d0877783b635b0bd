/** Cluster security: identity, access and secrets on `azurerm_kubernetes_cluster` (seed: 보안, Security Baseline). */
import { attr, blocks, show } from '../stack-model';
import { isTrue, resourceRule } from './dsl';

const CLUSTER = ['azurerm_kubernetes_cluster'];
const base = { area: 'cluster security', types: CLUSTER, home: 'infra', whenAbsent: 'not-applicable' } as const;

export const clusterSecurityRules = [
  resourceRule({
    ...base,
    id: 'AKS-SEC-001',
    title: 'Entra ID integration with Azure RBAC',
    severity: 'error',
    seed: 'Production checklist / 보안: Azure AD 통합 활성화, RBAC 역할 및 바인딩 구성; 클러스터 생성: --enable-aad --enable-azure-rbac',
    scanners: ['CKV_AZURE_5', 'AVD-AZU-0042'],
    remedy: "Entra ID with Azure RBAC is always on in the AksCluster construct (secure by default, no platform.yaml setting turns it off); list your admin groups in cluster.adminGroupObjectIds.",
    test: (r) => {
      const aad = attr(r.attrs, 'azure_active_directory_role_based_access_control');
      const rbac = attr(aad, 'azure_rbac_enabled');
      return [isTrue(rbac) && attr(aad, 'tenant_id') !== undefined, `azure_active_directory_role_based_access_control.azure_rbac_enabled = ${show(rbac)}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-SEC-002',
    title: 'Kubernetes RBAC enabled',
    severity: 'error',
    seed: 'Production checklist / 보안: RBAC 역할 및 바인딩 구성',
    scanners: ['CKV_AZURE_5', 'AVD-AZU-0042'],
    remedy: "Kubernetes RBAC is always on (secure by default, no platform.yaml setting turns it off); remove any override of role_based_access_control_enabled in custom code.",
    test: (r) => {
      const v = r.attrs.role_based_access_control_enabled;
      return [v !== false, `role_based_access_control_enabled = ${show(v)}${v === undefined ? ' (provider default true)' : ''}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-SEC-003',
    title: 'Local accounts disabled (no static admin kubeconfig)',
    severity: 'error',
    seed: 'Security Baseline / Azure AD 통합 및 RBAC: every identity comes from Entra ID',
    scanners: ['CKV_AZURE_141'],
    remedy: "The AksCluster construct always disables local accounts (no platform.yaml setting enables them); access goes through Entra ID groups (cluster.adminGroupObjectIds) and kubelogin (platform.kubeloginMode).",
    test: (r) => [isTrue(r.attrs.local_account_disabled), `local_account_disabled = ${show(r.attrs.local_account_disabled)}`],
  }),
  resourceRule({
    ...base,
    id: 'AKS-SEC-004',
    title: 'Managed identity for the control plane (no service principal secret)',
    severity: 'error',
    seed: 'Cluster creation: --enable-managed-identity (필수)',
    remedy: "The AksCluster construct always creates a user-assigned control-plane identity (secure by default, no platform.yaml setting); never set service_principal in custom code.",
    test: (r) => {
      const type = attr(r.attrs, 'identity.type');
      const sp = r.attrs.service_principal !== undefined;
      return [!sp && typeof type === 'string' && /Assigned/.test(type), sp ? 'service_principal is set' : `identity.type = ${show(type)}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-SEC-005',
    title: 'Key Vault secrets provider (Secrets Store CSI driver) with rotation',
    severity: 'error',
    seed: 'Production checklist / 보안: Azure Key Vault 통합',
    scanners: ['CKV_AZURE_172'],
    remedy: "Keep cluster.secretRotationEnabled: true (the default); tune the interval with cluster.secretRotationInterval.",
    test: (r) => {
      const v = attr(r.attrs, 'key_vault_secrets_provider.secret_rotation_enabled');
      return [isTrue(v), `key_vault_secrets_provider.secret_rotation_enabled = ${show(v)}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-SEC-006',
    title: 'Microsoft Defender for Containers enabled',
    severity: 'error',
    seed: 'Production checklist / 보안: Defender for Containers 활성화; 클러스터 생성: --enable-defender',
    remedy: "Keep cluster.monitoring.defender: true (the default; the development preset turns it off) so the cluster gets a microsoft_defender block reporting to the Log Analytics workspace.",
    test: (r) => {
      const ws = attr(r.attrs, 'microsoft_defender.log_analytics_workspace_id');
      return [ws !== undefined && ws !== '', `microsoft_defender.log_analytics_workspace_id = ${show(ws)}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-SEC-007',
    title: 'OIDC issuer and workload identity enabled',
    severity: 'warning',
    seed: 'Security / 3. Workload Identity (권장 - 최신 인증 방식): --enable-oidc-issuer --enable-workload-identity',
    remedy: "Keep cluster.oidcIssuer and cluster.workloadIdentity true (the defaults); give workloads identities with workloads.<name>.mode: workloadIdentity.",
    test: (r) => {
      const o = r.attrs.oidc_issuer_enabled;
      const w = r.attrs.workload_identity_enabled;
      return [isTrue(o) && isTrue(w), `oidc_issuer_enabled = ${show(o)}, workload_identity_enabled = ${show(w)}`];
    },
  }),
  resourceRule({
    ...base,
    id: 'AKS-SEC-008',
    title: 'Azure Policy add-on enabled',
    severity: 'warning',
    seed: 'Security Baseline / Azure Policy for AKS: --addons azure-policy; 클러스터 생성: --enable-addons monitoring,azure-policy',
    scanners: ['CKV_AZURE_116'],
    remedy: "Keep cluster.monitoring.azurePolicy: true (the default) so azure_policy_enabled = true.",
    test: (r) => [isTrue(r.attrs.azure_policy_enabled), `azure_policy_enabled = ${show(r.attrs.azure_policy_enabled)}`],
  }),
  resourceRule({
    area: 'cluster security',
    types: ['azurerm_kubernetes_cluster', 'azurerm_kubernetes_cluster_node_pool'],
    home: 'infra',
    whenAbsent: 'not-applicable',
    id: 'AKS-SEC-009',
    title: 'Nodes encrypt temp disks and caches (host encryption)',
    severity: 'info',
    seed: 'Not in the seed: scanner extra (encryption at host)',
    scanners: ['CKV_AZURE_227'],
    remedy: 'Register the Microsoft.Compute/EncryptionAtHost feature on the subscription, then set nodePoolDefaults.<kind>.hostEncryption: true (or nodePools.<name>.hostEncryption) for every pool.',
    test: (r) => {
      const pools = r.type === 'azurerm_kubernetes_cluster' ? blocks(r.attrs, 'default_node_pool') : [r.attrs];
      const v = pools.map((p) => p.host_encryption_enabled);
      return [v.length > 0 && v.every(isTrue), `host_encryption_enabled = ${v.map(show).join(', ') || 'unset'}`];
    },
  }),
];
