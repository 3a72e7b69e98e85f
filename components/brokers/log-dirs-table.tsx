import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { NumTd, TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatBytes, percentOf } from '@/lib/format/bytes';
import type { BrokerDetail } from '@/lib/schemas/broker';

type LogDir = BrokerDetail['logDirs'][number];

function UsageBar({ dir }: { dir: LogDir }) {
  const used = dir.totalBytes !== null && dir.usableBytes !== null ? dir.totalBytes - dir.usableBytes : null;
  const percent = percentOf(used, dir.totalBytes);
  if (percent === null) return <span className="text-zinc-400 dark:text-zinc-600">—</span>;
  const tone = percent >= 90 ? 'bg-red-500' : percent >= 75 ? 'bg-amber-500' : 'bg-accent-500';
  return (
    <span
      className="inline-flex items-center gap-2"
      title={`${formatBytes(used)} of ${formatBytes(dir.totalBytes)} used`}
    >
      <span className="h-1.5 w-24 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800">
        <span className={cx('block h-full rounded-full', tone)} style={{ width: `${percent}%` }} />
      </span>
      <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{percent.toFixed(0)}%</span>
    </span>
  );
}

export function LogDirsTable({ logDirs }: { logDirs: LogDir[] }) {
  if (logDirs.length === 0) {
    return (
      <EmptyState title="No log directories reported" data-testid="log-dirs-empty">
        The broker did not answer DescribeLogDirs, or it is offline.
      </EmptyState>
    );
  }
  return (
    <Table aria-label="Log directories" data-testid="log-dirs">
      <THead>
        <tr>
          <Th>Path</Th>
          <Th className="text-right">Kafka data</Th>
          <Th className="text-right">Disk total</Th>
          <Th className="text-right">Disk usable</Th>
          <Th>Disk used</Th>
          <Th>Status</Th>
        </tr>
      </THead>
      <TBody>
        {logDirs.map((dir) => (
          <Tr key={dir.path} data-testid="log-dir-row">
            <Td className="font-mono text-[13px] break-all whitespace-normal">{dir.path}</Td>
            <NumTd>{formatBytes(dir.sizeBytes)}</NumTd>
            <NumTd>{formatBytes(dir.totalBytes)}</NumTd>
            <NumTd>{formatBytes(dir.usableBytes)}</NumTd>
            <Td>
              <UsageBar dir={dir} />
            </Td>
            <Td className="whitespace-normal">
              {dir.error ? (
                <Badge tone="danger" title={dir.error}>
                  {dir.error}
                </Badge>
              ) : (
                <Badge tone="success">ok</Badge>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
