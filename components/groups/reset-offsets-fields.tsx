'use client';

import { useId } from 'react';
import { cx } from '@/components/ui/cx';
import { Field, Input, Select } from '@/components/ui/field';
import type { ResetForm, ResetScope, ResetTargetType } from '@/lib/forms/reset-offsets';
import { zoneOffset } from '@/lib/format/time';

function ScopeOption({
  scope,
  current,
  onChange,
  label,
  detail,
  disabled,
}: {
  scope: ResetScope;
  current: ResetScope;
  onChange: (scope: ResetScope) => void;
  label: string;
  detail: string;
  disabled?: boolean;
}) {
  return (
    <label
      className={cx(
        'has-checked:border-accent-400 has-checked:bg-accent-50/60 dark:has-checked:border-accent-500/60 dark:has-checked:bg-accent-500/10 flex items-start gap-2.5 rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-700',
        disabled ? 'cursor-not-allowed opacity-60' : 'cursor-pointer',
      )}
    >
      <input
        type="radio"
        name="reset-scope"
        value={scope}
        checked={current === scope}
        onChange={() => onChange(scope)}
        disabled={disabled}
        className="accent-accent-600 mt-0.5"
        data-testid={`reset-scope-${scope}`}
      />
      <span>
        <span className="block font-medium text-zinc-900 dark:text-zinc-100">{label}</span>
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{detail}</span>
      </span>
    </label>
  );
}

/** Which partitions: every committed one, one topic, or chosen partitions of a topic. */
export function ResetScopeFields({
  form,
  topics,
  partitionsOf,
  onChange,
  disabled,
}: {
  form: ResetForm;
  topics: string[];
  partitionsOf: (topic: string) => number[];
  onChange: (patch: Partial<ResetForm>) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const available = form.topic ? partitionsOf(form.topic) : [];
  const toggle = (p: number) =>
    onChange({
      partitions: form.partitions.includes(p)
        ? form.partitions.filter((x) => x !== p)
        : [...form.partitions, p],
    });
  return (
    <div className="space-y-3">
      <div className="grid gap-2 sm:grid-cols-3">
        <ScopeOption
          scope="all"
          current={form.scope}
          onChange={(scope) => onChange({ scope })}
          disabled={disabled}
          label="All topics"
          detail={`Every committed partition of ${topics.length === 1 ? 'its topic' : `its ${topics.length} topics`}`}
        />
        <ScopeOption
          scope="topic"
          current={form.scope}
          onChange={(scope) => onChange({ scope })}
          disabled={disabled}
          label="One topic"
          detail="All its partitions"
        />
        <ScopeOption
          scope="partitions"
          current={form.scope}
          onChange={(scope) => onChange({ scope })}
          disabled={disabled}
          label="Chosen partitions"
          detail="Of one topic"
        />
      </div>
      {form.scope !== 'all' && (
        <Field label="Topic" htmlFor={`${id}-topic`}>
          <Select
            id={`${id}-topic`}
            data-testid="reset-topic"
            value={form.topic}
            disabled={disabled}
            onChange={(event) => onChange({ topic: event.target.value, partitions: [] })}
            className="font-mono text-[13px]"
          >
            {topics.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {form.scope === 'partitions' && (
        <fieldset className="space-y-1.5" data-testid="reset-partitions">
          <legend className="flex w-full items-center justify-between text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Partitions
            <button
              type="button"
              className="text-accent-700 dark:text-accent-300 font-normal hover:underline"
              disabled={disabled}
              onClick={() =>
                onChange({ partitions: form.partitions.length === available.length ? [] : available })
              }
            >
              {form.partitions.length === available.length ? 'Clear' : 'Choose all'}
            </button>
          </legend>
          <div className="flex max-h-32 flex-wrap gap-1.5 overflow-y-auto">
            {available.map((p) => (
              <label
                key={p}
                className="has-checked:border-accent-400 has-checked:bg-accent-50 has-checked:text-accent-800 dark:has-checked:border-accent-500/60 dark:has-checked:bg-accent-500/15 dark:has-checked:text-accent-200 inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-zinc-200 px-2 py-1 font-mono text-xs tabular-nums dark:border-zinc-700"
              >
                <input
                  type="checkbox"
                  checked={form.partitions.includes(p)}
                  onChange={() => toggle(p)}
                  disabled={disabled}
                  className="accent-accent-600"
                  aria-label={`Partition ${p}`}
                  data-testid="reset-partition"
                  data-partition={p}
                />
                {p}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}

const targets: Record<ResetTargetType, { label: string; hint: string }> = {
  earliest: { label: 'Earliest', hint: 'The oldest message still kept: the group reads everything again.' },
  latest: { label: 'Latest', hint: 'The end of the log: the group skips what it has not read (lag 0).' },
  timestamp: {
    label: 'Date and time',
    hint: 'The first message written at or after this time, in your time zone.',
  },
  offset: {
    label: 'Specific offset',
    hint: 'The same offset on every chosen partition, kept within the log.',
  },
  shift: {
    label: 'Shift by ±N',
    hint: 'Back (negative) or forward from the committed offset, kept within the log.',
  },
};

/** Where to move the offsets to, with the value that target needs. */
export function ResetTargetFields({
  form,
  onChange,
  disabled,
}: {
  form: ResetForm;
  onChange: (patch: Partial<ResetForm>) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label="Reset to" htmlFor={`${id}-target`} hint={targets[form.target].hint}>
        <Select
          id={`${id}-target`}
          data-testid="reset-target"
          value={form.target}
          disabled={disabled}
          onChange={(event) => onChange({ target: event.target.value as ResetTargetType })}
        >
          {(Object.keys(targets) as ResetTargetType[]).map((type) => (
            <option key={type} value={type}>
              {targets[type].label}
            </option>
          ))}
        </Select>
      </Field>
      {form.target === 'timestamp' && (
        <Field label={`Date and time (${zoneOffset()})`} htmlFor={`${id}-time`}>
          {/* Text, not datetime-local: that input writes 12-hour clocks in some locales, beside 24-hour tables. */}
          <Input
            id={`${id}-time`}
            spellCheck={false}
            placeholder="2026-01-31 14:05"
            className="tabular-nums"
            data-testid="reset-timestamp"
            value={form.timestamp}
            disabled={disabled}
            onChange={(event) => onChange({ timestamp: event.target.value })}
          />
        </Field>
      )}
      {form.target === 'offset' && (
        <Field label="Offset" htmlFor={`${id}-offset`}>
          <Input
            id={`${id}-offset`}
            inputMode="numeric"
            data-testid="reset-offset"
            value={form.offset}
            placeholder="0"
            disabled={disabled}
            onChange={(event) => onChange({ offset: event.target.value })}
            className="font-mono"
          />
        </Field>
      )}
      {form.target === 'shift' && (
        <Field label="Messages (negative goes back)" htmlFor={`${id}-shift`}>
          <Input
            id={`${id}-shift`}
            inputMode="numeric"
            data-testid="reset-shift"
            value={form.shift}
            placeholder="-100"
            disabled={disabled}
            onChange={(event) => onChange({ shift: event.target.value })}
            className="font-mono"
          />
        </Field>
      )}
    </div>
  );
}
