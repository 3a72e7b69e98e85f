'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { paths } from '@/lib/paths';
import { topicSubjectsOptions } from '@/lib/query/schema-registry';

/** The registry subjects the topic's records use, linked to their pages; nothing when there are none. */
export function TopicSchemas({ clusterId, topic }: { clusterId: string; topic: string }) {
  const query = useQuery(topicSubjectsOptions(clusterId, topic));
  const subjects = query.data?.subjects ?? [];
  if (subjects.length === 0) return null;
  return (
    <p
      data-testid="topic-schemas"
      className="flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400"
    >
      <span className="font-medium">Schemas</span>
      {subjects.map(({ subject, role, strategy }) => (
        <Link
          key={subject}
          href={paths.subject(clusterId, subject)}
          prefetch={false}
          data-testid="topic-schema-link"
          title={
            strategy === 'topic-name'
              ? `The ${role} subject of this topic`
              : `The subject of schema ids its newest ${role}s carry`
          }
          className="rounded border border-zinc-200 px-1.5 py-0.5 font-mono text-indigo-700 hover:border-indigo-300 hover:bg-indigo-50 dark:border-zinc-700 dark:text-indigo-300 dark:hover:bg-indigo-950"
        >
          {subject}
          <span className="ml-1 font-sans text-zinc-500">{role}</span>
        </Link>
      ))}
    </p>
  );
}
