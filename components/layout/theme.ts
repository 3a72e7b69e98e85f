export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'kafkascope-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Runs in <head> while the HTML is parsed, before the first paint, so a dark-theme user never sees a
 * white flash: the stored choice wins, otherwise the operating system's preference. Plain ES5 on purpose.
 */
export const themeScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t?t==='dark':window.matchMedia(${JSON.stringify(DARK_QUERY)}).matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
}

export function systemTheme(): Theme {
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

export function appliedTheme(): Theme {
  return document.documentElement.classList.contains('dark') ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
}

export function chooseTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Private mode or storage disabled: the choice still applies to this page.
  }
  applyTheme(theme);
}

/** Notifies when the class on <html> changes, whoever changed it (toggle, another tab, the OS). */
export function subscribeToTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

export function subscribeToSystemTheme(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}
