import { cx } from '@/components/ui/cx';
import { formatCount } from '@/lib/format/count';
import { plural } from '@/lib/format/text';
import type { ResetPreview } from '@/lib/schemas/group';

const signed = (n: number) => (n > 0 ? `+${formatCount(n)}` : n < 0 ? `−${formatCount(-n)}` : '0');

/** Current → new offset per partition, the rows that move highlighted, and the lag the reset leaves. */
export function ResetPreviewTable({ preview, stale }: { preview: ResetPreview; stale?: boolean }) {
  const rows = preview.partitions;
  const changed = rows.filter((r) => r.currentOffset !== r.newOffset).length;
  const lagAfter = rows.reduce((sum, r) => sum + Math.max(0, r.logEndOffset - r.newOffset), 0);
  const manyTopics = new Set(rows.map((r) => r.topic)).size > 1;
  return (
    <div
      className={cx('space-y-1.5', stale && 'opacity-50')}
      data-testid="reset-preview"
      data-changed={changed}
    >
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="reset-preview-summary">
        <span className="font-medium text-zinc-900 dark:text-zinc-100">
          {changed === 0
            ? 'Nothing changes'
            : `${plural(changed, 'partition')} of ${formatCount(rows.length)} change`}
        </span>
        {' · '}lag afterwards: <span className="font-medium tabular-nums">{formatCount(lagAfter)}</span>
      </p>
      <div className="max-h-64 overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-700">
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              {manyTopics && <th className="px-3 py-1.5 text-left font-medium">Topic</th>}
              <th className="px-3 py-1.5 text-left font-medium">Partition</th>
              <th className="px-3 py-1.5 text-right font-medium">Current</th>
              <th className="px-3 py-1.5 text-right font-medium">New</th>
              <th className="px-3 py-1.5 text-right font-medium">Change</th>
              <th className="px-3 py-1.5 text-right font-medium">Lag after</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {rows.map((r) => {
              const moves = r.currentOffset !== r.newOffset;
              const delta = r.currentOffset === null ? null : r.newOffset - r.currentOffset;
              return (
                <tr
                  key={`${r.topic}-${r.partition}`}
                  data-testid="reset-preview-row"
                  data-topic={r.topic}
                  data-partition={r.partition}
                  data-changed={moves}
                  className={cx(
                    'tabular-nums',
                    moves ? 'bg-accent-50/70 dark:bg-accent-500/10' : 'text-zinc-500 dark:text-zinc-400',
                  )}
                >
                  {manyTopics && <td className="px-3 py-1 font-mono text-[13px]">{r.topic}</td>}
                  <td className="px-3 py-1 font-medium">{r.partition}</td>
                  <td className="px-3 py-1 text-right" data-testid="preview-current">
                    {r.currentOffset === null ? (
                      <span title="No commit yet">—</span>
                    ) : (
                      formatCount(r.currentOffset)
                    )}
                  </td>
                  <td
                    className={cx(
                      'px-3 py-1 text-right',
                      moves && 'text-accent-800 dark:text-accent-200 font-semibold',
                    )}
                    data-testid="preview-new"
                  >
                    {formatCount(r.newOffset)}
                  </td>
                  <td
                    className={cx(
                      'px-3 py-1 text-right text-xs',
                      delta !== null && delta < 0 && 'text-amber-700 dark:text-amber-300',
                      delta !== null && delta > 0 && 'text-emerald-700 dark:text-emerald-300',
                    )}
                    title={delta !== null && delta < 0 ? 'Back: these messages are read again' : undefined}
                  >
                    {delta === null ? 'new' : signed(delta)}
                  </td>
                  <td className="px-3 py-1 text-right">
                    {formatCount(Math.max(0, r.logEndOffset - r.newOffset))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
