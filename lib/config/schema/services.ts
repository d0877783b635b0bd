import { z } from 'zod';
import { KUBELOGIN_MODES } from '../../enums';

/** Key Vault for the Secrets Store CSI driver. */
export const keyVaultSchema = z.strictObject({
  name: z.string().optional().describe('Vault name, globally unique, 3-24 letters, digits and hyphens. Default: kv-<project>-<environment>.'),
});

/** Azure Container Registry attached to the cluster. */
export const acrSchema = z.strictObject({
  name: z.string().optional().describe('Registry name, globally unique, 5-50 letters and digits. Default: acr<project><environment>.'),
});

/** How the platform stack's helm and kubernetes providers reach the cluster. */
export const platformSchema = z.strictObject({
  kubeloginMode: z
    .enum(KUBELOGIN_MODES)
    .default('azurecli')
    .describe('kubelogin `--login` mode: azurecli on workstations; spn, workloadidentity or msi in pipelines. Default: azurecli.'),
});
