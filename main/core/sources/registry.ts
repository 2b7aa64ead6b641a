import type { SourceFactory } from '../app/servicebellCore.js';

/** Every source Servicebell knows; the core starts those whose settings section is enabled. */
export const sourceFactories: readonly SourceFactory[] = [];
