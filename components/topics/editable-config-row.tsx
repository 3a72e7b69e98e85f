'use client';

import { useState, type FormEvent } from 'react';
import { ConfigName, ConfigValue, SourceBadge } from '@/components/configs/config-parts';
import { configRowClass } from '@/components/configs/config-list';
import { Button } from '@/components/ui/button';
import { FieldError, Input } from '@/components/ui/field';
import { IconPencil, IconUndo } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { Td } from '@/components/ui/table';
import { describeError } from '@/lib/format/error';
import { useAlterTopicConfigs } from '@/lib/query/topics';
import type { ConfigEntry } from '@/lib/schemas/topic';
import { usePermission } from '@/lib/query/auth';

/**
 * One topic config: edit it in place (PATCH set) or, when the topic overrides it, reset it to the inherited
 * value (PATCH reset). Each row has its own request, so an error shows next to the entry that caused it.
 */
export function EditableConfigRow({
  clusterId,
  topic,
  entry,
  override,
}: {
  clusterId: string;
  topic: string;
  entry: ConfigEntry;
  override: boolean;
}) {
  const alter = useAlterTopicConfigs(clusterId, topic);
  const permission = usePermission(clusterId, 'topic.configs.alter');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');

  function startEditing() {
    alter.reset();
    setDraft(entry.sensitive ? '' : (entry.value ?? ''));
    setEditing(true);
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    alter.mutate({ set: { [entry.name]: draft.trim() }, reset: [] }, { onSuccess: () => setEditing(false) });
  }

  function onReset() {
    setEditing(false);
    alter.mutate({ set: {}, reset: [entry.name] });
  }

  return (
    <tr
      className={configRowClass(override)}
      data-testid="config-row"
      data-config={entry.name}
      data-override={override}
      data-editing={editing || undefined}
    >
      <Td className="pt-2.5">
        <ConfigName entry={entry} override={override} />
      </Td>
      <Td className="whitespace-normal">
        {editing ? (
          <form onSubmit={onSave} className="flex items-center gap-2" id={`config-form-${entry.name}`}>
            <Input
              aria-label={`New value of ${entry.name}`}
              data-testid="config-input"
              type={entry.sensitive ? 'password' : 'text'}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  setEditing(false);
                }
              }}
              controlSize="sm"
              className="font-mono text-[13px]"
              disabled={alter.isPending}
              autoFocus
            />
          </form>
        ) : (
          <span className="block pt-0.5">
            <ConfigValue entry={entry} />
          </span>
        )}
        {alter.error && (
          <div className="mt-1" data-testid="config-error" role="alert">
            <FieldError>{describeError(alter.error).message}</FieldError>
          </div>
        )}
      </Td>
      <Td className="pt-2.5">
        <SourceBadge source={entry.source} />
      </Td>
      <Td className="py-1.5 text-right">
        <span className="inline-flex items-center justify-end gap-1">
          {alter.isPending && <Spinner className="size-3.5 text-zinc-400" />}
          {editing ? (
            <>
              {/* Keys keep React from turning the clicked Edit button into this submit button mid-click. */}
              <Button key="cancel" size="sm" onClick={() => setEditing(false)} disabled={alter.isPending}>
                Cancel
              </Button>
              <Button
                key="save"
                size="sm"
                variant="primary"
                type="submit"
                form={`config-form-${entry.name}`}
                disabled={alter.isPending}
                data-testid="config-save"
              >
                Save
              </Button>
            </>
          ) : entry.readOnly ? (
            <span className="text-xs text-zinc-400 dark:text-zinc-500">read-only</span>
          ) : (
            <>
              {override && (
                <Button
                  key="reset"
                  size="sm"
                  variant="ghost"
                  onClick={onReset}
                  disabled={alter.isPending || !permission.allowed}
                  title={
                    permission.reason ?? "Remove the topic's value and inherit the broker or default one"
                  }
                  data-testid="config-reset"
                >
                  <IconUndo className="size-3.5" />
                  Reset
                </Button>
              )}
              <Button
                key="edit"
                size="sm"
                variant="ghost"
                onClick={startEditing}
                disabled={alter.isPending || !permission.allowed}
                title={permission.reason ?? undefined}
                data-testid="config-edit"
              >
                <IconPencil className="size-3.5" />
                Edit
              </Button>
            </>
          )}
        </span>
      </Td>
    </tr>
  );
}
