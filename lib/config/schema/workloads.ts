import { z } from 'zod';
import { GRANT_SCOPES, KEY_VAULT_OBJECT_TYPES, SECRET_ACCESS_MODES } from '../../enums';
import { k8sLabels, pattern } from './common';

const k8sName = pattern(
  /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
  '1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit',
);

export const workloadName = pattern(/^[a-z][a-z0-9-]{0,22}[a-z0-9]$/, '2-24 lowercase letters, digits and hyphens, starting with a letter');

const vaultObject = z.strictObject({
  name: pattern(/^[0-9a-zA-Z-]{1,127}$/, '1-127 letters, digits and hyphens (a Key Vault object name)').describe('Object name in the vault. Required.'),
  type: z.enum(KEY_VAULT_OBJECT_TYPES).default('secret').describe('secret, key (public key, PEM) or cert (certificate, PEM). Default: secret.'),
  version: z.string().default('').describe('Object version. Default: "" (the latest).'),
  alias: pattern(/^[-._a-zA-Z0-9]{1,253}$/, 'a file name: letters, digits, ".", "_" and "-"').optional().describe('File name in the mount instead of the object name. Default: the object name.'),
});

const syncedSecret = z.strictObject({
  secretName: k8sName.describe('Kubernetes Secret name. Required.'),
  type: z.string().default('Opaque').describe('Secret type, e.g. kubernetes.io/tls. Default: Opaque.'),
  data: z
    .array(z.strictObject({ objectName: z.string().describe('A mounted object (its alias if it has one). Required.'), key: z.string().describe('Key in the Secret. Required.') }))
    .min(1)
    .describe('Secret keys, each from one mounted object. Required (at least one).'),
  labels: k8sLabels.optional().describe('Labels on the Secret. Default: none.'),
});

const storageAccountId = pattern(
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Storage\/storageAccounts\/[a-z0-9]{3,24}$/i,
  'a storage account resource ID (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>)',
);

/**
 * What Service Connector would set up for the workload besides Key Vault: further targets its identity is granted,
 * and the ConfigMap with the connection settings (Service Connector's default variable names).
 */
const connectionsSchema = z.strictObject({
  configMap: z
    .boolean()
    .default(true)
    .describe('A ConfigMap `<workload>-connection` beside the ServiceAccount with the settings an application needs (Service Connector\'s variable names: AZURE_KEYVAULT_RESOURCEENDPOINT, AZURE_KEYVAULT_CLIENTID, ...). workloadIdentity mode only. Default: true.'),
  storageBlob: z
    .strictObject({
      accountId: storageAccountId.describe('The storage account. Required.'),
      access: z.enum(['read', 'write']).default('read').describe('read: Storage Blob Data Reader; write: Storage Blob Data Contributor, on the account. Default: read.'),
    })
    .optional()
    .describe('Blob storage the workload reads or writes with its identity (AZURE_STORAGEBLOB_RESOURCEENDPOINT, AZURE_STORAGEBLOB_CLIENTID). Default: none.'),
  registry: z
    .enum(['none', 'pull'])
    .default('none')
    .describe('pull: AcrPull on the platform registry for the workload identity (AZURE_CONTAINERREGISTRY_RESOURCEENDPOINT, AZURE_CONTAINERREGISTRY_CLIENTID). Default: none.'),
});

/** One workload that reads Key Vault objects through the Secrets Store CSI driver. */
export const workloadSchema = z.strictObject({
  namespace: k8sName.describe('Namespace of the workload; created by the platform stack if no one else creates it. Required.'),
  createNamespace: z
    .boolean()
    .default(true)
    .describe('Create the namespace in the platform stack (once, however many workloads share it); false when something else creates it. The built-in default, kube-system, kube-public and kube-node-lease are never created. Default: true.'),
  serviceAccountName: k8sName
    .optional()
    .describe('ServiceAccount the pods run as (workloadIdentity mode only; the federated credential trusts exactly this one). Default: the workload name.'),
  mode: z
    .enum(SECRET_ACCESS_MODES)
    .default('workloadIdentity')
    .describe('workloadIdentity: a user-assigned identity per workload, federated with the ServiceAccount (the Key Vault CSI identity guide, recommended). addonIdentity: the secrets-provider add-on\'s identity (useVMManagedIdentity, the AKS baseline\'s user-assigned managed identity mode). kubeletIdentity: the same mode with the kubelet identity, the user-assigned identity already on every node. Both node identities are shared by every pod that names such a class, so they get the union of their workloads\' grants. Default: workloadIdentity.'),
  scope: z
    .enum(GRANT_SCOPES)
    .default('vault')
    .describe('Where read access is granted: vault (one role assignment per role, on the vault) or object (one per object, on that object; needs keyVault.authorization rbac; the objects should exist before apply). Default: vault.'),
  objects: z.array(vaultObject).min(1).describe('Vault objects the workload reads (its SecretProviderClass `objects`). At least one.'),
  secretObjects: z.array(syncedSecret).default([]).describe('Kubernetes Secrets to sync from mounted objects (`secretObjects`). Default: [].'),
  secretProviderClassName: k8sName.optional().describe('SecretProviderClass name. Default: the workload name.'),
  connections: connectionsSchema.prefault({}).describe('Connection info and further targets (Service Connector parity). workloadIdentity mode only.'),
});

export const workloadsSchema = z
  .record(workloadName, workloadSchema)
  .default({})
  .describe('Workloads that read Key Vault objects, by name: each gets its identity, federated credential, least-privilege grants, namespace, ServiceAccount and SecretProviderClass. Set one to null in an environment to drop it. Default: none.');

export type WorkloadConfig = z.output<typeof workloadSchema>;
