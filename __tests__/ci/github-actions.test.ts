/**
 * The copyable GitHub Actions pipeline (examples/ci/github/workflows/): valid against SchemaStore's workflow schema
 * (vendored, checked offline with ajv), and the properties that matter: OIDC login without a client secret, the
 * review posted on the pull request, infra then platform per environment behind GitHub environments.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { ROOT } from '../helpers/synth';

const DIR = path.join(ROOT, 'examples', 'ci', 'github', 'workflows');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();
const text = (f: string) => readFileSync(path.join(DIR, f), 'utf8');
const wf = (f: string) => parse(text(f)) as { on: any; permissions?: Record<string, string>; jobs: Record<string, any> };
const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(path.join(ROOT, 'vendor', 'schemas', 'github-workflow.json'), 'utf8')));
type Step = { uses?: string; run?: string; with?: Record<string, string>; name?: string };
const steps = (job: { steps?: Step[] }) => job.steps ?? [];

test('the example has the pipeline and its reusable deploy workflow', () => {
  expect(files).toEqual(['deploy-environment.yml', 'platform.yml']);
});

test.each(files)('%s is a valid workflow (SchemaStore github-workflow schema)', (f) => {
  const ok = validate(wf(f));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

test('a schema violation is caught (the check can fail)', () => {
  const bad = wf('platform.yml');
  delete bad.jobs.test['runs-on'];
  expect(validate(bad)).toBe(false);
});

test('pull requests and merges: install, test, synthesize', () => {
  const p = wf('platform.yml');
  expect(Object.keys(p.on).sort()).toEqual(['pull_request', 'push']);
  expect(steps(p.jobs.test).map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npm test', 'npm run synth']);
});

test('Azure login is OIDC only: id-token write where azure/login runs, and no secret anywhere', () => {
  for (const f of files) {
    const w = wf(f);
    for (const [name, job] of Object.entries(w.jobs)) {
      const login = steps(job).find((s) => s.uses?.startsWith('azure/login@'));
      if (!login) continue;
      expect([name, (job.permissions ?? w.permissions)['id-token']]).toEqual([name, 'write']);
      expect(Object.keys(login.with!).sort()).toEqual(['client-id', 'subscription-id', 'tenant-id']);
    }
    expect(text(f)).not.toMatch(/client-secret|ARM_CLIENT_SECRET|creds:|secrets\.AZURE/i);
  }
});

test('the pull request gets the review Markdown as a comment, from the offline diff and from the plans', () => {
  const review = wf('platform.yml').jobs.review;
  expect(review.if).toBe("github.event_name == 'pull_request'");
  expect(review.permissions['pull-requests']).toBe('write');
  const run = steps(review).map((s) => s.run ?? '').join('\n');
  expect(run).toContain('terraform -chdir="$dir" show -json tfplan > "plans/$stack.json"');
  expect(run).toContain('npm run --silent review -- --plan plans --out review-plan.md');
  expect(run).toMatch(/gh pr comment .* --body-file review\.md/);
});

test('on merge each environment deploys infra then platform, dev before prod, each behind its GitHub environment', () => {
  const p = wf('platform.yml');
  expect(p.jobs['deploy-dev']).toMatchObject({ needs: 'test', uses: './.github/workflows/deploy-environment.yml', with: { environment: 'dev' } });
  expect(p.jobs['deploy-prod']).toMatchObject({ needs: 'deploy-dev', uses: './.github/workflows/deploy-environment.yml', with: { environment: 'prod' } });
  expect(existsSync(path.join(DIR, path.basename(p.jobs['deploy-dev'].uses)))).toBe(true);
  const deploy = wf('deploy-environment.yml');
  expect(deploy.on.workflow_call.inputs.environment).toMatchObject({ required: true, type: 'string' });
  expect(deploy.jobs.deploy.environment).toBe('${{ inputs.environment }}');
  const runs = steps(deploy.jobs.deploy).map((s) => s.run).filter((r): r is string => !!r && r.includes('cdktf deploy'));
  expect(runs).toEqual([
    'npx cdktf deploy "${{ inputs.environment }}-infra" --skip-synth --auto-approve',
    'npx cdktf deploy "${{ inputs.environment }}-platform" --skip-synth --auto-approve',
  ]);
});

test('the npm scripts the pipeline runs exist', () => {
  const scripts = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts);
  const used = new Set(files.flatMap((f) => [...text(f).matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1])));
  for (const s of used) expect(scripts).toContain(s);
});
