import { describe, expect, it } from 'vitest';
import { later } from '../core/app/startupQueue.js';
import type { Handlers } from '../../preload/contract.js';
import { deferredHandlers } from './deferredHandlers.js';

describe('deferredHandlers', () => {
  it('a request made before the core is up waits for the real handler', async () => {
    const ready = later<Handlers>();
    const handlers = deferredHandlers(ready.promise);
    const answer = handlers['notify:test'](undefined as never);
    ready.resolve({ 'notify:test': async () => ({ status: 'shown' }) } as unknown as Handlers);
    await expect(answer).resolves.toEqual({ status: 'shown' });
  });

  it('has a deadline: a start-up that never finishes answers with an error, not a pending request', async () => {
    const handlers = deferredHandlers(new Promise<Handlers>(() => {}), 50);
    await expect(handlers['settings:get'](undefined as never)).rejects.toThrow('settings:get: Servicebell is still starting; try again in a moment');
  });
});
