'use client';

import { useState } from 'react';
import { AddPartitionsDialog } from '@/components/topics/add-partitions-dialog';
import { DeleteTopicDialog } from '@/components/topics/delete-topic-dialog';
import { PurgeDialog } from '@/components/topics/purge-dialog';
import { Button } from '@/components/ui/button';
import { IconEraser, IconPlus, IconTrash } from '@/components/ui/icons';
import type { TopicDetail } from '@/lib/schemas/topic';
import { usePermission } from '@/lib/query/auth';

type Open = 'partitions' | 'purge' | 'delete' | null;

/** The topic's administrative actions and their dialogs. Internal topics belong to Kafka: no actions. */
export function TopicActions({
  clusterId,
  topic,
  onDone,
}: {
  clusterId: string;
  topic: TopicDetail;
  onDone: (message: string) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const done = (message: string) => {
    close();
    onDone(message);
  };
  const internalNote = topic.internal ? 'Internal topics are managed by Kafka' : undefined;
  const grow = usePermission(clusterId, 'topic.partitions.add');
  const purge = usePermission(clusterId, 'topic.purge');
  const remove = usePermission(clusterId, 'topic.delete');

  return (
    <>
      <Button
        onClick={() => setOpen('partitions')}
        disabled={topic.internal || !grow.allowed}
        title={internalNote ?? grow.reason ?? undefined}
        data-testid="add-partitions-button"
      >
        <IconPlus className="size-4" />
        Add partitions
      </Button>
      <Button
        onClick={() => setOpen('purge')}
        disabled={topic.internal || !purge.allowed}
        title={internalNote ?? purge.reason ?? undefined}
        data-testid="purge-button"
      >
        <IconEraser className="size-4" />
        Purge records
      </Button>
      <Button
        onClick={() => setOpen('delete')}
        disabled={topic.internal || !remove.allowed}
        title={internalNote ?? remove.reason ?? undefined}
        data-testid="delete-topic-button"
        className="text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/40"
      >
        <IconTrash className="size-4" />
        Delete
      </Button>
      <AddPartitionsDialog
        clusterId={clusterId}
        topic={topic}
        open={open === 'partitions'}
        onClose={close}
        onDone={done}
      />
      <PurgeDialog
        clusterId={clusterId}
        topic={topic}
        open={open === 'purge'}
        onClose={close}
        onDone={done}
      />
      <DeleteTopicDialog clusterId={clusterId} topic={topic} open={open === 'delete'} onClose={close} />
    </>
  );
}
