/** Cross-field rules of the registry's fuller settings (geo-replication, firewall, export, push grants). */
import type { Problem } from './problem';
import { described } from './errors';
import type { ResolvedEnvironment } from './model';

/** Settings that shape a registry this platform creates: meaningless with `acr.existingId`. */
const CREATED_ONLY = ['geoReplications', 'dataEndpoint', 'quarantine', 'anonymousPull', 'exportPolicy', 'networkRules'] as const;

export function checkRegistry(env: ResolvedEnvironment, out: Problem[]): void {
  const acr = env.acr;
  const names = new Set<string>();
  acr.pushPrincipals.forEach((p, i) => {
    if (names.has(p.name)) out.push({ path: `acr.pushPrincipals.${i}.name`, message: 'is used twice', got: p.name, allowed: 'a name unique among acr.pushPrincipals' });
    names.add(p.name);
  });
  const used = {
    geoReplications: acr.geoReplications.length > 0,
    dataEndpoint: acr.dataEndpoint,
    quarantine: acr.quarantine,
    anonymousPull: acr.anonymousPull,
    exportPolicy: !acr.exportPolicy,
    networkRules: acr.networkRules.defaultAction === 'Deny' || acr.networkRules.ipRules.length > 0,
  };
  if (acr.existingId) {
    for (const key of CREATED_ONLY) {
      if (used[key]) out.push({ path: `acr.${key}`, message: 'has no effect with acr.existingId (the registry is not created here)', got: acr[key], allowed: `${key} or existingId, not both` });
    }
    return;
  }
  if (acr.sku !== 'Premium') {
    for (const key of ['geoReplications', 'dataEndpoint', 'quarantine', 'exportPolicy', 'networkRules'] as const) {
      if (used[key]) out.push({ path: `acr.${key}`, message: 'needs acr.sku Premium', got: described(`${JSON.stringify(acr[key])} with sku ${acr.sku}`), allowed: `sku Premium, or leave ${key} at its default` });
    }
  }
  if (acr.anonymousPull && acr.sku === 'Basic') {
    out.push({ path: 'acr.anonymousPull', message: 'needs acr.sku Standard or Premium', got: described('true with sku Basic'), allowed: 'sku Standard or Premium, or anonymousPull false' });
  }
  if (!acr.exportPolicy && acr.publicNetworkAccess) {
    // Azure (and the provider) accept export_policy_enabled = false only with public network access disabled.
    out.push({ path: 'acr.exportPolicy', message: 'false needs acr.publicNetworkAccess false (Azure allows blocking exports only on a registry without public access)', got: described('exportPolicy false with publicNetworkAccess true'), allowed: 'publicNetworkAccess false (with a private endpoint), or exportPolicy true' });
  }
  const seen = new Map<string, number>();
  acr.geoReplications.forEach((r, i) => {
    const at = `acr.geoReplications.${i}.location`;
    if (r.location === env.location) {
      out.push({ path: at, message: "is the registry's own region (the home region always holds the registry)", got: r.location, allowed: `a region other than ${env.location}` });
    } else if (seen.has(r.location)) {
      out.push({ path: at, message: `repeats acr.geoReplications.${seen.get(r.location)}`, got: r.location, allowed: 'each region once' });
    }
    seen.set(r.location, i);
  });
}
