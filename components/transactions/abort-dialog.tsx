'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormDialog } from '@/components/ui/form-dialog';
import { Spinner } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatCount } from '@/lib/format/count';
import { useAbortTransaction } from '@/lib/query/transactions';
import type { AbortPreview, HangingTransaction } from '@/lib/schemas/transaction';

const offset = (n: number | null) => (n === null ? '—' : formatCount(n));

function PreviewTable({ preview }: { preview: AbortPreview }) {
  const rows: [string, string, string][] = [
    ['Producer id / epoch', `${preview.producerId} / ${preview.producerEpoch}`, 'abort-preview-producer'],
    ['Coordinator epoch', String(preview.coordinatorEpoch), 'abort-preview-coordinator-epoch'],
    ['Open transaction starts at', offset(preview.startOffset), 'abort-preview-start'],
    [
      'Last stable offset (read_committed stops here)',
      offset(preview.before.lastStableOffset),
      'abort-preview-lso',
    ],
    ['High watermark', offset(preview.before.highWatermark), 'abort-preview-high'],
  ];
  return (
    <Table data-testid="abort-preview">
      <THead>
        <tr>
          <Th>Now</Th>
          <Th className="text-right">Value</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map(([label, value, testId]) => (
          <Tr key={label}>
            <Td>{label}</Td>
            <Td className="text-right font-mono text-xs tabular-nums" data-testid={testId}>
              {value}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function AbortForm({
  clusterId,
  hanging,
  onClose,
  onDone,
}: {
  clusterId: string;
  hanging: HangingTransaction;
  onClose: () => void;
  onDone: (result: AbortPreview) => void;
}) {
  const abort = useAbortTransaction(clusterId);
  const [preview, setPreview] = useState<AbortPreview | null>(null);
  const applying = abort.isPending && abort.variables?.dryRun === false;
  const body = { topic: hanging.topic, partition: hanging.partition, producerId: hanging.producerId };

  // The preview reads the producer's open transaction as it is now; applying names the one previewed
  // (epochs and start offset), and the server refuses (409) if another one is open by then. A refused
  // abort drops the preview: the next one shows what is open now.
  function run(dryRun: boolean) {
    if (abort.isPending) return;
    const pinned =
      !dryRun && preview
        ? {
            producerEpoch: preview.producerEpoch,
            startOffset: preview.startOffset,
            coordinatorEpoch: preview.coordinatorEpoch,
          }
        : {};
    abort.mutate(
      { ...body, ...pinned, dryRun },
      {
        onSuccess: (result) => (result.applied ? onDone(result) : setPreview(result)),
        onError: () => (dryRun ? undefined : setPreview(null)),
      },
    );
  }

  return (
    <FormDialog
      onClose={onClose}
      title="Abort transaction"
      description={
        <span className="font-mono">
          producer {hanging.producerId} on {hanging.topic}-{hanging.partition}
        </span>
      }
      size="md"
      data-testid="abort-dialog"
      onSubmit={() => run(true)}
      error={abort.error}
      errorPrefix={abort.variables?.dryRun === false && 'Not aborted: '}
      pending={abort.isPending && !applying}
      whilePending="ignore"
      variant="secondary"
      submitLabel="Preview"
      submitTestId="abort-preview-button"
      cancelDisabled={applying}
      note={
        preview
          ? 'Check the producer and offsets, then abort.'
          : 'Preview first: nothing changes until you abort.'
      }
      actions={
        <Button
          variant="danger"
          disabled={!preview}
          aria-busy={applying}
          title={preview ? undefined : 'Preview the abort first'}
          onClick={() => run(false)}
          data-testid="abort-apply-button"
        >
          {applying && <Spinner className="size-3.5" />}
          Abort transaction
        </Button>
      }
    >
      <Alert tone="warning">
        Writes an ABORT marker on this partition for the producer, as its transaction coordinator would have
        (kafka-transactions abort). Its records from offset{' '}
        {formatCount(preview?.startOffset ?? hanging.startOffset)} on become aborted: read_committed consumers
        skip them and move on. A live producer of this transaction would be fenced.
      </Alert>
      {preview && <PreviewTable preview={preview} />}
    </FormDialog>
  );
}

export function AbortTransactionDialog({
  hanging,
  ...props
}: {
  clusterId: string;
  hanging: HangingTransaction | null;
  onClose: () => void;
  onDone: (result: AbortPreview) => void;
}) {
  return hanging && <AbortForm hanging={hanging} {...props} />;
}
