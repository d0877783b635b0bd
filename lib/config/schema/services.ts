import { z } from 'zod';
import { KUBELOGIN_MODES } from '../../enums';

/** How the platform stack's helm and kubernetes providers reach the cluster. */
export const platformSchema = z.strictObject({
  kubeloginMode: z
    .enum(KUBELOGIN_MODES)
    .default('azurecli')
    .describe('kubelogin `--login` mode: the default of the platform stack\'s `kubelogin_mode` Terraform variable, so the same output runs on a workstation and in a pipeline (set `TF_VAR_kubelogin_mode`, e.g. workloadidentity). azurecli on workstations; spn, workloadidentity or msi in pipelines. Default: azurecli.'),
});
