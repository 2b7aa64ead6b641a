// Exit status 2 for every invalid command line, as the README promises; -V, -v and --version print the version (#14.13).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../harness/runCli.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('servicebell exit codes', () => {
  it('exits 2 for an unknown command, an unknown option, a missing argument, too many arguments and no command at all', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['bogus'], /unknown command 'bogus'/],
      [['check', '--bogus'], /unknown option '--bogus'/],
      [['credentials', 'set'], /missing required argument 'name'/],
      [['check', '--config'], /option '--config <file>' argument missing/],
      [['config', 'path', 'extra'], /too many arguments/],
      [[], /Usage: servicebell/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toMatch(message);
    }
  });

  it('-V, -v and --version print the version and exit 0; --help exits 0', async () => {
    for (const flag of ['-V', '-v', '--version']) {
      const result = await runCli([flag]);
      expect({ flag, code: result.code, out: result.stdout.trim() }).toEqual({ flag, code: 0, out: pkg.version });
    }
    expect((await runCli(['--help'])).code).toBe(0);
    expect((await runCli(['check', '--help'])).code).toBe(0);
  });
});
