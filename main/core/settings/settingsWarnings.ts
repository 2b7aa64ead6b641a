import type { Settings } from './schema.js';

/** A valid setting that silently does nothing useful; shown by `check` and by the settings window on save. */
export interface SettingsWarning {
  path: string;
  message: string;
}

export function settingsWarnings(settings: Settings): SettingsWarning[] {
  const warnings: SettingsWarning[] = [];
  if (settings.sms.to.length === 0) {
    settings.privmx.rules.forEach((rule, i) => {
      if (rule.actions.includes('sms')) warnings.push({ path: `privmx.rules[${i}].actions`, message: '"sms" is set but sms.to is empty, so no SMS is ever sent' });
    });
  }
  if (settings.links.allowedHosts.length === 0) {
    warnings.push({ path: 'links.allowedHosts', message: 'empty, so no alert ever gets a Join Meeting link' });
  }
  return warnings;
}

/** `links.allowedHosts: empty, so …` */
export const formatWarning = (w: SettingsWarning): string => `${w.path}: ${w.message}`;
