// A source the test drives by hand: the core builds it like any other, and the test pushes alerts into its sink.
import type { SourceFactory, SourceName, SourceSink } from '../../main/core/sources/source.js';

export function handSource(kind: SourceName = 'vonage'): { factory: SourceFactory; sink: () => SourceSink } {
  let captured: SourceSink | undefined;
  const factory: SourceFactory = {
    kind,
    section: () => ({}),
    secrets: [],
    enabled: () => true,
    create: (ctx) => {
      captured = ctx.sink;
      return { name: kind, start: async () => ctx.sink.status({ state: 'connected' }), reconnectNow: () => {}, stop: async () => {} };
    },
  };
  return {
    factory,
    sink: () => {
      if (!captured) throw new Error('source not created');
      return captured;
    },
  };
}
