import { TRIVY_OPERATOR_CHART } from '../../lib/azure/charts';
import { Testing, TerraformStack } from 'cdktf';
import { parse } from 'yaml';
import { HelmAddon } from '../../lib/addons/helm-addon';
import { checkChartValues, unknownKeys } from '../../lib/azure/chart-catalog';
import { mergeValues, valuesYaml } from '../../lib/azure/helm-values';
import { INGRESS_NGINX_CHART } from '../../lib/addons/ingress-nginx';
import { VELERO_CHART } from '../../lib/addons/velero';
import { ALB_CONTROLLER_CHART } from '../../lib/addons/alb-controller';

function addon(props: Partial<ConstructorParameters<typeof HelmAddon>[2]> = {}) {
  const stack = new TerraformStack(Testing.app(), 'test');
  return new HelmAddon(stack, 'addon', { chart: INGRESS_NGINX_CHART, releaseName: 'x', namespace: 'ns', ...props });
}

describe('values merge', () => {
  test('layers merge in order: defaults, then computed, then overrides', () => {
    const a = addon({
      defaults: { controller: { replicaCount: 2, ingressClass: 'nginx' } },
      computed: { controller: { replicaCount: 3, kind: 'Deployment' } },
      overrides: { controller: { replicaCount: 5 } },
    });
    expect(a.values).toEqual({ controller: { replicaCount: 5, ingressClass: 'nginx', kind: 'Deployment' } });
  });

  test('null in a later layer removes the key', () => {
    expect(mergeValues({ a: { b: 1, c: 2 } }, { a: { b: null } })).toEqual({ a: { c: 2 } });
  });

  test('lists replace instead of merging', () => {
    expect(mergeValues({ a: [1, 2] }, { a: [3] })).toEqual({ a: [3] });
  });

  test('the values document has sorted keys whatever the insertion order', () => {
    expect(valuesYaml({ b: 1, a: { z: 1, y: 2 } })).toBe('a:\n  y: 2\n  z: 1\nb: 1\n');
  });

  test('long values are never folded across lines', () => {
    const long = 'x'.repeat(300);
    expect(valuesYaml({ a: long }).trim()).toBe(`a: ${long}`);
  });
});

describe('release settings', () => {
  const release = () => JSON.parse(Testing.synth(addon().node.scope as TerraformStack)).resource.helm_release;

  test('the release is atomic, cleans up on failure, waits, keeps 10 revisions and never creates the namespace', () => {
    const r = Object.values(release())[0] as Record<string, unknown>;
    expect(r).toMatchObject({ atomic: true, cleanup_on_fail: true, wait: true, timeout: 600, max_history: 10, create_namespace: false });
  });

  test('a timeout outside 60-3600 seconds is rejected naming the prop', () => {
    expect(() => addon({ timeoutSeconds: 5 })).toThrow(/timeoutSeconds must be an integer from 60 to 3600 \(got 5\)/);
  });
});

describe('offline check against the chart', () => {
  test('a misspelt values key fails naming the chart, the key path and the likely key', () => {
    expect(() => addon({ overrides: { controller: { replicaCont: 3 } } })).toThrow(
      /chart ingress-nginx 4\.15\.1: .*unknown values key "controller\.replicaCont" \(did you mean "controller\.replicaCount"\?\)/s,
    );
  });

  test('every unknown key is reported at once', () => {
    expect(unknownKeys({ a: { b: 1 }, c: 1 }, { a: { x: 1 }, y: 2 })).toEqual(['a.x', 'y']);
  });

  test('free-form maps (annotations, labels, node selectors) take any key', () => {
    expect(() =>
      checkChartValues(INGRESS_NGINX_CHART, {
        controller: { nodeSelector: { 'agentpool': 'apps' }, podLabels: { team: 'a' }, service: { annotations: { 'any/thing': 'x' } } },
      }),
    ).not.toThrow();
  });

  test('a free-form key at a path the chart never reads is an unknown key (Trivy 0.34.0 reads operator.podLabels only)', () => {
    expect(() => checkChartValues(TRIVY_OPERATOR_CHART, { podLabels: { team: 'a' } })).toThrow(/unknown values key "podLabels" \(did you mean "operator.podLabels"\?\)/);
    expect(() => checkChartValues(TRIVY_OPERATOR_CHART, { operator: { podLabels: { team: 'a' } } })).not.toThrow();
  });

  test('keys the chart documents only in comments are allowed', () => {
    expect(() => checkChartValues(INGRESS_NGINX_CHART, { controller: { maxUnavailable: 1 } })).not.toThrow();
  });

  test('a value of the wrong type fails the chart schema where the chart has one', () => {
    expect(() => checkChartValues(VELERO_CHART, { deployNodeAgent: 'yes' })).toThrow(/chart velero 12\.1\.0: .*values\.schema\.json: deployNodeAgent must be boolean/s);
  });

  test('a chart version with no vendored values names the refresh command', () => {
    expect(() => checkChartValues({ ...VELERO_CHART, version: '99.0.0' }, {})).toThrow(/scripts\/refresh-charts\.sh velero 99\.0\.0/);
  });

  test('a partial vendored values file (alb-controller) does not reject keys it cannot know', () => {
    expect(() => checkChartValues(ALB_CONTROLLER_CHART, { albController: { controller: { replicaCount: 2 } } })).not.toThrow();
  });

  test('the rendered document parses back to the merged values', () => {
    const a = addon({ defaults: { controller: { replicaCount: 2 } } });
    expect(parse(a.valuesYaml)).toEqual(a.values);
  });
});

describe('vendored chart material', () => {
  const { readdirSync, readFileSync, existsSync } = require('fs') as typeof import('fs');
  const path = require('path') as typeof import('path');
  const root = path.join(__dirname, '..', '..', 'vendor', 'charts');
  const versions = readdirSync(root).flatMap((c) => readdirSync(path.join(root, c)).map((v) => path.join(root, c, v)));

  test.each(versions)('%s: values.json is current with values.yaml, and a SOURCE names where it came from (node scripts/compile-vendored-charts.js)', (dir) => {
    expect(JSON.parse(readFileSync(path.join(dir, 'values.json'), 'utf8'))).toEqual(parse(readFileSync(path.join(dir, 'values.yaml'), 'utf8')) ?? {});
    expect(readFileSync(path.join(dir, 'SOURCE'), 'utf8')).toMatch(/^repo: .+\n(.|\n)*^chart: /m);
    if (existsSync(path.join(dir, 'values.schema.json'))) expect(existsSync(path.join(dir, 'values.schema.validate.js'))).toBe(true);
  });
});
