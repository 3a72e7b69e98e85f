'use client';

import { useState } from 'react';
import { ResetScopeFields, ResetTargetFields } from '@/components/groups/reset-offsets-fields';
import { ResetPreviewTable } from '@/components/groups/reset-preview-table';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { Spinner } from '@/components/ui/spinner';
import { formatCount } from '@/lib/format/count';
import { buildResetRequest, type ResetForm } from '@/lib/forms/reset-offsets';
import { toTimeInput } from '@/lib/format/time';
import { plural } from '@/lib/format/text';
import { useResetOffsets } from '@/lib/query/groups';
import type { GroupDetail, ResetPreview } from '@/lib/schemas/group';

const HOUR = 3_600_000;

function ResetOffsetsForm({
  clusterId,
  group,
  onClose,
  onDone,
}: {
  clusterId: string;
  group: GroupDetail;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const reset = useResetOffsets(clusterId, group.groupId);
  const topics = group.topicTotals.map((t) => t.topic);
  const [form, setForm] = useState<ResetForm>(() => ({
    scope: 'all',
    topic: topics[0] ?? '',
    partitions: [],
    target: 'earliest',
    timestamp: toTimeInput(Math.floor((Date.now() - HOUR) / 60_000) * 60_000),
    offset: '0',
    shift: '-100',
  }));
  // A preview belongs to the settings it was made for: any change discards it, so Apply sends the settings
  // the table was computed from (the server works out moving targets such as Latest again when applying).
  const [preview, setPreview] = useState<ResetPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const applying = reset.isPending && reset.variables?.dryRun === false;
  const previewing = reset.isPending && !applying;
  // The buttons stay enabled while a request runs (a second click is ignored): disabling the focused
  // button would drop the focus out of the dialog, and Esc with it.
  const update = (patch: Partial<ResetForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setPreview(null);
    setError(null);
    reset.reset();
  };

  function run(dryRun: boolean) {
    if (reset.isPending) return;
    const built = buildResetRequest(form);
    if ('error' in built) return setError(built.error);
    setError(null);
    reset.mutate(
      { ...built.request, dryRun },
      {
        onSuccess: (result) => {
          if (!result.applied) return setPreview(result);
          const lag = result.partitions.reduce(
            (sum, p) => sum + Math.max(0, p.logEndOffset - p.newOffset),
            0,
          );
          onDone(
            `Offsets of ${group.groupId} reset on ${plural(result.partitions.length, 'partition')}; lag is now ${formatCount(lag)}.`,
          );
        },
      },
    );
  }

  const partitionsOf = (topic: string) =>
    group.partitions.filter((p) => p.topic === topic).map((p) => p.partition);
  const changes = preview?.partitions.filter((p) => p.currentOffset !== p.newOffset).length ?? 0;

  return (
    <FormDialog
      onClose={onClose}
      title="Reset offsets"
      description={<span className="font-mono">{group.groupId}</span>}
      size="lg"
      data-testid="reset-dialog"
      formTestId="reset-form"
      onSubmit={() => run(true)}
      error={reset.error}
      errorPrefix={reset.variables?.dryRun === false && 'Not applied: '}
      pending={previewing}
      whilePending="ignore"
      variant="secondary"
      submitLabel="Preview"
      submitTestId="reset-preview-button"
      cancelDisabled={applying}
      note={
        preview ? 'Check the new offsets, then apply.' : 'Preview first: nothing changes until you apply.'
      }
      actions={
        <Button
          variant="primary"
          disabled={!preview || changes === 0}
          aria-busy={applying}
          title={!preview ? 'Preview the reset first' : changes === 0 ? 'Nothing would change' : undefined}
          onClick={() => run(false)}
          data-testid="reset-apply-button"
        >
          {applying && <Spinner className="size-3.5" />}
          {preview && changes > 0 ? `Apply to ${plural(changes, 'partition')}` : 'Apply'}
        </Button>
      }
    >
      {(group.members ?? 0) > 0 && (
        <Alert tone="warning" data-testid="reset-active-warning">
          {plural(group.members ?? 0, 'consumer is', 'consumers are')} connected to this group. Kafka takes
          new offsets only from a group without members: stop them before you apply. Previewing works anyway.
        </Alert>
      )}
      <ResetScopeFields
        form={form}
        topics={topics}
        partitionsOf={partitionsOf}
        onChange={update}
        disabled={applying}
      />
      <ResetTargetFields form={form} onChange={update} disabled={applying} />
      {error && <FieldError>{error}</FieldError>}
      {preview && <ResetPreviewTable preview={preview} />}
    </FormDialog>
  );
}

export function ResetOffsetsDialog({
  open,
  ...props
}: {
  clusterId: string;
  group: GroupDetail;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return open && <ResetOffsetsForm {...props} />;
}
