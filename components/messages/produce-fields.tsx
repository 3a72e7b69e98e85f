'use client';

import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Field, FieldError, Input, Select } from '@/components/ui/field';
import type { ProduceDraft } from '@/lib/produce/form';
import { subjectsOptions } from '@/lib/query/schema-registry';
import { compressions, type Produce } from '@/lib/schemas/message';

/** What every group of the produce form's fields gets: the draft, a way to change it, and the field errors. */
interface FieldsProps {
  id: string;
  draft: ProduceDraft;
  onChange: (patch: Partial<ProduceDraft>) => void;
  errors: Record<string, string>;
  disabled: boolean;
}

const textarea =
  'block w-full rounded-md border bg-white px-2.5 py-2 font-mono text-xs text-zinc-900 shadow-xs focus-visible:outline-2 disabled:opacity-60 dark:bg-zinc-950 dark:text-zinc-100';

/** Where the messages go: a partition (or by key) and the key. */
export function ProduceTargetFields({
  id,
  draft,
  onChange,
  disabled,
  partitions,
}: FieldsProps & { partitions: number }) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field label="Partition" htmlFor={`${id}-partition`}>
        <Select
          id={`${id}-partition`}
          value={draft.partition}
          onChange={(e) => onChange({ partition: e.target.value })}
          disabled={disabled}
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
          value={draft.key}
          onChange={(e) => onChange({ key: e.target.value })}
          disabled={disabled}
          className="font-mono"
          data-testid="produce-key"
          autoFocus
        />
      </Field>
    </div>
  );
}

/** The value, as text or JSON; JSON can be pretty-printed in place (`onPretty`). */
export function ProduceValueField({
  id,
  draft,
  onChange,
  errors,
  disabled,
  onPretty,
}: FieldsProps & { onPretty: () => void }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={`${id}-value`} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Value
        </label>
        <div className="flex items-center gap-2">
          <Select
            aria-label="Value format"
            value={draft.format}
            onChange={(e) => onChange({ format: e.target.value as ProduceDraft['format'] })}
            disabled={disabled}
            className="h-7 w-24 text-xs"
            data-testid="produce-format"
          >
            <option value="text">Text</option>
            <option value="json">JSON</option>
            <option value="schema">Schema</option>
          </Select>
          <Button
            size="sm"
            onClick={onPretty}
            disabled={disabled || draft.format === 'text'}
            data-testid="produce-pretty"
          >
            Format
          </Button>
        </div>
      </div>
      <textarea
        id={`${id}-value`}
        rows={8}
        value={draft.value}
        spellCheck={false}
        onChange={(e) => onChange({ value: e.target.value })}
        disabled={disabled}
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
  );
}

/**
 * The registry subjects the value (and, optionally, the key) are encoded with: the value is then the
 * record as JSON, validated and encoded by the server in the registry's wire format.
 */
export function ProduceSchemaFields({
  id,
  draft,
  onChange,
  errors,
  disabled,
  clusterId,
}: FieldsProps & { clusterId: string }) {
  const subjects = useQuery(subjectsOptions(clusterId));
  const schema = draft.schema ?? { valueSubject: '', valueVersion: '', message: '', keySubject: '' };
  const set = (patch: Partial<typeof schema>) => onChange({ schema: { ...schema, ...patch } });
  const listId = `${id}-subjects`;
  const noRegistry = subjects.data && !subjects.data.registry;
  return (
    <div className="space-y-1" data-testid="produce-schema">
      <div className="grid grid-cols-[2fr_1fr_2fr] gap-3">
        <Field label="Value subject" htmlFor={`${id}-subject`}>
          <Input
            id={`${id}-subject`}
            list={listId}
            value={schema.valueSubject}
            onChange={(e) => set({ valueSubject: e.target.value })}
            disabled={disabled}
            className="font-mono"
            placeholder="orders-value"
            data-testid="produce-subject"
          />
        </Field>
        <Field label="Version" htmlFor={`${id}-version`} hint="Empty: the latest">
          <Input
            id={`${id}-version`}
            value={schema.valueVersion}
            inputMode="numeric"
            onChange={(e) => set({ valueVersion: e.target.value })}
            disabled={disabled}
            data-testid="produce-subject-version"
          />
        </Field>
        <Field label="Protobuf message" htmlFor={`${id}-message`} hint="Empty: the first one">
          <Input
            id={`${id}-message`}
            value={schema.message}
            onChange={(e) => set({ message: e.target.value })}
            disabled={disabled}
            className="font-mono"
            data-testid="produce-subject-message"
          />
        </Field>
      </div>
      <Field label="Key subject" htmlFor={`${id}-key-subject`} hint="Empty: the key is sent as text">
        <Input
          id={`${id}-key-subject`}
          list={listId}
          value={schema.keySubject}
          onChange={(e) => set({ keySubject: e.target.value })}
          disabled={disabled}
          className="font-mono"
          data-testid="produce-key-subject"
        />
      </Field>
      <datalist id={listId}>
        {subjects.data?.subjects.map((subject) => (
          <option key={subject} value={subject} />
        ))}
      </datalist>
      {noRegistry && <FieldError>This cluster has no schema registry configured.</FieldError>}
      {subjects.error && (
        <FieldError>The schema registry cannot be read: {subjects.error.message}</FieldError>
      )}
      {(errors.subject || errors.key) && (
        <FieldError id={`${id}-subject-error`}>{errors.subject ?? errors.key}</FieldError>
      )}
    </div>
  );
}

/** How the messages are sent: compression, acknowledgements, and how many. */
export function ProduceSendFields({ id, draft, onChange, errors, disabled }: FieldsProps) {
  return (
    <div className="grid grid-cols-3 gap-3">
      <Field label="Compression" htmlFor={`${id}-compression`}>
        <Select
          id={`${id}-compression`}
          value={draft.compression}
          onChange={(e) => onChange({ compression: e.target.value as Produce['compression'] })}
          disabled={disabled}
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
          value={draft.acks}
          onChange={(e) => onChange({ acks: Number(e.target.value) as Produce['acks'] })}
          disabled={disabled}
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
          value={draft.count}
          onChange={(e) => onChange({ count: e.target.value })}
          disabled={disabled}
          invalid={Boolean(errors.count)}
          data-testid="produce-count"
        />
      </Field>
    </div>
  );
}
