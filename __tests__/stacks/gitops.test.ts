/**
 * GitOps and extensions (gitops in platform.yaml), and the delivery example (examples/delivery.yaml) that turns on
 * the registry in full, observability and GitOps together.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { RULES } from '../../lib/baseline/rules';
import { EnvironmentView } from '../../lib/baseline/stack-model';
import { ROOT, all, problemsWith, stack, synthAll } from '../helpers/synth';
import { byPath, ref } from '../helpers/terraform';

const prod = (gitops: Record<string, unknown>) => ({ environments: { prod: { gitops } } });
const FLUX = {
  flux: {
    enabled: true,
    controllers: { imageAutomation: true },
    configurations: {
      platform: { url: 'https://github.com/example/platform-gitops', branch: 'release', localAuthSecret: 'git-creds', kustomizations: { infra: { path: './infra', prune: false }, apps: { path: './apps', dependsOn: ['infra'], syncIntervalSeconds: 300 } } },
    },
  },
  extensions: { dapr: { type: 'Microsoft.Dapr', version: '1.14.4', settings: { 'global.ha.enabled': 'true' } } },
};

describe('Flux and extensions', () => {
  const s = stack('prod-infra', prod(FLUX));
  const cluster = () => ref('azurerm_kubernetes_cluster', byPath(s, 'azurerm_kubernetes_cluster', 'aks/cluster').name, 'id');

  test('Flux is the microsoft.flux extension with per-controller settings', () => {
    expect(byPath(s, 'azurerm_kubernetes_cluster_extension', 'flux/extension').body).toMatchObject({
      name: 'flux', extension_type: 'microsoft.flux', release_train: 'Stable', cluster_id: cluster(),
      configuration_settings: { 'helm-controller.enabled': 'true', 'image-automation-controller.enabled': 'true', 'image-reflector-controller.enabled': 'true' },
    });
  });

  test('a flux configuration: Git source, branch, credentials by Secret reference, kustomizations with prune and dependencies', () => {
    const ext = byPath(s, 'azurerm_kubernetes_cluster_extension', 'flux/extension').name;
    expect(byPath(s, 'azurerm_kubernetes_flux_configuration', 'flux-platform/configuration').body).toMatchObject({
      name: 'platform', namespace: 'flux-system', scope: 'cluster', cluster_id: cluster(),
      git_repository: { url: 'https://github.com/example/platform-gitops', reference_type: 'branch', reference_value: 'release', local_auth_reference: 'git-creds', sync_interval_in_seconds: 600 },
      kustomizations: [
        { name: 'infra', path: './infra', garbage_collection_enabled: false, sync_interval_in_seconds: 600, timeout_in_seconds: 600 },
        { name: 'apps', path: './apps', garbage_collection_enabled: true, sync_interval_in_seconds: 300, depends_on: ['infra'], timeout_in_seconds: 600 },
      ],
      depends_on: [`azurerm_kubernetes_cluster_extension.${ext}`],
    });
  });

  test('other extensions by type and version with their settings', () => {
    expect(byPath(s, 'azurerm_kubernetes_cluster_extension', 'extension-dapr/extension').body).toMatchObject({
      name: 'dapr', extension_type: 'Microsoft.Dapr', version: '1.14.4', configuration_settings: { 'global.ha.enabled': 'true' },
    });
  });

  test('off by default', () => {
    expect(all(stack('prod-infra'), 'azurerm_kubernetes_cluster_extension')).toEqual({});
  });

  test('refused: credentials in the repository URL', () => {
    for (const url of ['https://user:ghp_secret@github.com/example/repo', 'https://ghp_token@github.com/example/repo']) {
      expect(problemsWith(prod({ flux: { enabled: true, configurations: { p: { url } } } }))).toContainEqual(
        expect.stringMatching(/gitops\.flux\.configurations\.p\.url: .*allowed an https:\/\/ or ssh:\/\/git@ Git URL without credentials/),
      );
    }
  });

  test('refused: configurations without Flux, a dependency on a missing kustomization, Flux as a plain extension', () => {
    expect(problemsWith(prod({ flux: { configurations: { p: { url: 'https://github.com/example/repo' } } } }))).toContainEqual(expect.stringMatching(/gitops\.flux\.configurations\.p: needs the Flux extension/));
    expect(problemsWith(prod({ flux: { enabled: true, configurations: { p: { url: 'https://github.com/example/repo', kustomizations: { apps: { dependsOn: ['infra'] } } } } } }))).toContainEqual(
      expect.stringMatching(/kustomizations\.apps\.dependsOn: names no kustomization of this configuration \(got "infra"/),
    );
    expect(problemsWith(prod({ extensions: { f: { type: 'microsoft.flux' } } }))).toContainEqual(expect.stringMatching(/gitops\.extensions\.f\.type: Flux is configured under gitops\.flux/));
  });
});

describe('the delivery example', () => {
  const stacks = synthAll(readFileSync(path.join(ROOT, 'examples', 'delivery.yaml'), 'utf8'));

  test('has no baseline error, and none of the warnings are about what it turns on', () => {
    const view = new EnvironmentView('prod', Object.fromEntries(Object.entries(stacks).filter(([n]) => n.startsWith('prod-'))) as never);
    const failures = RULES.flatMap((r) => r.check(view).filter((o) => o.status === 'fail').map(() => ({ id: r.id, severity: r.severity })));
    expect(failures.filter((f) => f.severity === 'error')).toEqual([]);
    expect(failures.filter((f) => /^AKS-(ACR|MON)-/.test(f.id))).toEqual([]);
  });

  test('turns on the registry in full, observability and GitOps', () => {
    const s = stacks['prod-infra'];
    for (const type of [
      'azurerm_container_registry', 'azurerm_private_endpoint', 'azurerm_monitor_diagnostic_setting', 'azurerm_log_analytics_workspace_table',
      'azurerm_monitor_metric_alert', 'azurerm_monitor_scheduled_query_rules_alert_v2', 'azurerm_monitor_activity_log_alert', 'azurerm_dashboard_grafana',
      'azurerm_eventgrid_system_topic', 'azurerm_kubernetes_cluster_extension', 'azurerm_kubernetes_flux_configuration',
    ]) expect(Object.keys(all(s, type)).length).toBeGreaterThan(0);
    expect(byPath(s, 'azurerm_container_registry', 'acr/registry').body.georeplications).toHaveLength(2);
  });
});
