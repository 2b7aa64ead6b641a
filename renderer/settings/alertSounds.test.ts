import { describe, expect, it } from 'vitest';
import { soundFor, settingsSchema } from '../../main/core/settings/schema.js';
import { MIXED, chosenSounds, otherKinds, otherSound, soundsOf, supportSound } from './alertSounds.js';

const settings = {
  notifications: { sounds: { support_request: 'system', waiter_call: 'system' } },
  restaurants: [
    { vonage: { eventTypes: ['support_request', 'waiter_call', 'bill_request'] } },
    { privmx: { rules: [{ match: { channel: 'thread', type: 'threadUpdatedMessage' } }, { match: { channel: 'store', type: '*' } }] } },
  ],
};

describe('the Sound selects and notifications.sounds', () => {
  it('"Other alerts" stands for the kinds the settings name, the app\'s own and order, never support requests', () => {
    expect(otherKinds(settings)).toEqual(['*', 'bill_request', 'inboxCreated', 'ntfy_message', 'order', 'storeFileCreated', 'streamRoomCreated', 'threadNewMessage', 'threadUpdatedMessage', 'waiter_call']);
    expect(otherKinds({})).not.toContain('support_request');
  });

  it('shows what the core would play: support requests ring unless set, other kinds are off unless set, MIXED when they differ', () => {
    const defaults = settingsSchema.parse({}).notifications;
    const kinds = otherKinds({});
    expect(supportSound(soundsOf({ notifications: defaults }))).toBe(soundFor(defaults, 'support_request'));
    expect(supportSound({})).toBe('bundled');
    expect(otherSound(soundsOf({ notifications: defaults }), kinds)).toBe('off');
    expect(kinds.every((kind) => soundFor(defaults, kind) === 'off')).toBe(true);
    expect(otherSound({ order: 'system' }, kinds)).toBe(MIXED);
    expect(otherSound(Object.fromEntries(kinds.map((k) => [k, 'bundled'])), kinds)).toBe('bundled');
  });

  it('"Other alerts" also sets "*", so a kind first met later (not named anywhere) sounds the same in the core', () => {
    const kinds = otherKinds({});
    const chosen = chosenSounds({}, kinds, { shown: 'bundled', loaded: 'bundled' }, { shown: 'system', loaded: 'off' });
    expect(chosen['*']).toBe('system');
    const notifications = settingsSchema.parse({ notifications: { sounds: chosen } }).notifications;
    expect(soundFor(notifications, 'pizza_ready')).toBe('system');
    expect(soundFor(notifications, 'support_request')).toBe('bundled');
    // A kind listed on its own keeps its sound; support requests keep theirs under "*".
    const own = settingsSchema.parse({ notifications: { sounds: { '*': 'system', order: 'off' } } }).notifications;
    expect(soundFor(own, 'order')).toBe('off');
    expect(soundFor(own, 'support_request')).toBe('bundled');
    expect(otherSound({ ...chosen, fresh_kind: 'off' }, [...kinds, 'fresh_kind'])).toBe(MIXED);
  });

  it('an unchanged select changes nothing; a changed one writes its kinds; MIXED keeps them', () => {
    const sounds = soundsOf(settings);
    const kinds = otherKinds(settings);
    expect(chosenSounds(sounds, kinds, { shown: 'system', loaded: 'system' }, { shown: MIXED, loaded: MIXED })).toEqual(sounds);
    const off = chosenSounds(sounds, kinds, { shown: 'bundled', loaded: 'system' }, { shown: 'off', loaded: MIXED });
    expect(off.support_request).toBe('bundled');
    expect(kinds.every((kind) => off[kind] === 'off')).toBe(true);
    expect(chosenSounds({}, kinds, { shown: 'bundled', loaded: 'bundled' }, { shown: 'off', loaded: 'off' })).toEqual({});
  });
});
