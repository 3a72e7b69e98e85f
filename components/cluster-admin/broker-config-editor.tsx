'use client';

import { useQuery } from '@tanstack/react-query';
import { memo, useCallback, useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FieldError, Input, Switch } from '@/components/ui/field';
import { useUrlView } from '@/components/ui/use-url-state';
import { configListView } from '@/lib/url-state/pages';
import { FormDialog } from '@/components/ui/form-dialog';
import { IconLock, IconPencil, IconUndo } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { usePermission } from '@/lib/query/auth';
import { brokerConfigsFullOptions, useAlterBrokerConfigs } from '@/lib/query/cluster-admin';
import {
  AlterBrokerConfigsSchema,
  listenerNames,
  perListenerConfigKeys,
  perListenerKey,
  type BrokerConfigChangeResult,
  type BrokerConfigEntry,
} from '@/lib/schemas/cluster-admin';

const SOURCE_LABEL: Record<string, { label: string; tone: BadgeTone }> = {
  DYNAMIC_BROKER_CONFIG: { label: 'dynamic (broker)', tone: 'accent' },
  DYNAMIC_DEFAULT_BROKER_CONFIG: { label: 'dynamic (cluster default)', tone: 'success' },
  STATIC_BROKER_CONFIG: { label: 'static (server.properties)', tone: 'caution' },
  DEFAULT_CONFIG: { label: 'Kafka default', tone: 'neutral' },
  DYNAMIC_BROKER_LOGGER_CONFIG: { label: 'logger', tone: 'neutral' },
};

export const READ_ONLY_REASON =
  'This key is read-only: only a restart with a changed server.properties changes it';

/**
 * A key's metadata: as listed, or for a per-listener key (listener.name.<listener>.<key>, listed only
 * once set) that of the key it sets, editable, for a listener the broker has (the server's rule).
 */
function metaOf(known: BrokerConfigEntry[], name: string): BrokerConfigEntry | undefined {
  const listed = known.find((c) => c.name === name);
  const perListener = perListenerKey(name);
  const listeners = listenerNames(known.find((c) => c.name === 'listeners')?.value);
  if (!perListener || !listeners.includes(perListener.listener)) return listed;
  const base = known.find((c) => c.name === perListener.key) ?? listed;
  if (!base) return undefined;
  return {
    ...base,
    name,
    readOnly: false,
    value: listed?.value ?? null,
    isSet: listed?.isSet ?? false,
    source: listed?.source ?? 'DEFAULT_CONFIG',
    synonyms: listed?.synonyms ?? [],
  };
}

function shown(entry: BrokerConfigEntry): string {
  if (entry.sensitive) return entry.isSet ? '(set)' : '(unset)';
  return entry.value ?? '';
}

/** A change staged in the table: a new value, or null to remove this level's value. */
type Staged = Record<string, string | null>;

/**
 * A broker's configs (scope: its id) or the cluster-wide defaults (scope "default"): each key with its
 * source, type and documentation. Dynamic keys are edited in place and staged; nothing changes until
 * the preview (Kafka validates it with validateOnly) shows the before → after and it is applied.
 */
export function BrokerConfigEditor({ clusterId, scope }: { clusterId: string; scope: string }) {
  const configs = useQuery(brokerConfigsFullOptions(clusterId, scope));
  const permission = usePermission(clusterId, 'broker.configs.alter');
  // The name filter and the overrides switch are kept in the address (`?cq=`, `?overrides=only`).
  const { state: view, set: setView } = useUrlView(configListView);
  const filter = view.cq;
  const onlyOverrides = view.overrides === 'only';
  const [staged, setStaged] = useState<Staged>({});
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [newKey, setNewKey] = useState('');
  const [previewing, setPreviewing] = useState(false);
  // Stable across renders, so that typing in one row's input or the filter re-renders only the rows whose
  // own props changed (a broker lists some 360 keys).
  const startEdit = useCallback((entry: BrokerConfigEntry, current: string | null) => {
    setEditing(entry.name);
    setDraft(entry.sensitive ? '' : (current ?? entry.value ?? ''));
  }, []);
  const stage = useCallback((name: string, value: string) => {
    setStaged((s) => ({ ...s, [name]: value }));
    setEditing(null);
  }, []);
  const reset = useCallback((name: string) => setStaged((s) => ({ ...s, [name]: null })), []);
  const cancelEdit = useCallback(() => setEditing(null), []);
  const data = configs.data;
  const knownByName = useMemo(
    () => new Map((data?.reference ?? data?.configs ?? []).map((c) => [c.name, c])),
    [data],
  );

  return (
    <QueryView query={configs} loading={<Skeleton className="h-64 w-full rounded-lg" />}>
      {(data) => {
        // The defaults list only what is set; a live broker's list has every key's type and documentation.
        const known = data.reference ?? data.configs;
        const rows = data.configs.filter(
          (c) => c.name.includes(filter.trim()) && (!onlyOverrides || c.source !== 'DEFAULT_CONFIG'),
        );
        const ownSource = scope === 'default' ? 'DYNAMIC_DEFAULT_BROKER_CONFIG' : 'DYNAMIC_BROKER_CONFIG';
        const addable = metaOf(known, newKey.trim());
        return (
          <div className="space-y-3" data-testid="broker-config-editor" data-scope={scope}>
            <div className="flex flex-wrap items-end gap-2">
              <Input
                aria-label="Filter configs"
                placeholder="Filter by name"
                value={filter}
                onChange={(e) => setView({ cq: e.target.value })}
                className="max-w-xs"
                data-testid="broker-config-filter"
              />
              <Switch
                checked={onlyOverrides}
                onChange={(checked) => setView({ overrides: checked ? 'only' : undefined }, 'push')}
                label="Show only overrides"
                data-testid="only-overrides-toggle"
              />
              <form
                className="flex items-center gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!addable || addable.readOnly) return;
                  setEditing(addable.name);
                  setDraft('');
                  setView({ cq: addable.name });
                }}
              >
                <Input
                  aria-label={
                    scope === 'default' ? 'Config to set cluster-wide' : 'Config to set on this broker'
                  }
                  placeholder={
                    scope === 'default' ? 'Key to set cluster-wide' : 'Key to set, e.g. listener.name.ssl.…'
                  }
                  list="broker-config-keys"
                  value={newKey}
                  onChange={(e) => setNewKey(e.target.value)}
                  data-testid="default-config-key"
                />
                <datalist id="broker-config-keys">
                  {[
                    ...known.filter((c) => !c.readOnly).map((c) => c.name),
                    ...listenerNames(known.find((c) => c.name === 'listeners')?.value).flatMap((l) =>
                      perListenerConfigKeys.map((key) => `listener.name.${l}.${key}`),
                    ),
                  ].map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
                <Button type="submit" disabled={!addable || addable.readOnly || !permission.allowed}>
                  Set…
                </Button>
                {newKey.trim() && addable?.readOnly && <FieldError>{READ_ONLY_REASON}</FieldError>}
              </form>
              <div className="ml-auto flex items-center gap-2">
                {Object.keys(staged).length > 0 && (
                  <Button onClick={() => setStaged({})} data-testid="broker-config-discard">
                    Discard
                  </Button>
                )}
                <Button
                  variant="primary"
                  disabled={Object.keys(staged).length === 0 || !permission.allowed}
                  title={permission.reason ?? undefined}
                  onClick={() => setPreviewing(true)}
                  data-testid="broker-config-preview"
                >
                  Preview {Object.keys(staged).length || ''} change
                  {Object.keys(staged).length === 1 ? '' : 's'}
                </Button>
              </div>
            </div>
            {editing && !data.configs.some((c) => c.name === editing) && metaOf(known, editing) && (
              <EditRow
                entry={metaOf(known, editing)!}
                draft={draft}
                setDraft={setDraft}
                onStage={() => {
                  setStaged({ ...staged, [editing]: draft });
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            )}
            {rows.length === 0 ? (
              <p className="text-sm text-zinc-500" data-testid="broker-config-empty">
                {scope === 'default' ? 'No cluster-wide default is set.' : 'No config matches.'}
              </p>
            ) : (
              <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
                <Table>
                  <THead>
                    <Tr>
                      <Th>Name</Th>
                      <Th>Value</Th>
                      <Th>Source</Th>
                      <Th>Type</Th>
                      <Th className="w-24" />
                    </Tr>
                  </THead>
                  <TBody>
                    {rows.map((entry) => (
                      <ConfigRow
                        key={entry.name}
                        entry={entry}
                        meta={
                          (perListenerKey(entry.name) && metaOf(known, entry.name)) ||
                          knownByName.get(entry.name) ||
                          entry
                        }
                        ownSource={ownSource}
                        editing={editing === entry.name}
                        staged={entry.name in staged ? { value: staged[entry.name] ?? null } : null}
                        allowed={permission.allowed}
                        reason={permission.reason}
                        draft={editing === entry.name ? draft : ''}
                        setDraft={setDraft}
                        onEdit={startEdit}
                        onStage={stage}
                        onReset={reset}
                        onCancel={cancelEdit}
                      />
                    ))}
                  </TBody>
                </Table>
              </div>
            )}
            {previewing && (
              <PreviewDialog
                clusterId={clusterId}
                scope={scope}
                staged={staged}
                onClose={() => setPreviewing(false)}
                onApplied={() => {
                  setStaged({});
                  setPreviewing(false);
                }}
              />
            )}
          </div>
        );
      }}
    </QueryView>
  );
}

/** One key of the table; memoised, and its documentation is only rendered once opened. */
const ConfigRow = memo(function ConfigRow({
  entry,
  meta,
  ownSource,
  editing,
  staged,
  allowed,
  reason,
  draft,
  setDraft,
  onEdit,
  onStage,
  onReset,
  onCancel,
}: {
  entry: BrokerConfigEntry;
  /** The key's type, documentation and read-only flag (from a live broker for the defaults). */
  meta: BrokerConfigEntry;
  ownSource: string;
  editing: boolean;
  /** The staged change (null value: this level's value removed), or null when none is staged. */
  staged: { value: string | null } | null;
  allowed: boolean;
  reason: string | null;
  draft: string;
  setDraft: (v: string) => void;
  onEdit: (entry: BrokerConfigEntry, current: string | null) => void;
  onStage: (name: string, value: string) => void;
  onReset: (name: string) => void;
  onCancel: () => void;
}) {
  const [docOpen, setDocOpen] = useState(false);
  const source = SOURCE_LABEL[entry.source] ?? { label: entry.source, tone: 'neutral' };
  return (
    <tr
      data-testid="broker-config-row"
      data-config={entry.name}
      data-source={entry.source}
      data-readonly={meta.readOnly}
      className="align-top"
    >
      <Td className="max-w-md whitespace-normal">
        <div className="font-mono text-[13px] break-all">{entry.name}</div>
        {meta.documentation && (
          <details
            className="text-xs text-zinc-500"
            onToggle={(e) => setDocOpen((e.currentTarget as HTMLDetailsElement).open)}
          >
            <summary className="cursor-pointer">Documentation</summary>
            {docOpen && (
              <p className="mt-1" data-testid="broker-config-doc">
                {meta.documentation}
              </p>
            )}
          </details>
        )}
      </Td>
      <Td className="font-mono text-[13px] whitespace-normal">
        {/* A div holds the width: a long value (advertised.listeners) wraps instead of running under the next column. */}
        <div className="max-w-sm min-w-48 break-all whitespace-normal">
          {editing ? (
            <EditRow
              entry={meta}
              draft={draft}
              setDraft={setDraft}
              onStage={() => onStage(entry.name, draft)}
              onCancel={onCancel}
              inline
            />
          ) : staged ? (
            <span data-testid="broker-config-staged">
              <s className="text-zinc-400">{shown(entry) || '(empty)'}</s> →{' '}
              {staged.value === null ? '(removed)' : meta.sensitive ? '(new value)' : staged.value}
            </span>
          ) : (
            shown(entry)
          )}
        </div>
      </Td>
      <Td>
        <Badge tone={source.tone}>{source.label}</Badge>
      </Td>
      <Td className="text-xs text-zinc-500">{meta.type.toLowerCase()}</Td>
      <Td className="text-right whitespace-nowrap">
        {meta.readOnly ? (
          <span title={READ_ONLY_REASON} aria-label={READ_ONLY_REASON} data-testid="broker-config-readonly">
            <IconLock className="inline size-4 text-zinc-400" />
          </span>
        ) : (
          <>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Edit ${entry.name}`}
              disabled={!allowed}
              title={reason ?? undefined}
              onClick={() => onEdit(entry, staged?.value ?? null)}
              data-testid="broker-config-edit"
            >
              <IconPencil className="size-4" />
            </Button>
            {entry.source === ownSource && (
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove ${entry.name} at this level`}
                title="Remove this level's value (falls back to the next level)"
                disabled={!allowed}
                onClick={() => onReset(entry.name)}
                data-testid="broker-config-reset"
              >
                <IconUndo className="size-4" />
              </Button>
            )}
          </>
        )}
      </Td>
    </tr>
  );
});

function EditRow({
  entry,
  draft,
  setDraft,
  onStage,
  onCancel,
  inline = false,
}: {
  entry: BrokerConfigEntry;
  draft: string;
  setDraft: (v: string) => void;
  onStage: () => void;
  onCancel: () => void;
  inline?: boolean;
}) {
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onStage();
      }}
      data-testid="broker-config-form"
    >
      {!inline && <span className="font-mono text-[13px]">{entry.name}</span>}
      <Input
        aria-label={`New value of ${entry.name}`}
        autoFocus
        type={entry.sensitive ? 'password' : 'text'}
        autoComplete="off"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
        controlSize="sm"
        className="font-mono text-[13px]"
        data-testid="broker-config-input"
      />
      <Button size="sm" type="submit" data-testid="broker-config-stage">
        Stage
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}

/** Asks Kafka to validate the staged changes (dry run), shows before → after, then applies them. */
function PreviewDialog({
  clusterId,
  scope,
  staged,
  onClose,
  onApplied,
}: {
  clusterId: string;
  scope: string;
  staged: Staged;
  onClose: () => void;
  onApplied: () => void;
}) {
  const alter = useAlterBrokerConfigs(clusterId, scope);
  const body = useMemo(
    () => ({
      set: Object.fromEntries(Object.entries(staged).filter(([, v]) => v !== null)) as Record<string, string>,
      reset: Object.entries(staged)
        .filter(([, v]) => v === null)
        .map(([k]) => k),
    }),
    [staged],
  );
  const parsed = AlterBrokerConfigsSchema.safeParse(body);
  const dryRun = useQuery({
    queryKey: ['broker-config-dry-run', clusterId, scope, body],
    queryFn: () => alter.mutateAsync({ ...body, dryRun: true }),
    enabled: parsed.success,
    retry: false,
    gcTime: 0,
  });
  const [applied, setApplied] = useState<BrokerConfigChangeResult | null>(null);
  const result = applied ?? dryRun.data;
  return (
    <FormDialog
      onClose={onClose}
      title={`Change ${scope === 'default' ? 'cluster-wide defaults' : `broker ${scope}`}`}
      description="Kafka has checked these changes without applying them (validateOnly)."
      size="lg"
      data-testid="broker-config-preview-dialog"
      onSubmit={() =>
        alter.mutate(body, {
          onSuccess: (r) => {
            setApplied(r);
            onApplied();
          },
        })
      }
      error={!parsed.success ? new Error(parsed.error.issues[0]?.message) : (dryRun.error ?? alter.error)}
      errorPrefix="Nothing was changed: "
      pending={alter.isPending}
      submitLabel="Apply"
      submitTestId="broker-config-apply"
      submitDisabled={!dryRun.data}
    >
      {dryRun.isPending && parsed.success ? (
        <Skeleton className="h-16 w-full" />
      ) : result ? (
        <Table data-testid="broker-config-diff">
          <THead>
            <Tr>
              <Th>Key</Th>
              <Th>Before</Th>
              <Th>After</Th>
            </Tr>
          </THead>
          <TBody>
            {result.changes.map((c) => (
              <tr key={c.name} data-testid="broker-config-diff-row" data-config={c.name}>
                <Td className="font-mono text-[13px]">{c.name}</Td>
                <Td className="font-mono text-[13px] break-all whitespace-normal text-red-700 dark:text-red-400">
                  {c.before ?? <span className="text-zinc-400">(not set here)</span>}
                </Td>
                <Td className="font-mono text-[13px] break-all whitespace-normal text-green-700 dark:text-green-400">
                  {c.after ?? <span className="text-zinc-400">(removed: falls back)</span>}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <Alert>Kafka refused the preview; see the error below.</Alert>
      )}
    </FormDialog>
  );
}
