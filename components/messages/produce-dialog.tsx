'use client';

import { useId, useState, type FormEvent } from 'react';
import { HeaderRows, type HeaderRow } from '@/components/messages/header-rows';
import { FirstMessagePreview, PlaceholderHelp } from '@/components/messages/produce-placeholders';
import { ProduceResults } from '@/components/messages/produce-results';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Dialog, DialogBody, DialogFooter } from '@/components/ui/dialog';
import { Field, FieldError, Input, Select } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/format/error';
import { formatJson, jsonError } from '@/lib/produce/placeholders';
import { useProduce } from '@/lib/query/messages';
import { compressions, type Produce } from '@/lib/schemas/message';

const textarea =
  'block w-full rounded-md border bg-white px-2.5 py-2 font-mono text-xs text-zinc-900 shadow-xs focus-visible:outline-2 disabled:opacity-60 dark:bg-zinc-950 dark:text-zinc-100';

function ProduceForm({
  clusterId,
  topic,
  partitions,
  onClose,
}: {
  clusterId: string;
  topic: string;
  partitions: number;
  onClose: () => void;
}) {
  const id = useId();
  const produce = useProduce(clusterId, topic);
  const [partition, setPartition] = useState('auto');
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [format, setFormat] = useState<'text' | 'json'>('text');
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const [compression, setCompression] = useState<Produce['compression']>('none');
  const [acks, setAcks] = useState<Produce['acks']>(-1);
  const [count, setCount] = useState('1');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const busy = produce.isPending;

  function onFormat() {
    const pretty = formatJson(value);
    if (pretty === null)
      setErrors({ value: jsonError(value) ?? 'Placeholders outside strings cannot be formatted' });
    else {
      setValue(pretty);
      setErrors({});
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (format === 'json') {
      const error = jsonError(value);
      if (error) found.value = error;
    }
    const n = Number(count);
    if (!/^\d+$/.test(count) || n < 1 || n > 1000) found.count = 'A whole number from 1 to 1000';
    if (headers.some((h) => h.key === '' && h.value !== '')) found.headers = 'Every header needs a key';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    produce.mutate({
      partition: partition === 'auto' ? undefined : Number(partition),
      key: key === '' ? null : key,
      value,
      valueFormat: format,
      headers: headers.filter((h) => h.key !== ''),
      compression,
      acks,
      count: n,
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <DialogBody>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Partition" htmlFor={`${id}-partition`}>
            <Select
              id={`${id}-partition`}
              value={partition}
              onChange={(e) => setPartition(e.target.value)}
              disabled={busy}
              data-testid="produce-partition"
            >
              <option value="auto">Auto (by key)</option>
              {Array.from({ length: partitions }, (_, p) => (
                <option key={p} value={p}>
                  Partition {p}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Key" htmlFor={`${id}-key`} hint="Empty for a null key">
            <Input
              id={`${id}-key`}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              disabled={busy}
              className="font-mono"
              data-testid="produce-key"
              autoFocus
            />
          </Field>
        </div>
        <div className="space-y-1">
          <div className="flex items-center justify-between gap-2">
            <label htmlFor={`${id}-value`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
              Value
            </label>
            <div className="flex items-center gap-2">
              <Select
                aria-label="Value format"
                value={format}
                onChange={(e) => setFormat(e.target.value as 'text' | 'json')}
                disabled={busy}
                className="h-7 w-24 text-xs"
                data-testid="produce-format"
              >
                <option value="text">Text</option>
                <option value="json">JSON</option>
              </Select>
              <Button
                size="sm"
                onClick={onFormat}
                disabled={busy || format !== 'json'}
                data-testid="produce-pretty"
              >
                Format
              </Button>
            </div>
          </div>
          <textarea
            id={`${id}-value`}
            rows={8}
            value={value}
            spellCheck={false}
            onChange={(e) => setValue(e.target.value)}
            disabled={busy}
            aria-invalid={Boolean(errors.value) || undefined}
            className={cx(
              textarea,
              errors.value
                ? 'border-red-400 focus-visible:outline-red-500 dark:border-red-500/70'
                : 'focus-visible:outline-accent-500 border-zinc-300 dark:border-zinc-700',
            )}
            data-testid="produce-value"
          />
          {errors.value && <FieldError id={`${id}-value-error`}>{errors.value}</FieldError>}
        </div>
        <HeaderRows rows={headers} onChange={setHeaders} disabled={busy} />
        {errors.headers && <FieldError>{errors.headers}</FieldError>}
        <div className="grid grid-cols-3 gap-3">
          <Field label="Compression" htmlFor={`${id}-compression`}>
            <Select
              id={`${id}-compression`}
              value={compression}
              onChange={(e) => setCompression(e.target.value as Produce['compression'])}
              disabled={busy}
              data-testid="produce-compression"
            >
              {compressions.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Acks" htmlFor={`${id}-acks`}>
            <Select
              id={`${id}-acks`}
              value={acks}
              onChange={(e) => setAcks(Number(e.target.value) as Produce['acks'])}
              disabled={busy}
              data-testid="produce-acks"
            >
              <option value={-1}>all (-1)</option>
              <option value={1}>leader (1)</option>
              <option value={0}>none (0)</option>
            </Select>
          </Field>
          <Field label="Count" htmlFor={`${id}-count`} error={errors.count}>
            <Input
              id={`${id}-count`}
              inputMode="numeric"
              value={count}
              onChange={(e) => setCount(e.target.value)}
              disabled={busy}
              invalid={Boolean(errors.count)}
              data-testid="produce-count"
            />
          </Field>
        </div>
        <PlaceholderHelp />
        <FirstMessagePreview messageKey={key} value={value} headers={headers} />
        {produce.error && (
          <Alert tone="danger" data-testid="produce-error">
            {describeError(produce.error).message}
          </Alert>
        )}
        {produce.data && !busy && (
          <ProduceResults clusterId={clusterId} topic={topic} result={produce.data} />
        )}
      </DialogBody>
      <DialogFooter>
        <Button onClick={onClose} disabled={busy} data-testid="produce-close">
          Close
        </Button>
        <Button type="submit" variant="primary" disabled={busy} data-testid="produce-submit">
          {busy && <Spinner className="size-3.5" />}
          Produce
        </Button>
      </DialogFooter>
    </form>
  );
}

export function ProduceDialog({
  open,
  onClose,
  ...props
}: {
  clusterId: string;
  topic: string;
  partitions: number;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Produce messages"
      description={<span className="font-mono">{props.topic}</span>}
      size="lg"
      data-testid="produce-dialog"
    >
      <ProduceForm onClose={onClose} {...props} />
    </Dialog>
  );
}
