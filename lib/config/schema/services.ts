import { z } from 'zod';
import { KUBELOGIN_MODES } from '../../enums';

/** Velero backup storage. */
export const backupSchema = z.strictObject({
  storageAccountName: z
    .string()
    .optional()
    .describe('Backup storage account, globally unique, 3-24 lowercase letters and digits. Default: stvelero<project><environment>.'),
});

/** How the platform stack's helm and kubernetes providers reach the cluster. */
export const platformSchema = z.strictObject({
  kubeloginMode: z
    .enum(KUBELOGIN_MODES)
    .default('azurecli')
    .describe('kubelogin `--login` mode: azurecli on workstations; spn, workloadidentity or msi in pipelines. Default: azurecli.'),
});
