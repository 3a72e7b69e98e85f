import { Suspense } from 'react';
import { SecurityView } from '@/components/cluster-admin/security-view';

/** SCRAM users and client quotas; the tab is in the address. */
export default function SecurityPage() {
  return (
    <Suspense>
      <SecurityView />
    </Suspense>
  );
}
