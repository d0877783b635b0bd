/** Cluster settings the AksCluster construct passes through to `azurerm_kubernetes_cluster` (one concept: features). */

/** CSI storage drivers (`storage_profile`); undefined keeps AKS's default for that driver. */
export interface ClusterStorageProps {
  /** Azure Disk CSI driver. @default - AKS's (on) */
  readonly diskDriver?: boolean;
  /** Azure Files CSI driver. @default - AKS's (on) */
  readonly fileDriver?: boolean;
  /** Azure Blob CSI driver. @default - AKS's (off) */
  readonly blobDriver?: boolean;
  /** CSI snapshot controller. @default - AKS's (on) */
  readonly snapshotController?: boolean;
}

/** KMS etcd encryption with a Key Vault key (`key_management_service`). */
export interface ClusterKmsProps {
  /** Versioned key ID (`https://<vault>.vault.azure.net/keys/<name>/<version>`). */
  readonly keyId: string;
  /** Resource ID of the key's vault: the control-plane identity gets Key Vault Crypto User there. */
  readonly keyVaultId: string;
  /** Public or Private (then also Key Vault Contributor, to manage the vault's private link). @default 'Public' */
  readonly networkAccess?: 'Public' | 'Private';
}

/** Advanced Container Networking Services (`network_profile.advanced_networking`). */
export interface AdvancedNetworkingProps {
  /** Network observability (flow logs and metrics). @default false */
  readonly observability?: boolean;
  /** FQDN filtering and L7 policies; needs the cilium data plane. @default false */
  readonly security?: boolean;
}

export interface ClusterFeatureProps {
  /** Key Vault secrets provider rotation (`secret_rotation_enabled`). @default true */
  readonly secretRotationEnabled?: boolean;
  /** OIDC issuer (`oidc_issuer_enabled`); workload identity needs it. @default true */
  readonly oidcIssuer?: boolean;
  /** Workload identity webhook (`workload_identity_enabled`). @default true */
  readonly workloadIdentity?: boolean;
  /** Container Insights with managed-identity auth (`msi_auth_for_monitoring_enabled`). @default true */
  readonly containerInsightsMsiAuth?: boolean;
  /** Node resource group name (`node_resource_group`). Forces replacement. @default - MC_<rg>_<cluster>_<region> */
  readonly nodeResourceGroup?: string;
  /** `run_command_enabled`. @default - AKS's (on) */
  readonly runCommand?: boolean;
  /** Image cleaner (Eraser) and its interval in hours. @default - AKS's (off) */
  readonly imageCleaner?: { readonly enabled: boolean; readonly intervalHours: number };
  /** CSI drivers. @default - AKS's */
  readonly storage?: ClusterStorageProps;
  /** `cost_analysis_enabled`; needs skuTier Standard or Premium. @default - AKS's (off) */
  readonly costAnalysis?: boolean;
  /** KMS etcd encryption. @default - none */
  readonly kms?: ClusterKmsProps;
  /** Disk encryption set for node disks (`disk_encryption_set_id`); the control plane gets Reader on it. @default - none */
  readonly diskEncryptionSetId?: string;
  /** Advanced Container Networking Services. @default - off */
  readonly advancedNetworking?: AdvancedNetworkingProps;
}

/** The top-level attributes (cdktf names) of these features; undefined ones are left out of the output. */
export function clusterFeatureAttributes(p: ClusterFeatureProps) {
  const st = p.storage;
  return {
    nodeResourceGroup: p.nodeResourceGroup,
    runCommandEnabled: p.runCommand,
    imageCleanerEnabled: p.imageCleaner?.enabled,
    imageCleanerIntervalHours: p.imageCleaner?.enabled ? p.imageCleaner.intervalHours : undefined,
    costAnalysisEnabled: p.costAnalysis,
    diskEncryptionSetId: p.diskEncryptionSetId,
    keyManagementService: p.kms ? { keyVaultKeyId: p.kms.keyId, keyVaultNetworkAccess: p.kms.networkAccess ?? 'Public' } : undefined,
    storageProfile:
      st && Object.values(st).some((v) => v !== undefined)
        ? {
            diskDriverEnabled: st.diskDriver,
            fileDriverEnabled: st.fileDriver,
            blobDriverEnabled: st.blobDriver,
            snapshotControllerEnabled: st.snapshotController,
          }
        : undefined,
  };
}
