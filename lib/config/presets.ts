import type { Preset } from '../enums';

/**
 * What each preset changes under an environment's own settings. The schema's defaults ARE the production
 * baseline (secure by default), so `production` adds nothing; `development` is the explicit, reviewable list of what
 * a cheaper environment weakens. An environment overrides any of it field by field.
 */
export const PRESET_LAYERS: Record<Preset, Record<string, unknown>> = {
  production: {},
  development: {
    cluster: {
      skuTier: 'Free',
      // A public API server open to every address, said out loud: no VNet runner or IP list needed for a dev cluster.
      apiServer: { access: 'publicUnrestricted' },
      // Managed Prometheus and Defender for Containers are billed per node/vCore: off for development.
      monitoring: { prometheus: false, defender: false },
    },
    // A dev vault can be purged and recreated under the same name; a Standard registry has no zone redundancy
    // or retention policy (Premium features).
    keyVault: { purgeProtection: false, softDeleteRetentionDays: 7 },
    acr: { sku: 'Standard' },
    // No paging for a development cluster: the recommended platform alerts are off.
    observability: { alerts: { enabled: false } },
    // Baseline failures warn instead of stopping synth.
    baseline: { enforcement: 'warn' },
    nodePoolDefaults: {
      system: { count: 1, minCount: 1, maxCount: 1 },
      user: { vmSize: 'Standard_B2s', count: 1, minCount: 1, maxCount: 3 },
      spot: { minCount: 0, count: 0 },
    },
  },
};
