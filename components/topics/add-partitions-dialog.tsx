'use client';

import { useId, useState } from 'react';
import { Field, Input } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { fieldErrors, parseWholeNumber } from '@/lib/forms/fields';
import { useAddPartitions } from '@/lib/query/topics';
import { AddPartitionsSchema, type TopicDetail } from '@/lib/schemas/topic';

function AddPartitionsForm({
  clusterId,
  topic,
  onClose,
  onDone,
}: {
  clusterId: string;
  topic: TopicDetail;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const add = useAddPartitions(clusterId, topic.name);
  const [count, setCount] = useState(String(topic.partitions + 1));
  const [error, setError] = useState<string | null>(null);

  function onSubmit() {
    const parsed = AddPartitionsSchema.safeParse({ count: parseWholeNumber(count) });
    if (!parsed.success) return setError(fieldErrors(parsed.error).count ?? 'Enter a whole number');
    if (parsed.data.count <= topic.partitions) {
      return setError(`Must be more than the current ${topic.partitions}: Kafka cannot remove partitions`);
    }
    setError(null);
    add.mutate(parsed.data, {
      onSuccess: (updated) => onDone(`${updated.name} now has ${updated.partitions} partitions.`),
    });
  }

  return (
    <FormDialog
      onClose={onClose}
      title="Add partitions"
      description={<span className="font-mono">{topic.name}</span>}
      size="sm"
      data-testid="add-partitions-dialog"
      onSubmit={onSubmit}
      error={add.error}
      pending={add.isPending}
      submitLabel="Add partitions"
      submitTestId="confirm-button"
    >
      <Field
        label="New total number of partitions"
        htmlFor={`${id}-count`}
        error={error}
        hint={`Currently ${topic.partitions}. Keys may map to other partitions afterwards.`}
      >
        <Input
          id={`${id}-count`}
          data-testid="partition-count-input"
          inputMode="numeric"
          value={count}
          onChange={(event) => setCount(event.target.value)}
          invalid={Boolean(error)}
          disabled={add.isPending}
          autoFocus
        />
      </Field>
    </FormDialog>
  );
}

export function AddPartitionsDialog({
  open,
  ...props
}: {
  clusterId: string;
  topic: TopicDetail;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return open && <AddPartitionsForm {...props} />;
}
