import { z } from 'zod';

// The configuration is parsed once per process: zod's compiled (JIT) object parsers cost more to build than they
// save on a single parse.
z.config({ jitless: true });

/**
 * What each naming pattern allows, in words, keyed by the pattern as zod prints it (`/re/`). The error formatter reads it so a
 * failed pattern says what is allowed instead of printing a regular expression.
 */
export const ALLOWED_BY_PATTERN = new Map<string, string>();

/** A string that must match `re`; `allowed` is the human description used in error messages and the JSON Schema. */
export function pattern(re: RegExp, allowed: string) {
  ALLOWED_BY_PATTERN.set(String(re), allowed);
  return z.string().regex(re).describe(allowed);
}

/** The all-zero GUID: the example file's marked placeholder for IDs the user has not given yet. */
export const PLACEHOLDER_GUID = '00000000-0000-0000-0000-000000000000';

export const guid = pattern(
  /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  'a GUID such as 3f2b9c1e-0000-4000-8000-1234567890ab',
);

export const ipv4Cidr = pattern(
  /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/,
  'an IPv4 CIDR such as 10.0.0.0/16',
);

export const ipv4 = pattern(
  /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/,
  'an IPv4 address such as 10.0.0.10',
);

export const azureResourceId = pattern(
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/.+$/i,
  'an Azure resource ID (/subscriptions/<id>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>)',
);

/**
 * Azure resource tags. Names: at most 128 characters (512 elsewhere, 128 on storage accounts, which are tagged too),
 * none of `< > % & \ ? /`; values at most 256 characters; at most 50 tags on a resource (checked on the merged tags).
 * Source: Microsoft Learn, "Use tags to organize your Azure resources", Limitations.
 */
export const tags = z.record(
  pattern(/^[^<>%&\\?/]{1,128}$/, '1-128 characters, none of < > % & \\ ? / (Azure tag names)'),
  z.string().max(256, { message: 'is longer than an Azure tag value may be' }),
);

/** A Kubernetes label name segment: 1-63 alphanumerics, `-`, `_`, `.`, starting and ending alphanumeric. */
const LABEL_NAME = '[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
/** An optional DNS-subdomain prefix (at most 253 characters) and `/`, then a name. */
const LABEL_KEY = new RegExp(`^(?=.{1,317}$)([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?${LABEL_NAME}$`);

/**
 * Kubernetes labels (also AKS node labels): keys are an optional DNS-subdomain prefix and `/` and a name of at most 63
 * characters; values are empty or a name of at most 63 characters. Source: Kubernetes docs, "Labels and Selectors",
 * Syntax and character set.
 */
export const k8sLabels = z.record(
  pattern(LABEL_KEY, 'a label key: optional DNS prefix and /, then 1-63 letters, digits, - _ . starting and ending with a letter or digit').refine(
    (k) => !k.includes('/') || k.indexOf('/') <= 253,
    { message: 'label key prefix is longer than 253 characters' },
  ),
  pattern(new RegExp(`^(${LABEL_NAME})?$`), 'a label value: empty or 1-63 letters, digits, - _ . starting and ending with a letter or digit'),
);
