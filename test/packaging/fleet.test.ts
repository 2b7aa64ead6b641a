import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { SECRET_NAMES } from '../../main/core/secrets/secretNames.js';
import { REPO, run } from './packStage.js';

const EXAMPLE = path.join(REPO, 'docs/fleet/config.example.json');
const PROVISION = path.join(REPO, 'docs/fleet/provision.sh');

/** Stands in for the servicebell CLI: `config path` prints a temp path; `credentials set NAME` records NAME and stdin. */
function fakeCli(dir: string): { cli: string; configFile: string; record: string } {
  const configFile = path.join(dir, 'home/.config/Servicebell/config.json');
  const record = path.join(dir, 'stored.txt');
  const cli = path.join(dir, 'servicebell');
  writeFileSync(
    cli,
    `#!/bin/sh
case "$1 $2" in
  "config path") echo "${configFile}" ;;
  "credentials set") value="$(cat)"; [ -n "$value" ] || { echo "empty value; nothing was stored" >&2; exit 2; }; printf '%s=%s\\n' "$3" "$value" >> "${record}"; echo "$3: stored" ;;
  *) echo "unexpected: $*" >&2; exit 64 ;;
esac
`,
  );
  chmodSync(cli, 0o755);
  return { cli, configFile, record };
}

describe('fleet set-up', () => {
  it('the example settings file is valid against the real schema and sets the update feed', () => {
    const result = parseSettings(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.migratedFrom).toBeUndefined();
    expect(result.settings.updates).toEqual({ enabled: true, feedUrl: 'https://updates.example-restaurant.com/servicebell/', allowPrerelease: false });
    // Secrets go to the keychain, never into the file an installer copies around.
    expect(readFileSync(EXAMPLE, 'utf8')).not.toMatch(/token|secret|password/i);
  });

  it('provision.sh seeds the settings file and pipes every secret from the secret store into the keychain', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-fleet-'));
    const { cli, configFile, record } = fakeCli(dir);
    const env = { ...process.env, SERVICEBELL_CLI: cli, SERVICEBELL_SECRET_CMD: 'printf "s3cr3t-%s" "$SECRET_NAME"' };
    const first = await run('bash', [PROVISION, EXAMPLE], dir, env);
    expect(first.code, first.output).toBe(0);
    expect(readFileSync(configFile, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
    expect(readFileSync(record, 'utf8').trim().split('\n')).toEqual(SECRET_NAMES.map((n) => `${n}=s3cr3t-${n}`));
    expect(first.output).not.toContain('s3cr3t');

    // A re-run keeps local changes unless told otherwise.
    writeFileSync(configFile, '{"version":1}');
    const again = await run('bash', [PROVISION, EXAMPLE], dir, { ...env, SERVICEBELL_SECRETS: 'smsapi.token' });
    expect(again.code, again.output).toBe(0);
    expect(readFileSync(configFile, 'utf8')).toBe('{"version":1}');
    const forced = await run('bash', [PROVISION, '--force', EXAMPLE], dir, { ...env, SERVICEBELL_SECRETS: 'smsapi.token' });
    expect(forced.code, forced.output).toBe(0);
    expect(readFileSync(configFile, 'utf8')).toBe(readFileSync(EXAMPLE, 'utf8'));
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

  it('the default secret command asks Vault for the named field', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-fleet-'));
    const { cli, record } = fakeCli(dir);
    // A fake `vault` on PATH that echoes its arguments back as the "secret".
    const vault = path.join(dir, 'vault');
    writeFileSync(vault, '#!/bin/sh\nprintf "%s|" "$@"\n');
    chmodSync(vault, 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}`, SERVICEBELL_CLI: cli, SERVICEBELL_SECRETS: 'privmx.apiKeySecret' };
    delete env.SERVICEBELL_SECRET_CMD;
    const result = await run('bash', [PROVISION, EXAMPLE], dir, env);
    expect(result.code, result.output).toBe(0);
    expect(readFileSync(record, 'utf8')).toBe('privmx.apiKeySecret=kv|get|-field=privmx.apiKeySecret|secret/servicebell|\n');
  });
});
