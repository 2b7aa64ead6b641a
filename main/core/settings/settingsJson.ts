// Reading a hand-edited settings file: JSON only, but errors say where (line, column) and what probably went wrong.
// jsonc-parser (VS Code's) gives positions for every syntax error and visits each property, which is what a
// duplicate-key check needs; JSON.parse gives neither (its last duplicate silently wins).
import { printParseErrorCode, visit } from 'jsonc-parser';
import { formatPath } from './settingsPath.js';

export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: string };

const BOM = '\uFEFF';

const DESCRIPTIONS: Record<string, string> = {
  PropertyNameExpected: 'a property name was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon (:) was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'nothing more was expected after the settings object',
  InvalidCommentToken: 'a comment',
  UnexpectedEndOfComment: 'a comment that does not end',
  UnexpectedEndOfString: 'a string that does not end',
  InvalidNumberFormat: 'a malformed number',
  InvalidEscapeCharacter: 'an invalid escape (\\) in a string',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidCharacter: 'a control character inside a string',
};

interface Position {
  line: number;
  column: number;
}

const at = (p: Position): string => `line ${p.line}, column ${p.column}`;

/** What probably went wrong at `offset`, for the mistakes people make most. */
function hint(text: string, offset: number, code: string): string | undefined {
  if (text.trim() === '') return 'the file is empty; write {} for the defaults';
  if (code === 'InvalidCommentToken' || code === 'UnexpectedEndOfComment') return 'JSON allows no comments; remove it';
  if (text[offset] === "'") {
    const word = /^'([^'\n]*)'/.exec(text.slice(offset))?.[1];
    return word !== undefined ? `JSON needs double quotes: "${word}", not '${word}'` : 'JSON needs double quotes, not single ones';
  }
  const before = text.slice(0, offset).trimEnd();
  if (before.endsWith(',') && (text[offset] === '}' || text[offset] === ']')) return `remove the trailing comma before it; JSON allows none`;
  return undefined;
}

function describe(text: string, offset: number, code: string): string {
  const found = text[offset];
  const what = code === 'InvalidSymbol' ? `unexpected character ${JSON.stringify(found ?? '')}` : (DESCRIPTIONS[code] ?? code);
  const advice = hint(text, offset, code);
  return advice ? `${what} (hint: ${advice})` : what;
}

/** Parses settings text: a leading UTF-8 BOM is accepted; syntax errors and duplicate keys are refused with positions. */
export function parseSettingsJson(raw: string): JsonRead {
  const text = raw.startsWith(BOM) ? raw.slice(1) : raw;
  let problem: string | undefined;
  const objects: Array<Map<string, Position>> = [];
  visit(
    text,
    {
      onObjectBegin: () => void objects.push(new Map()),
      onObjectEnd: () => void objects.pop(),
      onObjectProperty: (property, _offset, _length, startLine, startCharacter, pathSupplier) => {
        const keys = objects.at(-1);
        if (!keys) return;
        const here = { line: startLine + 1, column: startCharacter + 1 };
        const first = keys.get(property);
        if (first && problem === undefined) {
          problem = `${at(here)}: duplicate key ${JSON.stringify(property)} in ${formatPath(pathSupplier())} (first at ${at(first)}); remove one`;
        }
        if (!first) keys.set(property, here);
      },
      onError: (error, offset, _length, startLine, startCharacter) => {
        problem ??= `${at({ line: startLine + 1, column: startCharacter + 1 })}: ${describe(text, offset, printParseErrorCode(error))}`;
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (problem !== undefined) return { ok: false, problem };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    // Whatever the tolerant scanner let through, JSON.parse has the last word.
    return { ok: false, problem: (err as Error).message };
  }
}
