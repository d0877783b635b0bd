/**
 * Configuration strings reach Terraform as literals, never as expressions. Terraform evaluates `${...}`
 * (interpolation) and `%{...}` (directives) in every string of a JSON configuration; `$${` and `%%{` are their
 * escapes, which Terraform turns back into `${` and `%{` (Terraform language docs, "Strings and Templates":
 * "Template Literals" escape sequences). cdktf escapes literals only inside expressions it builds itself, not in plain
 * attribute strings, so the app escapes every configuration string (and every key of a free-form map: tags, labels,
 * annotations, Helm values) once, before the stacks are built.
 */

const TEMPLATE_START = /([$%])\{/g;

/** `s` with Terraform's template sequences escaped: `${` -> `$${`, `%{` -> `%%{`. */
export function terraformLiteral(s: string): string {
  return s.indexOf('{') < 0 ? s : s.replace(TEMPLATE_START, '$1$1{');
}

/**
 * Whether `s` holds a template sequence Terraform would evaluate: a `${` or `%{` not directly after another `$` / `%`.
 * HCL's template scanner reads `$` + `${` as the literal `${` whatever precedes it (hashicorp/hcl
 * hclsyntax/scan_tokens.rl, `TemplateNotInterp` / `TemplateNotControl`).
 */
export function hasTemplateSequence(s: string): boolean {
  return /(^|[^$])\$\{|(^|[^%])%\{/.test(s);
}

/**
 * A copy of a configuration value with every string and every object key escaped for Terraform. Plain data only
 * (objects, arrays, strings, numbers, booleans, null), which is what the configuration loader returns.
 */
export function terraformLiterals<T>(value: T): T {
  return escape(value) as T;
}

function escape(value: unknown): unknown {
  if (typeof value === 'string') return terraformLiteral(value);
  if (Array.isArray(value)) return value.map(escape);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[terraformLiteral(k)] = escape(v);
    return out;
  }
  return value;
}
