import { z } from 'zod';
import { PRIVMX_CHANNELS } from '../../../../common/privmxPlaceholders.js';
import { templateProblems } from './templates.js';

/** PrivMX notification channels a manager socket can subscribe to. */
export const privmxChannelSchema = z.enum(PRIVMX_CHANNELS);
export type PrivmxChannel = z.infer<typeof privmxChannelSchema>;

export const ruleActionSchema = z.enum(['desktop', 'sms']);
export type RuleAction = z.infer<typeof ruleActionSchema>;

const id = z.string().min(1).max(128);

/**
 * One notification rule: first match wins; no match, no alert. Every `match` key that is set must equal the event's
 * value; `type` defaults to the channel's new-item event (threadNewMessage, storeFileCreated, …), `"*"` is any type. `inboxId` matches inbox entries (a `threadNewMessage` whose keyId is `<inbox-ID>`); `"*"` means any inbox.
 * Templates use `{placeholders}`; an unknown placeholder is a config error with its path, never a runtime surprise.
 */
export const privmxRuleSchema = z
  .strictObject({
    name: z.string().min(1).max(80).optional(),
    match: z.strictObject({
      channel: privmxChannelSchema,
      type: z.string().min(1).max(128).optional(),
      contextId: id.optional(),
      threadId: id.optional(),
      storeId: id.optional(),
      inboxId: id.optional(),
      author: z.string().min(1).max(256).optional(),
    }),
    title: z.string().min(1).max(200),
    body: z.string().max(1000).default(''),
    actions: z.array(ruleActionSchema).min(1).default(['desktop']),
  })
  .superRefine((rule, ctx) => {
    for (const field of ['title', 'body'] as const) {
      for (const message of templateProblems(rule[field], rule.match.channel)) {
        ctx.addIssue({ code: 'custom', path: [field], message });
      }
    }
    const { channel } = rule.match;
    const misplaced = (key: string, ok: boolean, hint: string) => !ok && ctx.addIssue({ code: 'custom', path: ['match', key], message: hint });
    if (rule.match.inboxId !== undefined) misplaced('inboxId', channel === 'thread' || channel === 'inbox', 'inbox entries arrive on channel "thread"');
    if (rule.match.threadId !== undefined) misplaced('threadId', channel === 'thread', 'threadId only applies to channel "thread"');
    if (rule.match.storeId !== undefined) misplaced('storeId', channel === 'store', 'storeId only applies to channel "store"');
  });
export type PrivmxRule = z.infer<typeof privmxRuleSchema>;
export type PrivmxRuleInput = z.input<typeof privmxRuleSchema>;
