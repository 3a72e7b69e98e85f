'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { ConfigRowsEditor, collectConfigRows, type ConfigRow } from '@/components/topics/config-rows-editor';
import { Field, Input } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { fieldErrors, parseWholeNumber } from '@/lib/forms/fields';
import { plural } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import { brokersOptions } from '@/lib/query/clusters';
import { useCreateTopic } from '@/lib/query/topics';
import { CreateTopicSchema } from '@/lib/schemas/topic';

function CreateTopicForm({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const router = useRouter();
  const id = useId();
  const brokers = useQuery(brokersOptions(clusterId));
  const online = brokers.data?.brokers.filter((b) => b.online).length;
  const create = useCreateTopic(clusterId);

  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('3');
  // Until the user types one, the replication factor follows the brokers online (3 at most), which may
  // arrive after the dialog opened.
  const [typedReplicationFactor, setReplicationFactor] = useState<string | null>(null);
  const replicationFactor = typedReplicationFactor ?? String(Math.min(3, online || 1));
  const [rows, setRows] = useState<ConfigRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});

  function onSubmit() {
    const collected = collectConfigRows(rows);
    const parsed = CreateTopicSchema.safeParse({
      name: name.trim(),
      partitions: parseWholeNumber(partitions),
      replicationFactor: parseWholeNumber(replicationFactor),
      configs: collected.configs,
    });
    setRowErrors(collected.errors);
    setErrors(parsed.success ? {} : fieldErrors(parsed.error));
    if (!parsed.success || Object.keys(collected.errors).length > 0) return;
    create.mutate(parsed.data, {
      onSuccess: (topic) => router.push(paths.topic(clusterId, topic.name)),
    });
  }

  const busy = create.isPending || create.isSuccess;
  return (
    <FormDialog
      onClose={onClose}
      title="Create topic"
      data-testid="create-topic-dialog"
      formTestId="create-topic-form"
      onSubmit={onSubmit}
      error={create.error}
      pending={busy}
      cancelDisabled={create.isPending}
      submitLabel="Create topic"
      submitTestId="create-topic-submit"
    >
      <Field label="Name" htmlFor={`${id}-name`} error={errors.name}>
        <Input
          id={`${id}-name`}
          name="name"
          data-testid="topic-name-input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          invalid={Boolean(errors.name)}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          placeholder="orders.v1"
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          autoFocus
          disabled={busy}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Partitions" htmlFor={`${id}-partitions`} error={errors.partitions}>
          <Input
            id={`${id}-partitions`}
            name="partitions"
            data-testid="topic-partitions-input"
            inputMode="numeric"
            value={partitions}
            onChange={(event) => setPartitions(event.target.value)}
            invalid={Boolean(errors.partitions)}
            disabled={busy}
          />
        </Field>
        <Field
          label="Replication factor"
          htmlFor={`${id}-rf`}
          error={errors.replicationFactor}
          hint={online !== undefined ? `${plural(online, 'broker')} online` : undefined}
        >
          <Input
            id={`${id}-rf`}
            name="replicationFactor"
            data-testid="topic-rf-input"
            inputMode="numeric"
            value={replicationFactor}
            onChange={(event) => setReplicationFactor(event.target.value)}
            invalid={Boolean(errors.replicationFactor)}
            disabled={busy}
          />
        </Field>
      </div>
      <ConfigRowsEditor rows={rows} errors={rowErrors} onChange={setRows} disabled={busy} />
    </FormDialog>
  );
}

export function CreateTopicDialog({
  open,
  ...props
}: {
  clusterId: string;
  open: boolean;
  onClose: () => void;
}) {
  return open && <CreateTopicForm {...props} />;
}
