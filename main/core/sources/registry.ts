import type { SourceFactory } from '../sources/source.js';
import { MqttSource } from './mqtt/mqttSource.js';
import { NtfySource } from './ntfy/ntfySource.js';
import { PrivmxSource } from './privmx/privmxSource.js';
import { VonageSource } from './vonage/vonageSource.js';

/**
 * Every source kind Servicebell runs; the core starts one of each per restaurant whose section is enabled.
 * Adding a kind is one entry here: its section, its secrets, and how to build it.
 */
export const sourceFactories: readonly SourceFactory[] = [
  {
    kind: 'vonage',
    section: (restaurant) => restaurant.vonage,
    enabled: (restaurant) => restaurant.vonage.enabled,
    secrets: ['vonage.backendToken'],
    create: (ctx) =>
      new VonageSource({ settings: ctx.restaurant.vonage, getSecret: ctx.getSecret, sink: ctx.sink, cursors: ctx.cursors, logger: ctx.logger }),
  },
  {
    kind: 'privmx',
    section: (restaurant) => restaurant.privmx,
    enabled: (restaurant) => restaurant.privmx.enabled,
    secrets: ['privmx.apiKeySecret'],
    create: (ctx) =>
      new PrivmxSource({
        settings: ctx.restaurant.privmx,
        getSecret: ctx.getSecret,
        sink: ctx.sink,
        cursors: ctx.cursors,
        logger: ctx.logger,
        hostName: ctx.hostName,
        clock: ctx.clock,
      }),
  },
  {
    kind: 'mqtt',
    section: (restaurant) => restaurant.mqtt,
    enabled: (restaurant) => restaurant.mqtt.enabled,
    secrets: ['mqtt.password'],
    create: (ctx) =>
      new MqttSource({
        settings: ctx.restaurant.mqtt,
        password: () => ctx.getSecret('mqtt.password'),
        sink: ctx.sink,
        // The restaurant's own cursor keys remember that the broker once held this PC's session.
        marks: ctx.cursors,
        logger: ctx.logger,
        hostName: ctx.hostName,
        restaurantId: ctx.restaurant.id,
        clock: ctx.clock,
      }),
  },
  {
    kind: 'ntfy',
    section: (restaurant) => restaurant.ntfy,
    enabled: (restaurant) => restaurant.ntfy.enabled,
    secrets: ['ntfy.token'],
    create: (ctx) =>
      new NtfySource({
        options: ctx.restaurant.ntfy,
        secret: () => ctx.getSecret('ntfy.token'),
        sink: ctx.sink,
        cursors: ctx.cursors,
        logger: ctx.logger,
        clock: ctx.clock,
      }),
  },
];
