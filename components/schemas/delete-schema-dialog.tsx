'use client';

import { FormDialog } from '@/components/ui/form-dialog';
import { useDeleteSchema, type DeleteTarget } from '@/lib/query/schema-registry';
import type { DeleteResult } from '@/lib/schemas/schema-registry';

function DeleteSchemaForm({
  clusterId,
  target,
  onClose,
  onDone,
}: {
  clusterId: string;
  target: DeleteTarget;
  onClose: () => void;
  onDone: (result: DeleteResult) => void;
}) {
  const remove = useDeleteSchema(clusterId);
  const busy = remove.isPending || remove.isSuccess;
  const { subject, version, permanent } = target;
  const what = version === null ? `subject “${subject}”` : `version ${version} of “${subject}”`;
  return (
    <FormDialog
      onClose={onClose}
      title={`${permanent ? 'Permanently delete' : 'Delete'} ${version === null ? 'subject' : `version ${version}`}`}
      size="md"
      data-testid="delete-schema-dialog"
      onSubmit={() => remove.mutate(target, { onSuccess: onDone })}
      confirm={{ expected: subject, disabled: busy }}
      error={remove.error}
      pending={busy}
      variant="danger"
      submitLabel={permanent ? 'Delete permanently' : 'Delete'}
      submitTestId="confirm-button"
    >
      {permanent ? (
        <p className="text-zinc-700 dark:text-zinc-300">
          This removes the soft-deleted {what} from the registry for good, with its schema
          {version === null ? 's' : ''}. Records written with {version === null ? 'their ids' : 'its id'} no
          longer decode unless another subject holds the same schema. It cannot be undone.
        </p>
      ) : (
        <p className="text-zinc-700 dark:text-zinc-300">
          This soft-deletes {what}: the registry no longer lists {version === null ? 'it' : 'the version'} nor
          accepts it for producing, but keeps {version === null ? 'its schemas' : 'its schema'} by id, so
          records written with {version === null ? 'them' : 'it'} still decode. A permanent delete can follow.
        </p>
      )}
    </FormDialog>
  );
}

export function DeleteSchemaDialog({
  target,
  ...props
}: {
  clusterId: string;
  target: DeleteTarget | null;
  onClose: () => void;
  onDone: (result: DeleteResult) => void;
}) {
  return target && <DeleteSchemaForm target={target} {...props} />;
}
