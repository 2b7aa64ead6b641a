import { describe, expect, it } from 'vitest';
import { cliArguments } from './cliArguments.js';

describe('CLI arguments of the app binary', () => {
  it('recognises commands in a packaged app and in development', () => {
    expect(cliArguments(['/opt/Servicebell/servicebell', 'credentials', 'set', 'smsapi.token'], false)).toEqual(['credentials', 'set', 'smsapi.token']);
    expect(cliArguments(['/usr/bin/electron', '.', 'check', '--config', 'x.json'], true)).toEqual(['check', '--config', 'x.json']);
  });

  it('leaves normal launches, protocol activations and Chromium switches to the tray app', () => {
    expect(cliArguments(['/opt/Servicebell/servicebell'], false)).toBeUndefined();
    expect(cliArguments(['/opt/Servicebell/servicebell', 'servicebell://activate?token=x'], false)).toBeUndefined();
    expect(cliArguments(['/opt/Servicebell/servicebell', '--no-sandbox'], false)).toBeUndefined();
    expect(cliArguments(['/usr/bin/electron', '.'], true)).toBeUndefined();
  });
});
