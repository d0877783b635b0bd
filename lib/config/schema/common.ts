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

export const tags = z.record(z.string(), z.string());
