/** Regenerates platform.schema.json, docs/configuration.md and docs/baseline.md. */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { baselineDocText } from '../lib/baseline/catalog';
import { configReferenceText, editorSchemaText } from '../lib/docs/config-reference';

const root = path.resolve(path.dirname(process.argv[1]), '..');
mkdirSync(path.join(root, 'docs'), { recursive: true });
writeFileSync(path.join(root, 'platform.schema.json'), editorSchemaText());
writeFileSync(path.join(root, 'docs', 'configuration.md'), configReferenceText());
writeFileSync(path.join(root, 'docs', 'baseline.md'), baselineDocText());
console.log('wrote platform.schema.json, docs/configuration.md and docs/baseline.md');
