'use client';

import { useState } from 'react';
import { DeleteGroupDialog } from '@/components/groups/delete-group-dialog';
import { ResetOffsetsDialog } from '@/components/groups/reset-offsets-dialog';
import { Button } from '@/components/ui/button';
import { IconTrash, IconUndo } from '@/components/ui/icons';
import type { GroupDetail } from '@/lib/schemas/group';
import { usePermission } from '@/lib/query/auth';

type Open = 'reset' | 'delete' | null;

/** Reset offsets and delete the group. Kafka refuses both while members are connected; the dialogs say so. */
export function GroupActions({
  clusterId,
  group,
  onDone,
}: {
  clusterId: string;
  group: GroupDetail;
  onDone: (message: string) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const noOffsets = group.topicTotals.length === 0;
  const reset = usePermission(clusterId, 'group.offsets.reset');
  const remove = usePermission(clusterId, 'group.delete');
  return (
    <>
      <Button
        onClick={() => setOpen('reset')}
        disabled={noOffsets || !reset.allowed}
        title={noOffsets ? 'The group has no offsets to reset' : (reset.reason ?? undefined)}
        data-testid="reset-offsets-button"
      >
        <IconUndo className="size-4" />
        Reset offsets
      </Button>
      <Button
        onClick={() => setOpen('delete')}
        disabled={!remove.allowed}
        title={remove.reason ?? undefined}
        data-testid="delete-group-button"
        className="text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/40"
      >
        <IconTrash className="size-4" />
        Delete
      </Button>
      <ResetOffsetsDialog
        clusterId={clusterId}
        group={group}
        open={open === 'reset'}
        onClose={close}
        onDone={(message) => {
          close();
          onDone(message);
        }}
      />
      <DeleteGroupDialog clusterId={clusterId} group={group} open={open === 'delete'} onClose={close} />
    </>
  );
}
