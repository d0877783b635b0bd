import { readFileSync } from 'fs';
import * as path from 'path';
import { baselineDocText, NOT_COVERED } from '../../lib/baseline/catalog';
import { RULES } from '../../lib/baseline/rules';
import { ROOT } from '../helpers/synth';

test('docs/baseline.md is up to date (run npm run docs)', () => {
  expect(readFileSync(path.join(ROOT, 'docs', 'baseline.md'), 'utf8')).toBe(baselineDocText());
});

test('no scanner check is both covered by a rule and listed as not covered', () => {
  const covered = new Set(RULES.flatMap((r) => r.scanners ?? []));
  for (const [ids] of NOT_COVERED) for (const id of ids.split(' / ')) expect(covered.has(id)).toBe(false);
});

test('every rule names its seed section and a remedy', () => {
  for (const r of RULES) {
    expect(r.seed.length).toBeGreaterThan(5);
    expect(r.remedy.length).toBeGreaterThan(10);
  }
});
