'use client';

import { TabLink, Tabs } from '@/components/ui/tabs';
import { paths } from '@/lib/paths';

/** The two screens of the Transactions section: the coordinators' list and the hanging search. */
export function TransactionTabs({ clusterId, current }: { clusterId: string; current: 'list' | 'hanging' }) {
  return (
    <Tabs label="Transactions">
      <TabLink
        href={paths.transactions(clusterId)}
        selected={current === 'list'}
        data-testid="transactions-tab-list"
      >
        Transactional ids
      </TabLink>
      <TabLink
        href={paths.hangingTransactions(clusterId)}
        selected={current === 'hanging'}
        data-testid="transactions-tab-hanging"
      >
        Hanging
      </TabLink>
    </Tabs>
  );
}
