import type { Forecast } from '@/lib/schemas/group';
import { formatDuration } from '@/lib/format/duration';

/** A forecast's duration as a person says it: whole minutes from a minute on, whole hours from a day. */
export function roughly(ms: number): string {
  if (ms < 60_000) return 'under a minute';
  const unit = ms >= 86_400_000 ? 3_600_000 : 60_000;
  return formatDuration(Math.round(ms / unit) * unit);
}

/** "caught up in about 12 min", "falling behind: never at this rate"; null when nothing is known yet. */
export function catchUpText(f: Forecast['catchUp']): string | null {
  switch (f.state) {
    case 'caught_up':
      return 'caught up';
    case 'catching_up':
      return `caught up in about ${roughly(f.inMs)}`;
    case 'falling_behind':
      return 'falling behind: never at this rate';
    case 'not_consuming':
      return 'not consuming: never caught up at this rate';
    default:
      return null;
  }
}

/** "loses data in about 3 h"; null while retention is not in reach. */
export function lossText(f: Forecast['loss']): string | null {
  if (f.state !== 'at_risk') return null;
  return `loses data in about ${roughly(f.inMs)} (${f.by === 'size' ? 'retention.bytes' : 'retention.ms'})`;
}

/** The short form of a table cell: "≈ 12 min", "never", "caught up". */
export function catchUpShort(f: Forecast['catchUp']): string {
  switch (f.state) {
    case 'caught_up':
      return 'caught up';
    case 'catching_up':
      return `≈ ${roughly(f.inMs)}`;
    case 'falling_behind':
    case 'not_consuming':
      return 'never';
    default:
      return '—';
  }
}
