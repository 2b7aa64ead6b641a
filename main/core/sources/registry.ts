import type { SourceFactory } from '../sources/source.js';
import { lazySource } from './lazySource.js';

/**
 * Every source kind Servicebell runs; the core starts one of each per restaurant whose section is enabled.
 * Adding a kind is one entry here: its section, its secrets, and how to build it. Each kind's module is imported
 * only when one of its connections starts, so a kind the settings do not use loads none of its libraries.
 */
export const sourceFactories: readonly SourceFactory[] = [
  {
    kind: 'vonage',
    section: (restaurant) => restaurant.vonage,
    enabled: (restaurant) => restaurant.vonage.enabled,
    secrets: ['vonage.backendToken'],
    create: (ctx) =>
      lazySource('vonage', async () => {
        const { VonageSource } = await import('./vonage/vonageSource.js');
        return new VonageSource({ settings: ctx.restaurant.vonage, getSecret: ctx.getSecret, sink: ctx.sink, cursors: ctx.cursors, logger: ctx.logger });
      }),
  },
  {
    kind: 'privmx',
    section: (restaurant) => restaurant.privmx,
    enabled: (restaurant) => restaurant.privmx.enabled,
    secrets: ['privmx.apiKeySecret'],
    create: (ctx) =>
      lazySource('privmx', async () => {
        const { PrivmxSource } = await import('./privmx/privmxSource.js');
        return new PrivmxSource({
          settings: ctx.restaurant.privmx,
          getSecret: ctx.getSecret,
          sink: ctx.sink,
          cursors: ctx.cursors,
          logger: ctx.logger,
          hostName: ctx.hostName,
          clock: ctx.clock,
        });
      }),
  },
  {
    kind: 'mqtt',
    section: (restaurant) => restaurant.mqtt,
    enabled: (restaurant) => restaurant.mqtt.enabled,
    secrets: ['mqtt.password'],
    create: (ctx) =>
      lazySource('mqtt', async () => {
        const { MqttSource } = await import('./mqtt/mqttSource.js');
        return new MqttSource({
          settings: ctx.restaurant.mqtt,
          password: () => ctx.getSecret('mqtt.password'),
          sink: ctx.sink,
          // The restaurant's own cursor keys remember that the broker once held this PC's session.
          marks: ctx.cursors,
          logger: ctx.logger,
          hostName: ctx.hostName,
          restaurantId: ctx.restaurant.id,
          clock: ctx.clock,
        });
      }),
  },
  {
    kind: 'ntfy',
    section: (restaurant) => restaurant.ntfy,
    enabled: (restaurant) => restaurant.ntfy.enabled,
    secrets: ['ntfy.token'],
    create: (ctx) =>
      lazySource('ntfy', async () => {
        const { NtfySource } = await import('./ntfy/ntfySource.js');
        return new NtfySource({
          options: ctx.restaurant.ntfy,
          secret: () => ctx.getSecret('ntfy.token'),
          sink: ctx.sink,
          cursors: ctx.cursors,
          logger: ctx.logger,
          clock: ctx.clock,
        });
      }),
  },
];
