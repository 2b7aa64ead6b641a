import { describe, expect, it } from 'vitest';
import { NodeNotifierAdapter, classify, type NodeNotifierLike } from './nodeNotifierAdapter.js';

describe('node-notifier adapter (macOS/Windows headless)', () => {
  it('asks for a Join Meeting action only when there is an allowed link, and maps the click back', async () => {
    const calls: Array<Record<string, unknown>> = [];
    let respond: ((err: Error | null, response: string, metadata?: { activationType?: string; activationValue?: string }) => void) | undefined;
    const backend: NodeNotifierLike = {
      notify: (options, callback) => {
        calls.push(options);
        respond = callback;
      },
    };
    const adapter = new NodeNotifierAdapter(backend);
    const activations: string[] = [];
    adapter.onActivated((a) => activations.push(`${a.key}:${a.action}`));
    expect(await adapter.show({ key: 'vonage/1', title: 'Support request', body: 'b', joinUrl: 'https://meetings.vonage.com/r' })).toEqual({ status: 'shown' });
    expect(calls[0]).toMatchObject({ title: 'Support request', message: 'b', actions: ['Join Meeting'], wait: true });
    respond?.(null, 'activate', { activationType: 'actionClicked', activationValue: 'Join Meeting' });
    expect(activations).toEqual(['vonage/1:join']);
    await adapter.show({ key: 'vonage/2', title: 't', body: 'b' });
    expect(calls[1]).not.toHaveProperty('actions');
  });

  it('waits for a click on a summary (it opens History), and maps the body click back', async () => {
    const calls: Array<Record<string, unknown>> = [];
    let respond: ((err: Error | null, response: string, metadata?: { activationType?: string }) => void) | undefined;
    const adapter = new NodeNotifierAdapter({ notify: (options, callback) => ((respond = callback), calls.push(options)) });
    const activations: string[] = [];
    adapter.onActivated((a) => activations.push(`${a.key}:${a.action}`));
    await adapter.show({ key: 'servicebell/summary-1-1', title: '8 new alerts', body: '8 orders', opensHistory: true });
    expect(calls[0]).toMatchObject({ wait: true });
    expect(calls[0]).not.toHaveProperty('actions');
    respond?.(null, 'activate', { activationType: 'contentsClicked' });
    expect(activations).toEqual(['servicebell/summary-1-1:default']);
  });

  it('support requests wait for the click and ring; the sound follows the kind’s setting per platform', async () => {
    const calls: Array<Record<string, unknown>> = [];
    const backend: NodeNotifierLike = { notify: (options) => calls.push(options) };
    const windows = new NodeNotifierAdapter(backend, () => false, 'win32');
    await windows.show({ key: 'a', title: 't', body: 'b', persistent: true, sound: 'bundled' });
    await windows.show({ key: 'b', title: 't', body: 'b', sound: 'system' });
    await windows.show({ key: 'c', title: 't', body: 'b' });
    const mac = new NodeNotifierAdapter(backend, () => false, 'darwin');
    await mac.show({ key: 'd', title: 't', body: 'b', persistent: true, sound: 'bundled' });
    await mac.show({ key: 'e', title: 't', body: 'b', sound: 'system' });
    expect(calls.map((c) => [c.wait, c.sound])).toEqual([
      [true, 'Notification.Reminder'],
      [false, 'Notification.Reminder'],
      [false, false],
      [true, 'Glass'],
      [false, true],
    ]);
  });

  it('classifies responses', () => {
    expect(classify('', { activationType: 'contentsClicked' })).toBe('default');
    expect(classify('timeout')).toBeNull();
    expect(classify('join meeting')).toBe('join');
  });

  it('shows nothing while the system is in do-not-disturb, and says so', async () => {
    const calls: unknown[] = [];
    let dnd = true;
    const adapter = new NodeNotifierAdapter({ notify: (options) => calls.push(options) }, () => dnd);
    expect(await adapter.show({ key: 'k', title: 't', body: 'b' })).toEqual({ status: 'os_dnd' });
    dnd = false;
    expect(await adapter.show({ key: 'k2', title: 't', body: 'b' })).toEqual({ status: 'shown' });
    expect(calls).toHaveLength(1);
  });
});
