// The words of PrivMX's default rules (used when `privmx.rules` is empty): Servicebell's own text, not a manager's
// template, so it is spoken in the running language. The source renders the English rule as always and marks the
// alert (`meta.defaultRule`: which rule, and the values it used); the pipeline words it when it accepts the alert.
import { z } from 'zod';
import type { Translator } from '../../../common/i18n/translator.js';

export const DEFAULT_RULE_META = 'defaultRule';

export const defaultRuleMetaSchema = z.object({
  rule: z.enum(['inboxEntry', 'message', 'file']),
  /** Who wrote the message or added the file (empty or absent: not known); the event's time as the rule shows it. */
  who: z.string().max(256).optional(),
  time: z.string().max(64),
});
export type DefaultRuleMeta = z.infer<typeof defaultRuleMetaSchema>;

/** The default rule's title and body in the given language; undefined for an alert of any other rule. */
export function localisedDefaultRule(meta: Record<string, unknown>, t: Translator): { title: string; body: string } | undefined {
  const marked = meta[DEFAULT_RULE_META];
  // Most alerts carry none: no parse (a failed one builds an error object each time).
  if (marked === undefined) return undefined;
  const parsed = defaultRuleMetaSchema.safeParse(marked);
  if (!parsed.success) return undefined;
  const { rule, who, time } = parsed.data;
  const known = who !== undefined && who.trim() !== '';
  switch (rule) {
    case 'inboxEntry':
      return { title: t.t('privmx.default.inboxEntry.title'), body: t.t('privmx.default.inboxEntry.body', { time }) };
    case 'message':
      return { title: t.t('privmx.default.message.title'), body: known ? t.t('privmx.default.message.body', { who, time }) : t.t('privmx.default.message.bodyNoAuthor', { time }) };
    case 'file':
      return { title: t.t('privmx.default.file.title'), body: known ? t.t('privmx.default.file.body', { who, time }) : t.t('privmx.default.file.bodyNoAuthor', { time }) };
  }
}
