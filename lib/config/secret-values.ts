/**
 * Recognises credentials in Helm values, by key and by value, in maps and lists alike: values land verbatim in the
 * synthesized JSON, the snapshots and Terraform state, so nothing secret may be in them.
 */

/** Key names that hold a credential (compared lowercased, without `-` and `_`, by suffix). */
const SECRET_KEY_SUFFIXES = ['password', 'passwd', 'secret', 'secretkey', 'secretcontents', 'token', 'apikey', 'accesskey', 'connectionstring', 'privatekey'];

/** Whether a key or environment-variable name says it holds a credential (`existingSecret`-style keys do not). */
export function secretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_.]/g, '');
  return !n.startsWith('existing') && SECRET_KEY_SUFFIXES.some((s) => n.endsWith(s));
}

/** Values that are credentials whatever their key, by shape. */
const SECRET_VALUES: readonly [RegExp, string][] = [
  [/(^|;)\s*(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)\s*=\s*[^;\s]+/i, 'a connection string with a key or password'],
  [/([?&]|^)sig=[A-Za-z0-9%+/=]{16,}/, 'a SAS token (sig=)'],
  [/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/, 'a PEM private key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/, 'a JSON Web Token'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i, 'a URL with a password in it'],
];

/** What kind of credential a string value looks like, if any. */
export function secretValueKind(value: string): string | undefined {
  for (const [re, kind] of SECRET_VALUES) if (re.test(value)) return kind;
  return undefined;
}

export interface SecretFinding {
  /** Path of the credential in the values tree (list indices as numbers). */
  readonly path: (string | number)[];
  /** Why it is taken for a credential. */
  readonly why: string;
}

const filled = (x: unknown) => (typeof x === 'string' && x !== '') || (!!x && typeof x === 'object' && Object.keys(x).length > 0);

/**
 * Every credential-looking place in a Helm values tree: keys named like a credential with a literal value, any string
 * shaped like a credential, and environment-variable entries (`{name, value}` in a list) whose name says secret.
 */
export function secretLookingValues(v: unknown, at: (string | number)[] = []): SecretFinding[] {
  if (typeof v === 'string') {
    const kind = secretValueKind(v);
    return kind ? [{ path: at, why: `the value looks like ${kind}` }] : [];
  }
  if (Array.isArray(v)) return v.flatMap((x, i) => secretLookingValues(x, [...at, i]));
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  // An environment variable entry: {name: DB_PASSWORD, value: hunter2} (valueFrom: a Secret reference, is fine).
  if (typeof o.name === 'string' && typeof o.value === 'string' && o.value !== '' && secretName(o.name)) {
    return [{ path: [...at, 'value'], why: `environment variable ${o.name} is named like a credential` }];
  }
  return Object.entries(o).flatMap(([k, x]) => {
    if (filled(x) && secretName(k)) return [{ path: [...at, k], why: 'the key is named like a credential' }];
    return secretLookingValues(x, [...at, k]);
  });
}

/** Where a secret goes instead, for every message about one. */
export const SECRET_ALTERNATIVE =
  'Key Vault: store it there and mount it with the Secrets Store CSI driver (workloads.<name>.objects, synced to a Kubernetes Secret with secretObjects), then reference that Secret (valueFrom.secretKeyRef, or the chart\'s existingSecret-style key); or use workload identity and need no secret at all';
