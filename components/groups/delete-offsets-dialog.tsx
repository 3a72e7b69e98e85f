'use client';

import { Button } from '@/components/ui/button';
import { Dialog, DialogBody, DialogFooter } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/form-footer';
import { Spinner } from '@/components/ui/spinner';
import { formatCount } from '@/lib/format/count';
import { plural } from '@/lib/format/text';
import { useDeleteGroupTopicOffsets } from '@/lib/query/groups';
import type { GroupDetail } from '@/lib/schemas/group';

function DeleteOffsetsBody({
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
  const busy = remove.isPending;
  return (
    <>
      <DialogBody>
        <p className="text-zinc-700 dark:text-zinc-300">
          Deletes the offsets <span className="font-mono text-[13px]">{group.groupId}</span> committed for{' '}
          <span className="font-mono text-[13px]">{topic}</span>
          {total && ` on ${plural(total.partitions, 'partition')} (lag ${formatCount(total.totalLag)})`}. The
          group keeps its other topics; its consumers start this topic from where{' '}
          <span className="font-mono text-[13px]">auto.offset.reset</span> says.
        </p>
        <FormError error={remove.error} />
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="danger"
          aria-busy={busy}
          data-testid="confirm-button"
          onClick={() => {
            // Ignored while busy rather than disabled, so the focus stays in the dialog.
            if (busy) return;
            remove.mutate(topic, {
              onSuccess: () => onDone(`Offsets of ${group.groupId} for ${topic} deleted.`),
            });
          }}
        >
          {busy && <Spinner className="size-3.5" />}
          Delete offsets
        </Button>
      </DialogFooter>
    </>
  );
}

/** Confirms deleting one topic's offsets of the group; `topic` null keeps it closed. */
export function DeleteOffsetsDialog({
  topic,
  onClose,
  ...props
}: {
  clusterId: string;
  group: GroupDetail;
  topic: string | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return (
    <Dialog
      open={topic !== null}
      onClose={onClose}
      title="Delete committed offsets"
      description={<span className="font-mono">{topic}</span>}
      size="sm"
      data-testid="delete-offsets-dialog"
    >
      {topic !== null && <DeleteOffsetsBody topic={topic} onClose={onClose} {...props} />}
    </Dialog>
  );
}
