/**
 * Azure built-in roles this platform assigns, by what they are for, and the Key Vault facts that pick one. Grants go
 * through `grantRole` in lib/constructs/role-assignment.ts, by role name; nobody writes a role-definition ID by hand.
 */
import type { KeyVaultObjectType } from '../enums';

/**
 * The built-in Azure roles this platform assigns, by what they are for. Role assignments name the role
 * (`role_definition_name`), so nobody writes a role-definition GUID by hand.
 */
export const BUILT_IN_ROLES = {
  /** Read secret contents (`secrets/getSecret`). The seed: `secret` objects on an RBAC vault. */
  keyVaultSecretsUser: 'Key Vault Secrets User',
  /**
   * Read certificates, their keys' public part and the certificate's secret. The seed names it for `key` and `cert`
   * objects on an RBAC vault.
   */
  keyVaultCertificateUser: 'Key Vault Certificate User',
  /** Every data-plane action on a vault's secrets, keys and certificates (the people who write what workloads read). */
  keyVaultAdministrator: 'Key Vault Administrator',
  /** Pull images from a container registry (what `az aks --attach-acr` assigns to the kubelet identity). */
  acrPull: 'AcrPull',
  /** Push and pull images (a build pipeline's identity). */
  acrPush: 'AcrPush',
  /** Administer a Managed Grafana instance. */
  grafanaAdmin: 'Grafana Admin',
  /** Edit dashboards in a Managed Grafana instance. */
  grafanaEditor: 'Grafana Editor',
  /** View dashboards in a Managed Grafana instance. */
  grafanaViewer: 'Grafana Viewer',
  /** Read an Azure Monitor workspace's metrics (Managed Grafana on the Prometheus workspace). */
  monitoringDataReader: 'Monitoring Data Reader',
  /** Read any resource in a scope (AGC's controller on the node resource group; AGIC on the gateway's group). */
  reader: 'Reader',
  /** Manage resources in a scope (AGIC on its gateway; Velero's azure-plugin snapshots on the node resource group). */
  contributor: 'Contributor',
  /** Join subnets and attach IPs (AGC on its subnet; the cluster identity on a static ingress IP). */
  networkContributor: 'Network Contributor',
  /** Read blobs (a workload's `connections.storageBlob` with access read). */
  storageBlobDataReader: 'Storage Blob Data Reader',
  /** Read and write blobs (Velero on its backup account). */
  storageBlobDataContributor: 'Storage Blob Data Contributor',
  /** Configure Application Gateway for Containers (the ALB controller on the node resource group). */
  agcConfigurationManager: 'AppGw for Containers Configuration Manager',
  /** Assign a user-assigned identity (the cluster's control plane on the kubelet identity). */
  managedIdentityOperator: 'Managed Identity Operator',
  /** Manage records in a private DNS zone (the control plane on a custom private API server zone). */
  privateDnsZoneContributor: 'Private DNS Zone Contributor',
  /** Wrap and unwrap with a vault's keys (the control plane on a KMS etcd key's vault). */
  keyVaultCryptoUser: 'Key Vault Crypto User',
  /** Manage a vault, not its data (the control plane on a private KMS vault, for its private link). */
  keyVaultContributor: 'Key Vault Contributor',
} as const;

export type BuiltInRole = (typeof BUILT_IN_ROLES)[keyof typeof BUILT_IN_ROLES];

/** The least role that lets the Secrets Store CSI driver read one object type from an RBAC vault (seed 000). */
export function keyVaultReadRole(type: KeyVaultObjectType): BuiltInRole {
  return type === 'secret' ? BUILT_IN_ROLES.keyVaultSecretsUser : BUILT_IN_ROLES.keyVaultCertificateUser;
}

/** The collection segment of a Key Vault object's resource ID. */
const COLLECTION: Record<KeyVaultObjectType, string> = { secret: 'secrets', key: 'keys', cert: 'certificates' };

/** The resource ID of one object inside a vault, the scope of a per-object role assignment. */
export function keyVaultObjectScope(vaultId: string, type: KeyVaultObjectType, name: string): string {
  return `${vaultId}/${COLLECTION[type]}/${name}`;
}

/** `Key Vault Secrets User` -> `key-vault-secrets-user`: the role's part of a construct ID. */
export function roleSlug(role: BuiltInRole): string {
  return role.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
