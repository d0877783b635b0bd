/** Moved to lib/addons/helm-addon.ts (add-ons live in lib/addons/<name>/, see docs/extending.md). */
export * from '../../addons/helm-addon';
