/**
 * The bad-input battery: each case runs the bundled app (as `npm run synth` does) on a project whose cdktf.out holds a
 * good earlier synth, and asserts the exit code, a message naming the file and the field, and an untouched output.
 * Every case crashed, hung, echoed content or was accepted before the hardening (docs/safety.md).
 */
import { execFileSync, spawnSync } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { defaultConfigObject, FIXTURE_CONFIG, ROOT, tree } from '../helpers/synth';

const MAIN = path.join(ROOT, 'dist', 'main.js');
const RUN = path.join(ROOT, 'scripts', 'run-cached.js');
const FIXTURE = readFileSync(FIXTURE_CONFIG, 'utf8');

let dir: string;
let before: Record<string, string>;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js')]);
  dir = mkdtempSync(path.join(tmpdir(), 'battery-'));
  cpSync(FIXTURE_CONFIG, path.join(dir, 'platform.yaml'));
  const first = run({});
  if (first.status !== 0) throw new Error(`the good synth failed: ${first.stderr}`);
  before = tree(path.join(dir, 'cdktf.out'));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string>) {
  return spawnSync(process.execPath, [RUN, MAIN], { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: '', ...env }, encoding: 'utf8', timeout: 30_000 });
}

/** The fixture with `patch` deep-merged in, as YAML text. */
const withPatch = (patch: Record<string, unknown>) => {
  const o = defaultConfigObject() as Record<string, any>;
  const merge = (a: any, b: any) => {
    for (const [k, v] of Object.entries(b)) a[k] = v && typeof v === 'object' && !Array.isArray(v) && a[k] && typeof a[k] === 'object' ? merge(a[k], v) : v;
    return a;
  };
  return stringify(merge(o, patch));
};
const prod = (p: Record<string, unknown>) => withPatch({ environments: { prod: p } });

type Case = [name: string, file: string | (() => string), message: RegExp];
const aliasBomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill('*' + 'abcdefgh'[i]).join(',')}]`)].join('\n');

const CASES: Case[] = [
  // Parser limits
  ['an alias bomb', aliasBomb, /platform\.yaml:2:\d+: \(top level\): too many alias expansions/],
  ['flow sequences nested 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000), /platform\.yaml:1:1: \(top level\): nested too deeply \(allowed at most 64 levels/],
  ['block mappings nested 100 deep (parsed, then refused at the place)', Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n', /platform\.yaml:64:64: k0\.k1\.k2\..*\.k63: nested too deeply \(allowed at most 64 levels/],
  ['block mappings nested 1,000 deep', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n', /platform\.yaml:65:\d+: .*nested too deeply \(allowed at most 64 levels/],
  ['block mappings nested 2,000 deep (over the size cap at one space per level)', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n', /platform\.yaml: \(top level\): the configuration file is too large/],
  ['a file over the size cap', FIXTURE + `# ${'x'.repeat(1024 * 1024)}\n`, /platform\.yaml: \(top level\): the configuration file is too large \(\d+ bytes\) \(allowed at most 1048576 bytes/],
  ['a duplicate key', FIXTURE.replace('project: demo', 'project: demo\nowner: someone'), /platform\.yaml:12:1: \(top level\): duplicate key "owner"/],
  ['a file that is not YAML settings (/etc/passwd)', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n', /platform\.yaml:1:1: \(top level\): the file holds a single string/],
  ['__proto__ in an environment', FIXTURE.replace('  prod:\n', '  prod:\n    __proto__: { preset: development }\n'), /platform\.yaml:\d+:\d+: environments\.prod\.__proto__: unknown key/],
  // Field limits
  ['a control character in a tag', prod({ tags: { team: 'a\u0007b' } }), /platform\.yaml:\d+:\d+: environments\.prod\.tags\.team: contains a control character \(U\+0007/],
  ['a bidi override in the owner', FIXTURE.replace('owner: platform-team', 'owner: "team\\u202Eevil"'), /platform\.yaml:\d+:\d+: owner: contains a control character \(U\+202E/],
  ['a tag value over 256 characters', prod({ tags: { team: 'x'.repeat(300) } }), /environments\.prod\.tags\.team: too big .*allowed <= 256\)/],
  ['a tag name with a forbidden character', prod({ tags: { 'cost/center': 'a' } }), /environments\.prod\.tags(\.cost\/center)?: invalid name/],
  ['more than 50 tags', prod({ tags: Object.fromEntries(Array.from({ length: 47 }, (_, i) => [`t${i}`, 'v'])) }), /environments\.prod\.tags: gives every resource 51 tags/],
  ['a label value over 63 characters', prod({ nodePools: { apps: { kind: 'user', labels: { tier: 'x'.repeat(64) } } } }), /environments\.prod\.nodePools\.apps\.labels\.tier: invalid format/],
  ['a label key that is not DNS-label syntax', prod({ nodePools: { apps: { kind: 'user', labels: { '-bad key': 'a' } } } }), /environments\.prod\.nodePools\.apps\.labels.*invalid name/],
  ['a 200 KiB string', prod({ tags: { team: 'x'.repeat(200 * 1024) } }), /environments\.prod\.tags\.team: is too long \(204800 characters\)/],
  // Secrets in Helm values
  ['a password in an env list', prod({ ingress: { nginx: { values: { controller: { extraEnvs: [{ name: 'DB_PASSWORD', value: 'hunter2' }] } } } } }), /environments\.prod\.ingress\.nginx\.values\.controller\.extraEnvs\.0\.value: looks like a credential/],
  ['a storage connection string', prod({ ingress: { nginx: { values: { controller: { config: { upstream: 'AccountName=a;AccountKey=aHVudGVy;' } } } } } }), /environments\.prod\.ingress\.nginx\.values\.controller\.config\.upstream: looks like a credential \(the value looks like a connection string/],
  // Chart values
  ['a free-form key where the chart has none', prod({ addons: { trivyOperator: { values: { podLabels: { team: 'a' } } } } }), /environments\.prod\.addons\.trivyOperator\.values\.podLabels: not a key of chart trivy-operator|unknown values key "podLabels"/],
];

describe('bad input: exit 1, a message naming the file and the field, the output untouched', () => {
  test.each(CASES)('%s', (_, file, message) => {
    writeFileSync(path.join(dir, 'platform.yaml'), typeof file === 'string' ? file : file());
    const r = run({});
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(r.stderr).not.toMatch(/hunter2|aHVudGVy|root:x:0/); // nothing secret or foreign echoed
    expect(tree(path.join(dir, 'cdktf.out'))).toEqual(before);
  });

  const special: [string, string, RegExp][] = [
    ['/dev/zero', '/dev/zero', /\/dev\/zero: \(top level\): the configuration is a device, not a regular file/],
    ['a directory', '.', /: \(top level\): the configuration is a directory, not a regular file/],
    ['a missing file', 'nope.yaml', /nope\.yaml: \(top level\): cannot read the configuration file: ENOENT/],
  ];
  test.each(special)('PLATFORM_CONFIG=%s is refused before reading', (_, file, message) => {
    const r = run({ PLATFORM_CONFIG: file });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(tree(path.join(dir, 'cdktf.out'))).toEqual(before);
  });

  test('a FIFO with no writer is refused at once, not waited on', () => {
    const fifo = path.join(dir, 'pipe.yaml');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo on this platform
    const r = run({ PLATFORM_CONFIG: fifo });
    expect(r.error).toBeUndefined(); // no timeout
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/pipe\.yaml: \(top level\): the configuration is a FIFO, not a regular file/);
    expect(tree(path.join(dir, 'cdktf.out'))).toEqual(before);
  });
});
