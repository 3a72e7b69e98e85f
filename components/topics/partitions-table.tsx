import { cx } from '@/components/ui/cx';
import { NumTd, TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/lib/format/count';
import type { Partition } from '@/lib/schemas/topic';

/** A broker id chip: amber when the replica is out of sync, red when its broker is offline. */
function ReplicaChip({ id, state }: { id: number; state: 'in-sync' | 'out-of-sync' | 'offline' }) {
  const titles = { 'in-sync': 'in sync', 'out-of-sync': 'not in the ISR', offline: 'offline' };
  return (
    <span
      title={`Broker ${id}: ${titles[state]}`}
      data-state={state}
      className={cx(
        'inline-flex min-w-6 justify-center rounded px-1 font-mono text-xs leading-5 tabular-nums ring-1 ring-inset',
        state === 'in-sync' &&
          'bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700',
        state === 'out-of-sync' &&
          'bg-amber-50 font-semibold text-amber-800 ring-amber-300 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/40',
        state === 'offline' &&
          'bg-red-50 font-semibold text-red-700 ring-red-300 dark:bg-red-500/15 dark:text-red-300 dark:ring-red-400/40',
      )}
    >
      {id}
    </span>
  );
}

function Chips({
  ids,
  state,
}: {
  ids: number[];
  state: (id: number) => 'in-sync' | 'out-of-sync' | 'offline';
}) {
  if (ids.length === 0) return <span className="text-zinc-400 dark:text-zinc-600">—</span>;
  return (
    <span className="inline-flex gap-1">
      {ids.map((id) => (
        <ReplicaChip key={id} id={id} state={state(id)} />
      ))}
    </span>
  );
}

export function PartitionsTable({ partitions }: { partitions: Partition[] }) {
  const sorted = [...partitions].sort((a, b) => a.partition - b.partition);
  return (
    <Table aria-label="Partitions" data-testid="partitions-table">
      <THead>
        <tr>
          <Th className="w-20">Partition</Th>
          <Th>Leader</Th>
          <Th>Replicas</Th>
          <Th>In-sync replicas</Th>
          <Th>Offline replicas</Th>
          <Th className="text-right">Low watermark</Th>
          <Th className="text-right">High watermark</Th>
          <Th className="text-right">Messages</Th>
          <Th className="text-right">Size</Th>
        </tr>
      </THead>
      <TBody>
        {sorted.map((p) => {
          const state = (id: number) =>
            p.offlineReplicas.includes(id) ? 'offline' : p.isr.includes(id) ? 'in-sync' : 'out-of-sync';
          const underReplicated = p.isr.length < p.replicas.length;
          return (
            <Tr
              key={p.partition}
              data-testid="partition-row"
              data-partition={p.partition}
              data-under-replicated={underReplicated}
              className={
                p.leader === null
                  ? 'bg-red-50/60 dark:bg-red-950/20'
                  : underReplicated
                    ? 'bg-amber-50/50 dark:bg-amber-950/10'
                    : undefined
              }
            >
              <Td className="font-mono text-[13px] font-medium tabular-nums">{p.partition}</Td>
              <Td className="font-mono text-[13px] tabular-nums">
                {p.leader === null ? (
                  <span className="font-sans font-semibold text-red-600 dark:text-red-400">none</span>
                ) : (
                  p.leader
                )}
              </Td>
              <Td>
                <Chips ids={p.replicas} state={state} />
              </Td>
              <Td>
                <Chips ids={p.isr} state={() => 'in-sync'} />
              </Td>
              <Td>
                <Chips ids={p.offlineReplicas} state={() => 'offline'} />
              </Td>
              <NumTd data-testid="low-watermark">{formatCount(p.lowWatermark)}</NumTd>
              <NumTd data-testid="high-watermark">{formatCount(p.highWatermark)}</NumTd>
              <NumTd>{formatCount(p.messages)}</NumTd>
              <NumTd>{formatBytes(p.sizeBytes)}</NumTd>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
