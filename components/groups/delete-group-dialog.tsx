'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Dialog, DialogBody } from '@/components/ui/dialog';
import { FormError, FormFooter } from '@/components/ui/form-footer';
import { TypeToConfirm, confirmed } from '@/components/ui/type-to-confirm';
import { plural } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import { useDeleteGroup } from '@/lib/query/groups';
import type { GroupDetail } from '@/lib/schemas/group';

function DeleteGroupForm({
  clusterId,
  group,
  onClose,
}: {
  clusterId: string;
  group: GroupDetail;
  onClose: () => void;
}) {
  const router = useRouter();
  const remove = useDeleteGroup(clusterId);
  const [typed, setTyped] = useState('');
  const busy = remove.isPending || remove.isSuccess;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Busy only ignores clicks: a disabled focused control would drop the focus out of the dialog.
    if (busy || !confirmed(group.groupId, typed)) return;
    remove.mutate(group.groupId, { onSuccess: () => router.push(paths.groups(clusterId)) });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        <p className="text-zinc-700 dark:text-zinc-300">
          This deletes the group
          {group.partitions.length > 0 &&
            ` and its committed offsets on ${plural(group.partitions.length, 'partition')}`}
          . Consumers that join it again start from where{' '}
          <span className="font-mono text-[13px]">auto.offset.reset</span> says. Kafka deletes only groups
          without members.
        </p>
        <TypeToConfirm
          expected={group.groupId}
          value={typed}
          onChange={setTyped}
          disabled={remove.isSuccess}
        />
        <FormError error={remove.error} />
      </DialogBody>
      <FormFooter
        onCancel={onClose}
        busy={busy}
        variant="danger"
        disabled={!confirmed(group.groupId, typed)}
        aria-busy={busy}
        data-testid="confirm-button"
      >
        Delete group
      </FormFooter>
    </form>
  );
}

export function DeleteGroupDialog({
  open,
  onClose,
  ...props
}: {
  clusterId: string;
  group: GroupDetail;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Delete consumer group"
      description={<span className="font-mono">{props.group.groupId}</span>}
      data-testid="delete-group-dialog"
    >
      <DeleteGroupForm onClose={onClose} {...props} />
    </Dialog>
  );
}
