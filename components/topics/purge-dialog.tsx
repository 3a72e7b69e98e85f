'use client';

import { useState } from 'react';
import {
  PurgePartitionPicker,
  pickedPartitions,
  type Picks,
} from '@/components/topics/purge-partition-picker';
import { FieldError } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { formatCount } from '@/lib/format/count';
import { plural } from '@/lib/format/text';
import { usePurgeTopic } from '@/lib/query/topics';
import type { Purge, TopicDetail } from '@/lib/schemas/topic';

type Mode = 'all' | 'chosen';

function ModeOption({
  mode,
  current,
  onChange,
  label,
  detail,
}: {
  mode: Mode;
  current: Mode;
  onChange: (m: Mode) => void;
  label: string;
  detail: string;
}) {
  return (
    <label className="has-checked:border-accent-400 has-checked:bg-accent-50/60 dark:has-checked:border-accent-500/60 dark:has-checked:bg-accent-500/10 flex cursor-pointer items-start gap-2.5 rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-700">
      <input
        type="radio"
        name="purge-mode"
        value={mode}
        checked={current === mode}
        onChange={() => onChange(mode)}
        className="accent-accent-600 mt-0.5"
        data-testid={`purge-mode-${mode}`}
      />
      <span>
        <span className="block font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{detail}</span>
      </span>
    </label>
  );
}

function PurgeForm({
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
  const purge = usePurgeTopic(clusterId, topic.name);
  const [mode, setMode] = useState<Mode>('all');
  const [picks, setPicks] = useState<Picks>({});
  const [error, setError] = useState<string | null>(null);
  const busy = purge.isPending;

  // An error about the chosen partitions means nothing once the choice is "all" again.
  const choose = (next: Mode) => {
    setMode(next);
    setError(null);
  };

  function onSubmit() {
    let body: Purge = {};
    if (mode === 'chosen') {
      const picked = pickedPartitions(topic.partitionDetails, picks);
      if ('error' in picked) return setError(picked.error);
      body = { partitions: picked.partitions };
    }
    setError(null);
    purge.mutate(body, {
      onSuccess: (result) =>
        onDone(
          `Records deleted from ${plural(result.partitions.length, 'partition')} of ${topic.name}; ` +
            `new low watermarks: ${result.partitions.map((p) => `${p.partition}→${formatCount(p.lowWatermark)}`).join(', ')}.`,
        ),
    });
  }

  return (
    <FormDialog
      onClose={onClose}
      title="Purge records"
      description={<span className="font-mono">{topic.name}</span>}
      size="lg"
      data-testid="purge-dialog"
      onSubmit={onSubmit}
      confirm={{ expected: topic.name, disabled: busy }}
      error={purge.error}
      pending={busy}
      variant="danger"
      submitLabel="Purge records"
      submitTestId="confirm-button"
    >
      <p className="text-zinc-700 dark:text-zinc-300">
        Deletes records from the start of the log up to an offset. The topic, its partitions and its
        configuration stay; consumers continue from the new start.
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        <ModeOption
          mode="all"
          current={mode}
          onChange={choose}
          label="All partitions"
          detail={`Everything: ${topic.messages === null ? 'all messages' : `${formatCount(topic.messages)} message(s)`}`}
        />
        <ModeOption
          mode="chosen"
          current={mode}
          onChange={choose}
          label="Chosen partitions"
          detail="Up to an offset per partition"
        />
      </div>
      {mode === 'chosen' && (
        <PurgePartitionPicker
          partitions={topic.partitionDetails}
          picks={picks}
          onChange={setPicks}
          disabled={busy}
        />
      )}
      {error && <FieldError>{error}</FieldError>}
    </FormDialog>
  );
}

export function PurgeDialog({
  open,
  ...props
}: {
  clusterId: string;
  topic: TopicDetail;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return open && <PurgeForm {...props} />;
}
