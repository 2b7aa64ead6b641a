import type { ConnectionProbe } from './connectionCheck.js';

/** Connection probes contributed by each source (see the source folders). */
export const connectionProbes: readonly ConnectionProbe[] = [];
