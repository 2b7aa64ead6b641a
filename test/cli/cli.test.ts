import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../harness/runCli.js';
import { waitUntil } from '../harness/wait.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('servicebell CLI', () => {
  it('prints its version and help', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version);
    const help = await runCli(['--help']);
    for (const command of ['headless', 'credentials', 'check', 'config']) expect(help.stdout).toContain(command);
    const headlessHelp = await runCli(['headless', '--help']);
    for (const option of ['--config', '--data-dir', '--json']) expect(headlessHelp.stdout).toContain(option);
  });

  it('prints the settings file location', async () => {
    const result = await runCli(['config', 'path'], { env: { XDG_CONFIG_HOME: '/srv/cfg' } });
    expect(result.stdout.trim()).toBe('/srv/cfg/Servicebell/config.json');
  });

  it('exits 2 on an invalid config, listing every problem with its path', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-cli-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ privmx: { rules: [{ match: { channel: 'thread', thraedId: 'x' }, title: 't' }] }, links: { allowedHosts: ['not a host'] } }));
    for (const command of ['headless', 'check']) {
      const result = await runCli([command, '--config', file]);
      expect(result.code).toBe(2);
      const out = result.stdout + result.stderr;
      expect(out).toContain('privmx.rules[0].match: unknown key "thraedId"');
      expect(out).toContain('links.allowedHosts[0]: must be a host name or *.domain pattern');
    }
  });

  it('runs headless until SIGTERM, keeps stdout to JSON lines, and exits 0', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-cli-'));
    const run = startCli(['headless', '--json', '--config', path.join(dir, 'none.json'), '--data-dir', dir], {
      SERVICEBELL_VONAGE_BACKEND_TOKEN: 'x',
      SERVICEBELL_PRIVMX_API_KEY_SECRET: 'y',
      SERVICEBELL_SMSAPI_TOKEN: 'z',
    });
    await waitUntil(() => run.stderr().includes('headless mode started'), 15_000, 'start-up');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    for (const line of run.stdout().split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    expect(run.stderr()).toMatch(/"msg":"stopping"/);
  });

  it('check fails with a reason when an enabled source has no secret', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-cli-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ vonage: { enabled: true, backendUrl: 'http://127.0.0.1:9', username: 'desk' } }));
    const result = await runCli(['check', '--config', file], { env: { SERVICEBELL_VONAGE_BACKEND_TOKEN: '' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('ok   settings: valid');
    expect(result.stdout).toMatch(/FAIL secret vonage\.backendToken: missing/);
  });
});

describe('servicebell headless and its settings file', () => {
  it('applies an edited settings file while running, and ignores an invalid edit', async () => {
    const { startPrivmxBridgeEmulator } = await import('../emulators/privmx/index.js');
    const bridge = await startPrivmxBridgeEmulator();
    const key = bridge.addApiKey();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-cli-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ version: 1 }));
    const run = startCli(['headless', '--json', '--config', file, '--data-dir', dir], { SERVICEBELL_PRIVMX_API_KEY_SECRET: key.secret });
    try {
      await waitUntil(() => run.stdout().includes('"source":"privmx","state":"disabled"'), 15_000, 'privmx disabled');
      writeFileSync(file, '{ "privmx": { "enabled": tru');
      await waitUntil(() => run.stderr().includes('keeping the running settings'), 10_000, 'invalid edit reported');
      writeFileSync(file, JSON.stringify({ version: 1, privmx: { enabled: true, bridgeUrl: bridge.url, apiKeyId: key.id } }));
      await waitUntil(() => run.stdout().includes('"source":"privmx","state":"connected"'), 15_000, 'privmx connected after the edit');
      expect(run.stdout()).not.toContain('"source":"vonage","state":"connecting"');
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await bridge.stop();
    }
  });
});
