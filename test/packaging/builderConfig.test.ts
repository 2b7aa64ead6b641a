import { Ajv } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, readBuilderYaml } from './builderConfig.js';
import { REPO } from './packStage.js';

const require = createRequire(import.meta.url);
// `plist` is electron-builder's own plist reader (it writes Info.plist with it); it throws on malformed XML.
const plist = require('plist') as { parse(xml: string): unknown };

function schemaValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
  // strict: false because the scheme uses a non-standard `typeof: function` keyword for hook options.
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

describe('electron-builder.yml', () => {
  const config: Configuration = readBuilderYaml();

  it('is valid against app-builder-lib’s own scheme.json, as written and as electron-builder resolves it', async () => {
    const validate = schemaValidator();
    for (const candidate of [config, await loadBuilderConfig()]) {
      const valid = validate(candidate);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('the same validator rejects a misspelt key, so the check above means something', () => {
    const validate = schemaValidator();
    expect(validate({ ...config, mac: { ...config.mac, hardenedRunTime: true } })).toBe(false);
  });

  it('names the app and matches the Windows AppUserModelID to the app id', () => {
    expect(config.appId).toBe('com.servicebell.app');
    expect(config.productName).toBe('Servicebell');
    // NSIS stamps shortcuts with appId as AppUserModelID; per-user, never asking for admin rights.
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  it('turns off every fuse that lets other code in, and turns on the protective ones', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('signs macOS with the hardened runtime, committed entitlements, notarization and no Dock icon', () => {
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      extendInfo: { LSUIElement: true, NSUserNotificationAlertStyle: 'alert' },
      target: ['dmg', 'zip'],
    });
  });

  it('keeps no signing secret in the file: they come from the environment', () => {
    const text = readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|certificatePassword|certificateFile)\s*:/m);
    expect(config.cscLink ?? config.win?.cscLink ?? config.mac?.cscLink).toBeUndefined();
  });

  it('has entitlements that are well-formed plist XML with only the JIT exceptions V8 needs', () => {
    const file = path.join(REPO, 'build/entitlements.mac.plist');
    expect(existsSync(file)).toBe(true);
    const entitlements = plist.parse(readFileSync(file, 'utf8'));
    expect(entitlements).toEqual({
      'com.apple.security.cs.allow-jit': true,
      'com.apple.security.cs.allow-unsigned-executable-memory': true,
    });
  });

  it('ships only the built app: no sources, maps or tests', () => {
    expect(config.files).toEqual([
      'package.json',
      'dist/common/**/*',
      'dist/main/**/*',
      'dist/preload/**/*',
      'dist/renderer/**/*',
      'dist/assets/**/*',
      '!**/*.{ts,mts,cts,map}',
      '!dist/**/*.{test,spec}.js',
      '!dist/**/{test,tests,__tests__,bench}/**',
    ]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
  });

  it('points every platform at an icon that exists', () => {
    const icons = [config.linux?.icon, config.win?.icon, config.mac?.icon];
    expect(icons.every((i) => typeof i === 'string')).toBe(true);
    for (const icon of icons) expect(existsSync(path.join(REPO, icon ?? '')), icon ?? '').toBe(true);
  });

  it('publishes to an https generic feed', () => {
    const publish = config.publish as { provider: string; url: string };
    expect(publish.provider).toBe('generic');
    expect(new URL(publish.url).protocol).toBe('https:');
  });

  it('builds AppImage and deb with a desktop entry and no hard libappindicator dependency', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office;Network;');
    expect(config.linux?.desktop?.entry).toMatchObject({ StartupWMClass: 'servicebell' });
    // Electron takes its Linux app_id / WM_CLASS from package.json desktopName: it must name the same entry.
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { desktopName?: string };
    expect(pkg.desktopName).toBe('servicebell.desktop');
    expect(config.linux?.syncDesktopName).toBe(true);
    // Default Depends kept (libnotify4, libsecret-1-0, ...): not overridden here.
    expect(config.deb?.depends).toBeUndefined();
    expect(JSON.stringify(config)).not.toMatch(/appindicator/i);
    expect(config.deb?.recommends).toEqual([]);
  });
});
