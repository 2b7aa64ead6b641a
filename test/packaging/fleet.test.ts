import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { SECRET_NAMES } from '../../main/core/secrets/secretNames.js';
import { REPO, run } from './packStage.js';

const EXAMPLE = path.join(REPO, 'docs/fleet/config.example.json');
const PROVISION = path.join(REPO, 'docs/fleet/provision.sh');

/**
 * Stands in for the servicebell CLI: `config path` prints a temp path; `config restaurants` is the real CLI's answer;
 * `credentials set NAME --restaurant ID` records ID/NAME and stdin.
 */
function fakeCli(dir: string): { cli: string; configFile: string; record: string } {
  const configFile = path.join(dir, 'home/.config/Servicebell/config.json');
  const record = path.join(dir, 'stored.txt');
  const cli = path.join(dir, 'servicebell');
  writeFileSync(
    cli,
    `#!/bin/sh
case "$1 $2" in
  "config path") echo "${configFile}" ;;
  "config restaurants") cd "${REPO}" && exec "${process.execPath}" --import tsx main/cli.ts "$@" ;;
  "credentials set") [ "$4" = "--restaurant" ] || { echo "no --restaurant" >&2; exit 64; }; value="$(cat)"; [ -n "$value" ] || { echo "empty value; nothing was stored" >&2; exit 2; }; printf '%s/%s=%s\\n' "$5" "$3" "$value" >> "${record}"; echo "$3: stored" ;;
  *) echo "unexpected: $*" >&2; exit 64 ;;
esac
`,
  );
  chmodSync(cli, 0o755);
  return { cli, configFile, record };
}

describe('fleet set-up', () => {
  it('the example settings file is valid against the real schema (version 2, two restaurants) and sets the update feed', () => {
    const result = parseSettings(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.migratedFrom).toBeUndefined();
    expect(result.settings.restaurants.map((r) => r.id)).toEqual(['default', 'example-bistro']);
    expect(result.settings.updates).toEqual({ enabled: true, feedUrl: 'https://updates.example-restaurant.com/servicebell/', allowPrerelease: false });
    // Secrets go to the keychain, never into the file an installer copies around.
    expect(readFileSync(EXAMPLE, 'utf8')).not.toMatch(/token|secret|password/i);
  });

  it('provision.sh seeds the settings file and pipes every secret of every restaurant from the secret store into the keychain', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-fleet-'));
    const { cli, configFile, record } = fakeCli(dir);
    const env = { ...process.env, SERVICEBELL_CLI: cli, SERVICEBELL_SECRET_CMD: 'printf "s3cr3t-%s-%s" "$RESTAURANT" "$SECRET_NAME"' };
    const first = await run('bash', [PROVISION, EXAMPLE], dir, env);
    expect(first.code, first.output).toBe(0);
    expect(readFileSync(configFile, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    const expected = ['default', 'example-bistro'].flatMap((r) => SECRET_NAMES.map((n) => `${r}/${n}=s3cr3t-${r}-${n}`));
    expect(readFileSync(record, 'utf8').trim().split('\n')).toEqual(expected);
    expect(first.output).not.toContain('s3cr3t');

    // A re-run keeps local changes unless told otherwise.
    writeFileSync(configFile, '{"version":1}');
    const again = await run('bash', [PROVISION, EXAMPLE], dir, { ...env, SERVICEBELL_SECRETS: 'smsapi.token', SERVICEBELL_RESTAURANTS: 'example-bistro' });
    expect(again.code, again.output).toBe(0);
    expect(readFileSync(configFile, 'utf8')).toBe('{"version":1}');
    const forced = await run('bash', [PROVISION, '--force', EXAMPLE], dir, { ...env, SERVICEBELL_SECRETS: 'smsapi.token', SERVICEBELL_RESTAURANTS: 'example-bistro' });
    expect(forced.code, forced.output).toBe(0);
    expect(readFileSync(configFile, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    // One restaurant, as SERVICEBELL_RESTAURANTS asked: only its secret was piped again, twice (re-run and forced).
    expect(readFileSync(record, 'utf8').trim().split('\n').slice(expected.length)).toEqual(['example-bistro/smsapi.token=s3cr3t-example-bistro-smsapi.token', 'example-bistro/smsapi.token=s3cr3t-example-bistro-smsapi.token']);
  });

  it('provision.sh stops, storing nothing, when the secret store fails', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-fleet-'));
    const { cli, record } = fakeCli(dir);
    const env = { ...process.env, SERVICEBELL_CLI: cli, SERVICEBELL_SECRET_CMD: 'echo "vault: permission denied" >&2; exit 2' };
    const result = await run('bash', [PROVISION, EXAMPLE], dir, env);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('vault: permission denied');
    expect(() => readFileSync(record, 'utf8')).toThrow();
  });

  it('the default secret command asks Vault for the named field under the restaurant’s path', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-fleet-'));
    const { cli, record } = fakeCli(dir);
    // A fake `vault` on PATH that echoes its arguments back as the "secret".
    const vault = path.join(dir, 'vault');
    writeFileSync(vault, '#!/bin/sh\nprintf "%s|" "$@"\n');
    chmodSync(vault, 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, SERVICEBELL_CLI: cli, SERVICEBELL_SECRETS: 'privmx.apiKeySecret', SERVICEBELL_RESTAURANTS: 'default' };
    delete env.SERVICEBELL_SECRET_CMD;
    const result = await run('bash', [PROVISION, EXAMPLE], dir, env);
    expect(result.code, result.output).toBe(0);
    expect(readFileSync(record, 'utf8')).toBe('default/privmx.apiKeySecret=kv|get|-field=privmx.apiKeySecret|secret/servicebell/default|\n');
  });
});
