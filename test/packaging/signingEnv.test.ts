import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, run } from './packStage.js';

const SCRIPT = path.join(REPO, 'scripts/checkSigningEnv.mjs');
const SIGNING_VARS = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'CSC_NAME', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'];

function check(platform: string, vars: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SIGNING_VARS) delete env[name];
  return run(process.execPath, [SCRIPT, platform], REPO, { ...env, ...vars });
}

describe('scripts/checkSigningEnv.mjs (first step of npm run release)', () => {
  it('fails a macOS release without notarization variables, naming them', async () => {
    const r = await check('darwin', { CSC_LINK: 'cert.p12', CSC_KEY_PASSWORD: 'pw' });
    expect(r.code).toBe(1);
    expect(r.output).toContain('APPLE_API_KEY_ID');
    expect(r.output).not.toContain('signing: CSC_LINK');
  });

  it('passes a macOS release with a certificate and the App Store Connect API key', async () => {
    const r = await check('darwin', { CSC_LINK: 'cert.p12', CSC_KEY_PASSWORD: 'pw', APPLE_API_KEY: '/k/AuthKey_X.p8', APPLE_API_KEY_ID: 'X', APPLE_API_ISSUER: 'uuid' });
    expect(r.code, r.output).toBe(0);
  });

  it('accepts either a certificate or Azure Trusted Signing on Windows, and refuses neither', async () => {
    expect((await check('win32', {})).code).toBe(1);
    expect((await check('win32', { CSC_LINK: 'cert.pfx', CSC_KEY_PASSWORD: 'pw' })).code).toBe(0);
    expect((await check('win32', { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' })).code).toBe(0);
  });

  it('never prints a value it was given', async () => {
    const r = await check('darwin', { CSC_LINK: 'cert.p12', CSC_KEY_PASSWORD: 'hunter2-secret' });
    expect(r.output).not.toContain('hunter2-secret');
  });
});
