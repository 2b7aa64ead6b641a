import { describe, expect, it } from 'vitest';
import { Dedupe } from './dedupe.js';

const key = (id: string) => ({ restaurant: 'default', source: 'vonage', id });

describe('Dedupe', () => {
  it('says a key was seen once it was added, per restaurant, source and id', () => {
    const dedupe = new Dedupe(10);
    expect(dedupe.add(key('a'))).toBe(true);
    expect(dedupe.add(key('a'))).toBe(false);
    expect(dedupe.add({ ...key('a'), source: 'privmx' })).toBe(true);
    expect(dedupe.add({ ...key('a'), restaurant: 'bistro' })).toBe(true);
    expect(dedupe.has(key('a'))).toBe(true);
    expect(dedupe.has(key('b'))).toBe(false);
  });

  it('forgets the oldest keys first once it holds more than its capacity, again and again', () => {
    const dedupe = new Dedupe(3);
    for (const id of ['a', 'b', 'c']) dedupe.add(key(id));
    // A repeat does not make a key younger.
    expect(dedupe.add(key('a'))).toBe(false);
    dedupe.add(key('d'));
    expect(['a', 'b', 'c', 'd'].map((id) => dedupe.has(key(id)))).toEqual([false, true, true, true]);
    for (const id of ['e', 'f', 'g', 'h']) dedupe.add(key(id));
    expect(['d', 'e', 'f', 'g', 'h'].map((id) => dedupe.has(key(id)))).toEqual([false, false, true, true, true]);
    // A forgotten key is news again, and takes the youngest place.
    expect(dedupe.add(key('a'))).toBe(true);
    expect(['f', 'g', 'h', 'a'].map((id) => dedupe.has(key(id)))).toEqual([false, true, true, true]);
  });
});
