'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useId } from 'react';
import { activeSection } from '@/components/layout/sections';
import { useClusterDirectory } from '@/components/layout/use-cluster-directory';
import { IconChevronUpDown } from '@/components/ui/icons';
import { StatusDot, type Status } from '@/components/ui/status-dot';
import { paths } from '@/lib/paths';

const statusText: Record<Status, string> = { up: 'up', down: 'down', unknown: 'checking…' };

/** Switches cluster while staying on the same screen (Brokers of A → Brokers of B). */
export function ClusterSwitcher({ clusterId }: { clusterId: string }) {
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const directory = useClusterDirectory();
  const current = directory.find(clusterId);
  const section = activeSection(pathname, clusterId);

  function onChange(nextId: string) {
    if (nextId === clusterId) return;
    // From the console's alerts page, to the cluster chosen.
    router.push(section.available && section.id !== 'alerts' ? section.href(nextId) : paths.cluster(nextId));
  }

  return (
    <div>
      <label
        htmlFor={id}
        className="mb-1 block text-[11px] font-medium tracking-wider text-zinc-500 uppercase dark:text-zinc-400"
      >
        Cluster
      </label>
      <div className="relative">
        <span className="pointer-events-none absolute top-1/2 left-2.5 flex -translate-y-1/2">
          <StatusDot status={current?.status ?? 'unknown'} />
        </span>
        <select
          id={id}
          data-testid="cluster-switcher"
          value={clusterId}
          onChange={(event) => onChange(event.target.value)}
          disabled={!directory.isLoaded}
          className="focus-visible:outline-accent-500 h-9 w-full appearance-none truncate rounded-md border border-zinc-300 bg-white pr-8 pl-7 text-sm font-medium text-zinc-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 disabled:opacity-70 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          {!current && (
            <option value={clusterId}>
              {directory.isLoaded ? `${clusterId} (not configured)` : clusterId}
            </option>
          )}
          {directory.entries.map(({ cluster, status }) => (
            <option key={cluster.id} value={cluster.id}>
              {cluster.name} · {statusText[status]}
            </option>
          ))}
        </select>
        <IconChevronUpDown className="pointer-events-none absolute top-1/2 right-2 size-4 -translate-y-1/2 text-zinc-400" />
      </div>
      {current && current.cluster.security.protocol !== 'PLAINTEXT' && (
        // How the console connects (never with what): tells a TLS problem from a login problem at a glance.
        <p data-testid="cluster-security" className="mt-1 text-[11px] text-zinc-500 dark:text-zinc-400">
          {[
            current.cluster.security.protocol,
            current.cluster.security.mechanism,
            current.cluster.security.clientCertificate ? 'client certificate' : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {current?.status === 'down' && current.health?.error && (
        <p
          className="mt-1.5 line-clamp-2 text-xs text-red-600 dark:text-red-400"
          title={current.health.error}
        >
          {current.health.error}
        </p>
      )}
    </div>
  );
}
