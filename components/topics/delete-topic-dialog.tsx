'use client';

import { useRouter } from 'next/navigation';
import { FormDialog } from '@/components/ui/form-dialog';
import { formatCount } from '@/lib/format/count';
import { paths } from '@/lib/paths';
import { useDeleteTopic } from '@/lib/query/topics';
import type { TopicDetail } from '@/lib/schemas/topic';

function DeleteTopicForm({
  clusterId,
  topic,
  onClose,
}: {
  clusterId: string;
  topic: TopicDetail;
  onClose: () => void;
}) {
  const router = useRouter();
  const remove = useDeleteTopic(clusterId);
  const busy = remove.isPending || remove.isSuccess;

  return (
    <FormDialog
      onClose={onClose}
      title="Delete topic"
      size="md"
      data-testid="delete-topic-dialog"
      onSubmit={() => remove.mutate(topic.name, { onSuccess: () => router.push(paths.topics(clusterId)) })}
      confirm={{ expected: topic.name, disabled: busy }}
      error={remove.error}
      pending={busy}
      variant="danger"
      submitLabel="Delete topic"
      submitTestId="confirm-button"
    >
      <p className="text-zinc-700 dark:text-zinc-300">
        This deletes the topic, its {formatCount(topic.partitions)} partition(s) and{' '}
        {topic.messages === null ? 'all its messages' : `${formatCount(topic.messages)} message(s)`} on every
        broker. It cannot be undone; producers that still write to it may re-create it if the brokers allow
        that.
      </p>
    </FormDialog>
  );
}

export function DeleteTopicDialog({
  open,
  ...props
}: {
  clusterId: string;
  topic: TopicDetail;
  open: boolean;
  onClose: () => void;
}) {
  return open && <DeleteTopicForm {...props} />;
}
