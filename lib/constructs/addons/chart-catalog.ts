/** Moved to lib/azure/chart-catalog.ts (the baseline and the configuration read it too). */
export * from '../../azure/chart-catalog';
