import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './build-api';

// Exposes exactly the contract's methods; never ipcRenderer itself or arbitrary channels.
contextBridge.exposeInMainWorld('bureau', buildApi(ipcRenderer));
