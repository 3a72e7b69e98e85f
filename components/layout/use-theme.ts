'use client';

import { useCallback, useLayoutEffect, useSyncExternalStore } from 'react';
import {
  THEME_STORAGE_KEY,
  applyTheme,
  appliedTheme,
  chooseTheme,
  storedTheme,
  subscribeToSystemTheme,
  subscribeToTheme,
  systemTheme,
  type Theme,
} from '@/components/layout/theme';

/** The theme on <html>; `null` while rendering on the server, where it cannot be known. */
export function useTheme(): { theme: Theme | null; setTheme: (theme: Theme) => void } {
  const theme = useSyncExternalStore<Theme | null>(subscribeToTheme, appliedTheme, () => null);
  const setTheme = useCallback((next: Theme) => chooseTheme(next), []);
  return { theme, setTheme };
}

/**
 * Keeps <html> in line with the user's choice after the inline script has run: React may reset the
 * root's attributes when it remounts in development, the OS preference can change while the page is
 * open (it applies only while no choice is stored), and another tab can store a choice.
 */
export function useThemeSync(): void {
  useLayoutEffect(() => {
    const sync = () => applyTheme(storedTheme() ?? systemTheme());
    sync();
    const onStorage = (event: StorageEvent) => {
      if (event.key === THEME_STORAGE_KEY) sync();
    };
    window.addEventListener('storage', onStorage);
    const unsubscribe = subscribeToSystemTheme(sync);
    return () => {
      window.removeEventListener('storage', onStorage);
      unsubscribe();
    };
  }, []);
}
