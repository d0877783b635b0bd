import { z } from 'zod';
import { KUBELOGIN_MODES } from '../../enums';

/** How the platform stack's helm and kubernetes providers reach the cluster. */
export const platformSchema = z.strictObject({
  kubeloginMode: z
    .enum(KUBELOGIN_MODES)
    .default('azurecli')
    .describe('kubelogin `--login` mode: azurecli on workstations; spn, workloadidentity or msi in pipelines. Default: azurecli.'),
});
