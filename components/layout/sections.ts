import type { ComponentType, SVGProps } from 'react';
import {
  IconBell,
  IconBrokers,
  IconChart,
  IconConnect,
  IconGroups,
  IconLock,
  IconOverview,
  IconRefresh,
  IconSchemas,
  IconTopics,
  IconTransactions,
} from '@/components/ui/icons';
import { connectPaths, paths } from '@/lib/paths';

export interface Section {
  id:
    | 'security'
    | 'overview'
    | 'brokers'
    | 'topics'
    | 'groups'
    | 'transactions'
    | 'lag'
    | 'schemas'
    | 'acls'
    | 'reassignments'
    | 'connect'
    | 'alerts';
  label: string;
  href: (clusterId: string) => string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Sections whose screens do not exist yet are shown, but never linked. */
  available: boolean;
}

export const sections: Section[] = [
  { id: 'overview', label: 'Overview', href: paths.cluster, icon: IconOverview, available: true },
  { id: 'brokers', label: 'Brokers', href: paths.brokers, icon: IconBrokers, available: true },
  {
    id: 'topics',
    label: 'Topics',
    href: (clusterId) => paths.topics(clusterId),
    icon: IconTopics,
    available: true,
  },
  {
    id: 'groups',
    label: 'Consumer groups',
    href: (clusterId) => paths.groups(clusterId),
    icon: IconGroups,
    available: true,
  },
  {
    id: 'transactions',
    label: 'Transactions',
    href: (clusterId) => paths.transactions(clusterId),
    icon: IconTransactions,
    available: true,
  },
  {
    id: 'lag',
    label: 'Lag over time',
    href: (clusterId) => paths.lag(clusterId),
    icon: IconChart,
    available: true,
  },
  {
    id: 'schemas',
    label: 'Schemas',
    href: (clusterId) => paths.schemas(clusterId),
    icon: IconSchemas,
    available: true,
  },
  {
    id: 'security',
    label: 'Users & quotas',
    href: (clusterId) => paths.security(clusterId),
    icon: IconLock,
    available: true,
  },
  {
    id: 'acls',
    label: 'ACLs',
    href: (clusterId) => paths.acls(clusterId),
    icon: IconLock,
    available: true,
  },
  {
    id: 'reassignments',
    label: 'Reassignments',
    href: (clusterId) => paths.reassignments(clusterId),
    icon: IconRefresh,
    available: true,
  },
  { id: 'connect', label: 'Kafka Connect', href: connectPaths.list, icon: IconConnect, available: true },
];

const overview = sections[0]!;

/** The console's alerts page: no cluster's section, named in the top bar all the same. */
export const alertsSection: Section = {
  id: 'alerts',
  label: 'Alerts',
  href: () => '/alerts',
  icon: IconBell,
  available: true,
};

/** The section the path belongs to: the longest matching prefix, so `/clusters/x/brokers` is Brokers. */
export function activeSection(pathname: string, clusterId: string): Section {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/alerts' || path.startsWith('/alerts/')) return alertsSection;
  let best: Section = overview;
  for (const section of sections) {
    const href = section.href(clusterId);
    if ((path === href || path.startsWith(`${href}/`)) && href.length > best.href(clusterId).length)
      best = section;
  }
  return best;
}
