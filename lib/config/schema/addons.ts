import { z } from 'zod';
import { ADDONS_BLOCK, agicSettings, albControllerSettings, ingressNginxSettings } from '../../addons/settings';
import { INGRESS_CONTROLLERS } from '../../enums';

/** The ingress controller: one choice per environment. */
export const ingressSchema = z.strictObject({
  controller: z
    .enum(INGRESS_CONTROLLERS)
    .default('nginx')
    .describe('nginx: ingress-nginx (what the AKS baseline uses; retired upstream, see docs/addons.md); agc: Application Gateway for Containers; agic: the AGIC add-on on an existing Application Gateway; none. Default: nginx.'),
  nginx: ingressNginxSettings.schema.prefault({}).describe('ingress-nginx settings (used when controller is nginx).'),
  agc: albControllerSettings.schema.prefault({}).describe('Application Gateway for Containers settings (used when controller is agc).'),
  agic: agicSettings.schema.prefault({}).describe('AGIC settings (used when controller is agic).'),
});

/** In-cluster add-ons besides ingress and Velero: one key per add-on of `ADDONS_BLOCK` (lib/addons/settings.ts). */
export const addonsSchema = z.strictObject(blockShape(ADDONS_BLOCK));

/** The `addons` block's shape: each add-on's settings under its key, defaults applied when the key is absent. */
function blockShape<T extends Record<string, { readonly schema: z.ZodObject; readonly description: string }>>(block: T): { [K in keyof T]: z.ZodPrefault<T[K]['schema']> } {
  return Object.fromEntries(Object.entries(block).map(([k, a]) => [k, a.schema.prefault({}).describe(a.description)])) as { [K in keyof T]: z.ZodPrefault<T[K]['schema']> };
}

export type IngressConfig = z.output<typeof ingressSchema>;
export type AddonsConfig = z.output<typeof addonsSchema>;
export { chartVersionSchema, helmValuesSchema, releaseSchema, type ReleaseConfig } from './helm';
export { secretLookingValues } from '../secret-values';
