/** Cross-field rules of `gitops`: configurations need Flux, kustomization dependencies must exist. */
import type { Problem } from './checks';
import type { ResolvedEnvironment } from './model';

export function checkGitops(env: ResolvedEnvironment, out: Problem[]): void {
  const flux = env.gitops.flux;
  const configs = Object.entries(flux.configurations);
  if (!flux.enabled && configs.length > 0) {
    out.push({ path: `gitops.flux.configurations.${configs[0][0]}`, message: 'needs the Flux extension (gitops.flux.enabled is false)', got: false, allowed: 'gitops.flux.enabled: true, or no configurations' });
  }
  for (const [name, c] of configs) {
    const ks = Object.keys(c.kustomizations);
    if (ks.length === 0) out.push({ path: `gitops.flux.configurations.${name}.kustomizations`, message: 'is empty', got: {}, allowed: 'at least one kustomization' });
    for (const [k, body] of Object.entries(c.kustomizations)) {
      for (const d of body.dependsOn) {
        if (!ks.includes(d) || d === k) {
          out.push({ path: `gitops.flux.configurations.${name}.kustomizations.${k}.dependsOn`, message: d === k ? 'names the kustomization itself' : 'names no kustomization of this configuration', got: d, allowed: ks.filter((x) => x !== k).join(', ') || 'none' });
        }
      }
    }
  }
  for (const [name, e] of Object.entries(env.gitops.extensions)) {
    if (e.type.toLowerCase() === 'microsoft.flux') {
      out.push({ path: `gitops.extensions.${name}.type`, message: 'Flux is configured under gitops.flux', got: e.type, allowed: 'another extension type; gitops.flux.enabled for Flux' });
    }
  }
}
