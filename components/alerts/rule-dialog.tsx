'use client';

import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Field, Input, Select, Switch } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { fieldErrors } from '@/lib/forms/fields';
import { alertChannelsOptions, useSaveRule } from '@/lib/query/alerts';
import { clustersOptions } from '@/lib/query/clusters';
import {
  durationText,
  ruleKinds,
  RuleInputSchema,
  severities,
  type RuleKind,
  type RuleView,
  type Severity,
} from '@/lib/schemas/alerts';

const unitHint = {
  records: 'Records behind (more than this fires)',
  duration: 'Age of the oldest unread record, e.g. 30s, 10m',
  brokers: 'Brokers expected (empty: every broker the cluster knows)',
  partitions: 'Partitions allowed (empty: 0)',
} as const;

function Checks({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  /** null while they load. */
  options: string[] | null;
  value: string[];
  onChange: (v: string[]) => void;
  testId: string;
}) {
  // A rule may name one that no longer exists (removed from the config): shown, so it can be unticked.
  const missing = options === null ? [] : value.filter((v) => !options.includes(v));
  return (
    <fieldset className="space-y-1" data-testid={testId}>
      <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{label}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options?.length === 0 && missing.length === 0 && (
          <span className="text-xs text-zinc-500">none defined</span>
        )}
        {[...(options ?? []), ...missing].map((o) => (
          <label key={o} className="inline-flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={value.includes(o)}
              onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))}
            />
            {o}
            {missing.includes(o) && (
              <span className="text-xs text-red-600" data-testid="check-missing">
                (missing)
              </span>
            )}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Creates a rule, or edits one made in the console (config rules are read-only). */
export function RuleDialog({ rule, onClose }: { rule: RuleView | null; onClose: () => void }) {
  const id = useId();
  const save = useSaveRule(rule?.id ?? null);
  const clusters = useQuery(clustersOptions()).data?.clusters.map((c) => c.id) ?? null;
  const channels = useQuery(alertChannelsOptions()).data?.channels.map((c) => c.name) ?? null;
  const [name, setName] = useState(rule?.name ?? '');
  const [kind, setKind] = useState<RuleKind>(rule?.kind ?? 'lag_above');
  const [threshold, setThreshold] = useState(
    rule?.threshold == null
      ? ''
      : ruleKinds[rule.kind].threshold === 'duration'
        ? durationText(rule.threshold)
        : String(rule.threshold),
  );
  const [forText, setFor] = useState(rule ? durationText(rule.forMs) : '5m');
  const [groups, setGroups] = useState(rule?.groups ?? '*');
  const [topics, setTopics] = useState(rule?.topics ?? '*');
  const [severity, setSeverity] = useState<Severity>(rule?.severity ?? 'warning');
  const [chosenClusters, setClusters] = useState<string[]>(rule?.clusters ?? []);
  const [chosenChannels, setChannels] = useState<string[]>(rule?.channels ?? []);
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const unit = ruleKinds[kind].threshold;

  function onSubmit() {
    const input = {
      name: name.trim(),
      kind,
      ...(unit !== null && threshold.trim() ? { threshold: threshold.trim() } : {}),
      clusters: chosenClusters,
      groups: groups.trim() || '*',
      topics: topics.trim() || '*',
      for: forText.trim() || '0',
      severity,
      channels: chosenChannels,
      enabled,
    };
    const parsed = RuleInputSchema.safeParse(input);
    setErrors(parsed.success ? {} : fieldErrors(parsed.error));
    if (parsed.success) save.mutate(input, { onSuccess: onClose });
  }

  const busy = save.isPending;
  const text = (field: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <Field label={label} htmlFor={`${id}-${field}`} error={errors[field]} hint={hint}>
      <Input
        id={`${id}-${field}`}
        data-testid={`rule-${field}`}
        value={value}
        onChange={(e) => set(e.target.value)}
        invalid={Boolean(errors[field])}
        disabled={busy}
        autoComplete="off"
        spellCheck={false}
      />
    </Field>
  );
  return (
    <FormDialog
      onClose={onClose}
      title={rule ? `Edit rule “${rule.name}”` : 'New alert rule'}
      size="lg"
      data-testid="rule-dialog"
      onSubmit={onSubmit}
      error={save.error}
      pending={busy}
      submitLabel={rule ? 'Save rule' : 'Create rule'}
      submitTestId="rule-submit"
    >
      {text('name', 'Name', name, setName)}
      <div className="grid grid-cols-2 gap-3">
        <Field label="Kind" htmlFor={`${id}-kind`} error={errors.kind}>
          <Select
            id={`${id}-kind`}
            data-testid="rule-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as RuleKind)}
            disabled={busy}
          >
            {(Object.keys(ruleKinds) as RuleKind[]).map((k) => (
              <option key={k} value={k}>
                {ruleKinds[k].label}
              </option>
            ))}
          </Select>
        </Field>
        {unit !== null ? text('threshold', 'Threshold', threshold, setThreshold, unitHint[unit]) : <div />}
        {text('for', 'For', forText, setFor, 'How long it must hold before firing (0: at once)')}
        <Field label="Severity" htmlFor={`${id}-severity`}>
          <Select
            id={`${id}-severity`}
            data-testid="rule-severity"
            value={severity}
            onChange={(e) => setSeverity(e.target.value as Severity)}
            disabled={busy}
          >
            {severities.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </Select>
        </Field>
        {ruleKinds[kind].scope === 'group' &&
          text('groups', 'Groups', groups, setGroups, 'A name or pattern: payments-*')}
        {text(
          'topics',
          'Topics',
          topics,
          setTopics,
          '* for all; a pattern makes each group and topic a subject',
        )}
      </div>
      <Checks
        label="Clusters (none checked: every cluster)"
        options={clusters}
        value={chosenClusters}
        onChange={setClusters}
        testId="rule-clusters"
      />
      <Checks
        label="Channels"
        options={channels}
        value={chosenChannels}
        onChange={setChannels}
        testId="rule-channels"
      />
      {errors.channels && <p className="text-xs text-red-600">{errors.channels}</p>}
      <Switch checked={enabled} onChange={setEnabled} label="Enabled" />
    </FormDialog>
  );
}
