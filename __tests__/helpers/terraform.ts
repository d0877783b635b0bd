/** Helpers to follow references inside and across synthesized stacks. */
import type { StackJson } from './synth';

/** The resource of `type` whose construct path ends with `pathEnd` (e.g. `key-vault/vault`), with its logical name. */
export function byPath(s: StackJson, type: string, pathEnd: string): { name: string; body: Record<string, any> } {
  const hits = Object.entries(s.resource?.[type] ?? {}).filter(([, r]) => String((r as any)['//']?.metadata?.path ?? '').endsWith(`/${pathEnd}`));
  if (hits.length !== 1) throw new Error(`expected one ${type} at */${pathEnd}, found ${hits.length}`);
  return { name: hits[0][0], body: hits[0][1] as Record<string, any> };
}

/** `${<type>.<name>.<attr>}`: the interpolation of a resource attribute. */
export function ref(type: string, name: string, attr: string): string {
  return `\${${type}.${name}.${attr}}`;
}

const REMOTE = /^\$\{data\.terraform_remote_state\.[^.]+\.outputs\.([^}]+)\}$/;

/**
 * What a platform-stack value read through `terraform_remote_state` is in the infra stack: the infra output's value.
 * Fails when the value is not a cross-stack reference.
 */
export function crossStack(value: unknown, infra: StackJson): unknown {
  const m = REMOTE.exec(String(value));
  if (!m) throw new Error(`not a cross-stack reference: ${String(value)}`);
  const out = infra.output?.[m[1]];
  if (!out) throw new Error(`infra has no output ${m[1]}`);
  return out.value;
}
