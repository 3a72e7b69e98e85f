'use client';

import { useTheme } from '@/components/layout/use-theme';
import { appliedTheme } from '@/components/layout/theme';
import { Button } from '@/components/ui/button';
import { IconMoon, IconSun } from '@/components/ui/icons';

export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const label = theme ? `Switch to ${theme === 'dark' ? 'light' : 'dark'} theme` : 'Toggle theme';
  return (
    <Button
      variant="ghost"
      size="icon"
      data-testid="theme-toggle"
      aria-label={label}
      title={label}
      // Read the DOM at click time: it is the source of truth the inline script set before hydration.
      onClick={() => setTheme(appliedTheme() === 'dark' ? 'light' : 'dark')}
    >
      {/* Icons switch by CSS so the server-rendered button is already right on first paint. */}
      <IconMoon className="size-4 dark:hidden" />
      <IconSun className="hidden size-4 dark:block" />
    </Button>
  );
}
