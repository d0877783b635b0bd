/**
 * The change summary from Terraform's own plans: `terraform show -json <planfile>` of each stack, read through the
 * documented JSON output format (https://developer.hashicorp.com/terraform/internals/json-format): `resource_changes`
 * (actions, `action_reason`, `replace_paths`, before/after with `after_unknown`, `before_sensitive` and
 * `after_sensitive`), `resource_drift` and `output_changes`. Replacement, drift and values known only after apply
 * come from Terraform, not from the hand-kept replacement list; values Terraform marks sensitive are withheld before
 * anything is compared for display. Produces the same StackChange shape as the offline review.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { keyAttributes } from './key-attributes';
import { flatten, KNOWN_AFTER_APPLY, WITHHELD, type AttributeChange, type ResourceChange, type StackChange } from './review';

/** The parts of a `terraform show -json` plan this review reads. */
export interface PlanJson {
  readonly format_version?: string;
  readonly resource_changes?: PlanResourceChange[];
  readonly resource_drift?: PlanResourceChange[];
  readonly output_changes?: Record<string, PlanChange>;
}

export interface PlanChange {
  readonly actions: string[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly after_unknown?: unknown;
  readonly before_sensitive?: unknown;
  readonly after_sensitive?: unknown;
  readonly replace_paths?: Array<Array<string | number>>;
}

export interface PlanResourceChange {
  readonly address: string;
  readonly mode?: 'managed' | 'data';
  readonly type: string;
  readonly name?: string;
  readonly change: PlanChange;
  readonly action_reason?: string;
}

/** Refuses what is not a plan this reader understands (a state file, a binary plan, another major format version). */
export function checkPlan(plan: unknown, file: string): PlanJson {
  const p = plan as PlanJson | null;
  if (!p || typeof p !== 'object' || typeof p.format_version !== 'string') {
    throw new Error(`${file}: not a plan in Terraform's JSON format (make one with \`terraform show -json <planfile> > ${file}\`)`);
  }
  if (!p.format_version.startsWith('1.')) throw new Error(`${file}: plan format_version ${p.format_version} is not supported (allowed: 1.x)`);
  if (!('planned_values' in p) && !('resource_changes' in p)) {
    throw new Error(`${file}: a state, not a plan (no planned_values or resource_changes; make one with \`terraform plan -out <planfile>\` and \`terraform show -json <planfile>\`)`);
  }
  if (!Array.isArray(p.resource_changes) && p.resource_changes !== undefined) throw new Error(`${file}: resource_changes is not a list`);
  return p;
}

/** A `replace_paths` entry as a dotted path: `["network_profile", 0, "pod_cidr"]` -> `network_profile[0].pod_cidr`. */
export function pathString(steps: ReadonlyArray<string | number>): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Whether a mask (after_unknown, *_sensitive: `true` at marked leaves or whole blocks) marks `path` or a parent of it. */
function marked(mask: unknown, path: string): boolean {
  let m = mask;
  if (m === true) return true;
  for (const step of path.match(/[^.[\]]+/g) ?? []) {
    if (!m || typeof m !== 'object') return false;
    m = (m as Record<string, unknown>)[step];
    if (m === true) return true;
  }
  return false;
}

/** A value with masked leaves replaced: sensitive ones by WITHHELD, unknown ones by KNOWN_AFTER_APPLY. */
function masked(value: unknown, sensitive: unknown, unknown?: unknown): unknown {
  if (sensitive === true) return WITHHELD;
  if (unknown === true) return KNOWN_AFTER_APPLY;
  const s = sensitive && typeof sensitive === 'object' ? (sensitive as Record<string, unknown>) : {};
  const u = unknown && typeof unknown === 'object' ? (unknown as Record<string, unknown>) : {};
  if (Array.isArray(value) || Array.isArray(unknown)) {
    const n = Math.max(Array.isArray(value) ? value.length : 0, Array.isArray(unknown) ? unknown.length : 0);
    return Array.from({ length: n }, (_, i) => masked((value as unknown[] | undefined)?.[i], s[i], u[i]));
  }
  if ((value && typeof value === 'object') || Object.keys(u).length) {
    const v = (value ?? {}) as Record<string, unknown>;
    return Object.fromEntries([...new Set([...Object.keys(v), ...Object.keys(u)])].sort().map((k) => [k, masked(v[k], s[k], u[k])]));
  }
  return value;
}

/** Addresses in code-point order (the offline review's order). */
const byAddress = (a: PlanResourceChange, b: PlanResourceChange) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0);

const replacing = (actions: readonly string[]) => actions.includes('delete') && actions.includes('create');

function under(path: string, roots: readonly string[]): boolean {
  return roots.some((r) => path === r || path.startsWith(`${r}.`) || path.startsWith(`${r}[`) || r.startsWith(`${path}[`));
}

/** The changed attributes of one resource change, masked, with Terraform's replacement paths flagged. */
function attributeChanges(c: PlanChange): AttributeChange[] {
  const before = flatten(c.before ?? {}, '', new Map());
  const after = flatten(masked(c.after ?? {}, false, c.after_unknown), '', new Map());
  const roots = (c.replace_paths ?? []).map(pathString);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  // A block unknown as a whole (`"kube_config": true` in after_unknown) stands for each leaf it had before.
  for (const p of before.keys()) if (!after.has(p) && marked(c.after_unknown, p)) after.set(p, KNOWN_AFTER_APPLY);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const hasChildren = (p: string) => keys.some((k) => k.startsWith(`${p}.`) || k.startsWith(`${p}[`));
  return keys
    .sort()
    .filter((p) => p !== '' && !same(before.get(p), after.get(p)) && !(after.get(p) === KNOWN_AFTER_APPLY && !before.has(p) && hasChildren(p)))
    .map((p) => {
      const unknownAfter = after.get(p) === KNOWN_AFTER_APPLY;
      const sensitive = marked(c.before_sensitive, p) || marked(c.after_sensitive, p);
      return {
        path: p,
        before: sensitive && before.get(p) !== undefined ? WITHHELD : before.get(p),
        after: sensitive && after.get(p) !== undefined && !unknownAfter ? WITHHELD : after.get(p),
        forcesReplacement: under(p, roots),
        rotatesNodes: false,
        ...(sensitive ? { sensitive } : {}),
        ...(unknownAfter ? { unknownAfter } : {}),
      };
    });
}

function resourceChange(rc: PlanResourceChange): ResourceChange {
  const replaced = replacing(rc.change.actions);
  return { address: rc.address, type: rc.type, attributes: attributeChanges(rc.change), replaced, ...(replaced && rc.action_reason ? { reason: rc.action_reason } : {}) };
}

/** One stack's changes from its plan. */
export function planStackChange(stack: string, plan: PlanJson): StackChange {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: ResourceChange[] = [];
  const details: Record<string, Array<[string, unknown]>> = {};
  for (const rc of [...(plan.resource_changes ?? [])].sort(byAddress)) {
    const { actions } = rc.change;
    if (rc.mode === 'data' || actions.every((a) => a === 'no-op' || a === 'read')) continue;
    if (actions.length === 1 && actions[0] === 'create') {
      added.push(rc.address);
      details[rc.address] = keyAttributes(rc.type, masked(rc.change.after, rc.change.after_sensitive, rc.change.after_unknown) as Record<string, unknown>);
    } else if (actions.length === 1 && actions[0] === 'delete') {
      removed.push(rc.address);
      details[rc.address] = keyAttributes(rc.type, masked(rc.change.before, rc.change.before_sensitive) as Record<string, unknown>);
    } else changed.push(resourceChange(rc));
  }
  const drift = [...(plan.resource_drift ?? [])].sort(byAddress).map(resourceChange).filter((r) => r.attributes.length > 0);
  const outputs: StackChange['outputs'] = { added: [], removed: [], changed: [] };
  for (const name of Object.keys(plan.output_changes ?? {}).sort()) {
    const o = plan.output_changes![name];
    if (o.actions.includes('create') && !o.actions.includes('delete')) outputs.added.push(name);
    else if (o.actions.includes('delete') && !o.actions.includes('create')) outputs.removed.push(name);
    else if (o.actions.includes('update')) {
      const sensitive = o.before_sensitive === true || o.after_sensitive === true;
      const unknownAfter = o.after_unknown === true;
      outputs.changed.push({
        name,
        sensitive,
        attributes: [{ path: 'value', before: sensitive ? WITHHELD : o.before, after: unknownAfter ? KNOWN_AFTER_APPLY : sensitive ? WITHHELD : o.after, forcesReplacement: false, rotatesNodes: false, sensitive, unknownAfter }],
      });
    }
  }
  const any = added.length + removed.length + changed.length + drift.length + outputs.added.length + outputs.removed.length + outputs.changed.length > 0;
  return { stack, status: any ? 'changed' : 'unchanged', added, removed, changed, outputs, details, ...(drift.length ? { drift } : {}) };
}

/** Every stack's changes from its plan, by stack name. */
export function planChanges(plans: Record<string, PlanJson>): StackChange[] {
  return Object.keys(plans).sort().map((stack) => planStackChange(stack, plans[stack]));
}

/** The stack a plan file is for: its name without `.json` and a `.plan` / `.tfplan` before it (`prod-infra.plan.json`). */
export function stackOfPlanFile(file: string): string {
  return path.basename(file).replace(/\.json$/i, '').replace(/\.(tf)?plan$/i, '');
}

/**
 * Plans by stack from files and folders: a file is one stack's plan; a folder holds `<stack>.json` files, or
 * `<stack>/plan.json` (e.g. beside each stack under `cdktf.out/stacks/`). Throws naming the file that is not a plan.
 */
export function readPlans(paths: readonly string[]): Record<string, PlanJson> {
  const out: Record<string, PlanJson> = {};
  const add = (stack: string, file: string) => {
    if (out[stack]) throw new Error(`${file}: a second plan for stack ${stack}`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: cannot read the plan: ${(e as Error).message}`);
    }
    out[stack] = checkPlan(json, file);
  };
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`${p}: no such file or folder`);
    if (!statSync(p).isDirectory()) {
      add(stackOfPlanFile(p), p);
      continue;
    }
    const before = Object.keys(out).length;
    for (const e of readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isFile() && e.name.endsWith('.json')) add(stackOfPlanFile(e.name), path.join(p, e.name));
      else if (e.isDirectory() && existsSync(path.join(p, e.name, 'plan.json'))) add(e.name, path.join(p, e.name, 'plan.json'));
    }
    if (Object.keys(out).length === before) throw new Error(`${p}: no plan files (<stack>.json or <stack>/plan.json) in the folder`);
  }
  return out;
}
