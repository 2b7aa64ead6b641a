import { describe, expect, it } from 'vitest';
import { typedTime } from './typedTime.js';

describe('a typed time of day', () => {
  it('the 24-hour forms people type become HH:MM', () => {
    expect(['22:30', '7:30', '7.30', '730', '0730', ' 06:45 '].map(typedTime)).toEqual(['22:30', '07:30', '07:30', '07:30', '07:30', '06:45']);
  });

  it('anything else is left for the schema to refuse', () => {
    expect(['7am', '10:30 PM', '25:00', '', '1:2'].map(typedTime)).toEqual(['7am', '10:30 PM', '25:00', '', '1:2']);
  });
});
