/**
 * Nothing that holds data is destroyed by accident: Terraform `prevent_destroy` on every data holder
 * (lib/azure/data-holders.ts) with a per-resource opt-out, and synth's own warning when the output would replace or
 * remove one compared with the previous output.
 */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { synthesize } from '../../lib/synth';
import { all, config, configText, stack, type StackJson } from '../helpers/synth';

const TODAY = '2026-01-15';
const lifecycles = (s: StackJson, type: string) => Object.values(all(s, type)).map((r) => r.lifecycle);

describe('prevent_destroy', () => {
  const TYPES = ['azurerm_storage_account', 'azurerm_storage_container', 'azurerm_container_registry', 'azurerm_log_analytics_workspace', 'azurerm_monitor_workspace', 'azurerm_key_vault'];

  test.each(TYPES)('prod: every %s has prevent_destroy', (type) => {
    const l = lifecycles(stack('prod-infra'), type);
    expect(l.length).toBeGreaterThan(0);
    for (const x of l) expect(x).toMatchObject({ prevent_destroy: true });
  });

  test('the cluster is not protected unless asked (it is rebuilt, not restored); asked, it keeps its ignore_changes', () => {
    const before = lifecycles(stack('prod-infra'), 'azurerm_kubernetes_cluster')[0];
    expect(before?.prevent_destroy).toBeUndefined();
    const after = lifecycles(stack('prod-infra', { environments: { prod: { protection: { preventDestroy: { cluster: true } } } } }), 'azurerm_kubernetes_cluster')[0];
    expect(after).toEqual({ ...(before ?? {}), prevent_destroy: true });
  });

  test('each data holder can be opted out for a teardown, the others stay protected', () => {
    const s = stack('prod-infra', { environments: { prod: { protection: { preventDestroy: { backupStorage: false } } } } });
    for (const l of [...lifecycles(s, 'azurerm_storage_account'), ...lifecycles(s, 'azurerm_storage_container')]) expect(l?.prevent_destroy).toBeUndefined();
    expect(lifecycles(s, 'azurerm_container_registry')[0]).toMatchObject({ prevent_destroy: true });
  });
});

describe('synth warns when the output would replace or remove a data holder', () => {
  test('renaming the backup storage account: one warning naming the account, the attribute and what is lost', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'holders-'));
    expect(synthesize(config(), 'cdktf.out', cwd, { today: TODAY }).replacements).toEqual([]);
    const renamed = config(configText({ environments: { prod: { backup: { storageAccountName: 'stbkrenamedprod' } } } }));
    const r = synthesize(renamed, 'cdktf.out', cwd, { today: TODAY }).replacements;
    expect(r).toEqual([expect.stringMatching(/^prod-infra: azurerm_storage_account\.\S+ would be REPLACED \(name changed\): destroyed and recreated, losing every Velero backup$/)]);
    // The same output again: nothing to warn about.
    expect(synthesize(renamed, 'cdktf.out', cwd, { today: TODAY }).replacements).toEqual([]);
  });

  test('dropping the registry (an existing one instead) warns that it would be destroyed', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'holders-'));
    synthesize(config(), 'cdktf.out', cwd, { today: TODAY });
    const existing = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-shared/providers/Microsoft.ContainerRegistry/registries/acrshared';
    const r = synthesize(config(configText({ environments: { prod: { acr: { existingId: existing } } } })), 'cdktf.out', cwd, { today: TODAY }).replacements;
    expect(r).toContainEqual(expect.stringMatching(/^prod-infra: azurerm_container_registry\.\S+ would be DESTROYED .*losing every image in the registry$/));
  });
});
