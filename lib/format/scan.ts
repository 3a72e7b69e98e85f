import type { ScanDone } from '@/lib/schemas/search';

/** Why a search or a tail ended, as a sentence's start. */
export const doneText: Record<ScanDone['reason'], string> = {
  end: 'Reached the end of the range',
  limit: 'Stopped at the maximum number of matches',
  timeout: 'Stopped at the time limit',
  max_messages: 'Stopped at the most messages one scan may read',
  filter_too_costly: 'Stopped: the filter costs too much',
};
