'use client';

import { BrowseView } from '@/components/messages/browse-view';
import { ModeSwitch } from '@/components/messages/mode-switch';
import { SearchView } from '@/components/messages/search-view';
import { TailView } from '@/components/messages/tail-view';
import { useUrlView } from '@/components/ui/use-url-state';
import { messagesTabView } from '@/lib/url-state/pages';

/** The topic's messages: browse a page at a position, search a range, or tail new messages live. */
export function MessagesTab({
  clusterId,
  topic,
  partitionCount,
}: {
  clusterId: string;
  topic: string;
  partitionCount: number;
}) {
  const { state, set } = useUrlView(messagesTabView);
  const { mode } = state;
  const props = { clusterId, topic, partitionCount };

  return (
    <div className="space-y-3" data-testid="messages-tab" data-mode={mode}>
      <ModeSwitch mode={mode} onChange={(next) => set({ mode: next }, 'push')} />
      {mode === 'browse' && <BrowseView {...props} />}
      {mode === 'search' && <SearchView {...props} />}
      {mode === 'tail' && <TailView {...props} />}
    </div>
  );
}
