import type { z } from 'zod';

/**
 * `schema.safeParse(input)`, answered by `plain` when it can: `plain` is the schema's checks written out for the
 * shape that nearly always arrives, and gives the same value zod would, or undefined, and then zod parses (and says
 * what is wrong, and where). A first zod parse of each kind of frame cost 25–60 µs when events come one at a time,
 * before their history write; the plain checks a few. Each pair has a test that they agree on every edge case.
 */
export function plainFirst<S extends z.ZodType>(schema: S, plain: (input: unknown) => z.output<S> | undefined, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const value = plain(input);
  return value === undefined ? schema.safeParse(input) : { success: true, data: value };
}

/** A plain object (not null, not an array), as `z.object` takes one. */
export function plainObject(input: unknown): Record<string, unknown> | undefined {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
}

/** `z.number().int().nonnegative()`. */
export const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** `z.number()`: finite (zod 4 refuses NaN and the infinities). */
export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** `z.string().min(min).max(max)`. */
export const isText = (value: unknown, min: number, max: number): value is string => typeof value === 'string' && value.length >= min && value.length <= max;
