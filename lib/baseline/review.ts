/**
 * The change summary a reviewer pastes into a pull request: per stack, the resources added, removed and changed
 * between two sets of synthesized stacks, with each changed attribute and whether it forces replacement.
 */
import { DEFAULT_POOL_ROTATION_ATTRIBUTES, POOL_ROTATION_ATTRIBUTES, REPLACEMENT_ATTRIBUTES } from '../azure/replacement';
import { keyAttributes } from './key-attributes';
import { diffBlock, mentionsSensitiveKey } from './line-diff';
import type { StackJson } from './stack-model';

export interface AttributeChange {
  /** Dotted path; block indexes as `[0]`. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly forcesReplacement: boolean;
  /** The change rebuilds every node of the pool (rotation through `temporary_name_for_rotation`) without replacing the resource. */
  readonly rotatesNodes: boolean;
  /** The value is withheld (Terraform marks it sensitive); set by the plan review. */
  readonly sensitive?: boolean;
  /** The new value is known only after apply; set by the plan review. */
  readonly unknownAfter?: boolean;
}

export interface ResourceChange {
  /** `type.name` or `data.type.name` inside the stack. */
  readonly address: string;
  readonly type: string;
  readonly attributes: AttributeChange[];
  readonly replaced: boolean;
  /** Why Terraform replaces it (the plan's `action_reason`, e.g. `replace_because_cannot_update`); plan review only. */
  readonly reason?: string;
}

/**
 * A change of where a stack's state lives (`terraform.backend`, `terraform.cloud`): the state must be migrated
 * before the next apply, or Terraform starts from an empty state and plans to create everything again.
 */
export interface BackendChange {
  /** The backend kind before and after: `local`, `azurerm`, `cloud`, ... */
  readonly before: string;
  readonly after: string;
  /** The changed backend settings, as `backend.<kind>.<setting>` or `cloud.<setting>`. */
  readonly attributes: AttributeChange[];
}

export interface OutputChange {
  readonly name: string;
  /** Attributes of the output block (`value`, `sensitive`, `description`) that changed. */
  readonly attributes: AttributeChange[];
  /** The output is sensitive before or after: its value is never shown. */
  readonly sensitive: boolean;
}

export interface StackChange {
  readonly stack: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly added: string[];
  readonly removed: string[];
  readonly changed: ResourceChange[];
  /** Set when both sides have the stack and its backend differs: a state move. */
  readonly backend?: BackendChange;
  readonly outputs: { readonly added: string[]; readonly removed: string[]; readonly changed: OutputChange[] };
  /** Key attributes of each added and removed resource, by address (see key-attributes.ts). */
  readonly details: Record<string, Array<[string, unknown]>>;
  /** Resources changed outside Terraform since the last apply (the plan's `resource_drift`); plan review only. */
  readonly drift?: ResourceChange[];
}

type Entries = Map<string, { type: string; attrs: Record<string, unknown> }>;

function entries(s: StackJson | undefined): Entries {
  const out: Entries = new Map();
  for (const kind of ['resource', 'data'] as const) {
    const byType = (s?.[kind] ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
    for (const type of Object.keys(byType)) {
      for (const name of Object.keys(byType[type])) out.set(`${kind === 'data' ? 'data.' : ''}${type}.${name}`, { type, attrs: byType[type][name] });
    }
  }
  return out;
}

/** Leaves of a value by path; arrays of scalars are one leaf, arrays of blocks are indexed. */
export function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  const scalarArray = Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
  if (value && typeof value === 'object' && !scalarArray) {
    if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
    else {
      const keys = Object.keys(value).filter((k) => k !== '//');
      if (keys.length === 0) out.set(prefix, value);
      for (const k of keys) flatten((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, out);
    }
  } else out.set(prefix, value);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A path without block indexes. The replacement list writes Terraform's `network_profile[0].pod_cidr`; synthesized
 * JSON holds one nested block as an object, so the diff sees `network_profile.pod_cidr`.
 */
const bare = (p: string) => p.replace(/\[\d+\]/g, '');
const under = (list: readonly string[], path: string) => {
  const p = bare(path);
  return list.some((a) => p === bare(a) || p.startsWith(`${bare(a)}.`));
};

/**
 * Whether changing `path` of a resource of `type` from `before` to `after` makes Terraform destroy and recreate it,
 * by the cluster engineer's list (lib/azure/replacement.ts), with its conditional cases: the network policy
 * engine and data plane force replacement only when one was already set, the plugin mode only when it changes to
 * anything but overlay.
 */
export function replaces(type: string, path: string, before: unknown, after: unknown): boolean {
  if (!under(REPLACEMENT_ATTRIBUTES[type] ?? [], path)) return false;
  if (type === 'azurerm_kubernetes_cluster') {
    const p = bare(path);
    if (p === 'network_profile.network_policy' || p === 'network_profile.network_data_plane') return before !== undefined && before !== null;
    if (p === 'network_profile.network_plugin_mode') return after !== 'overlay';
  }
  return true;
}

/** Whether changing `path` rebuilds a node pool's nodes (the default pool of a cluster, or a node pool). */
export function rotatesNodes(type: string, path: string): boolean {
  if (type === 'azurerm_kubernetes_cluster') return under(DEFAULT_POOL_ROTATION_ATTRIBUTES, path);
  if (type === 'azurerm_kubernetes_cluster_node_pool') return under(POOL_ROTATION_ATTRIBUTES, path);
  return false;
}

function diffResource(type: string, before: Record<string, unknown>, after: Record<string, unknown>): AttributeChange[] {
  const a = flatten(before, '', new Map());
  const b = flatten(after, '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((p) => !same(a.get(p), b.get(p)))
    .map((p) => ({ path: p, before: a.get(p), after: b.get(p), forcesReplacement: replaces(type, p, a.get(p), b.get(p)), rotatesNodes: rotatesNodes(type, p) }));
}

/** The backend part of a stack's `terraform` block (a `cloud` block or one `backend.<kind>`). */
function backendOf(s: StackJson): { kind: string; config: Record<string, unknown> } {
  const t = (s.terraform ?? {}) as { backend?: Record<string, unknown>; cloud?: unknown };
  const config = { ...(t.backend ? { backend: t.backend } : {}), ...(t.cloud ? { cloud: t.cloud } : {}) };
  return { kind: t.cloud ? 'cloud' : Object.keys(t.backend ?? {})[0] ?? 'local', config };
}

function diffBackend(before: StackJson, after: StackJson): BackendChange | undefined {
  const a = backendOf(before);
  const b = backendOf(after);
  const attributes = diffResource('terraform', a.config, b.config).map((c) => ({ ...c, forcesReplacement: false, rotatesNodes: false }));
  return attributes.length ? { before: a.kind, after: b.kind, attributes } : undefined;
}

function diffOutputs(before: StackJson, after: StackJson): StackChange['outputs'] {
  const a = (before.output ?? {}) as Record<string, Record<string, unknown>>;
  const b = (after.output ?? {}) as Record<string, Record<string, unknown>>;
  const changed: OutputChange[] = [];
  for (const name of Object.keys(b).filter((n) => n in a).sort()) {
    const attributes = diffResource('output', a[name], b[name]).map((c) => ({ ...c, forcesReplacement: false, rotatesNodes: false }));
    if (attributes.length) changed.push({ name, attributes, sensitive: a[name].sensitive === true || b[name].sensitive === true });
  }
  return { added: Object.keys(b).filter((n) => !(n in a)).sort(), removed: Object.keys(a).filter((n) => !(n in b)).sort(), changed };
}

/** Compares two sets of stacks by stack name and resource address, and each stack's backend and outputs. */
export function diffStacks(before: Record<string, StackJson>, after: Record<string, StackJson>): StackChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.map((stack) => {
    const a = entries(before[stack]);
    const b = entries(after[stack]);
    const added = [...b.keys()].filter((k) => !a.has(k)).sort();
    const removed = [...a.keys()].filter((k) => !b.has(k)).sort();
    const changed: ResourceChange[] = [];
    for (const k of [...b.keys()].filter((x) => a.has(x)).sort()) {
      const attributes = diffResource(b.get(k)!.type, a.get(k)!.attrs, b.get(k)!.attrs);
      if (attributes.length) changed.push({ address: k, type: b.get(k)!.type, attributes, replaced: attributes.some((c) => c.forcesReplacement) });
    }
    const both = before[stack] !== undefined && after[stack] !== undefined;
    const backend = both ? diffBackend(before[stack], after[stack]) : undefined;
    const outputs = both ? diffOutputs(before[stack], after[stack]) : { added: [], removed: [], changed: [] };
    const outputsChanged = outputs.added.length + outputs.removed.length + outputs.changed.length > 0;
    const status = !before[stack] ? 'added' : !after[stack] ? 'removed' : added.length || removed.length || changed.length || backend || outputsChanged ? 'changed' : 'unchanged';
    const details = Object.fromEntries([...added.map((k) => [k, b.get(k)!] as const), ...removed.map((k) => [k, a.get(k)!] as const)].map(([k, e]) => [k, keyAttributes(e.type, e.attrs)]));
    return { stack, status, added, removed, changed, ...(backend ? { backend } : {}), outputs, details };
  });
}

/** Attribute names whose values never appear in a review (they would be secrets if they were ever literal). */
const SENSITIVE = /(password|secret|private_key|access_key|client_key|token|connection_string|sas|certificate_data)$/i;

/** Whether an attribute's value is withheld: a sensitive name, a Key Vault secret value, a Helm `set_sensitive` value, Kubernetes Secret data. */
export function isSensitive(type: string, path: string): boolean {
  const p = bare(path);
  const last = p.split('.').pop() ?? '';
  if (SENSITIVE.test(last) || (type === 'azurerm_key_vault_secret' && last === 'value')) return true;
  if (type === 'helm_release' && (p === 'set_sensitive' || p === 'set_sensitive.value')) return true;
  return /^kubernetes_secret(_v1)?$/.test(type) && /^(data|binary_data)(\.|$)/.test(p);
}

/** Stands for a value Terraform knows only after apply (plan review). */
export const KNOWN_AFTER_APPLY: unique symbol = Symbol('known after apply');
/** Stands for a value Terraform marks sensitive (plan review): never read, never shown. */
export const WITHHELD: unique symbol = Symbol('sensitive');

/** Values longer than this (as JSON), or spanning lines, are shown as a line diff instead of inline. */
const INLINE_MAX = 100;

/** Whether a value is shown as a line diff: multi-line, long, or text that sets a sensitive key (redacted line by line). */
function asBlock(v: unknown): boolean {
  if (v === undefined) return false;
  if (typeof v === 'string') return v.includes('\n') || v.length > INLINE_MAX || mentionsSensitiveKey(v);
  if (Array.isArray(v) && v.some((x) => typeof x === 'string' && (x.includes('\n') || mentionsSensitiveKey(x)))) return true;
  return JSON.stringify(v).length > INLINE_MAX;
}

function shown(v: unknown): string {
  if (v === undefined) return '(unset)';
  if (v === WITHHELD) return '(sensitive)';
  if (v === KNOWN_AFTER_APPLY) return '(known after apply)';
  return `\`${JSON.stringify(v).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

const mark = (a: AttributeChange) => (a.forcesReplacement ? ' **forces replacement**' : a.rotatesNodes ? " **rebuilds the pool's nodes**" : '');

/** One changed attribute: inline `before -> after`, or for long and multi-line values a fenced line diff under it. */
function attributeLines(type: string, a: AttributeChange, sensitive = a.sensitive === true || isSensitive(type, a.path)): string[] {
  if (sensitive) {
    const s = (v: unknown) => (v === undefined ? '(unset)' : v === KNOWN_AFTER_APPLY ? '(known after apply)' : '(sensitive)');
    return [`  - \`${a.path}\`: ${s(a.before)} -> ${s(a.after)}${mark(a)}`];
  }
  if (a.after !== KNOWN_AFTER_APPLY && (asBlock(a.before) || asBlock(a.after))) {
    const what = a.before === undefined ? 'set' : a.after === undefined ? 'unset' : 'changed';
    return [`  - \`${a.path}\`: ${what}${mark(a)}`, ...diffBlock(a.before, a.after, '    ')];
  }
  return [`  - \`${a.path}\`: ${shown(a.before)} -> ${shown(a.after)}${mark(a)}`];
}

/** An added or removed resource with its key attributes: `- added \`addr\`: vm_size \`"x"\`, zones \`["1"]\``. */
function resourceLine(verb: string, address: string, c: StackChange): string {
  const type = address.replace(/^data\./, '').split('.')[0];
  const attrs = (c.details[address] ?? []).map(([p, v]) => `${p} ${isSensitive(type, p) ? '(sensitive)' : shown(v)}`);
  return `- ${verb} \`${address}\`${attrs.length ? `: ${attrs.join(', ')}` : ''}`;
}

export interface ReviewMarkdownOptions {
  /** The first sentence under the heading. @default `Synthesized stacks compared with <base>.` */
  readonly intro?: string;
}

/** The change summary as Markdown, for a pull request. */
export function reviewMarkdown(changes: readonly StackChange[], base: string, options: ReviewMarkdownOptions = {}): string {
  const lines = [
    '## Infrastructure change summary',
    '',
    options.intro ?? `Synthesized stacks compared with ${base}.`,
    '',
    '| stack | status | added | removed | changed | replaced |',
    '|---|---|---:|---:|---:|---:|',
  ];
  for (const c of changes) {
    lines.push(`| ${c.stack} | ${c.status} | ${c.added.length} | ${c.removed.length} | ${c.changed.length} | ${c.changed.filter((r) => r.replaced).length} |`);
  }
  const replaced = changes.flatMap((c) => c.changed.filter((r) => r.replaced).map((r) => `\`${c.stack}.${r.address}\``));
  if (replaced.length) lines.push('', `**Destroyed and recreated on apply:** ${replaced.join(', ')}`);
  const moves = changes.filter((c) => c.backend).map((c) => `\`${c.stack}\` (${c.backend!.before} -> ${c.backend!.after})`);
  if (moves.length) lines.push('', `**State moves, plan a state migration before apply:** ${moves.join(', ')}`);
  for (const c of changes) {
    if (c.status === 'unchanged') continue;
    lines.push('', `### ${c.stack} (${c.status})`, '');
    if (c.backend) {
      lines.push(
        `- **backend changed, the state moves** (${c.backend.before} -> ${c.backend.after}): migrate it before the next apply ` +
          `(\`terraform init -migrate-state\` in \`cdktf.out/stacks/${c.stack}\`), or Terraform starts from an empty state and plans to create every resource again`,
      );
      for (const a of c.backend.attributes) lines.push(...attributeLines('terraform', a));
    }
    for (const a of c.added) lines.push(resourceLine('added', a, c));
    for (const r of c.removed) lines.push(resourceLine('removed', r, c));
    for (const r of c.changed) {
      lines.push(`- changed \`${r.address}\`${r.replaced ? ` **(forces replacement${r.reason ? `: ${r.reason}` : ''})**` : ''}`);
      for (const a of r.attributes) lines.push(...attributeLines(r.type, a));
    }
    for (const r of c.drift ?? []) {
      lines.push(`- drifted \`${r.address}\` (changed outside Terraform since the last apply)`);
      for (const a of r.attributes) lines.push(...attributeLines(r.type, a));
    }
    for (const o of c.outputs.added) lines.push(`- output added \`${o}\``);
    for (const o of c.outputs.removed) lines.push(`- output removed \`${o}\``);
    for (const o of c.outputs.changed) {
      lines.push(`- output changed \`${o.name}\`${o.sensitive ? ' (sensitive)' : ''}`);
      for (const a of o.attributes) lines.push(...attributeLines('output', a, isSensitive('output', a.path) || (o.sensitive && /^value(\.|$)/.test(bare(a.path)))));
    }
  }
  if (changes.every((c) => c.status === 'unchanged')) lines.push('', 'No resource changes.');
  return `${lines.join('\n')}\n`;
}
