// Logs people can hand to support (#14.17): a rotating log file, readable lines on a terminal, a diagnostics bundle.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../harness/runCli.js';
import { waitUntil } from '../harness/wait.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const tmp = (prefix: string): string => mkdtempSync(path.join(os.tmpdir(), prefix));

describe('headless logs', () => {
  it('writes redacted JSON lines with ISO times to headless.log in the log folder, and JSON to a non-terminal stderr', async () => {
    const dir = tmp('sb-logs-');
    const logDir = path.join(dir, 'logs');
    const run = startCli(['headless', '--config', path.join(dir, 'none.json'), '--data-dir', dir], { SERVICEBELL_LOG_DIR: logDir, SERVICEBELL_SMSAPI_TOKEN: 'LOGCHECK-sms-token-1234' });
    await waitUntil(() => run.stderr().includes('headless mode started'), 15_000, 'start-up');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const file = readFileSync(path.join(logDir, 'headless.log'), 'utf8');
    const lines = file.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { time: string; msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['headless mode started', 'stopping']));
    for (const line of lines) expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const stderr = run.stderr().split('\n').filter(Boolean);
    for (const line of stderr) expect(() => JSON.parse(line)).not.toThrow();
    expect(file + run.stderr()).not.toContain('LOGCHECK-sms-token-1234');
  });

  it('on a terminal, stderr lines are for people: local time, level, message, fields', () => {
    const dir = tmp('sb-logs-tty-');
    const command = `SERVICEBELL_LOG_DIR=${dir}/logs timeout -s TERM 4 ${process.execPath} --import tsx main/cli.ts headless --config ${dir}/none.json --data-dir ${dir}; true`;
    // `script` gives the command a pseudo-terminal, as an interactive shell would.
    const out = execFileSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(out).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}headless mode started {2}dataDir=/m);
    expect(out).not.toContain('{"level"');
    // The file stays JSON.
    expect(() => readFileSync(path.join(dir, 'logs', 'headless.log'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown)).not.toThrow();
  });
});

describe('servicebell diagnostics', () => {
  it('bundles version, platform, settings without secrets, check results and the recent log', async () => {
    const dir = tmp('sb-diag-');
    const logDir = path.join(dir, 'logs');
    const config = path.join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ sms: { to: ['+48500100200'] }, links: { allowedHosts: [] } }));
    const run = startCli(['headless', '--config', config, '--data-dir', dir], { SERVICEBELL_LOG_DIR: logDir });
    await waitUntil(() => run.stderr().includes('headless mode started'), 15_000, 'start-up');
    run.child.kill('SIGTERM');
    await run.exited;
    const out = path.join(dir, 'bundle.txt');
    const result = await runCli(['diagnostics', '--config', config, '--output', out], { env: { SERVICEBELL_LOG_DIR: logDir } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`diagnostics saved to ${out}\n`);
    const bundle = readFileSync(out, 'utf8');
    expect(bundle).toContain(`version: ${pkg.version} (command line)`);
    expect(bundle).toContain(`platform: ${process.platform} `);
    expect(bundle).toContain('== check ==\nok   settings: valid\nwarn settings links.allowedHosts: empty');
    expect(bundle).toContain('"allowedHosts": []');
    expect(bundle).not.toContain('+48500100200');
    expect(bundle).toContain('+48***00');
    expect(bundle).toMatch(new RegExp(`== recent log \\(${logDir.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/headless\\.log\\) ==\\n[\\s\\S]*"msg":"headless mode started"`));
    expect(statSync(out).mode & 0o077).toBe(0);
  });
});
