// Builds the window API from two transport functions, so the Electron preload and the Chromium test bridge expose
// exactly the same named methods over the same contract.
import { Channels, Events, type Channel, type EventChannel, type EventPayload, type Request, type Response, type ServicebellApi } from './contract.js';

export type Invoke = <C extends Channel>(channel: C, request: Request<C>) => Promise<Response<C>>;
export type Subscribe = <E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void) => () => void;

export function createApi(invoke: Invoke, subscribe: Subscribe): ServicebellApi {
  return {
    getSettings: () => invoke(Channels.settingsGet, {}),
    saveSettings: (request) => invoke(Channels.settingsSave, request),
    secretsStatus: () => invoke(Channels.secretsStatus, {}),
    deleteSecret: (name, restaurant) => invoke(Channels.secretDelete, restaurant === undefined ? { name } : { name, restaurant }),
    sendTestNotification: () => invoke(Channels.notifyTest, {}),
    checkConnections: () => invoke(Channels.checkRun, {}),
    copyDiagnostics: () => invoke(Channels.diagnosticsCopy, {}),
    saveDiagnostics: () => invoke(Channels.diagnosticsSave, {}),
    listHistory: () => invoke(Channels.historyList, {}),
    setRead: async (keys, read) => {
      await invoke(Channels.historySetRead, { keys, read });
    },
    markAllRead: async () => {
      await invoke(Channels.historyMarkAllRead, {});
    },
    clearHistory: async () => {
      await invoke(Channels.historyClear, {});
    },
    join: async (source, id, restaurant) => (await invoke(Channels.historyJoin, restaurant === undefined ? { source, id } : { restaurant, source, id })).opened,
    dismiss: async (keys) => {
      await invoke(Channels.historyDismiss, { keys });
    },
    takeHistoryFilter: () => invoke(Channels.historyTakeFilter, {}),
    language: () => invoke(Channels.uiLanguage, {}),
    statusList: () => invoke(Channels.statusList, {}),
    onHistoryChanged: (listener) => subscribe(Events.historyChanged, listener),
    onHistoryFilter: (listener) => subscribe(Events.historyFilter, listener),
    onLanguageChanged: (listener) => subscribe(Events.languageChanged, listener),
  };
}
