'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { IconPlus } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { usePermission } from '@/lib/query/auth';
import { quotasOptions, useAlterQuotas } from '@/lib/query/cluster-admin';
import {
  AlterQuotasSchema,
  clientQuotaKeys,
  ipQuotaKeys,
  quotaEntityLabel,
  type QuotaChangeResult,
  type QuotaEntity,
  type QuotaKey,
} from '@/lib/schemas/cluster-admin';

type Kind = 'user' | 'client-id' | 'user+client-id' | 'ip';
const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'user', label: 'User' },
  { kind: 'client-id', label: 'Client id' },
  { kind: 'user+client-id', label: 'User and client id' },
  { kind: 'ip', label: 'IP address' },
];

const kindOf = (entity: QuotaEntity): Kind =>
  entity.length === 2 ? 'user+client-id' : (entity[0]!.type as Kind);

interface Draft {
  entity: QuotaEntity;
  key?: QuotaKey;
  value?: number;
  remove?: boolean;
}

/** Client quotas of users, client ids, both, IPs and their defaults: set and remove, each previewed. */
export function QuotasPanel({ clusterId }: { clusterId: string }) {
  const quotas = useQuery(quotasOptions(clusterId));
  const permission = usePermission(clusterId, 'quota.alter');
  const [draft, setDraft] = useState<Draft | null>(null);
  return (
    <div className="space-y-3" data-testid="quotas">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Byte rates, request time and connection rates Kafka throttles clients to. A name of{' '}
          <span className="font-mono">&lt;default&gt;</span> applies to every entity without its own.
        </p>
        <Button
          variant="primary"
          disabled={!permission.allowed}
          title={permission.reason ?? undefined}
          onClick={() => setDraft({ entity: [{ type: 'user', name: '' }] })}
          data-testid="quota-add"
        >
          <IconPlus className="size-4" /> Set a quota
        </Button>
      </div>
      <QueryView query={quotas} loading={<Skeleton className="h-32 w-full rounded-lg" />}>
        {(data) =>
          data.entries.length === 0 ? (
            <p className="text-sm text-zinc-500">No client quota is set.</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
              <Table>
                <THead>
                  <Tr>
                    <Th>Entity</Th>
                    <Th>Quotas</Th>
                  </Tr>
                </THead>
                <TBody>
                  {data.entries.map((e) => {
                    const label = quotaEntityLabel(e.entity);
                    return (
                      <tr key={label} data-testid="quota-row" data-entity={label}>
                        <Td className="font-mono text-[13px] break-all whitespace-normal">{label}</Td>
                        <Td className="whitespace-normal">
                          <div className="flex flex-wrap gap-2">
                            {Object.entries(e.values).map(([key, value]) => (
                              <span
                                key={key}
                                className="inline-flex items-center gap-1 rounded border border-zinc-200 px-1.5 py-0.5 text-xs dark:border-zinc-700"
                                data-testid="quota-value"
                                data-key={key}
                              >
                                <span className="font-mono">
                                  {key}={value}
                                </span>
                                <button
                                  type="button"
                                  className="text-accent-700 hover:underline disabled:text-zinc-400"
                                  disabled={!permission.allowed}
                                  onClick={() => setDraft({ entity: e.entity, key: key as QuotaKey, value })}
                                  aria-label={`Change ${key} of ${label}`}
                                  data-testid="quota-edit"
                                >
                                  edit
                                </button>
                                <button
                                  type="button"
                                  className="text-red-700 hover:underline disabled:text-zinc-400"
                                  disabled={!permission.allowed}
                                  onClick={() =>
                                    setDraft({ entity: e.entity, key: key as QuotaKey, value, remove: true })
                                  }
                                  aria-label={`Remove ${key} of ${label}`}
                                  data-testid="quota-remove"
                                >
                                  remove
                                </button>
                              </span>
                            ))}
                          </div>
                        </Td>
                      </tr>
                    );
                  })}
                </TBody>
              </Table>
            </div>
          )
        }
      </QueryView>
      {draft && <QuotaForm clusterId={clusterId} draft={draft} onClose={() => setDraft(null)} />}
    </div>
  );
}

function QuotaForm({ clusterId, draft, onClose }: { clusterId: string; draft: Draft; onClose: () => void }) {
  const alter = useAlterQuotas(clusterId);
  const fixed = draft.key !== undefined;
  const [kind, setKind] = useState<Kind>(kindOf(draft.entity));
  const nameOf = (type: string) => draft.entity.find((p) => p.type === type)?.name;
  const [names, setNames] = useState({
    user: nameOf('user') ?? '',
    'client-id': nameOf('client-id') ?? '',
    ip: nameOf('ip') ?? '',
  });
  const [defaults, setDefaults] = useState({
    user: nameOf('user') === null,
    'client-id': nameOf('client-id') === null,
    ip: nameOf('ip') === null,
  });
  const keys: readonly QuotaKey[] = kind === 'ip' ? ipQuotaKeys : clientQuotaKeys;
  const [key, setKey] = useState<QuotaKey>(draft.key ?? keys[0]!);
  const [value, setValue] = useState(draft.value === undefined ? '' : String(draft.value));
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<QuotaChangeResult | null>(null);
  const remove = draft.remove === true;

  const types = kind === 'user+client-id' ? (['user', 'client-id'] as const) : ([kind] as const);
  const body = {
    entity: types.map((type) => ({ type, name: defaults[type] ? null : names[type] })),
    set: remove ? {} : { [key]: value.trim() === '' ? NaN : Number(value) },
    remove: remove ? [key] : [],
  };

  function onSubmit() {
    const parsed = AlterQuotasSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${issue?.path.join('.') || 'quota'}: ${issue?.message}`);
      return;
    }
    setError(null);
    if (!preview) {
      alter.mutate({ ...parsed.data, dryRun: true }, { onSuccess: setPreview });
      return;
    }
    alter.mutate({ ...parsed.data, dryRun: false }, { onSuccess: onClose });
  }
  const touch = () => {
    setPreview(null);
    alter.reset();
  };

  return (
    <FormDialog
      onClose={onClose}
      title={remove ? 'Remove a quota' : fixed ? 'Change a quota' : 'Set a quota'}
      data-testid="quota-dialog"
      onSubmit={onSubmit}
      error={error ? new Error(error) : alter.error}
      errorPrefix="Nothing was changed: "
      pending={alter.isPending}
      variant={remove ? 'danger' : 'primary'}
      submitLabel={preview ? (remove ? 'Remove' : 'Apply') : 'Preview'}
      submitTestId={preview ? 'quota-apply' : 'quota-preview'}
    >
      <div className="space-y-3">
        <Field label="Applies to" htmlFor="quota-kind">
          <Select
            id="quota-kind"
            value={kind}
            disabled={fixed}
            onChange={(e) => {
              const next = e.target.value as Kind;
              setKind(next);
              setKey((next === 'ip' ? ipQuotaKeys : clientQuotaKeys)[0]!);
              touch();
            }}
            data-testid="quota-kind"
          >
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </Select>
        </Field>
        {types.map((type) => (
          <div key={type} className="flex items-end gap-3">
            <Field
              label={type === 'client-id' ? 'Client id' : type === 'ip' ? 'IP address' : 'User'}
              htmlFor={`quota-${type}`}
              className="flex-1"
            >
              <Input
                id={`quota-${type}`}
                value={defaults[type] ? '' : names[type]}
                placeholder={defaults[type] ? '<default>' : undefined}
                disabled={fixed || defaults[type]}
                onChange={(e) => {
                  setNames({ ...names, [type]: e.target.value });
                  touch();
                }}
                data-testid={`quota-name-${type}`}
              />
            </Field>
            <label className="mb-2 flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={defaults[type]}
                disabled={fixed}
                onChange={(e) => {
                  setDefaults({ ...defaults, [type]: e.target.checked });
                  touch();
                }}
                data-testid={`quota-default-${type}`}
              />
              default
            </label>
          </div>
        ))}
        <div className="grid grid-cols-2 gap-3">
          <Field label="Quota" htmlFor="quota-key">
            <Select
              id="quota-key"
              value={key}
              disabled={fixed}
              onChange={(e) => {
                setKey(e.target.value as QuotaKey);
                touch();
              }}
              data-testid="quota-key"
            >
              {keys.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </Select>
          </Field>
          {!remove && (
            <Field
              label="Value"
              htmlFor="quota-value"
              hint={
                key.endsWith('byte_rate')
                  ? 'bytes per second'
                  : key === 'request_percentage'
                    ? '% of one thread'
                    : 'per second'
              }
            >
              <Input
                id="quota-value"
                inputMode="decimal"
                value={value}
                onChange={(e) => {
                  setValue(e.target.value);
                  touch();
                }}
                data-testid="quota-value-input"
              />
            </Field>
          )}
        </div>
        {preview && (
          <div
            className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-700"
            data-testid="quota-diff"
          >
            <p className="mb-1 font-medium">Kafka accepts this change (checked with validateOnly):</p>
            <p className="font-mono text-[13px]">
              {key}:{' '}
              <span className="text-red-700 dark:text-red-400" data-testid="quota-diff-before">
                {preview.before[key] ?? '(none)'}
              </span>{' '}
              →{' '}
              <span className="text-green-700 dark:text-green-400" data-testid="quota-diff-after">
                {preview.after[key] ?? '(none)'}
              </span>
            </p>
          </div>
        )}
      </div>
    </FormDialog>
  );
}
