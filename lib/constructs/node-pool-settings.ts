import type { GpuDriver, KubeletDiskType, OsDiskType, OsSku } from '../azure/node-pools';

/** Settings the default (system) pool and the other pools share, beyond size and scale. */
export interface NodePoolSettingsProps {
  /** Node OS image (`--os-sku`). @default - the AKS default (Ubuntu; Windows2022 for Windows) */
  readonly osSku?: OsSku;
  /** OS disk type (`--node-osdisk-type`); Ephemeral must fit the VM's cache or temp disk. @default - the AKS default */
  readonly osDiskType?: OsDiskType;
  /** Where emptyDir and images live (`--kubelet-disk-type`). @default - the AKS default (OS) */
  readonly kubeletDiskType?: KubeletDiskType;
  /** FIPS-enabled node image (`--enable-fips-image`). @default false */
  readonly fips?: boolean;
  /** A public IP on every node (`--enable-node-public-ip`). @default false */
  readonly nodePublicIp?: boolean;
  /** Capacity reservation group (`--crg-id`). @default - none */
  readonly capacityReservationGroupId?: string;
  /** Proximity placement group (`--ppg`). @default - none */
  readonly proximityPlacementGroupId?: string;
  /** GPU driver installation on GPU sizes (`--gpu-driver`). @default - the AKS default (Install) */
  readonly gpuDriver?: GpuDriver;
  /** Upgrade surge (`--max-surge`), a count or a percentage. @default - AKS's (10% for new pools); platform.yaml's pool kinds give 33% */
  readonly maxSurge?: string;
  /** Nodes unavailable at once during an upgrade (`--max-unavailable`); not on the default pool. @default - the AKS default */
  readonly maxUnavailable?: string;
  /** Drain timeout in minutes (`--drain-timeout`). @default - the AKS default (30) */
  readonly drainTimeoutMinutes?: number;
  /** Soak time after each node's drain in minutes (`--node-soak-duration`). @default - the AKS default (0) */
  readonly nodeSoakMinutes?: number;
}

/** The Terraform attributes (cdktf names) of the shared settings; undefined ones are left out of the output. */
export function poolSettingAttributes(p: NodePoolSettingsProps) {
  return {
    osSku: p.osSku,
    osDiskType: p.osDiskType,
    kubeletDiskType: p.kubeletDiskType,
    fipsEnabled: p.fips || undefined,
    nodePublicIpEnabled: p.nodePublicIp || undefined,
    capacityReservationGroupId: p.capacityReservationGroupId,
    proximityPlacementGroupId: p.proximityPlacementGroupId,
    gpuDriver: p.gpuDriver,
  };
}

/**
 * `upgrade_settings` of a pool, or undefined when nothing is set (AKS defaults apply). azurerm 4.55 requires max_surge
 * inside the block, so with other settings and no surge it writes AKS's own default, 10% (or 0 beside
 * maxUnavailable, which AKS uses instead of a surge).
 */
export function upgradeSettings(p: NodePoolSettingsProps, withUnavailable: boolean) {
  const rest = {
    drainTimeoutInMinutes: p.drainTimeoutMinutes,
    nodeSoakDurationInMinutes: p.nodeSoakMinutes,
    ...(withUnavailable ? { maxUnavailable: p.maxUnavailable } : {}),
  };
  const anyRest = Object.values(rest).some((v) => v !== undefined);
  if (p.maxSurge === undefined && !anyRest) return undefined;
  return { maxSurge: p.maxSurge ?? (withUnavailable && p.maxUnavailable !== undefined ? '0' : '10%'), ...rest };
}
