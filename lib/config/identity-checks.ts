/**
 * Cross-field rules for Key Vault, ACR and workloads: combinations that Azure or the Secrets Store CSI driver would
 * only reject at apply or mount time.
 *
 * What each vault mode can serve: both serve all three object types (secret, key, cert). RBAC grants Key Vault
 * Secrets User for secrets and Key Vault Certificate User for keys and certificates (seed 000), on the vault or on
 * each object; an access-policy vault grants `get` on the types read, and only vault-wide (a policy has no object
 * scope), so `scope: object` is an error there.
 */
import { described } from './errors';
import type { Problem } from './problem';
import type { ResolvedEnvironment } from './model';

function checkKeyVault(env: ResolvedEnvironment, out: Problem[]): void {
  const kv = env.keyVault;
  if (kv.existingId && !/\/providers\/Microsoft\.KeyVault\/vaults\/[^/]+$/i.test(kv.existingId)) {
    out.push({ path: 'keyVault.existingId', message: 'is not a Key Vault resource ID', got: kv.existingId, allowed: '/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>' });
  }
  if (kv.existingId && kv.name) {
    out.push({ path: 'keyVault.name', message: 'has no effect with keyVault.existingId (the vault is not created here)', got: kv.name, allowed: 'name or existingId, not both' });
  }
  if (kv.existingId && kv.privateEndpoint) {
    out.push({ path: 'keyVault.privateEndpoint', message: 'is only created with a vault this platform creates (not with keyVault.existingId)', got: 'set', allowed: 'remove it, or drop existingId' });
  }
  const workloads = Object.keys(env.workloads);
  if (!kv.existingId && !kv.publicNetworkAccess && !kv.privateEndpoint && workloads.length > 0) {
    out.push({
      path: 'keyVault.publicNetworkAccess',
      message: `with no public endpoint and no keyVault.privateEndpoint, nothing can reach the vault, yet workloads read it (${workloads.join(', ')})`,
      got: false,
      allowed: 'true (with networkAcls), or a keyVault.privateEndpoint',
    });
  }
}

function checkAcr(env: ResolvedEnvironment, out: Problem[]): void {
  const acr = env.acr;
  if (acr.existingId) {
    if (!/\/providers\/Microsoft\.ContainerRegistry\/registries\/[^/]+$/i.test(acr.existingId)) {
      out.push({ path: 'acr.existingId', message: 'is not a container registry resource ID', got: acr.existingId, allowed: '/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.ContainerRegistry/registries/<name>' });
    }
    for (const key of ['name', 'zoneRedundancy', 'retentionDays'] as const) {
      if (acr[key] !== undefined) {
        out.push({ path: `acr.${key}`, message: 'has no effect with acr.existingId (the registry is not created here)', got: acr[key], allowed: `${key} or existingId, not both` });
      }
    }
    return;
  }
  if (acr.sku !== 'Premium') {
    if (acr.zoneRedundancy) out.push({ path: 'acr.zoneRedundancy', message: 'needs acr.sku Premium', got: described(`true with sku ${acr.sku}`), allowed: 'sku Premium, or zoneRedundancy false' });
    if (acr.retentionDays !== undefined) out.push({ path: 'acr.retentionDays', message: 'needs acr.sku Premium', got: described(`${acr.retentionDays} with sku ${acr.sku}`), allowed: 'sku Premium, or no retentionDays' });
  }
}

function checkWorkloads(env: ResolvedEnvironment, out: Problem[]): void {
  const accounts = new Map<string, string>();
  const classes = new Map<string, string>();
  for (const [name, w] of Object.entries(env.workloads)) {
    const at = `workloads.${name}`;
    if (w.scope === 'object' && env.keyVault.authorization === 'accessPolicy') {
      out.push({
        path: `${at}.scope`,
        message: 'per-object grants need an RBAC vault; access policies apply to the whole vault',
        got: 'object (keyVault.authorization accessPolicy)',
        allowed: 'scope vault, or keyVault.authorization rbac',
      });
    }
    if (w.mode !== 'workloadIdentity' && w.serviceAccountName) {
      out.push({
        path: `${at}.serviceAccountName`,
        message: `has no effect in ${w.mode} mode (a node identity is not bound to a ServiceAccount)`,
        got: w.serviceAccountName,
        allowed: 'mode workloadIdentity, or no serviceAccountName',
      });
    }
    if (w.mode === 'workloadIdentity') {
      const sa = `${w.namespace}/${w.serviceAccountName ?? name}`;
      const other = accounts.get(sa);
      if (other) out.push({ path: `${at}.serviceAccountName`, message: `ServiceAccount ${sa} is already workload ${other}'s`, got: sa, allowed: 'one workload per ServiceAccount' });
      else accounts.set(sa, name);
    }
    if (w.mode !== 'workloadIdentity') {
      const c = w.connections;
      if (c.storageBlob || c.registry !== 'none') {
        out.push({
          path: `${at}.connections`,
          message: `further targets need the workload's own identity; ${w.mode} mode shares a node identity`,
          got: described([c.storageBlob && 'storageBlob', c.registry !== 'none' && `registry ${c.registry}`].filter(Boolean).join(', ')),
          allowed: 'mode workloadIdentity, or no storageBlob/registry',
        });
      }
    }
    const spc = `${w.namespace}/${w.secretProviderClassName ?? name}`;
    const otherClass = classes.get(spc);
    if (otherClass) out.push({ path: `${at}.secretProviderClassName`, message: `SecretProviderClass ${spc} is already workload ${otherClass}'s`, got: spc, allowed: 'a name unique in the namespace' });
    else classes.set(spc, name);

    const files = w.objects.map((o) => o.alias ?? o.name);
    files.forEach((f, i) => {
      if (files.indexOf(f) !== i) out.push({ path: `${at}.objects.${i}`, message: `mounts as "${f}" like an earlier object`, got: f, allowed: 'a unique name or alias' });
    });
    w.secretObjects.forEach((s, i) => {
      s.data.forEach((d, j) => {
        const idx = files.indexOf(d.objectName);
        if (idx < 0) {
          out.push({ path: `${at}.secretObjects.${i}.data.${j}.objectName`, message: 'is not one of the workload\'s objects', got: d.objectName, allowed: files.join(', ') });
        } else if (s.type === 'kubernetes.io/tls' && w.objects[idx].type !== 'secret') {
          out.push({
            path: `${at}.secretObjects.${i}.data.${j}.objectName`,
            message: `a kubernetes.io/tls Secret needs the private key, which only objectType secret returns (a ${w.objects[idx].type} object gives the public part)`,
            got: described(`${d.objectName} (type ${w.objects[idx].type})`),
            allowed: 'an object of type secret (the certificate\'s secret: key and chain, PEM)',
          });
        }
      });
    });
  }
}

/** Every Key Vault, ACR and workload problem of one environment. */
export function checkIdentity(env: ResolvedEnvironment, out: Problem[]): void {
  if (env.keyVault.administratorGroupIds.length > 0 && env.keyVault.authorization !== 'rbac') {
    out.push({
      path: 'keyVault.administratorGroupIds',
      message: 'administrators are granted through Azure RBAC; an access-policy vault takes its policies elsewhere',
      got: described(`authorization ${env.keyVault.authorization}`),
      allowed: 'keyVault.authorization rbac, or no administratorGroupIds',
    });
  }
  checkKeyVault(env, out);
  checkAcr(env, out);
  checkWorkloads(env, out);
}
