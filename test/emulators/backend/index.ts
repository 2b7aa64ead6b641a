export { startBackendEmulator, seedAcl, type BackendEmulator, type BackendEmulatorOptions, type BackendFault, type MintedToken } from './backendEmulator.js';
