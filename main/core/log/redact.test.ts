import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { maskPhone, redact, redactValue, registerSecret } from './redact.js';

describe('redaction', () => {
  it('removes registered secrets, JWTs, bearer tokens and phone numbers', () => {
    registerSecret('s3cr3t-api-key-value');
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
    const text = redact(`key=s3cr3t-api-key-value auth: Bearer abc.DEF-123 token ${jwt} call +48 500 100 200`);
    expect(text).not.toContain('s3cr3t-api-key-value');
    expect(text).not.toContain('abc.DEF-123');
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('500 100 200');
    expect(text).toContain('+48***00');
    expect(maskPhone('+48500100200')).toBe('+48***00');
  });

  it('redacts values under secret-like keys and inside errors', () => {
    expect(redactValue({ apiKeySecret: 'x1', nested: { authorization: 'y', ok: 'fine' }, err: new Error('Bearer zzz') })).toEqual({
      apiKeySecret: '[redacted]',
      nested: { authorization: '[redacted]', ok: 'fine' },
      err: { name: 'Error', message: 'Bearer [redacted]' },
    });
  });

  it('applies to every log line', () => {
    registerSecret('another-secret-0001');
    let out = '';
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => ((out += chunk.toString()), cb()) });
    const logger = createLogger({ destination: sink, level: 'info' });
    logger.info({ detail: 'token another-secret-0001', headers: { Authorization: 'Bearer q' } }, 'using another-secret-0001');
    expect(out).not.toContain('another-secret-0001');
    expect(out).toContain('[redacted]');
  });
});

describe('redaction leaves ordinary numbers alone', () => {
  it('keeps dates, ids and ports', () => {
    const text = '2026-11-22T00:58:52.791Z thread:6b023e4e0000000000000005 http://127.0.0.1:41234';
    expect(redact(text)).toBe(text);
  });
});
