'use client';

import { useRouter } from 'next/navigation';
import { FormDialog } from '@/components/ui/form-dialog';
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

  return (
    <FormDialog
      onClose={onClose}
      title="Delete consumer group"
      description={<span className="font-mono">{group.groupId}</span>}
      data-testid="delete-group-dialog"
      onSubmit={() => remove.mutate(group.groupId, { onSuccess: () => router.push(paths.groups(clusterId)) })}
      confirm={{ expected: group.groupId, disabled: remove.isSuccess }}
      error={remove.error}
      pending={remove.isPending || remove.isSuccess}
      whilePending="ignore"
      variant="danger"
      submitLabel="Delete group"
      submitTestId="confirm-button"
    >
      <p className="text-zinc-700 dark:text-zinc-300">
        This deletes the group
        {group.partitions.length > 0 &&
          ` and its committed offsets on ${plural(group.partitions.length, 'partition')}`}
        . Consumers that join it again start from where{' '}
        <span className="font-mono text-[13px]">auto.offset.reset</span> says. Kafka deletes only groups
        without members.
      </p>
    </FormDialog>
  );
}

export function DeleteGroupDialog({
  open,
  ...props
}: {
  clusterId: string;
  group: GroupDetail;
  open: boolean;
  onClose: () => void;
}) {
  return open && <DeleteGroupForm {...props} />;
}
