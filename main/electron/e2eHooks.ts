// Read-only views and an alert entry point for the Playwright `_electron` tests, installed only when the test
// launcher sets SERVICEBELL_E2E=1. Playwright reaches them with `electronApp.evaluate(() => globalThis…)`.
import type { ServicebellCore } from '../core/app/servicebellCore.js';
import type { AlertInput } from '../core/alerts/alert.js';
import type { IngestResult } from '../core/alerts/pipeline.js';

export interface TraySnapshot {
  icon: string;
  tooltip: string;
  labels: string[];
}

export interface E2eHooks {
  tray(): TraySnapshot | undefined;
  ingest(alert: AlertInput): Promise<IngestResult['status']>;
}

export function installE2eHooks(env: NodeJS.ProcessEnv, core: ServicebellCore, tray: () => TraySnapshot | undefined): void {
  if (env.SERVICEBELL_E2E !== '1') return;
  const hooks: E2eHooks = { tray, ingest: async (alert) => (await core.pipeline.ingest(alert)).status };
  Object.assign(globalThis, { __servicebellE2E: hooks });
}
