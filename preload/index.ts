// The sandboxed preload (bundled to one CommonJS file by scripts/buildBundles.mjs): a small named API, never
// ipcRenderer itself. Listener helpers hand back an unsubscribe function.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, type Invoke, type Subscribe } from './api.js';
import type { Response } from './contract.js';

const invoke: Invoke = (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Response<typeof channel>>;

const subscribe: Subscribe = (channel, listener) => {
  // The event object is dropped: it carries `sender`, which must not reach the page.
  const wrapped = (_event: IpcRendererEvent, payload: Parameters<typeof listener>[0]): void => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
};

contextBridge.exposeInMainWorld('servicebell', createApi(invoke, subscribe));
