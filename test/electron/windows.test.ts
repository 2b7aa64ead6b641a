import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Session } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveAppFile, serveAppRequest } from '../../main/electron/appProtocol.js';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/contentSecurityPolicy.js';
import { HARDENED_WEB_PREFERENCES, WindowFactory, hardenSession } from '../../main/electron/windows.js';
import { FakeBrowserWindow, tempDir } from './fakes.js';

beforeEach(() => {
  FakeBrowserWindow.created = [];
});

describe('windows', () => {
  it('every window is hardened, loads from app://, denies navigation, new windows and webviews', () => {
    const factory = new WindowFactory({ BrowserWindow: FakeBrowserWindow, preloadPath: '/app/dist/preload/index.cjs' });
    factory.show('settings');
    factory.show('history');
    expect(FakeBrowserWindow.created).toHaveLength(2);
    for (const win of FakeBrowserWindow.created) {
      expect(win.options.webPreferences).toEqual({ ...HARDENED_WEB_PREFERENCES, preload: '/app/dist/preload/index.cjs' });
      expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
      expect(win.options.show).toBe(false);
      expect(win.url).toMatch(/^app:\/\/servicebell\/(settings|history)\.html$/);
      for (const event of ['will-navigate', 'will-attach-webview']) {
        let prevented = false;
        win.webContents.emit(event, { preventDefault: () => (prevented = true) });
        expect(prevented, event).toBe(true);
      }
      expect(win.webContents.openHandler?.({ url: 'https://evil.example.com' } as Electron.HandlerDetails)).toEqual({ action: 'deny' });
    }
  });

  it('a page is opened once; asking again focuses it; after close it is created anew', () => {
    const factory = new WindowFactory({ BrowserWindow: FakeBrowserWindow, preloadPath: 'p' });
    const first = factory.show('settings') as FakeBrowserWindow;
    factory.show('settings');
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(first.focused).toBe(1);
    first.emit('closed');
    factory.show('settings');
    expect(FakeBrowserWindow.created).toHaveLength(2);
  });

  it('a window whose page failed to load is dropped, so asking again opens a fresh one instead of focusing an invisible one', async () => {
    const failed: string[] = [];
    const factory = new WindowFactory({ BrowserWindow: FakeBrowserWindow, preloadPath: 'p', onLoadFailed: (page, reason) => failed.push(`${page}: ${reason}`) });
    FakeBrowserWindow.failNextLoad = { code: -302, description: 'ERR_UNKNOWN_URL_SCHEME' };
    const first = factory.show('settings') as FakeBrowserWindow;
    await new Promise((r) => setImmediate(r));
    expect(first.destroyed).toBe(true);
    expect(failed).toEqual(['settings: ERR_UNKNOWN_URL_SCHEME (-302)']);
    const second = factory.show('settings') as FakeBrowserWindow;
    expect(second).not.toBe(first);
    expect(FakeBrowserWindow.created).toHaveLength(2);
    expect(second.destroyed).toBe(false);
    expect(first.focused).toBe(0);
  });

  it('denies every permission except notifications', () => {
    let request: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((wc: unknown, permission: string) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
    } as unknown as Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
    hardenSession(session);
    const answers: Record<string, boolean> = {};
    for (const p of ['notifications', 'media', 'geolocation', 'openExternal', 'clipboard-read']) request?.(null, p, (ok) => (answers[p] = ok));
    expect(answers).toEqual({ notifications: true, media: false, geolocation: false, openExternal: false, 'clipboard-read': false });
    expect(check?.(null, 'notifications')).toBe(true);
    expect(check?.(null, 'media')).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('serves only files inside the bundle, with the CSP header', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'static'));
    writeFileSync(path.join(root, 'static', 'settings.html'), '<!doctype html>');
    writeFileSync(path.join(root, 'secret.json'), '{}');
    const staticRoot = path.join(root, 'static');
    expect(resolveAppFile('app://servicebell/settings.html', staticRoot)).toBe(path.join(staticRoot, 'settings.html'));
    for (const bad of ['app://servicebell/../secret.json', 'app://servicebell/%2e%2e/secret.json', 'app://servicebell/..%2fsecret.json', 'app://other/settings.html', 'file:///etc/passwd', 'app://servicebell/x.exe']) {
      expect(resolveAppFile(bad, staticRoot), bad).toBeUndefined();
    }
    const ok = await serveAppRequest('app://servicebell/settings.html', staticRoot);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await serveAppRequest('app://servicebell/missing.html', staticRoot)).status).toBe(404);
  });

  it('each page repeats the same policy in a <meta> and has no inline script or style', () => {
    for (const page of ['settings', 'history']) {
      const html = readFileSync(`renderer/static/${page}.html`, 'utf8');
      expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/\sstyle=|<style/i);
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : [];
  });
}

describe('static checks over the source', () => {
  const files = [...sourceFiles('main'), ...sourceFiles('preload'), ...sourceFiles('renderer')];

  it('creates BrowserWindows only in main/electron/windows.ts', () => {
    const offenders = files.filter((f) => /new\s+BrowserWindow\s*\(/.test(readFileSync(f, 'utf8')) && f !== path.join('main', 'electron', 'windows.ts'));
    expect(offenders).toEqual([]);
  });

  it('never weakens webPreferences', () => {
    const weakening = /(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|webviewTag|allowRunningInsecureContent|experimentalFeatures)\s*:\s*true|(contextIsolation|sandbox|webSecurity)\s*:\s*false|enableRemoteModule|disableBlinkFeatures|additionalArguments/;
    expect(files.filter((f) => weakening.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('opens links only in electronOpener.ts; loads pages only over app://; uses no innerHTML', () => {
    const contents = files.map((f) => [f, readFileSync(f, 'utf8')] as const);
    expect(contents.filter(([f, t]) => /openExternal\s*\(/.test(t) && !f.endsWith('electronOpener.ts')).map(([f]) => f)).toEqual([]);
    expect(contents.filter(([, t]) => /loadFile\s*\(|file:\/\//.test(t)).map(([f]) => f)).toEqual([]);
    expect(contents.filter(([, t]) => /innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(t)).map(([f]) => f)).toEqual([]);
  });

  it('imports electron at runtime only in the composition root and the preload', () => {
    const runtime = /^import\s+(?!type\b)[^;]*from\s+'electron'/m;
    const allowed = [path.join('main', 'index.ts'), path.join('preload', 'index.ts')];
    expect(files.filter((f) => runtime.test(readFileSync(f, 'utf8')) && !allowed.includes(f))).toEqual([]);
  });
});
