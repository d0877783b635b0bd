/** Moved to lib/azure/cidr.ts (shared with the constructs); kept for branches that still import it from here. */
export * from '../azure/cidr';
