/**
 * The configuration side of every add-on: its settings schema and cross-field checks (`settings.ts` in its folder).
 * The configuration imports this list, never the add-ons' constructs; `lib/addons/registry.ts` is the build side.
 * Adding an add-on: one line here and one there (a test checks both lists name every add-on folder).
 */
import type { ResolvedEnvironment } from '../config/model';
import type { Problem } from '../config/problem';
import { agicSettingsSchema, checkAgic } from './agic/settings';
import { agcSettingsSchema, checkAlbController } from './alb-controller/settings';
import { checkIngressNginx, nginxSettingsSchema } from './ingress-nginx/settings';
import { checkTrivyOperator, trivySettingsSchema } from './trivy-operator/settings';
import { backupSchema, checkVelero } from './velero/settings';

/** One add-on's configuration side. */
export interface AddOnSettings<S = unknown> {
  /** The add-on's folder name (as in the registry). */
  readonly name: string;
  /** Its settings schema (zod), placed in the environment schema at `path`. */
  readonly schema: S;
  /**
   * Where its settings live: `addons.<key>` for an add-on of the `addons` block (composed from this list), or a
   * fixed place (`ingress.nginx`, `backup`) for the add-ons that predate the block.
   */
  readonly path: string;
  /** Cross-field rules, with paths relative to the environment. @default - none */
  readonly check?: (env: ResolvedEnvironment, out: Problem[]) => void;
}

export const ingressNginxSettings = { name: 'ingress-nginx', schema: nginxSettingsSchema, path: 'ingress.nginx', check: checkIngressNginx } as const;
export const albControllerSettings = { name: 'alb-controller', schema: agcSettingsSchema, path: 'ingress.agc', check: checkAlbController } as const;
export const agicSettings = { name: 'agic', schema: agicSettingsSchema, path: 'ingress.agic', check: checkAgic } as const;
export const veleroSettings = { name: 'velero', schema: backupSchema, path: 'backup', check: checkVelero } as const;

/** The add-ons of the `addons` block, by key: `addons.<key>` is their settings. */
export const ADDONS_BLOCK = {
  trivyOperator: {
    name: 'trivy-operator',
    schema: trivySettingsSchema,
    path: 'addons.trivyOperator',
    description: 'Trivy operator: continuous vulnerability and configuration scanning.',
    check: checkTrivyOperator,
  },
} as const;

/** Every add-on's configuration side. */
export const ADDON_SETTINGS: readonly AddOnSettings[] = [ingressNginxSettings, albControllerSettings, agicSettings, ...Object.values(ADDONS_BLOCK), veleroSettings];
