/**
 * Facts about AKS node pools that both the configuration and the constructs need: allowed values of the pool
 * attributes azurerm 4.55 has, and VM sizes Azure has retired.
 */

export const OS_SKUS = ['Ubuntu', 'AzureLinux', 'Ubuntu2204', 'Ubuntu2404', 'Windows2019', 'Windows2022'] as const;
/** `os_sku` of a node pool (azurerm 4.55 validation list, minus the retired CBLMariner and Mariner aliases). */
export type OsSku = (typeof OS_SKUS)[number];
/** The os_sku values of Windows pools. */
export const WINDOWS_OS_SKUS: readonly OsSku[] = ['Windows2019', 'Windows2022'];

export const OS_DISK_TYPES = ['Managed', 'Ephemeral'] as const;
/** `os_disk_type`. */
export type OsDiskType = (typeof OS_DISK_TYPES)[number];

export const KUBELET_DISK_TYPES = ['OS', 'Temporary'] as const;
/** `kubelet_disk_type`. */
export type KubeletDiskType = (typeof KUBELET_DISK_TYPES)[number];

export const GPU_DRIVERS = ['Install', 'None'] as const;
/**
 * `gpu_driver` (AKS agent pool `gpuProfile.driver`): Install = AKS installs the NVIDIA driver on GPU sizes (the AKS
 * default when unspecified), None = skip it (for the NVIDIA GPU Operator). Source: the AKS REST API's
 * AgentPoolGpuDriver enum (learn.microsoft.com, Azure.ResourceManager.ContainerService AgentPoolGpuDriver).
 */
export type GpuDriver = (typeof GPU_DRIVERS)[number];

/**
 * The default VM size of a `gpu` pool: NCasT4_v3 (NVIDIA T4), the smallest current NVIDIA size with AKS support.
 * It replaces Standard_NC6s_v3, which Azure retired on 30 September 2025.
 */
export const DEFAULT_GPU_VM_SIZE = 'Standard_NC4as_T4_v3';

/**
 * GPU VM sizes Azure has retired, with the date (lower-case keys). After retirement such VMs are deallocated and
 * cannot be created. Sources (Microsoft Learn, azure-docs repository):
 * - articles/virtual-machines/ncv3-nc6s-nc12s-nc24s-retirement.md: NC6s_v3, NC12s_v3, NC24s_v3 on 30 September 2025
 *   (NC24rs_v3 with them);
 * - the NC, NCv2, ND and NV (not NVv3/NVv4) retirement notices: 6 September 2023.
 */
export const RETIRED_VM_SIZES: Readonly<Record<string, string>> = {
  standard_nc6s_v3: '2025-09-30',
  standard_nc12s_v3: '2025-09-30',
  standard_nc24s_v3: '2025-09-30',
  standard_nc24rs_v3: '2025-09-30',
  standard_nc6: '2023-09-06',
  standard_nc12: '2023-09-06',
  standard_nc24: '2023-09-06',
  standard_nc24r: '2023-09-06',
  standard_nc6s_v2: '2023-09-06',
  standard_nc12s_v2: '2023-09-06',
  standard_nc24s_v2: '2023-09-06',
  standard_nc24rs_v2: '2023-09-06',
  standard_nd6s: '2023-09-06',
  standard_nd12s: '2023-09-06',
  standard_nd24s: '2023-09-06',
  standard_nd24rs: '2023-09-06',
  standard_nv6: '2023-09-06',
  standard_nv12: '2023-09-06',
  standard_nv24: '2023-09-06',
};

/** The retirement date of a VM size Azure has retired, or undefined. */
export function retiredOn(vmSize: string): string | undefined {
  return RETIRED_VM_SIZES[vmSize.toLowerCase()];
}

/**
 * Cache and temp disk sizes (GiB) of VM sizes the platform uses as defaults, for the ephemeral OS disk check: an
 * ephemeral OS disk must fit the cache (or, failing that, the temp disk). Sizes not listed are not checked.
 * Source: the Dsv3, Dsv5/Ddsv5 and NCasT4_v3 size pages on Microsoft Learn (max cached storage / temp storage).
 */
export const VM_DISK_FACTS: Readonly<Record<string, { cacheGiB: number; tempGiB: number }>> = {
  standard_d2s_v3: { cacheGiB: 50, tempGiB: 16 },
  standard_d4s_v3: { cacheGiB: 100, tempGiB: 32 },
  standard_d8s_v3: { cacheGiB: 200, tempGiB: 64 },
  standard_d16s_v3: { cacheGiB: 400, tempGiB: 128 },
  standard_d2ds_v5: { cacheGiB: 0, tempGiB: 75 },
  standard_d4ds_v5: { cacheGiB: 0, tempGiB: 150 },
  standard_d8ds_v5: { cacheGiB: 0, tempGiB: 300 },
  standard_d16ds_v5: { cacheGiB: 0, tempGiB: 600 },
  standard_nc4as_t4_v3: { cacheGiB: 0, tempGiB: 180 },
  standard_b2s: { cacheGiB: 0, tempGiB: 8 },
};

