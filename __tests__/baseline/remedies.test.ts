/**
 * Every remedy tells the reader what to change in platform.yaml: the configuration paths it names must exist in
 * the schema (lib/config/schema), and a remedy without one must say that no platform.yaml setting applies.
 */
import { RULES } from '../../lib/baseline/rules';
import { environmentSchema } from '../../lib/config/schema';
import { schemaAt } from '../../lib/config/zod-walk';

/**
 * Dotted camelCase paths in a text: `cluster.monitoring.defender`, `nodePools.<name>.zones`. Terraform attributes
 * (snake_case), file names (`platform.yaml`), calls (`x.y(`) and abbreviations (`e.g.`) are not paths.
 */
export function configPaths(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\w./<-])([a-z][A-Za-z0-9]*(?:\.(?:<[^>]+>|[A-Za-z][A-Za-z0-9]*))+)(?![\w(])/g)) {
    const p = m[1];
    const segs = p.split('.');
    if (/^(yaml|yml|md|json|ts|js)$/.test(segs[segs.length - 1]) || segs.some((s) => s.length === 1)) continue;
    out.push(p);
  }
  return out;
}

/** Whether a path exists in an environment's schema (`environments.<name>.` may prefix it; `<...>` is any key). */
export function inSchema(path: string): boolean {
  const segs = path.replace(/^environments\.<[^>]+>\./, '').split('.');
  return schemaAt(environmentSchema, segs) !== undefined;
}

test('the extractor finds config paths and skips attributes, files and calls', () => {
  expect(configPaths('Keep cluster.monitoring.defender: true (e.g. in platform.yaml); not oms_agent.msi_auth_for_monitoring_enabled, not acr.grantPull(x), but nodePools.<name>.zones.')).toEqual([
    'cluster.monitoring.defender',
    'nodePools.<name>.zones',
  ]);
});

test('paths that never existed are refused', () => {
  for (const p of ['addons.velero.schedules', 'cluster.defender', 'monitoring.diagnostics', 'keyVault.allowedIpRanges', 'nodePools.<name>.encryptionAtHost', 'backup.replication']) {
    expect([p, inSchema(p)]).toEqual([p, false]);
  }
  for (const p of ['backup.schedules.<name>.schedule', 'cluster.monitoring.defender', 'environments.<name>.tags', 'keyVault.networkAcls.ipRules']) {
    expect([p, inSchema(p)]).toEqual([p, true]);
  }
});

test.each(RULES.map((r) => [r.id, r.remedy] as const))('%s: every configuration path in the remedy exists in the schema', (_id, remedy) => {
  expect(configPaths(remedy).filter((p) => !inSchema(p))).toEqual([]);
});

test.each(RULES.map((r) => [r.id, r.remedy] as const))('%s: the remedy names a platform.yaml field, or says no setting applies', (_id, remedy) => {
  expect(configPaths(remedy).length > 0 || /no platform\.yaml setting/.test(remedy)).toBe(true);
});
