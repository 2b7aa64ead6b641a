import type { SourceFactory } from '../app/servicebellCore.js';
import { PrivmxSource } from './privmx/privmxSource.js';
import { VonageSource } from './vonage/vonageSource.js';

/** Every source Servicebell knows; the core starts those whose settings section is enabled. */
export const sourceFactories: readonly SourceFactory[] = [
  {
    name: 'vonage',
    enabled: (settings) => settings.vonage.enabled,
    create: (ctx) =>
      new VonageSource({ settings: ctx.settings.vonage, getSecret: ctx.getSecret, sink: ctx.sink, cursors: ctx.cursors, logger: ctx.logger }),
  },
  {
    name: 'privmx',
    enabled: (settings) => settings.privmx.enabled,
    create: (ctx) =>
      new PrivmxSource({
        settings: ctx.settings.privmx,
        getSecret: ctx.getSecret,
        sink: ctx.sink,
        cursors: ctx.cursors,
        logger: ctx.logger,
        hostName: ctx.hostName,
        clock: ctx.clock,
      }),
  },
];
