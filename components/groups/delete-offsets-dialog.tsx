'use client';

import { FormDialog } from '@/components/ui/form-dialog';
import { formatCount } from '@/lib/format/count';
import { plural } from '@/lib/format/text';
import { useDeleteGroupTopicOffsets } from '@/lib/query/groups';
import type { GroupDetail } from '@/lib/schemas/group';

function DeleteOffsetsForm({
  clusterId,
  group,
  topic,
  onClose,
  onDone,
}: {
  clusterId: string;
  group: GroupDetail;
  topic: string;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const remove = useDeleteGroupTopicOffsets(clusterId, group.groupId);
  const total = group.topicTotals.find((t) => t.topic === topic);
  return (
    <FormDialog
      onClose={onClose}
      title="Delete committed offsets"
      description={<span className="font-mono">{topic}</span>}
      size="sm"
      data-testid="delete-offsets-dialog"
      onSubmit={() =>
        remove.mutate(topic, { onSuccess: () => onDone(`Offsets of ${group.groupId} for ${topic} deleted.`) })
      }
      error={remove.error}
      pending={remove.isPending}
      whilePending="ignore"
      variant="danger"
      submitLabel="Delete offsets"
      submitTestId="confirm-button"
    >
      <p className="text-zinc-700 dark:text-zinc-300">
        Deletes the offsets <span className="font-mono text-[13px]">{group.groupId}</span> committed for{' '}
        <span className="font-mono text-[13px]">{topic}</span>
        {total && ` on ${plural(total.partitions, 'partition')} (lag ${formatCount(total.totalLag)})`}. The
        group keeps its other topics; its consumers start this topic from where{' '}
        <span className="font-mono text-[13px]">auto.offset.reset</span> says.
      </p>
    </FormDialog>
  );
}

/** Confirms deleting one topic's offsets of the group; `topic` null keeps it closed. */
export function DeleteOffsetsDialog({
  topic,
  ...props
}: {
  clusterId: string;
  group: GroupDetail;
  topic: string | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return topic !== null && <DeleteOffsetsForm topic={topic} {...props} />;
}
