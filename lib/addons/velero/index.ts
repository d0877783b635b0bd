import { WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION, WORKLOAD_IDENTITY_USE_LABEL } from '../../azure/kubernetes';
import { Construct } from 'constructs';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { HelmAddon, type HelmReleaseSettings, type Values } from '../helm-addon';
import { VELERO_CHART } from '../../azure/charts';
import { VELERO_SERVICE_ACCOUNT, type VeleroSnapshotMode } from './azure';

export { VELERO_NAMESPACE, VELERO_SERVICE_ACCOUNT, VELERO_SNAPSHOT_MODES, type VeleroSnapshotMode } from './azure';

export { VELERO_CHART };

/** The Azure plugin image that pairs with Velero 1.18 (chart 12.1.0). */
export const VELERO_AZURE_PLUGIN_IMAGE = 'velero/velero-plugin-for-microsoft-azure:v1.14.0';

/**
 * Pod Security level of the `velero` namespace: baseline for the server (the chart sets no seccomp profile);
 * privileged when the node agent runs (it mounts the kubelet's pod directories from the host).
 */
export function veleroPodSecurity(nodeAgent: boolean): 'baseline' | 'privileged' {
  return nodeAgent ? 'privileged' : 'baseline';
}

/** Why the `velero` namespace runs below restricted, for its `platform/pod-security-reason`. */
export function veleroPodSecurityReason(nodeAgent: boolean): string {
  return nodeAgent ? "the node agent mounts the kubelet's pod directories from the host" : 'the chart sets no seccomp profile';
}

/** The Azure Disk CSI driver, whose snapshots Velero's CSI mode takes. */
export const AZURE_DISK_CSI_DRIVER = 'disk.csi.azure.com';
/** The label by which Velero picks the VolumeSnapshotClass for a driver. */
export const VELERO_VOLUME_SNAPSHOT_CLASS_LABEL = 'velero.io/csi-volumesnapshot-class';

/** One Velero schedule (`velero schedule create`). */
export interface VeleroSchedule {
  /** Cron expression, e.g. `0 2 * * *`. */
  readonly schedule: string;
  /** Namespaces to back up (`--include-namespaces`). */
  readonly includedNamespaces: string[];
  /** How long backups are kept (`--ttl`), e.g. `720h`. */
  readonly ttl: string;
  /** Snapshot persistent volumes. @default true */
  readonly snapshotVolumes?: boolean;
}

/** Where backups go: the infra stack's outputs. */
export interface VeleroStorage {
  readonly subscriptionId: string;
  /** Resource group of the storage account. */
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  /** Node resource group (disk snapshots, `azure-plugin` mode). */
  readonly nodeResourceGroup: string;
  /** Client ID of Velero's workload identity. */
  readonly clientId: string;
}

export interface VeleroProps extends HelmReleaseSettings {
  readonly namespace: string;
  readonly storage: VeleroStorage;
  /** @default 'csi' */
  readonly snapshotMode?: VeleroSnapshotMode;
  /** Deploy the node agent (file-system backups, CSI data mover). @default false */
  readonly nodeAgent?: boolean;
  /** Schedules by name. @default {} */
  readonly schedules?: Record<string, VeleroSchedule>;
  /** Azure plugin image. @default VELERO_AZURE_PLUGIN_IMAGE */
  readonly pluginImage?: string;
  /** @default VELERO_CHART.version */
  readonly chartVersion?: string;
  /** @default {} */
  readonly values?: Values;
  /**
   * Name of the VolumeSnapshotClass created for CSI mode (AKS's built-in `csi-azuredisk-vsc` lacks Velero's label).
   * @default 'velero-azuredisk-vsc'
   */
  readonly volumeSnapshotClassName?: string;
}

/**
 * Velero with the Azure plugin as an init container, authenticating with workload identity
 * (`credentials.useSecret: false`, the ServiceAccount annotated with the identity's client ID, pods labelled
 * `azure.workload.identity/use: "true"`), the backup storage location from the infra outputs (`useAAD`), volume
 * snapshots per `snapshotMode`, and schedules.
 */
export class Velero extends Construct {
  readonly addon: HelmAddon;
  /**
   * CSI mode: the Azure Disk VolumeSnapshotClass labelled `velero.io/csi-volumesnapshot-class: "true"`, so Velero
   * finds a class for `disk.csi.azure.com` volumes. `deletionPolicy: Retain`: a snapshot outlives its VolumeSnapshot
   * (a deleted namespace does not take the backup's snapshots with it); Velero deletes it when the backup expires.
   * A `kubernetes_manifest`: the snapshot CRDs ship with AKS, so the plan finds them.
   */
  readonly volumeSnapshotClass?: Manifest;

  constructor(scope: Construct, id: string, props: VeleroProps) {
    super(scope, id);
    const mode = props.snapshotMode ?? 'csi';
    const nodeAgent = props.nodeAgent ?? false;
    for (const [name, s] of Object.entries(props.schedules ?? {})) {
      if (s.schedule.trim().split(/\s+/).length !== 5) {
        throw new Error(`Velero: schedules.${name}.schedule "${s.schedule}" is not a cron expression (allowed: five fields such as "0 2 * * *")`);
      }
      if (!/^\d+(h|m|s)(\d+(m|s))?$/.test(s.ttl)) {
        throw new Error(`Velero: schedules.${name}.ttl "${s.ttl}" is invalid (allowed: a duration such as 720h)`);
      }
    }
    const wi = { [WORKLOAD_IDENTITY_USE_LABEL]: 'true' };
    const defaults: Values = {
      initContainers: [
        {
          name: 'velero-plugin-for-microsoft-azure',
          image: props.pluginImage ?? VELERO_AZURE_PLUGIN_IMAGE,
          imagePullPolicy: 'IfNotPresent',
          volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
        },
      ],
      credentials: { useSecret: false },
      deployNodeAgent: nodeAgent,
      snapshotsEnabled: mode === 'azure-plugin',
      upgradeCRDs: true,
      podLabels: wi,
      nodeAgent: { podLabels: wi },
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      resources: { requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
      configuration: { features: mode === 'csi' ? 'EnableCSI' : undefined },
      schedules: Object.fromEntries(
        Object.entries(props.schedules ?? {}).map(([name, s]) => [
          name,
          {
            disabled: false,
            schedule: s.schedule,
            useOwnerReferencesInBackup: false,
            template: { ttl: s.ttl, includedNamespaces: s.includedNamespaces, snapshotVolumes: mode !== 'none' && (s.snapshotVolumes ?? true), storageLocation: 'default' },
          },
        ]),
      ),
    };
    const st = props.storage;
    const computed: Values = {
      serviceAccount: { server: { name: VELERO_SERVICE_ACCOUNT, annotations: { [WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION]: st.clientId } } },
      configuration: {
        backupStorageLocation: [
          {
            name: 'default',
            provider: 'azure',
            bucket: st.containerName,
            default: true,
            config: { resourceGroup: st.resourceGroupName, storageAccount: st.storageAccountName, subscriptionId: st.subscriptionId, useAAD: 'true' },
          },
        ],
        volumeSnapshotLocation:
          mode === 'azure-plugin'
            ? [{ name: 'default', provider: 'azure', config: { resourceGroup: st.nodeResourceGroup, subscriptionId: st.subscriptionId, apiTimeout: '5m', incremental: 'true' } }]
            : [],
      },
    };
    if (mode === 'azure-plugin') {
      // The plugin's VolumeSnapshotter reads subscription and resource group only from a credentials file. This one
      // names them and nothing else: authentication still goes through workload identity.
      computed.credentials = {
        useSecret: true,
        secretContents: {
          cloud: `AZURE_SUBSCRIPTION_ID=${st.subscriptionId}\nAZURE_RESOURCE_GROUP=${st.nodeResourceGroup}\nAZURE_CLOUD_NAME=AzurePublicCloud\n`,
        },
      };
    }
    this.addon = new HelmAddon(this, 'helm', {
      ...props,
      chart: { ...VELERO_CHART, version: props.chartVersion ?? VELERO_CHART.version },
      releaseName: 'velero',
      defaults,
      computed,
      overrides: props.values,
    });
    if (mode === 'csi') {
      this.volumeSnapshotClass = new Manifest(this, 'volume-snapshot-class', {
        manifest: {
          apiVersion: 'snapshot.storage.k8s.io/v1',
          kind: 'VolumeSnapshotClass',
          metadata: { name: props.volumeSnapshotClassName ?? 'velero-azuredisk-vsc', labels: { [VELERO_VOLUME_SNAPSHOT_CLASS_LABEL]: 'true' } },
          driver: AZURE_DISK_CSI_DRIVER,
          deletionPolicy: 'Retain',
          parameters: { incremental: 'true' },
        },
      });
    }
  }
}
