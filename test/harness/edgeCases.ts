import { expect } from 'vitest';
import type { z } from 'zod';

/**
 * `valid`, then each field of it replaced by each of its edge cases (undefined: the key left out, and also present
 * but undefined), an unknown key added, and whole inputs of other types.
 */
export function* edgeCases(valid: Record<string, unknown>, edges: Record<string, readonly unknown[]>): Generator<unknown> {
  yield valid;
  yield { ...valid, extra: 'stripped' };
  for (const [field, values] of Object.entries(edges)) {
    for (const value of values) {
      const input: Record<string, unknown> = { ...valid };
      if (value === undefined) delete input[field];
      else input[field] = value;
      yield input;
      yield { ...input, [field]: undefined };
    }
  }
  yield* [null, undefined, 'text', 42, [], [valid]];
}

/** A plain check agrees with its zod schema on every input: the same value where zod accepts, nothing where it refuses. */
export function expectAgreement(schema: z.ZodType, plain: (input: unknown) => unknown, inputs: Iterable<unknown>): void {
  let checked = 0;
  let accepted = 0;
  for (const input of inputs) {
    const zod = schema.safeParse(input);
    const value = plain(input);
    if (zod.success) {
      expect(value, JSON.stringify(input)).toEqual(zod.data);
      accepted++;
    } else expect(value, JSON.stringify(input)).toBeUndefined();
    checked++;
  }
  // Both sides of the agreement are exercised.
  expect(accepted).toBeGreaterThan(0);
  expect(checked - accepted).toBeGreaterThan(0);
}
