/**
 * Cluster settings beyond identity, API server, upgrades and monitoring: what a platform team sets on real clusters
 * (node resource group, run command, image cleaner, CSI drivers, cost analysis, etcd and disk encryption with
 * customer-managed keys, OIDC issuer and workload identity, secret rotation). Spread into the cluster schema. Fields
 * without a default are emitted only when set, so AKS's own default stands otherwise.
 */
import { z } from 'zod';
import { azureResourceId, pattern } from './common';

/** `https://<vault>.vault.azure.net/keys/<name>/<version>`: a versioned Key Vault key ID, as KMS takes it. */
const keyVaultKeyId = pattern(
  /^https:\/\/[a-zA-Z0-9-]{3,24}\.vault\.azure\.net\/keys\/[a-zA-Z0-9-]{1,127}\/[a-zA-Z0-9]{32}$/,
  'a versioned Key Vault key ID such as https://kv-name.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef',
);

/** KMS etcd encryption (`--enable-azure-keyvault-kms`). */
const kmsSchema = z.strictObject({
  keyId: keyVaultKeyId.describe('The key encrypting etcd secrets (`--azure-keyvault-kms-key-id`), with its version. Required.'),
  keyVaultId: azureResourceId.describe('Resource ID of the vault holding the key: the control-plane identity gets Key Vault Crypto User on it (and Key Vault Contributor when networkAccess is Private), before the cluster is created. Required.'),
  networkAccess: z
    .enum(['Public', 'Private'])
    .default('Public')
    .describe('How the API server reaches the vault (`--azure-keyvault-kms-key-vault-network-access`): Public, or Private (vault public access off; needs API server VNet integration). Default: Public.'),
});

/** CSI drivers and the snapshot controller (`storage_profile`). Each left out keeps AKS's default (on). */
const storageSchema = z.strictObject({
  diskDriver: z.boolean().optional().describe('Azure Disk CSI driver (`--disable-disk-driver` when false). Default: AKS\'s (on).'),
  fileDriver: z.boolean().optional().describe('Azure Files CSI driver (`--disable-file-driver` when false). Default: AKS\'s (on).'),
  blobDriver: z.boolean().optional().describe('Azure Blob CSI driver (`--enable-blob-driver`). Default: AKS\'s (off).'),
  snapshotController: z.boolean().optional().describe('CSI snapshot controller (`--disable-snapshot-controller` when false); Velero\'s csi snapshot mode needs it. Default: AKS\'s (on).'),
});

/** Image cleaner (Eraser) removing unused vulnerable images from nodes (`--enable-image-cleaner`). */
const imageCleanerSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('`image_cleaner_enabled`. Default: true (when the block is given).'),
  intervalHours: z.int().min(24).max(2160).default(168).describe('`image_cleaner_interval_hours` (`--image-cleaner-interval-hours`), 24-2160. Default: 168 (weekly; AKS\'s own default).'),
});

export const clusterSettingsShape = {
  secretRotationEnabled: z
    .boolean()
    .default(true)
    .describe('Key Vault secrets provider rotation (`--enable-secret-rotation`): mounted secrets follow the vault every secretRotationInterval. Default: true.'),
  oidcIssuer: z
    .boolean()
    .default(true)
    .describe('OIDC issuer (`--enable-oidc-issuer`). Needed by workload identity, so by any workload in workloadIdentity mode and the add-ons using one (Velero, ALB controller, Trivy). Once on, AKS cannot turn it off. Default: true.'),
  workloadIdentity: z
    .boolean()
    .default(true)
    .describe('Workload identity webhook (`--enable-workload-identity`); needs oidcIssuer. Needed by workloads in workloadIdentity mode and the add-ons using one. Default: true.'),
  nodeResourceGroup: z
    .string()
    .regex(/^[-\w.()]{0,79}[-\w()]$/)
    .optional()
    .describe('Name of the node resource group AKS creates (`--node-resource-group`); must not exist yet. Forces replacement. Default: MC_<resource group>_<cluster>_<region>.'),
  runCommand: z
    .boolean()
    .optional()
    .describe('`az aks command invoke` (`run_command_enabled`): runs kubectl through Azure, reaching a private API server without network line of sight. The baseline flags it on in production. Default: AKS\'s (on).'),
  imageCleaner: imageCleanerSchema.optional().describe('Image cleaner (Eraser). Default: AKS\'s (off).'),
  storage: storageSchema.optional().describe('CSI storage drivers and the snapshot controller (`storage_profile`). Default: AKS\'s.'),
  costAnalysis: z
    .boolean()
    .optional()
    .describe('AKS cost analysis in Cost Management (`--enable-cost-analysis`); needs skuTier Standard or Premium. Default: AKS\'s (off).'),
  kms: kmsSchema.optional().describe('KMS etcd encryption of Kubernetes secrets with a customer-managed Key Vault key (`key_management_service`). Default: none (platform-managed keys).'),
  diskEncryptionSetId: azureResourceId
    .optional()
    .describe('Disk encryption set for node OS and data disks with a customer-managed key (`--node-osdisk-diskencryptionset-id`); the control-plane identity gets Reader on it. Forces replacement. Default: none (platform-managed keys).'),
};
