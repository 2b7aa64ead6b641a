import { describe, expect, it } from 'vitest';
import { cliArguments } from './cliArguments.js';

describe('CLI arguments of the app binary', () => {
  it('recognises commands in a packaged app and in development', () => {
    expect(cliArguments(['/opt/Servicebell/servicebell', 'credentials', 'set', 'smsapi.token'], false)).toEqual(['credentials', 'set', 'smsapi.token']);
    expect(cliArguments(['/usr/bin/electron', '.', 'check', '--config', 'x.json'], true)).toEqual(['check', '--config', 'x.json']);
  });

  it('skips leading Chromium switches (the Linux wrapper passes --ozone-platform=headless)', () => {
    expect(cliArguments(['/opt/Servicebell/servicebell', '--ozone-platform=headless', 'credentials', 'list'], false)).toEqual(['credentials', 'list']);
    expect(cliArguments(['/opt/Servicebell/servicebell', '--no-sandbox', '--enable-logging', 'check'], false)).toEqual(['check']);
    expect(cliArguments(['/usr/bin/electron', '.', '--no-sandbox', 'config', 'path'], true)).toEqual(['config', 'path']);
  });

  it('--help and --version are CLI commands, also after switches', () => {
    expect(cliArguments(['/opt/Servicebell/servicebell', '--help'], false)).toEqual(['--help']);
    expect(cliArguments(['/opt/Servicebell/servicebell', '-v'], false)).toEqual(['-v']);
    expect(cliArguments(['/opt/Servicebell/servicebell', '-V'], false)).toEqual(['-V']);
    expect(cliArguments(['/opt/Servicebell/servicebell', '--ozone-platform=headless', '--version'], false)).toEqual(['--version']);
  });

  it('leaves normal launches, protocol activations and switch-only launches to the tray app', () => {
    expect(cliArguments(['/opt/Servicebell/servicebell'], false)).toBeUndefined();
    expect(cliArguments(['/opt/Servicebell/servicebell', 'servicebell://activate?token=x'], false)).toBeUndefined();
    expect(cliArguments(['/opt/Servicebell/servicebell', '--no-sandbox'], false)).toBeUndefined();
    expect(cliArguments(['/opt/Servicebell/servicebell', '--no-sandbox', 'servicebell://activate?token=x'], false)).toBeUndefined();
    expect(cliArguments(['/usr/bin/electron', '.'], true)).toBeUndefined();
  });
});
