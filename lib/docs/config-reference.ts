/**
 * The configuration reference (docs/configuration.md) and the editor schema (platform.schema.json), both
 * generated from the zod schema so they cannot drift from it. A test fails when the committed files are stale.
 */
import { PRESET_LAYERS } from '../config/presets';
import { fileJsonSchema } from '../config/schema';

type JsonSchema = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  required?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
};

/** platform.schema.json, as committed (stable key order, trailing newline). */
export function editorSchemaText(): string {
  const schema = fileJsonSchema();
  const envs = (schema.properties as Record<string, JsonSchema>).environments.additionalProperties as JsonSchema;
  const defaults = (schema.properties as Record<string, JsonSchema>).defaults as JsonSchema;
  // Any environment field may come from `defaults` or the preset: none is required at the file level.
  delete envs.required;
  delete defaults.required;
  return `${JSON.stringify({ title: 'platform.yaml', ...schema }, null, 2)}\n`;
}

/** One row per leaf of a preset layer: dotted path and JSON value. */
function presetRows(layer: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(layer).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? presetRows(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`| \`${prefix}${k}\` | \`${JSON.stringify(v)}\` |`],
  );
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    const disc = variants.every((v) => v.properties?.type?.const !== undefined);
    if (disc) return `one of (type: ${variants.map((v) => `\`${String(v.properties!.type.const)}\``).join(', ')})`;
    return variants.map(typeOf).join(' \\| ');
  }
  if (s.type === 'array' && s.items) return `list of ${typeOf(s.items)}`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object' && !s.properties) {
    return `map of ${typeOf(s.additionalProperties)}`;
  }
  return Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
}

function rows(s: JsonSchema, prefix: string, out: string[]): void {
  const variants = s.oneOf ?? s.anyOf;
  if (variants && variants.every((v) => v.properties)) {
    for (const v of variants) {
      const disc = Object.entries(v.properties!).find(([, p]) => p.const !== undefined);
      const label = disc ? `${prefix} (${disc[0]}: ${String(disc[1].const)})` : prefix;
      rows(v, label, out);
    }
    return;
  }
  for (const [key, p] of Object.entries(s.properties ?? {})) {
    const name = prefix ? `${prefix}.${key}` : key;
    const desc = (p.description ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const def = p.default !== undefined ? `\`${JSON.stringify(p.default)}\`` : '';
    out.push(`| \`${name}\` | ${typeOf(p)} | ${def} | ${desc} |`);
    if (p.properties || p.oneOf || p.anyOf?.every((v) => v.properties)) rows(p, name, out);
    const map = typeof p.additionalProperties === 'object' ? p.additionalProperties : undefined;
    if (map?.properties) rows(map, `${name}.<name>`, out);
    if (p.type === 'array' && p.items?.properties) rows(p.items, `${name}[]`, out);
    if (p.type === 'object' && !p.properties && map?.type === 'object' && !map.properties && map.additionalProperties) {
      // record of records (e.g. nodePoolDefaults): nothing further to list
    }
  }
}

/** docs/configuration.md. */
export function configReferenceText(): string {
  const schema = JSON.parse(editorSchemaText()) as JsonSchema;
  const top: string[] = [];
  const env: string[] = [];
  const props = schema.properties!;
  rows({ properties: { $schema: props.$schema, project: props.project, owner: props.owner } }, '', top);
  rows(props.environments.additionalProperties as JsonSchema, '', env);
  return [
    '# Configuration reference',
    '',
    'Generated from `lib/config/schema/` by `npm run docs`; a test fails when this file is stale. Do not edit by hand.',
    '',
    'An environment is built from, lowest first: the schema defaults below (the production baseline), its preset,',
    'the file\'s `defaults` block, and its own block under `environments.<name>`. Objects merge field by field;',
    'lists and values replace; `null` removes an inherited entry. Fields marked "Forces replacement" destroy and',
    'recreate the resource when changed on a deployed environment.',
    '',
    'Maps that have a default of their own (`nodePools`, `namespaces`, `backup.schedules`) are replaced as a whole by',
    'a value you give, not merged with that default.',
    '',
    '## Presets',
    '',
    '`production` changes nothing: the defaults below are the production baseline. `development` sets these, under',
    'the file\'s `defaults` and the environment\'s own block (from `lib/config/presets.ts`):',
    '',
    '| Field | Value |',
    '|---|---|',
    ...presetRows(PRESET_LAYERS.development),
    '',
    '## Top level',
    '',
    '| Field | Type | Default | Description |',
    '|---|---|---|---|',
    ...top,
    '| `defaults` | environment | | Settings shared by every environment (any field below). |',
    '| `environments.<name>` | environment | | One environment; `<name>` is 1-10 lowercase letters and digits. |',
    '',
    '## Environment fields',
    '',
    '| Field | Type | Default | Description |',
    '|---|---|---|---|',
    ...env,
    '',
  ].join('\n');
}
