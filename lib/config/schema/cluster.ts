import { z } from 'zod';
import { SKU_TIERS } from '../../enums';
import { guid } from './common';

/**
 * The AKS cluster. Replacement-forcing fields say so: changing them destroys and recreates the cluster.
 */
export const clusterSchema = z.strictObject({
  name: z.string().optional().describe('Cluster name. Forces replacement. Default: aks-<project>-<environment>.'),
  dnsPrefix: z.string().optional().describe('API server DNS prefix. Forces replacement. Default: the cluster name.'),
  kubernetesVersion: z
    .string()
    .regex(/^\d+\.\d+(\.\d+)?$/)
    .optional()
    .describe('Kubernetes version (`--kubernetes-version`), e.g. 1.33. Default: the AKS default version at creation.'),
  skuTier: z.enum(SKU_TIERS).default('Standard').describe('Control-plane tier: Standard has the uptime SLA. Default: Standard.'),
  adminGroupObjectIds: z
    .array(guid)
    .default([])
    .describe('Entra ID groups with cluster-admin (`--aad-admin-group-object-ids`). Default: none.'),
});

export type ClusterInput = z.output<typeof clusterSchema>;
