// Settings files people edit by hand: errors say where (line, column) and what probably went wrong (#14.11).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../harness/runCli.js';

function file(text: string): string {
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), 'sb-syntax-')), 'config.json');
  writeFileSync(f, text);
  return f;
}

describe('settings file syntax, through check and headless', () => {
  const cases: Array<[string, string, string]> = [
    ['a trailing comma', '{\n  "vonage": {\n    "enabled": false,\n  }\n}\n', 'line 4, column 3: a property name was expected (hint: remove the trailing comma before it; JSON allows none)'],
    ['a comment', '// front desk laptop\n{ "vonage": { "enabled": false } }\n', 'line 1, column 1: a comment (hint: JSON allows no comments; remove it)'],
    ['single quotes', "{ 'vonage': { 'enabled': false } }\n", 'line 1, column 3: unexpected character "\'" (hint: JSON needs double quotes: "vonage", not \'vonage\')'],
    ['a duplicate key', '{\n  "vonage": { "enabled": true, "username": "a", "enabled": false }\n}\n', 'line 2, column 49: duplicate key "enabled" in vonage (first at line 2, column 15); remove one'],
  ];
  for (const [what, text, message] of cases) {
    it(`${what}: line and column, a hint, exit 2`, async () => {
      const f = file(text);
      for (const command of ['check', 'headless']) {
        const result = await runCli([command, '--config', f]);
        expect(result.code).toBe(2);
        expect(result.stdout + result.stderr).toContain(`${f} is not valid JSON: ${message}`);
      }
    });
  }

  it('a UTF-8 byte order mark is accepted', async () => {
    const f = file(`\uFEFF${JSON.stringify({ links: { allowedHosts: ['meet.example.com'] } })}`);
    const result = await runCli(['check', '--config', f]);
    expect(result.stdout.split('\n')[0]).toBe('ok   settings: valid');
    expect(result.code).toBe(0);
  });

  it('a folder as the settings path: headless says so and exits 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-syntax-dir-'));
    const result = await runCli(['headless', '--config', dir, '--data-dir', dir]);
    expect(result.stderr).toContain(`${dir} cannot be read (EISDIR): it is a folder, not a settings file`);
    expect(result.code).toBe(2);
  });
});
