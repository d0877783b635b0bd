/** Cross-field rules of the add-ons: each add-on's own, from its settings.ts (lib/addons/settings.ts lists them). */
import { ADDON_SETTINGS } from '../addons/settings';
import type { ResolvedEnvironment } from './model';
import type { Problem } from './problem';

export function checkAddons(env: ResolvedEnvironment, out: Problem[]): void {
  for (const s of ADDON_SETTINGS) s.check?.(env, out);
}
