'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { useAlterOffsets } from '@/lib/query/connect';
import {
  AlterOffsetsSchema,
  type ConnectorDetail,
  type ConnectorOffset,
  type OffsetsChange,
} from '@/lib/schemas/connect';

/**
 * Edits the offsets of a STOPPED connector, one row per partition: a sink's as topic, partition and
 * offset, a source's as its own partition and offset JSON maps. Only the rows changed are sent; the
 * server previews them (a dry run: each partition's offset before → after) before they are written.
 * Values shown hidden stay hidden and keep their stored value.
 */
interface Row {
  key: string;
  /** Kept from the stored offsets: the partition cannot change, only its offset. */
  stored: boolean;
  partition: string;
  offset: string;
  topic: string;
  kafkaPartition: string;
  kafkaOffset: string;
  forget: boolean;
}

const json = (value: unknown) => JSON.stringify(value);

/** A sink's partition as `topic [partition]` and its offset as a number; a source's maps as JSON. */
const shownPartition = (p: Record<string, unknown>) =>
  typeof p.kafka_topic === 'string' && Object.keys(p).length === 2
    ? `${p.kafka_topic} [${String(p.kafka_partition)}]`
    : json(p);
const shownOffset = (o: Record<string, unknown> | null, none: string) =>
  o === null ? none : Object.keys(o).length === 1 && 'kafka_offset' in o ? String(o.kafka_offset) : json(o);

function rowOf(o: ConnectorOffset, i: number): Row {
  return {
    key: `stored-${i}`,
    stored: true,
    partition: json(o.partition),
    offset: o.offset === null ? '' : json(o.offset),
    topic: String(o.partition.kafka_topic ?? ''),
    kafkaPartition: String(o.partition.kafka_partition ?? ''),
    kafkaOffset: o.offset?.kafka_offset === undefined ? '' : String(o.offset.kafka_offset),
    forget: false,
  };
}

const parseMap = (text: string): Record<string, unknown> | string => {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
    return value as Record<string, unknown>;
  } catch (error) {
    return (error as Error).message;
  }
};

/** The entry a row stands for, or why it cannot be one. */
function entryOf(row: Row, sink: boolean): ConnectorOffset | string {
  if (sink) {
    const partition = { kafka_topic: row.topic.trim(), kafka_partition: Number(row.kafkaPartition) };
    if (row.forget) return { partition, offset: null };
    if (row.kafkaOffset.trim() === '') return 'enter an offset';
    return { partition, offset: { kafka_offset: Number(row.kafkaOffset) } };
  }
  const partition = parseMap(row.partition);
  if (typeof partition === 'string') return `partition: ${partition}`;
  if (row.forget) return { partition, offset: null };
  const offset = parseMap(row.offset);
  if (typeof offset === 'string') return `offset: ${offset}`;
  return { partition, offset };
}

export function EditOffsetsDialog({
  clusterId,
  detail,
  onClose,
}: {
  clusterId: string;
  detail: ConnectorDetail;
  onClose: () => void;
}) {
  const alter = useAlterOffsets(clusterId, detail.connect, detail.name);
  const sink = detail.type === 'sink';
  const original = (detail.offsets ?? []).map(rowOf);
  const [rows, setRows] = useState<Row[]>(original);
  const [preview, setPreview] = useState<OffsetsChange | null>(null);
  const set = (key: string, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const changed = rows.filter((r) => {
    const was = original.find((o) => o.key === r.key);
    return !was || json({ ...was, key: 0 }) !== json({ ...r, key: 0 });
  });
  const entries = changed.map((r) => entryOf(r, sink));
  const rowError = entries.find((e): e is string => typeof e === 'string');
  const parsed = rowError ? null : AlterOffsetsSchema.safeParse({ offsets: entries as ConnectorOffset[] });
  const problem =
    rowError ??
    (parsed && !parsed.success
      ? parsed.error.issues.map((i) => `${i.path.slice(2).join('.') || 'offsets'}: ${i.message}`).join('; ')
      : null);
  const input = parsed?.success ? parsed.data : null;
  return (
    <FormDialog
      onClose={onClose}
      size="lg"
      title={
        preview
          ? `Write ${preview.changes.length} offset(s) of ${detail.name}?`
          : `Edit the offsets of ${detail.name}`
      }
      data-testid="edit-offsets-dialog"
      onSubmit={() => {
        if (!input) return;
        if (!preview) alter.mutate({ ...input, dryRun: true }, { onSuccess: setPreview });
        else alter.mutate({ ...input, dryRun: false }, { onSuccess: onClose });
      }}
      error={alter.error}
      pending={alter.isPending}
      submitLabel={preview ? 'Write offsets' : 'Preview changes'}
      submitTestId={preview ? 'apply-offsets' : 'preview-offsets'}
      submitDisabled={!input || changed.length === 0}
      variant={preview ? 'danger' : 'primary'}
      actions={preview ? <Button onClick={() => setPreview(null)}>Back to editing</Button> : undefined}
      note={
        preview
          ? undefined
          : changed.length === 0
            ? 'Nothing changed yet'
            : `${changed.length} partition(s) changed`
      }
    >
      {preview ? (
        <table className="w-full text-xs" data-testid="offsets-diff">
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="py-1 pr-2 font-medium">Partition</th>
              <th className="w-1/5 py-1 pr-2 font-medium">Before</th>
              <th className="w-1/5 py-1 font-medium">After</th>
            </tr>
          </thead>
          <tbody>
            {preview.changes.map((c) => (
              <tr key={json(c.partition)} className="align-top" data-testid="offsets-diff-row">
                <td className="py-1 pr-2 font-mono break-all">{shownPartition(c.partition)}</td>
                <td
                  className="py-1 pr-2 font-mono break-words text-red-700 line-through dark:text-red-400"
                  data-testid="offsets-before"
                >
                  {shownOffset(c.before, '—')}
                </td>
                <td
                  className="py-1 font-mono break-all text-emerald-700 dark:text-emerald-400"
                  data-testid="offsets-after"
                >
                  {shownOffset(c.after, '(forgotten)')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className="space-y-2">
          <table className="w-full text-xs" data-testid="offsets-form">
            <thead className="text-left text-zinc-500">
              {sink ? (
                <tr>
                  <th className="py-1 pr-2 font-medium">Topic</th>
                  <th className="w-20 py-1 pr-2 font-medium">Partition</th>
                  <th className="w-32 py-1 pr-2 font-medium">Offset</th>
                  <th className="w-16 py-1 font-medium">Forget</th>
                </tr>
              ) : (
                <tr>
                  <th className="py-1 pr-2 font-medium">Partition (JSON)</th>
                  <th className="py-1 pr-2 font-medium">Offset (JSON)</th>
                  <th className="w-16 py-1 font-medium">Forget</th>
                </tr>
              )}
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="align-top" data-testid="offset-row">
                  {sink ? (
                    <>
                      <td className="py-1 pr-2">
                        <Input
                          controlSize="sm"
                          value={r.topic}
                          readOnly={r.stored}
                          onChange={(e) => set(r.key, { topic: e.target.value })}
                          aria-label="Topic"
                          data-testid="offset-topic"
                        />
                      </td>
                      <td className="py-1 pr-2">
                        <Input
                          controlSize="sm"
                          inputMode="numeric"
                          value={r.kafkaPartition}
                          readOnly={r.stored}
                          onChange={(e) => set(r.key, { kafkaPartition: e.target.value })}
                          aria-label="Partition"
                          data-testid="offset-partition"
                        />
                      </td>
                      <td className="py-1 pr-2">
                        <Input
                          controlSize="sm"
                          inputMode="numeric"
                          value={r.kafkaOffset}
                          disabled={r.forget}
                          onChange={(e) => set(r.key, { kafkaOffset: e.target.value })}
                          aria-label="Offset"
                          data-testid="offset-value"
                        />
                      </td>
                    </>
                  ) : (
                    <>
                      <td className="py-1 pr-2">
                        <textarea
                          value={r.partition}
                          readOnly={r.stored}
                          onChange={(e) => set(r.key, { partition: e.target.value })}
                          rows={2}
                          spellCheck={false}
                          aria-label="Partition (JSON)"
                          className="w-full rounded-md border border-zinc-300 bg-white p-1.5 font-mono text-xs read-only:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-950"
                          data-testid="offset-partition-json"
                        />
                      </td>
                      <td className="py-1 pr-2">
                        <textarea
                          value={r.offset}
                          disabled={r.forget}
                          onChange={(e) => set(r.key, { offset: e.target.value })}
                          rows={2}
                          spellCheck={false}
                          aria-label="Offset (JSON)"
                          className="w-full rounded-md border border-zinc-300 bg-white p-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
                          data-testid="offset-json"
                        />
                      </td>
                    </>
                  )}
                  <td className="py-1 text-center">
                    <input
                      type="checkbox"
                      checked={r.forget}
                      onChange={(e) => set(r.key, { forget: e.target.checked })}
                      aria-label="Forget this partition's offset"
                      data-testid="offset-forget"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button
            size="sm"
            onClick={() =>
              setRows((all) => [
                ...all,
                {
                  key: `new-${all.length}`,
                  stored: false,
                  partition: '{}',
                  offset: '{}',
                  topic: '',
                  kafkaPartition: '0',
                  kafkaOffset: '0',
                  forget: false,
                },
              ])
            }
            data-testid="add-offset-row"
          >
            Add a partition
          </Button>
          {problem && changed.length > 0 && (
            <p className="text-xs text-red-700 dark:text-red-400" data-testid="offsets-problem">
              {problem}
            </p>
          )}
          <p className="text-xs text-zinc-500">
            Only the partitions changed are written; the others keep their offsets. Forget clears a
            partition&apos;s offset (a sink then starts where its consumer&apos;s reset policy says, a source
            from its beginning).
          </p>
        </div>
      )}
    </FormDialog>
  );
}
