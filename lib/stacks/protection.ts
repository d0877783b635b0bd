import type { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { DATA_HOLDERS } from '../azure/data-holders';

/** Per setting of `protection.preventDestroy` (the vault's comes from keyVault.preventDestroy, set by its construct). */
export type PreventDestroySettings = Readonly<Record<'backupStorage' | 'registry' | 'logAnalytics' | 'monitorWorkspace' | 'cluster', boolean>>;

/**
 * Sets Terraform `prevent_destroy` on every data-holding resource in `scope` whose setting is on (keeping the rest of
 * its lifecycle block), and leaves it off where the setting is off: one place for every data holder, whichever
 * construct created it.
 */
export function applyPreventDestroy(scope: Construct, settings: PreventDestroySettings): void {
  const byType = new Map<string, boolean>();
  for (const d of DATA_HOLDERS) if (d.setting !== 'keyVault') for (const t of d.types) byType.set(t, settings[d.setting]);
  for (const c of scope.node.findAll()) {
    if (!(c instanceof TerraformResource)) continue;
    const on = byType.get(c.terraformResourceType);
    if (on) c.lifecycle = { ...(c.lifecycle ?? {}), preventDestroy: true };
  }
}
