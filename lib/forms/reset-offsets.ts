import { parseWholeNumber } from '@/lib/forms/fields';
import { parseTimeInput } from '@/lib/format/time';
import type { ResetOffsets, ResetTarget } from '@/lib/schemas/group';

export type ResetScope = 'all' | 'topic' | 'partitions';
export type ResetTargetType = ResetTarget['type'];

/** What the reset dialog holds, as typed: numbers and the date stay text until the request is built. */
export interface ResetForm {
  scope: ResetScope;
  topic: string;
  partitions: number[];
  target: ResetTargetType;
  /** A typed time, `2026-01-31 14:05` in the browser's time zone (see parseTimeInput). */
  timestamp: string;
  offset: string;
  shift: string;
}

export type ResetRequest = Omit<ResetOffsets, 'dryRun'>;

/** The request of a reset form, or the first thing to fix, said the way the form shows it. */
export function buildResetRequest(form: ResetForm): { request: ResetRequest } | { error: string } {
  const target = buildTarget(form);
  if ('error' in target) return target;
  if (form.scope === 'all') return { request: { target: target.target } };
  if (!form.topic) return { error: 'Choose a topic' };
  if (form.scope === 'topic') return { request: { topic: form.topic, target: target.target } };
  if (form.partitions.length === 0) return { error: 'Choose at least one partition' };
  const partitions = [...new Set(form.partitions)].sort((a, b) => a - b);
  return { request: { topic: form.topic, partitions, target: target.target } };
}

function buildTarget(form: ResetForm): { target: ResetTarget } | { error: string } {
  switch (form.target) {
    case 'earliest':
    case 'latest':
      return { target: { type: form.target } };
    case 'timestamp': {
      const timestamp = parseTimeInput(form.timestamp);
      if (timestamp === null || timestamp < 0)
        return { error: 'Enter a date and time, e.g. 2026-01-31 14:05' };
      return { target: { type: 'timestamp', timestamp } };
    }
    case 'offset': {
      const offset = parseWholeNumber(form.offset);
      if (Number.isNaN(offset) || offset < 0) return { error: 'Enter an offset of 0 or more' };
      return { target: { type: 'offset', offset } };
    }
    case 'shift': {
      const by = parseWholeNumber(form.shift.replace(/^\+/, ''));
      if (Number.isNaN(by) || by === 0) return { error: 'Enter how many messages to move, e.g. -100 or 50' };
      return { target: { type: 'shift', by } };
    }
  }
}
