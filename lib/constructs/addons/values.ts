/** Moved to lib/azure/helm-values.ts (the baseline reads it too). */
export * from '../../azure/helm-values';
