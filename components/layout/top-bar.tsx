'use client';

import { usePathname } from 'next/navigation';
import { activeSection } from '@/components/layout/sections';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { useClusterDirectory } from '@/components/layout/use-cluster-directory';
import { UserMenu } from '@/components/layout/user-menu';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { IconChevronRight, IconMenu } from '@/components/ui/icons';
import { IntentLink } from '@/components/ui/intent-link';
import { StatusDot } from '@/components/ui/status-dot';
import { paths } from '@/lib/paths';

function ClusterState({ clusterId }: { clusterId: string }) {
  const directory = useClusterDirectory();
  const entry = directory.find(clusterId);
  if (!entry) {
    return directory.isLoaded ? <Badge tone="warning">not configured</Badge> : null;
  }
  if (entry.status === 'up') {
    return (
      <Badge tone="success" data-testid="cluster-status" data-status="up">
        up{entry.health?.latencyMs != null && ` · ${entry.health.latencyMs} ms`}
      </Badge>
    );
  }
  if (entry.status === 'down') {
    return (
      <Badge
        tone="danger"
        data-testid="cluster-status"
        data-status="down"
        title={entry.health?.error ?? undefined}
      >
        down
      </Badge>
    );
  }
  return null;
}

export function TopBar({ clusterId, onOpenMenu }: { clusterId: string; onOpenMenu: () => void }) {
  const pathname = usePathname();
  const section = activeSection(pathname, clusterId);
  const entry = useClusterDirectory().find(clusterId);
  const name = entry?.cluster.name ?? clusterId;

  return (
    <header className="sticky top-0 z-20 flex h-12 items-center gap-3 border-b border-zinc-200 bg-white/90 px-4 backdrop-blur sm:px-6 dark:border-zinc-800 dark:bg-zinc-950/85">
      <Button
        variant="ghost"
        size="icon"
        className="-ml-2 lg:hidden"
        aria-label="Open navigation"
        onClick={onOpenMenu}
      >
        <IconMenu className="size-5" />
      </Button>
      <nav aria-label="Breadcrumb" className="min-w-0 flex-1">
        <ol className="flex min-w-0 items-center gap-1.5 text-sm">
          <li className="flex min-w-0 items-center gap-2">
            <StatusDot status={entry?.status ?? 'unknown'} />
            <IntentLink
              href={paths.cluster(clusterId)}
              data-testid="current-cluster"
              className="hover:text-accent-700 dark:hover:text-accent-300 truncate font-semibold text-zinc-900 dark:text-zinc-100"
            >
              {name}
            </IntentLink>
          </li>
          <li aria-hidden="true" className="text-zinc-300 dark:text-zinc-600">
            <IconChevronRight className="size-3.5" />
          </li>
          <li aria-current="page" className="truncate text-zinc-600 dark:text-zinc-400">
            {section.label}
          </li>
        </ol>
      </nav>
      <div className="flex shrink-0 items-center gap-3">
        {/* Addresses only where there is room: the breadcrumb (cluster and page) comes first. */}
        {entry && (
          <span
            className="hidden max-w-64 truncate font-mono text-xs text-zinc-500 xl:inline dark:text-zinc-400"
            title={entry.cluster.bootstrapServers.join(', ')}
          >
            {entry.cluster.bootstrapServers.join(', ')}
          </span>
        )}
        {entry?.cluster.readOnly && (
          <Badge tone="accent" data-testid="cluster-read-only" title="Changes are turned off on this cluster">
            read-only
          </Badge>
        )}
        <ClusterState clusterId={clusterId} />
        <ThemeToggle />
        <UserMenu />
      </div>
    </header>
  );
}
