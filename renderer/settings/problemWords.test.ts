import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../main/core/settings/settingsFile.js';
import { checkWords, warningWords } from './checkText.js';
import { setLanguage } from '../i18n.js';
import { problemWords } from './problemWords.js';

/** The core's own problems for `raw`, so a changed schema message shows up here rather than as raw text on screen. */
function problemsOf(raw: unknown): string[] {
  const parsed = parseSettings(raw);
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems;
}

describe('settings problems in plain words', () => {
  it('says what is wrong with each setting the window shows, and keeps the core text for IT', () => {
    const problems = problemsOf({
      version: 2,
      restaurants: [
        {
          id: 'Bistro Mokotów',
          name: '',
          vonage: { backendUrl: 'http://backend.example.com', username: '', sdk: { url: 'ftp://x' } },
          privmx: { bridgeUrl: 'nope', apiKeyId: '', channels: [] },
          sms: { to: ['+48500100200', '500 100 200'], from: 'A very long sender', apiUrl: 'http://sms.example', maxPerHour: 5000 },
          links: { allowedHosts: ['https://meet.example.com/'] },
        },
      ],
      notifications: { quietHours: { start: '7am' } },
      updates: { feedUrl: 'http://updates.example.com/' },
    });
    const words = Object.fromEntries(problems.map((p) => [p, problemWords(p)]));
    for (const [problem, said] of Object.entries(words)) {
      expect(said.technical).toBe(problem);
      expect(said.words, problem).not.toBe(problem);
      expect(said.words, problem).not.toMatch(/restaurants\[|\w\.\w+\b.*:/);
    }
    const all = Object.values(words).map((w) => w.words);
    expect(all).toEqual(
      expect.arrayContaining([
        'The restaurant id may hold only lower-case letters, digits and - (like bistro-mokotow)',
        'The restaurant name must not be empty',
        'The Vonage backend address must start with https:// (http:// only for an address on this computer)',
        'The Vonage user name must not be empty',
        'The Vonage socket address must start with https:// (http:// only for an address on this computer)',
        'The PrivMX Bridge address must start with https:// (http:// only for an address on this computer)',
        'The list of PrivMX channels needs at least one entry',
        'Phone number 2 must start with + and the country code, then digits only, like +48500100200',
        'The SMS sender name may be at most 11 characters long',
        'The SMSAPI address must start with https:// (http:// only for an address on this computer)',
        'The number of SMS per hour must be at most 1000',
        '"Join Meeting" host 1 must be a host name like meet.example.com, or *.example.com for all its subdomains',
        'The start of quiet hours must be a time like 07:30 (24-hour clock)',
        'The update feed address must start with https://',
      ]),
    );
  });

  it('the Notifications section\'s sounds, reminders and rush limit, with the reminder time in minutes', () => {
    const said = (notifications: unknown): string[] => problemsOf({ version: 2, notifications }).map((p) => problemWords(p).words);
    expect(said({ supportReminders: { afterSeconds: 6, times: 11 }, supportBurstLimit: 0 }).sort()).toEqual([
      'The number of reminders must be at most 10',
      'The number of support requests shown one by one must be at least 1',
      'The time between reminders must be at least 0.5 minutes (30 seconds)',
    ]);
    expect(said({ supportReminders: { afterSeconds: 7200, times: 1.5 } }).sort()).toEqual(['The number of reminders must be a whole number', 'The time between reminders must be at most 60 minutes']);
    expect(said({ sounds: { support_request: 'loud' } })).toEqual(['The sound for support requests must be Off, Servicebell bell or System sound']);
  });

  it('names the other restaurant for a duplicate id, and leaves what it does not know as the core says it', () => {
    const [duplicate] = problemsOf({ version: 2, restaurants: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }] });
    expect(problemWords(duplicate ?? '').words).toBe('The restaurant id is already used by restaurant 1: each restaurant needs its own');
    const unknown = 'restaurants[0] ("A").privmx.rules[0].title: unknown placeholder {nope} for channel thread';
    expect(problemWords(unknown)).toEqual({ words: unknown, technical: unknown });
    expect(problemWords('something odd')).toEqual({ words: 'something odd', technical: 'something odd' });
  });
});

describe('connection check lines in plain words', () => {
  it('a missing secret says where to type it, not which command to run', () => {
    const said = checkWords({ name: '[bistro] secret privmx.apiKeySecret', ok: false, detail: 'missing: set it with `servicebell credentials set privmx.apiKeySecret --restaurant bistro`', restaurant: 'bistro' });
    expect(said).toMatchObject({ state: 'problem', part: 'PrivMX Bridge', words: 'The PrivMX API key secret is not set.', todo: 'Type it in Restaurants and connections › PrivMX Bridge › API key secret, then Save.', field: 'privmx-apiKeySecret' });
    expect(said.technical).toContain('servicebell credentials set');
    expect(checkWords({ name: 'secret vonage.backendToken', ok: true, detail: 'found in keychain' }).words).toBe("The Vonage backend token is stored in the computer's keychain.");
  });

  it('each probe line, and an unknown one as it is', () => {
    expect(checkWords({ name: 'vonage backend /jwt', ok: false, detail: 'https://b.example/jwt: HTTP 401' })).toMatchObject({ part: 'Vonage', words: 'Servicebell could not sign in to the Vonage backend.' });
    expect(checkWords({ name: 'vonage backend /jwt', ok: false, detail: 'vonage.backendUrl and vonage.username must be set' }).words).toBe('The Vonage backend URL or user name is missing.');
    expect(checkWords({ name: 'privmx bind', ok: true, detail: 'WebSocket bound' })).toMatchObject({ state: 'ok', words: 'Connected to the PrivMX Bridge: events will arrive.' });
    expect(checkWords({ name: 'privmx bind', ok: true, detail: 'WebSocket bound' }).todo).toBeUndefined();
    expect(checkWords({ name: 'smsapi', ok: false, detail: 'refused' }).state).toBe('problem');
    expect(checkWords({ name: 'data folder', ok: true, detail: 'writable' })).toMatchObject({ part: 'data folder', words: 'writable' });
  });

  it('save warnings in words, unknown ones as they are', () => {
    expect(warningWords('restaurants[1] ("Bistro").links.allowedHosts: empty, so no alert ever gets a Join Meeting link')).toMatch(/^No "Join Meeting" host is allowed/);
    expect(warningWords('mqtt.url: not encrypted: …')).toBe('The MQTT connection is not encrypted: its password and every request cross the network readable. Ask IT to use an address starting with mqtts:// or wss://.');
    expect(warningWords('something.else: odd')).toBe('something.else: odd');
  });
});

describe('settings problems in the window\'s language', () => {
  it('Polish and German say the same, with the position and the limits', () => {
    const problems = problemsOf({ version: 2, restaurants: [{ id: 'default', name: 'Bistro', sms: { to: ['+48500100200', '500 100 200'] } }], notifications: { supportReminders: { afterSeconds: 5 } } });
    const phone = problems.find((p) => p.includes('sms.to[1]')) ?? '';
    const reminder = problems.find((p) => p.includes('afterSeconds')) ?? '';
    try {
      setLanguage('pl');
      expect(problemWords(phone).words).toBe('Numer telefonu nr 2: musi zaczynać się od + i numeru kierunkowego kraju, dalej same cyfry, np. +48500100200');
      expect(problemWords(reminder).words).toBe('Czas między przypomnieniami: musi wynosić co najmniej 0,5 min (30 s)');
      expect(problemWords(phone).technical).toBe(phone);
      setLanguage('de');
      expect(problemWords(phone).words).toBe('Telefonnummer 2: muss mit + und der Ländervorwahl beginnen, dann nur Ziffern, z. B. +48500100200');
    } finally {
      setLanguage('en');
    }
    expect(problemWords(phone).words).toBe('Phone number 2 must start with + and the country code, then digits only, like +48500100200');
  });
});
