import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run demo', () => {
  it('brings up three restaurants (emulators; real Mosquitto and ntfy) and a headless session, and shows the sample events and the SMS', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/demo/run.ts', '--once'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Two restaurants: every notification says whose it is.
    expect(out).toContain('demo: notification: "Trattoria Centrum · Support request" — guest@example.com has requested support [Join Meeting]');
    expect(out).toContain('demo: notification: "Bistro Mokotów · New order"');
    expect(out).toContain('demo: notification: "Trattoria Centrum · New table booking"');
    // What replaces Vonage: a support request over a real Mosquitto, a native message over a real ntfy server.
    expect(out).toContain('demo: notification: "Pizzeria Wola · Support request" — table17@example.com has requested support [Join Meeting]');
    expect(out).toContain('demo: notification: "Pizzeria Wola · Table 4 asks for a waiter" — A guest pressed the call button at table 4 [Join Meeting]');
    expect(out).toMatch(/demo: SMS at the SMSAPI emulator: to \+48500100200 "New order: From waiter-anna/);
    expect(code).toBe(0);
  }, 90_000);
});
