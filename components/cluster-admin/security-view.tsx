'use client';

import { useParams, useSearchParams } from 'next/navigation';
import { QuotasPanel } from '@/components/cluster-admin/quotas-panel';
import { ScramUsersPanel } from '@/components/cluster-admin/scram-users-panel';
import { PageHeader } from '@/components/layout/page-header';
import { TabLink, Tabs } from '@/components/ui/tabs';
import { paths } from '@/lib/paths';

const title = 'Users & quotas';
const description = 'SCRAM credentials and client quotas of this cluster.';

/** SCRAM users and client quotas, one tab each (`?tab=quotas`). */
export function SecurityView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const tab = useSearchParams().get('tab') === 'quotas' ? 'quotas' : 'users';
  return (
    <div className="space-y-4" data-testid="security-view">
      <PageHeader title={title} description={description} />
      <Tabs label="Users and quotas">
        <TabLink
          href={paths.security(clusterId, 'users')}
          selected={tab === 'users'}
          panelId="security-panel"
          data-testid="tab-users"
        >
          SCRAM users
        </TabLink>
        <TabLink
          href={paths.security(clusterId, 'quotas')}
          selected={tab === 'quotas'}
          panelId="security-panel"
          data-testid="tab-quotas"
        >
          Client quotas
        </TabLink>
      </Tabs>
      <div id="security-panel" role="tabpanel">
        {tab === 'users' ? <ScramUsersPanel clusterId={clusterId} /> : <QuotasPanel clusterId={clusterId} />}
      </div>
    </div>
  );
}

/** The page's shell while its users and quotas are read on the server. */
export function SecurityLoading() {
  return (
    <div className="space-y-4" data-testid="security-view">
      <PageHeader title={title} description={description} />
    </div>
  );
}
