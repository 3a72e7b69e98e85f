'use client';

import { Fragment, type ReactNode } from 'react';
import { ConfigName, ConfigValue, SourceBadge } from '@/components/configs/config-parts';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { Switch } from '@/components/ui/field';
import { SearchInput } from '@/components/ui/search-input';
import { TBody, THead, Table, Td, Th } from '@/components/ui/table';
import { useUrlView } from '@/components/ui/use-url-state';
import { arrangeConfigs } from '@/lib/format/config';
import { plural } from '@/lib/format/text';
import type { ConfigEntry } from '@/lib/schemas/topic';
import { configListView } from '@/lib/url-state/pages';

/** The row tint of an override: what someone changed stands out from Kafka's defaults. */
export function configRowClass(override: boolean) {
  return cx(
    'align-top',
    override
      ? 'bg-accent-50/60 hover:bg-accent-50 dark:bg-accent-500/[0.07] dark:hover:bg-accent-500/10'
      : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40',
  );
}

function ReadOnlyRow({ entry, override }: { entry: ConfigEntry; override: boolean }) {
  return (
    <tr
      className={configRowClass(override)}
      data-testid="config-row"
      data-config={entry.name}
      data-override={override}
    >
      <Td>
        <ConfigName entry={entry} override={override} />
      </Td>
      <Td className="whitespace-normal">
        <ConfigValue entry={entry} />
      </Td>
      <Td>
        <SourceBadge source={entry.source} />
      </Td>
    </tr>
  );
}

/**
 * A configuration table with a search box and a "show only overrides" switch, both kept in the address
 * (`?cq=` and `?overrides=only`). `renderRow` replaces the read-only row, e.g. with an editable one.
 */
export function ConfigList({
  configs,
  isOverride,
  renderRow,
  actionsHeader,
}: {
  configs: ConfigEntry[];
  isOverride: (entry: ConfigEntry) => boolean;
  renderRow?: (entry: ConfigEntry, override: boolean) => ReactNode;
  actionsHeader?: boolean;
}) {
  const { state, set } = useUrlView(configListView);
  const text = state.cq;
  const onlyOverrides = state.overrides === 'only';
  const rows = arrangeConfigs(configs, { text, onlyOverrides, isOverride });
  const overrides = configs.filter(isOverride).length;

  return (
    <div className="space-y-3" data-testid="config-list">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <SearchInput
          value={text}
          onSearch={(value) => set({ cq: value })}
          placeholder="Filter by name or value"
          aria-label="Filter configuration"
          data-testid="config-search"
          className="w-full sm:w-72"
        />
        <Switch
          checked={onlyOverrides}
          onChange={(checked) => set({ overrides: checked ? 'only' : undefined }, 'push')}
          label="Show only overrides"
          data-testid="only-overrides-toggle"
        />
        <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400" data-testid="config-counts">
          {plural(configs.length, 'entry', 'entries')} · {plural(overrides, 'override')}
        </span>
      </div>
      {rows.length === 0 ? (
        <EmptyState
          title={onlyOverrides && !text ? 'No overrides' : 'No matching entries'}
          data-testid="config-empty"
        >
          {onlyOverrides && !text
            ? 'Every entry has its default value.'
            : 'Nothing matches the filter; clear it to see every entry.'}
        </EmptyState>
      ) : (
        <Table aria-label="Configuration" className="table-fixed">
          <THead>
            <tr>
              <Th className="w-[38%]">Name</Th>
              <Th>Value</Th>
              <Th className="w-28">Source</Th>
              {actionsHeader && (
                <Th className="w-40">
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </tr>
          </THead>
          <TBody>
            {rows.map((entry) =>
              renderRow ? (
                <Fragment key={entry.name}>{renderRow(entry, isOverride(entry))}</Fragment>
              ) : (
                <ReadOnlyRow key={entry.name} entry={entry} override={isOverride(entry)} />
              ),
            )}
          </TBody>
        </Table>
      )}
    </div>
  );
}
