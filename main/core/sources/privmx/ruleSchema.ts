import { z } from 'zod';

/** PrivMX notification channels a manager socket can subscribe to. */
export const privmxChannelSchema = z.enum(['thread', 'store', 'inbox', 'stream']);
export type PrivmxChannel = z.infer<typeof privmxChannelSchema>;

/** One notification rule: first match wins; no match, no alert. Refined by the PrivMX issue. */
export const privmxRuleSchema = z.strictObject({
  name: z.string().min(1).max(80).optional(),
  match: z.strictObject({
    channel: privmxChannelSchema,
    type: z.string().min(1).optional(),
    contextId: z.string().min(1).optional(),
    threadId: z.string().min(1).optional(),
    storeId: z.string().min(1).optional(),
    inboxId: z.string().min(1).optional(),
    author: z.string().min(1).optional(),
  }),
  title: z.string().min(1).max(200),
  body: z.string().max(1000).default(''),
  actions: z.array(z.enum(['desktop', 'sms'])).min(1).default(['desktop']),
});
export type PrivmxRule = z.infer<typeof privmxRuleSchema>;
