'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Dialog, DialogBody } from '@/components/ui/dialog';
import { FormError, FormFooter } from '@/components/ui/form-footer';
import { TypeToConfirm, confirmed } from '@/components/ui/type-to-confirm';
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
  const [typed, setTyped] = useState('');
  const busy = remove.isPending || remove.isSuccess;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!confirmed(topic.name, typed)) return;
    remove.mutate(topic.name, {
      onSuccess: () => router.push(paths.topics(clusterId)),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        <p className="text-zinc-700 dark:text-zinc-300">
          This deletes the topic, its {formatCount(topic.partitions)} partition(s) and{' '}
          {topic.messages === null ? 'all its messages' : `${formatCount(topic.messages)} message(s)`} on
          every broker. It cannot be undone; producers that still write to it may re-create it if the brokers
          allow that.
        </p>
        <TypeToConfirm expected={topic.name} value={typed} onChange={setTyped} disabled={busy} />
        <FormError error={remove.error} />
      </DialogBody>
      <FormFooter
        onCancel={onClose}
        busy={busy}
        variant="danger"
        disabled={busy || !confirmed(topic.name, typed)}
        data-testid="confirm-button"
      >
        Delete topic
      </FormFooter>
    </form>
  );
}

export function DeleteTopicDialog({
  open,
  onClose,
  ...props
}: {
  clusterId: string;
  topic: TopicDetail;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} title="Delete topic" size="md" data-testid="delete-topic-dialog">
      <DeleteTopicForm onClose={onClose} {...props} />
    </Dialog>
  );
}
