import { describe, expect, it } from 'vitest';
import { StartupQueue, later } from './startupQueue.js';

describe('StartupQueue', () => {
  it('holds work until it opens, then runs it in arrival order; later work runs at once', () => {
    const done: string[] = [];
    const queue = new StartupQueue<string>();
    queue.run((v) => done.push(`settings ${v}`));
    queue.run((v) => done.push(`activation ${v}`));
    expect(done).toEqual([]);
    expect(queue.isOpen).toBe(false);
    queue.open('core');
    expect(done).toEqual(['settings core', 'activation core']);
    queue.run((v) => done.push(`again ${v}`));
    queue.open('ignored');
    expect(done).toEqual(['settings core', 'activation core', 'again core']);
  });

  it('a task that throws is reported and the others still run', () => {
    const errors: unknown[] = [];
    const done: number[] = [];
    const queue = new StartupQueue((err) => errors.push(err));
    queue.run(() => {
      throw new Error('window failed');
    });
    queue.run(() => done.push(2));
    queue.open();
    expect(done).toEqual([2]);
    expect(String(errors[0])).toContain('window failed');
  });

  it('later() settles when resolved', async () => {
    const value = later<number>();
    value.resolve(7);
    await expect(value.promise).resolves.toBe(7);
  });
});
