import { BridgeError } from './bridgeErrors.js';

/** A tiny strict validator that words its failures like the Bridge's adv-validator. */
export type FieldSpec =
  | { kind: 'string'; min?: number; max?: number; optional?: boolean; nullable?: boolean }
  | { kind: 'int'; min?: number; max?: number; optional?: boolean }
  | { kind: 'enum'; values: readonly string[]; optional?: boolean }
  | { kind: 'stringArray'; maxItems?: number; enumValues?: readonly string[]; optional?: boolean }
  | { kind: 'any'; optional?: boolean };

export type ParamSpec = Record<string, FieldSpec>;

function fail(message: string): never {
  throw new BridgeError('INVALID_PARAMS', message);
}

function checkString(path: string, value: unknown, spec: { min?: number; max?: number }): void {
  if (typeof value !== 'string') fail(`${path} -> Expected string, got ${typeof value}`);
  if (spec.min !== undefined && value.length < spec.min) fail(`${path} -> Invalid length! Expected min ${spec.min}, get ${value.length}`);
  if (spec.max !== undefined && value.length > spec.max) fail(`${path} -> Invalid length! Expected max ${spec.max}, get ${value.length}`);
}

function checkField(key: string, value: unknown, spec: FieldSpec): void {
  switch (spec.kind) {
    case 'any':
      return;
    case 'string':
      if (value === null && spec.nullable) return;
      return checkString(key, value, spec);
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) fail(`${key} -> Expected integer`);
      if (spec.min !== undefined && value < spec.min) fail(`${key} -> Invalid range! Expected min ${spec.min}, get ${value}`);
      if (spec.max !== undefined && value > spec.max) fail(`${key} -> Invalid range! Expected max ${spec.max}, get ${value}`);
      return;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) fail(`${key} -> Expected value to be one of enums`);
      return;
    case 'stringArray': {
      if (!Array.isArray(value)) fail(`${key} -> Expected array`);
      if (spec.maxItems !== undefined && value.length > spec.maxItems) {
        fail(`${key} -> Invalid length! Expected max ${spec.maxItems}, get ${value.length}`);
      }
      value.forEach((item: unknown, i) => {
        if (spec.enumValues) {
          if (typeof item !== 'string' || !spec.enumValues.includes(item)) fail(`${key} -> ${i} -> Expected value to be one of enums`);
        } else {
          checkString(`${key} -> ${i}`, item, { min: 1, max: 128 });
        }
      });
    }
  }
}

/** Unknown keys are rejected; required-but-nullable keys must be present. */
export function validateParams(params: unknown, spec: ParamSpec): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) fail('Expected object');
  const record = params as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(key in spec)) fail(`Unexpected key '${key}'`);
  }
  for (const [key, fieldSpec] of Object.entries(spec)) {
    if (!(key in record) || record[key] === undefined) {
      if (fieldSpec.optional) continue;
      fail(`Key '${key}' is required`);
    }
    checkField(key, record[key], fieldSpec);
  }
  return record;
}

export const LIST_SPEC = (idKey: string): ParamSpec => ({
  [idKey]: { kind: 'string', min: 1, max: 128 },
  from: { kind: 'string', min: 1, max: 128, nullable: true },
  limit: { kind: 'int', min: 1, max: 100 },
  sortOrder: { kind: 'enum', values: ['asc', 'desc'] },
});
