/** Key Vault (seed: 보안 - Azure Key Vault 통합; scanners' Key Vault checks). */
import { attr, isExpression, show } from '../stack-model';
import { isTrue, resourceRule } from './dsl';

const VAULT = { area: 'key vault', types: ['azurerm_key_vault'], home: 'infra', whenAbsent: 'not-applicable' } as const;

export const keyVaultRules = [
  resourceRule({
    ...VAULT,
    id: 'AKS-KV-001',
    title: 'Purge protection enabled',
    severity: 'error',
    seed: 'Production checklist / 보안: Azure Key Vault 통합 (a vault that can be purged loses every secret the cluster mounts)',
    scanners: ['CKV_AZURE_110', 'CKV_AZURE_42', 'AVD-AZU-0016'],
    remedy: "Keep keyVault.purgeProtection: true (the default). It cannot be turned off again once on.",
    test: (r) => [isTrue(r.attrs.purge_protection_enabled), `purge_protection_enabled = ${show(r.attrs.purge_protection_enabled)}`],
  }),
  resourceRule({
    ...VAULT,
    id: 'AKS-KV-002',
    title: 'Azure RBAC authorization (no access policies)',
    severity: 'warning',
    seed: 'Security / 1. Azure AD 통합 및 RBAC (one access model for the platform)',
    remedy: "Keep keyVault.authorization: rbac (the default); accessPolicy is the seed's non-RBAC alternative and fails this rule.",
    test: (r) => {
      const v = r.attrs.rbac_authorization_enabled ?? r.attrs.enable_rbac_authorization;
      const policies = Array.isArray(r.attrs.access_policy) && r.attrs.access_policy.length > 0;
      return [isTrue(v) && !policies, `rbac_authorization_enabled = ${show(v)}${policies ? ', access_policy set' : ''}`];
    },
  }),
  resourceRule({
    ...VAULT,
    id: 'AKS-KV-003',
    title: 'Vault network access restricted',
    severity: 'warning',
    seed: 'Security / 5. Network Security (private access to platform services)',
    scanners: ['CKV_AZURE_109', 'CKV_AZURE_189', 'AVD-AZU-0013'],
    remedy: "Set keyVault.publicNetworkAccess: false (with keyVault.privateEndpoint), or keep keyVault.networkAcls.defaultAction: Deny (the default) and allow keyVault.networkAcls.ipRules and keyVault.networkAcls.subnetIds.",
    test: (r) => {
      const pub = r.attrs.public_network_access_enabled;
      const action = attr(r.attrs, 'network_acls.default_action');
      return [pub === false || action === 'Deny', `public_network_access_enabled = ${show(pub)}, network_acls.default_action = ${show(action)}`];
    },
  }),
  resourceRule({
    ...VAULT,
    id: 'AKS-KV-004',
    title: 'Soft-delete retention of at least 7 days',
    severity: 'info',
    seed: 'Production checklist / 보안: Azure Key Vault 통합 (recoverable secrets)',
    scanners: ['CKV_AZURE_42'],
    remedy: "Keep keyVault.softDeleteRetentionDays between 7 and 90 (90 by default; the schema refuses less).",
    test: (r) => {
      const v = r.attrs.soft_delete_retention_days;
      return [v === undefined || (typeof v === 'number' && v >= 7), `soft_delete_retention_days = ${show(v)}${v === undefined ? ' (provider default 90)' : ''}`];
    },
  }),
  resourceRule({
    area: 'key vault',
    types: ['azurerm_key_vault_secret'],
    home: 'infra',
    whenAbsent: 'not-applicable',
    id: 'AKS-KV-005',
    title: 'No literal secret value in the synthesized output',
    severity: 'error',
    seed: 'Security / Key Vault 통합: secrets live in Key Vault, never in code or Terraform files',
    remedy: "The platform never puts secret values in Terraform (no platform.yaml setting does): create secrets outside Terraform, or pass a reference to a generated value.",
    test: (r) => {
      const v = r.attrs.value;
      const literal = typeof v === 'string' && v !== '' && !isExpression(v);
      return [!literal, literal ? 'value is a literal string (redacted)' : 'value is a reference or unset'];
    },
  }),
  resourceRule({
    area: 'key vault',
    types: ['azurerm_key_vault_secret', 'azurerm_key_vault_key'],
    home: 'infra',
    whenAbsent: 'not-applicable',
    id: 'AKS-KV-006',
    title: 'Secrets and keys expire (and secrets declare a content type)',
    severity: 'warning',
    seed: 'Production checklist / 보안: Azure Key Vault 통합 (rotation)',
    scanners: ['CKV_AZURE_40', 'CKV_AZURE_41', 'CKV_AZURE_114', 'AVD-AZU-0014', 'AVD-AZU-0015', 'AVD-AZU-0017'],
    remedy: "The platform creates no secrets or keys (no platform.yaml setting does); give those added in custom code an expiration_date (and a content_type for secrets), or a rotation_policy for keys.",
    test: (r) => {
      const exp = r.attrs.expiration_date ?? attr(r.attrs, 'rotation_policy.expire_after');
      const ct = r.type === 'azurerm_key_vault_secret' ? r.attrs.content_type : 'n/a';
      return [exp !== undefined && ct !== undefined, `expiration_date = ${show(exp)}${r.type === 'azurerm_key_vault_secret' ? `, content_type = ${show(ct)}` : ''}`];
    },
  }),
];
