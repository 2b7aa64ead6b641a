export { startVonageEmulator, type VonageEmulator, type VonageEmulatorOptions, type PushOptions } from './vonageEmulator.js';
export { generateSigningKeys, signJwt, checkJwt, type JwtClaims, type AclPaths, type SigningKeys } from './jwt.js';
export type { FaultSpec, FaultKind, RestRoute } from './faults.js';
export type { WireEvent } from './store.js';
