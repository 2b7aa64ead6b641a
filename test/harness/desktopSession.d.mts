export interface StoppableBus {
  address: string;
  stop(): Promise<void>;
}
export function startSessionBus(env?: NodeJS.ProcessEnv): Promise<StoppableBus>;
export function startKeyring(env: NodeJS.ProcessEnv, options?: { unlocked?: boolean }): Promise<{ stop(): Promise<void> }>;
export function startDesktopSession(options?: { desktop?: boolean }): Promise<{ env: NodeJS.ProcessEnv; root: string; stop(): Promise<void> }>;
