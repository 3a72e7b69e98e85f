'use client';

import { usePathname } from 'next/navigation';
import { ClusterSwitcher } from '@/components/layout/cluster-switcher';
import { activeSection, sections } from '@/components/layout/sections';
import { useClusterDirectory } from '@/components/layout/use-cluster-directory';
import { cx } from '@/components/ui/cx';
import { IconBell, LogoMark } from '@/components/ui/icons';
import { IntentLink } from '@/components/ui/intent-link';
import { StatusDot } from '@/components/ui/status-dot';
import { plural } from '@/lib/format/text';
import { paths } from '@/lib/paths';

const itemBase = 'group flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium';

function SectionNav({ clusterId }: { clusterId: string }) {
  const pathname = usePathname();
  const active = activeSection(pathname, clusterId);
  return (
    <nav aria-label="Cluster" className="mt-5">
      <ul className="space-y-0.5">
        {sections.map((section) => {
          const Icon = section.icon;
          if (!section.available) {
            return (
              <li key={section.id}>
                <span
                  role="link"
                  aria-disabled="true"
                  title="Not available yet"
                  data-testid={`nav-${section.id}`}
                  className={cx(itemBase, 'cursor-not-allowed text-zinc-400 dark:text-zinc-600')}
                >
                  <Icon className="size-4" />
                  {section.label}
                  <span className="ml-auto text-[10px] font-normal tracking-wide uppercase">soon</span>
                </span>
              </li>
            );
          }
          const isActive = section.id === active.id;
          return (
            <li key={section.id}>
              <IntentLink
                href={section.href(clusterId)}
                aria-current={isActive ? 'page' : undefined}
                data-testid={`nav-${section.id}`}
                className={cx(
                  itemBase,
                  'transition-colors',
                  isActive
                    ? 'bg-accent-50 text-accent-700 dark:bg-accent-500/10 dark:text-accent-300'
                    : 'text-zinc-700 hover:bg-zinc-200/60 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
                )}
              >
                <Icon
                  className={cx(
                    'size-4',
                    isActive
                      ? 'text-accent-600 dark:text-accent-400'
                      : 'text-zinc-400 group-hover:text-zinc-500',
                  )}
                />
                {section.label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** What belongs to the console rather than to one cluster. */
function ConsoleNav() {
  const pathname = usePathname();
  const isActive = pathname === '/alerts' || pathname.startsWith('/alerts/');
  return (
    <nav aria-label="Console" className="mt-5 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <IntentLink
        href={paths.alerts()}
        aria-current={isActive ? 'page' : undefined}
        data-testid="nav-alerts"
        className={cx(
          itemBase,
          'transition-colors',
          isActive
            ? 'bg-accent-50 text-accent-700 dark:bg-accent-500/10 dark:text-accent-300'
            : 'text-zinc-700 hover:bg-zinc-200/60 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
        )}
      >
        <IconBell
          className={cx(
            'size-4',
            isActive ? 'text-accent-600 dark:text-accent-400' : 'text-zinc-400 group-hover:text-zinc-500',
          )}
        />
        Alerts
      </IntentLink>
    </nav>
  );
}

function HealthSummary() {
  const { entries } = useClusterDirectory();
  const checked = entries.filter((e) => e.status !== 'unknown');
  if (checked.length === 0) return null;
  const down = checked.filter((e) => e.status === 'down').length;
  return (
    <p
      className="flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400"
      data-testid="health-summary"
    >
      <StatusDot status={down ? 'down' : 'up'} />
      {down
        ? `${down} of ${plural(entries.length, 'cluster')} down`
        : entries.length === 1
          ? 'Cluster is up'
          : `All ${entries.length} clusters are up`}
    </p>
  );
}

export function Sidebar({ clusterId }: { clusterId: string }) {
  return (
    <div className="flex h-full w-full flex-col border-r border-zinc-200 bg-zinc-50 px-3 py-4 dark:border-zinc-800 dark:bg-zinc-900">
      <IntentLink
        href={paths.cluster(clusterId)}
        className="mb-5 flex items-center gap-2 px-1 text-[15px] font-semibold tracking-tight text-zinc-900 dark:text-zinc-50"
      >
        <LogoMark className="size-7" />
        Kafkascope
      </IntentLink>
      <ClusterSwitcher clusterId={clusterId} />
      <SectionNav clusterId={clusterId} />
      <ConsoleNav />
      <div className="mt-auto px-1 pt-4">
        <HealthSummary />
      </div>
    </div>
  );
}
