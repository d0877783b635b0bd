/** The stack snapshot files: which configurations they cover, their stable bytes, and reading them back. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { snapshotFile, snapshotSources, stableJson, stacksFromSnapshots } from '../../lib/snapshots';

test('platform.yaml and every examples/*.yaml are snapshotted, examples found in the folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sources-'));
  writeFileSync(path.join(dir, 'platform.yaml'), '');
  mkdirSync(path.join(dir, 'examples'));
  for (const f of ['regulated.yaml', 'landing-zone.yml', 'README.md', 'app.ts']) writeFileSync(path.join(dir, 'examples', f), '');
  expect(snapshotSources(dir)).toEqual([
    { name: 'platform', config: 'platform.yaml' },
    { name: 'examples/landing-zone', config: 'examples/landing-zone.yml' },
    { name: 'examples/regulated', config: 'examples/regulated.yaml' },
  ]);
  expect(snapshotFile(snapshotSources(dir)[2], 'prod-infra')).toBe('snapshots/examples/regulated/prod-infra.tf.json');
});

test('a snapshot is the JSON with keys sorted at every level, whatever order they were built in', () => {
  const a = stableJson({ resource: { b: { z: 1, a: [{ y: 2, x: 1 }] }, a: {} } });
  expect(a).toBe(stableJson({ resource: { a: {}, b: { a: [{ x: 1, y: 2 }], z: 1 } } }));
  expect(a).toBe('{\n  "resource": {\n    "a": {},\n    "b": {\n      "a": [\n        {\n          "x": 1,\n          "y": 2\n        }\n      ],\n      "z": 1\n    }\n  }\n}\n');
});

test('snapshot files read back as stacks by name', () => {
  const stack = { resource: { helm_release: { r: { values: ['a: "q" `t` ${var.x}\n'] } } } };
  expect(stacksFromSnapshots(new Map([['snapshots/platform/dev-platform.tf.json', stableJson(stack)]]))).toEqual({ 'dev-platform': stack });
});
