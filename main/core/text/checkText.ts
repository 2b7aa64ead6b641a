// The lines `servicebell check` words itself (settings, secrets, keychain, data folder, deadlines), in the language
// spoken (ui.language, else the POSIX locale). The probes' details quote the services and stay as they answered.
import type { Translator } from '../../../common/i18n/translator.js';
import type { MessageKey } from '../../../common/i18n/catalogues/en.js';
import { ENGLISH } from './english.js';

const LOCATIONS: Record<string, MessageKey> = {
  environment: 'check.location.environment',
  keychain: 'check.location.keychain',
  'encrypted store': 'check.location.encryptedStore',
  memory: 'check.location.memory',
};

const duration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

export function checkTextFor(t: Translator) {
  const settingsName = t.t('check.name.settings');
  return {
    settingsName,
    settingsValid: { name: settingsName, ok: true, detail: t.t('check.settingsValid') },
    noSettingsFile: (file: string): string => t.t('check.noSettingsFile', { file }),
    noSettingsFileDefaults: (file: string): string => t.t('check.noSettingsFileDefaults', { file }),
    secretName: (name: string): string => t.t('check.name.secret', { name }),
    secretFound: (location: string): string => {
      const key = Object.hasOwn(LOCATIONS, location) ? LOCATIONS[location] : undefined;
      return t.t('check.secretFound', { location: key ? t.t(key) : location });
    },
    secretMissing: (command: string): string => t.t('check.secretMissing', { command }),
    keychainName: t.t('check.name.keychain'),
    keychainUnusable: (problem: string): string => t.t('check.keychainUnusable', { problem }),
    dataFolderName: t.t('check.name.dataFolder'),
    dataWritable: (dir: string): string => t.t('check.dataWritable', { dir }),
    dataNotWritable: (dir: string, reason: string): string => t.t('check.dataNotWritable', { dir, reason }),
    checkName: t.t('check.name.check'),
    endedEarly: t.t('check.endedEarly'),
    secretTimeout: (name: string, ms: number): string => t.t('check.secretTimeout', { name, limit: duration(ms) }),
    probeTimeout: (ms: number): string => t.t('check.probeTimeout', { limit: duration(ms) }),
  };
}

export type CheckText = ReturnType<typeof checkTextFor>;

export const checkText: CheckText = checkTextFor(ENGLISH);
