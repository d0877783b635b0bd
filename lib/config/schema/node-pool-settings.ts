/**
 * Node pool settings beyond size and scale: OS, disks, FIPS, public IPs, placement, GPU driver, version and the
 * upgrade (surge/drain/soak) settings. Spread into the node pool schema; every field is optional and, left out,
 * lets the AKS default stand (nothing is emitted for it).
 */
import { z } from 'zod';
import { GPU_DRIVERS, KUBELET_DISK_TYPES, OS_DISK_TYPES, OS_SKUS } from '../../azure/node-pools';
import { azureResourceId } from './common';

export const nodePoolSettingsShape = {
  osSku: z
    .enum(OS_SKUS)
    .optional()
    .describe('Node OS image (`--os-sku`): Ubuntu, AzureLinux, Ubuntu2204/Ubuntu2404 for Linux; Windows2019/Windows2022 for Windows pools. Changing it re-images the pool. Default: the AKS default (Ubuntu for Linux, Windows2022 for Windows).'),
  osDiskType: z
    .enum(OS_DISK_TYPES)
    .optional()
    .describe('OS disk type (`--node-osdisk-type`): Ephemeral puts the OS disk on the VM\'s cache or temp disk (faster, free, lost on reimage); it must fit there (osDiskSizeGb). Forces pool rotation. Default: the AKS default (Ephemeral when the size\'s cache allows it, else Managed).'),
  kubeletDiskType: z
    .enum(KUBELET_DISK_TYPES)
    .optional()
    .describe('Where emptyDir volumes and container images live (`--kubelet-disk-type`): OS disk or the Temporary disk. Forces pool rotation. Default: OS.'),
  fips: z.boolean().optional().describe('FIPS 140-2 enabled node image (`--enable-fips-image`). Forces pool rotation. Default: false.'),
  nodePublicIp: z
    .boolean()
    .optional()
    .describe('A public IP on every node (`--enable-node-public-ip`): nodes become reachable from the internet. Off unless said; the baseline flags it. Forces pool rotation. Default: false.'),
  orchestratorVersion: z
    .string()
    .regex(/^\d+\.\d+(\.\d+)?$/)
    .optional()
    .describe('Kubernetes version of this pool (`--kubernetes-version` on the pool), `1.x` alias or full patch; at most the control plane\'s and at most three minors behind it. Default: the cluster\'s kubernetesVersion.'),
  capacityReservationGroupId: azureResourceId
    .optional()
    .describe('Capacity reservation group the nodes are allocated from (`--crg-id`); the control-plane identity gets Contributor on it before the pool is created. Forces replacement of the pool. Default: none.'),
  proximityPlacementGroupId: azureResourceId
    .optional()
    .describe('Proximity placement group for low-latency pools (`--ppg`). Usually with a single zone. Forces replacement of the pool. Default: none.'),
  gpuDriver: z
    .enum(GPU_DRIVERS)
    .optional()
    .describe('GPU driver on GPU VM sizes (`--gpu-driver`, azurerm `gpu_driver`): Install (AKS installs the NVIDIA driver) or None (you bring the GPU Operator). Forces replacement of the pool. Default: Install on kind gpu, unset elsewhere.'),
  criticalAddonsOnly: z
    .boolean()
    .optional()
    .describe('System pool only: taint it CriticalAddonsOnly=true:NoSchedule (`only_critical_addons_enabled`) so only system add-ons run there. With it on the cluster needs a user pool for everything else; turn it off for a single-pool cluster. Default: true on the system pool.'),
  maxUnavailable: z
    .string()
    .regex(/^(\d+|\d{1,3}%)$/)
    .optional()
    .describe('Nodes that may be unavailable during an upgrade (`--max-unavailable`), a count or a percentage; not on the system pool (azurerm 4.55 has no such field on the default pool) nor spot pools. Default: the AKS default (0).'),
  drainTimeoutMinutes: z
    .int()
    .min(1)
    .max(1440)
    .optional()
    .describe('Minutes to wait for a node to drain during an upgrade before failing (`--drain-timeout`). Default: the AKS default (30).'),
  nodeSoakMinutes: z
    .int()
    .min(0)
    .max(30)
    .optional()
    .describe('Minutes to wait after draining a node before the next one (`--node-soak-duration`). Default: the AKS default (0).'),
};
