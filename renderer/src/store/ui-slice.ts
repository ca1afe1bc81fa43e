/** What the user is looking at: the active tab and screen, the theme, and messages on screen. */
import type { StateCreator } from 'zustand';

export type Theme = 'light' | 'dark';

export interface Banner {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

export interface UiSlice {
  activeDatasetId: string | null;
  screen: string;
  theme: Theme;
  banners: Banner[];
}

export function initialTheme(): Theme {
  try {
    const saved = globalThis.localStorage?.getItem('meshlens.theme');
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    /* storage unavailable: fall through */
  }
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = () => ({
  activeDatasetId: null,
  screen: 'home',
  theme: initialTheme(),
  banners: [],
});
