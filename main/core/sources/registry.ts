import type { SourceFactory } from '../app/servicebellCore.js';
import { PrivmxSource } from './privmx/privmxSource.js';
import { VonageSource } from './vonage/vonageSource.js';

/**
 * Every source kind Servicebell runs; the core starts one of each per restaurant whose section is enabled.
 * Adding a kind (mqtt, ntfy: issue 13) is one entry here: its section, its secrets, and how to build it.
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
];
