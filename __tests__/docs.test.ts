import { readFileSync } from 'fs';
import * as path from 'path';
import { configReferenceText, editorSchemaText } from '../lib/docs/config-reference';
import { ROOT } from './helpers/synth';

/** Generated files must match the schema; `npm run docs` regenerates them. */
describe('generated documentation is current (run `npm run docs` if this fails)', () => {
  test('platform.schema.json', () => {
    expect(readFileSync(path.join(ROOT, 'platform.schema.json'), 'utf8')).toBe(editorSchemaText());
  });

  test('docs/configuration.md', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'configuration.md'), 'utf8')).toBe(configReferenceText());
  });

  test('platform.yaml points editors at the schema', () => {
    expect(readFileSync(path.join(ROOT, 'platform.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/platform\.schema\.json$/m);
  });
});
