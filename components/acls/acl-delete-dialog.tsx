'use client';

import { useState } from 'react';
import { AclTable } from '@/components/acls/acl-table';
import { Alert } from '@/components/ui/alert';
import { FormDialog } from '@/components/ui/form-dialog';
import { useDeleteAcls } from '@/lib/query/acls';
import type { AclBatchResult, AclBinding } from '@/lib/schemas/acl';

/** Deleting bindings: the exact bindings first, then each one's outcome. */
export function AclDeleteDialog({
  clusterId,
  bindings,
  onClose,
}: {
  clusterId: string;
  bindings: AclBinding[];
  onClose: () => void;
}) {
  const remove = useDeleteAcls(clusterId);
  const [outcome, setOutcome] = useState<AclBatchResult | null>(null);
  const failed = outcome?.results.filter((r) => !r.ok).length ?? 0;
  return (
    <FormDialog
      onClose={onClose}
      title={
        outcome
          ? 'ACLs deleted'
          : `Delete ${bindings.length === 1 ? 'this binding' : `${bindings.length} bindings`}?`
      }
      size="lg"
      data-testid="acl-delete-dialog"
      onSubmit={() => (outcome ? onClose() : remove.mutate({ bindings }, { onSuccess: setOutcome }))}
      error={remove.error}
      errorPrefix="Nothing was deleted:"
      pending={remove.isPending}
      submitLabel={outcome ? 'Close' : 'Delete'}
      submitTestId="acl-delete-submit"
      variant={outcome ? 'primary' : 'danger'}
      cancelLabel={outcome ? 'Done' : 'Cancel'}
    >
      {outcome ? (
        <div className="space-y-2">
          <Alert tone={failed === 0 ? 'success' : 'danger'} data-testid="acl-delete-summary">
            {failed === 0
              ? `Deleted ${outcome.results.length === 1 ? 'the binding' : `all ${outcome.results.length} bindings`}.`
              : `${failed} of ${outcome.results.length} bindings were not deleted; the others were.`}
          </Alert>
          <AclTable
            bindings={outcome.results.map((r) => r.binding)}
            results={outcome.results}
            data-testid="acl-delete-results"
          />
        </div>
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Clients relying on {bindings.length === 1 ? 'it' : 'them'} lose that access at once.
          </p>
          <AclTable bindings={bindings} data-testid="acl-delete-preview" />
        </div>
      )}
    </FormDialog>
  );
}
