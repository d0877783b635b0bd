/** Regenerates platform.schema.json and docs/configuration.md from the schema. */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { configReferenceText, editorSchemaText } from '../lib/docs/config-reference';

const root = path.resolve(path.dirname(process.argv[1]), '..');
mkdirSync(path.join(root, 'docs'), { recursive: true });
writeFileSync(path.join(root, 'platform.schema.json'), editorSchemaText());
writeFileSync(path.join(root, 'docs', 'configuration.md'), configReferenceText());
console.log('wrote platform.schema.json and docs/configuration.md');
