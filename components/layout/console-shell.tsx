'use client';

import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { Sidebar } from '@/components/layout/sidebar';
import { TopBar } from '@/components/layout/top-bar';
import { Button } from '@/components/ui/button';
import { IconClose } from '@/components/ui/icons';

/** Sidebar + top bar + main panel. Below `lg` the sidebar becomes a drawer opened from the top bar. */
export function ConsoleShell({ clusterId, children }: { clusterId: string; children: ReactNode }) {
  const pathname = usePathname();
  // The drawer remembers the page it was opened on, so navigating anywhere closes it without an effect.
  const [drawerOpenOn, setDrawerOpenOn] = useState<string | null>(null);
  const drawerOpen = drawerOpenOn === pathname;
  const closeDrawer = () => setDrawerOpenOn(null);

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900"
      >
        Skip to content
      </a>
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 lg:flex">
        <Sidebar clusterId={clusterId} />
      </aside>
      {drawerOpen && (
        <div
          className="fixed inset-0 z-40 lg:hidden"
          role="dialog"
          aria-modal="true"
          aria-label="Navigation"
          onKeyDown={(event) => event.key === 'Escape' && closeDrawer()}
        >
          <div className="absolute inset-0 bg-zinc-950/40" onClick={closeDrawer} aria-hidden="true" />
          <aside className="relative flex h-full w-64 shadow-xl">
            <Sidebar clusterId={clusterId} />
            <Button
              variant="ghost"
              size="icon"
              className="absolute top-3 right-2"
              aria-label="Close navigation"
              onClick={closeDrawer}
              autoFocus
            >
              <IconClose className="size-4" />
            </Button>
          </aside>
        </div>
      )}
      <div className="lg:pl-60">
        <TopBar clusterId={clusterId} onOpenMenu={() => setDrawerOpenOn(pathname)} />
        <main id="main" className="mx-auto w-full max-w-7xl px-4 py-5 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
