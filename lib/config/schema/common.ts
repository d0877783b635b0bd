import { z } from 'zod';
import { LABEL_KEY_PATTERN, LABEL_VALUE_PATTERN } from '../../azure/kubernetes';
import { hostBitsFix } from '../../azure/cidr';

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

const OCTET = '(25[0-5]|2[0-4]\\d|1?\\d?\\d)';
const IPV4 = `${OCTET}(\\.${OCTET}){3}`;
const PREFIX = '\\/(3[0-2]|[12]?\\d)';

/**
 * Refuses a CIDR with host bits set (`10.232.0.5/20`): Azure rejects such a prefix at apply. The message names the
 * network address to write instead. Syntax is the pattern's job; anything that does not parse is left to it.
 */
function networkAddressOnly(value: string, ctx: z.core.$RefinementCtx<string>): void {
  const fix = hostBitsFix(value);
  if (fix === undefined) return;
  ctx.addIssue({
    code: 'custom',
    input: value,
    message: `has host bits set; write the network address ${fix}`,
    params: { allowed: `a network address with its prefix, here ${fix}` },
  });
}

/** An IPv4 CIDR given as its network address (syntax by pattern, for the JSON Schema; host bits by ipaddr.js). */
export const ipv4Cidr = pattern(new RegExp(`^${IPV4}${PREFIX}$`), 'an IPv4 CIDR such as 10.0.0.0/16')
  .superRefine(networkAddressOnly)
  .describe('an IPv4 CIDR such as 10.0.0.0/16');

export const ipv4 = pattern(new RegExp(`^${IPV4}$`), 'an IPv4 address such as 10.0.0.10');

/** An IPv4 address, or a CIDR given as its network address (firewall rules). */
export const ipv4OrCidr = pattern(new RegExp(`^${IPV4}(${PREFIX})?$`), 'an IPv4 address or CIDR such as 203.0.113.0/24')
  .superRefine(networkAddressOnly)
  .describe('an IPv4 address or CIDR such as 203.0.113.0/24');

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

export const k8sLabels = z.record(
  pattern(LABEL_KEY_PATTERN, 'a label key: optional DNS prefix (at most 253 characters) and /, then 1-63 letters, digits, - _ . starting and ending with a letter or digit').refine(
    (k) => !k.includes('/') || k.indexOf('/') <= 253,
    { message: 'label key prefix is longer than 253 characters' },
  ),
  pattern(LABEL_VALUE_PATTERN, 'a label value: empty or 1-63 letters, digits, - _ . starting and ending with a letter or digit'),
);
