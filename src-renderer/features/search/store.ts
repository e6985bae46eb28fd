import { create } from 'zustand';
import type { SearchHit } from '../../../src-main/contract/exports';
import { api } from '../../lib/bridge';

type SearchState = {
  text: string;
  hits: SearchHit[];
  status: 'idle' | 'searching' | 'ready' | 'error';
  message: string | null;
  setText: (text: string) => void;
};

let timer: ReturnType<typeof setTimeout> | null = null;

/** The home page's search across every company (name, employee ID or NI number), debounced as typed. */
export const useSearch = create<SearchState>()((set, get) => ({
  text: '',
  hits: [],
  status: 'idle',
  message: null,
  setText: (text) => {
    set({ text });
    if (timer) clearTimeout(timer);
    const q = text.trim();
    if (q.length < 2) return set({ hits: [], status: 'idle', message: null });
    timer = setTimeout(async () => {
      set({ status: 'searching' });
      const res = await api['employees.searchAll']({ query: q });
      if (get().text.trim() !== q) return;
      if (res.ok) set({ hits: res.value, status: 'ready', message: null });
      else set({ hits: [], status: 'error', message: res.error.message });
    }, 200);
  },
}));
