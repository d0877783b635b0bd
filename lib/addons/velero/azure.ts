import { Construct } from 'constructs';
import { Token } from 'cdktf';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { WorkloadIdentity } from '../../constructs/workload-identity';
import { BUILT_IN_ROLES, grantRole } from '../../constructs/role-assignment';

import { VELERO_SNAPSHOT_MODES_LIST, type VeleroSnapshotModeName } from '../../enums';

/** How Velero snapshots persistent volumes. */
export const VELERO_SNAPSHOT_MODES = VELERO_SNAPSHOT_MODES_LIST;
/**
 * - `csi`: CSI VolumeSnapshots through the AKS disk CSI driver (Velero's built-in CSI support); no
 *   VolumeSnapshotLocation and no Azure role for Velero beyond the storage account.
 * - `azure-plugin`: the Azure plugin's VolumeSnapshotter (a VolumeSnapshotLocation); needs a role on the node
 *   resource group and a credentials file naming subscription and resource group (no secret in it).
 * - `none`: resources only, no volume snapshots.
 */
export type VeleroSnapshotMode = VeleroSnapshotModeName;

/** Velero's ServiceAccount, as the chart names it: the federated credential's subject. */
export const VELERO_NAMESPACE = 'velero';
export const VELERO_SERVICE_ACCOUNT = 'velero-server';

export interface VeleroBackupInfraProps {
  /** Storage account name: globally unique, 3-24 lowercase letters and digits. Forces replacement. */
  readonly storageAccountName: string;
  /** Blob container for backups. Forces replacement. @default 'velero' */
  readonly containerName?: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** The cluster's OIDC issuer URL (a reference). */
  readonly oidcIssuerUrl: string;
  /** The node resource group's ID (a reference): scope of the snapshot role in `azure-plugin` mode. */
  readonly nodeResourceGroupId: string;
  /** @default 'csi' */
  readonly snapshotMode?: VeleroSnapshotMode;
  /** Days deleted blobs and containers stay recoverable (soft delete). @default 14 */
  readonly softDeleteDays?: number;
  /**
   * Subnets allowed through the account's firewall (each with the Microsoft.Storage service endpoint): with any,
   * the firewall denies everything else (trusted Azure services aside). Velero reaches blob storage from the
   * nodes, so the node subnet belongs here. @default [] (public endpoint open, Entra ID authentication only)
   */
  readonly allowedSubnetIds?: string[];
  /** Public IPs or CIDRs allowed through the firewall with `allowedSubnetIds`. @default [] */
  readonly allowedIpRules?: string[];
  /** The account's public endpoint; off leaves private endpoints only (add one for Velero to reach it). @default true */
  readonly publicNetworkAccess?: boolean;
  /** @default {} */
  readonly tags?: Record<string, string>;
}

/**
 * Velero's Azure side: a backup storage account (geo-redundant, HTTPS only, TLS 1.2, no public blob access, no
 * shared keys, soft delete and versioning), its container, and the Velero identity (workload identity for
 * `system:serviceaccount:velero:velero-server`) with Storage Blob Data Contributor on the account and, for the
 * Azure plugin's disk snapshots, Contributor on the node resource group. No key or secret is created.
 */
export class VeleroBackupInfra extends Construct {
  readonly storageAccount: StorageAccount;
  readonly container: StorageContainer;
  readonly identity: WorkloadIdentity;
  readonly roleAssignments: RoleAssignment[] = [];

  constructor(scope: Construct, id: string, props: VeleroBackupInfraProps) {
    super(scope, id);
    if (!Token.isUnresolved(props.storageAccountName) && !/^[a-z0-9]{3,24}$/.test(props.storageAccountName)) {
      throw new Error(`VeleroBackupInfra: storageAccountName "${props.storageAccountName}" is invalid (allowed: 3-24 lowercase letters and digits)`);
    }
    const days = props.softDeleteDays ?? 14;
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      throw new Error(`VeleroBackupInfra: softDeleteDays must be an integer from 1 to 365 (got ${days})`);
    }
    const tags = props.tags ?? {};
    this.storageAccount = new StorageAccount(this, 'storage-account', {
      name: props.storageAccountName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: 'GRS',
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
      sharedAccessKeyEnabled: false,
      defaultToOauthAuthentication: true,
      crossTenantReplicationEnabled: false,
      publicNetworkAccessEnabled: props.publicNetworkAccess === false ? false : undefined,
      networkRules: props.allowedSubnetIds?.length
        ? {
            defaultAction: 'Deny',
            bypass: ['AzureServices'],
            virtualNetworkSubnetIds: props.allowedSubnetIds,
            ipRules: props.allowedIpRules ?? [],
          }
        : undefined,
      blobProperties: {
        versioningEnabled: true,
        deleteRetentionPolicy: { days },
        containerDeleteRetentionPolicy: { days },
      },
      tags,
    });
    this.container = new StorageContainer(this, 'container', {
      name: props.containerName ?? 'velero',
      storageAccountId: this.storageAccount.id,
      containerAccessType: 'private',
    });
    this.identity = new WorkloadIdentity(this, 'identity', {
      name: `id-velero-${props.storageAccountName}`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      oidcIssuerUrl: props.oidcIssuerUrl,
      namespace: VELERO_NAMESPACE,
      serviceAccountName: VELERO_SERVICE_ACCOUNT,
      tags,
    });
    this.roleAssignments.push(
      grantRole(this, 'blob-data-contributor', { role: BUILT_IN_ROLES.storageBlobDataContributor, principalId: this.identity.principalId, scope: this.storageAccount.id }),
    );
    if ((props.snapshotMode ?? 'csi') === 'azure-plugin') {
      // The plugin's VolumeSnapshotter creates and deletes disk snapshots and disks in the node resource group.
      this.roleAssignments.push(grantRole(this, 'snapshot-contributor', { role: BUILT_IN_ROLES.contributor, principalId: this.identity.principalId, scope: props.nodeResourceGroupId }));
    }
  }
}
