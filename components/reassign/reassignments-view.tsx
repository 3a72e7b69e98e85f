'use client';

import { useParams } from 'next/navigation';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { ElectLeadersButton } from '@/components/reassign/elect-leaders-dialog';
import { InProgress } from '@/components/reassign/in-progress';
import { PlanBuilder } from '@/components/reassign/plan-builder';
import { PlanPreview } from '@/components/reassign/plan-preview';
import { Alert } from '@/components/ui/alert';
import { describeError } from '@/lib/format/error';
import { usePlanReassignment } from '@/lib/query/reassignments';

const title = 'Reassignments';
const description = 'Move replicas between brokers, change replication factors, and spread leaders evenly.';

/** The plan builder, its preview, and the reassignments under way. */
export function ReassignmentsView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const plan = usePlanReassignment(clusterId);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div data-testid="reassignments-page" className="space-y-6">
      <PageHeader
        title={title}
        description={description}
        actions={<ElectLeadersButton clusterId={clusterId} scope={{ kind: 'cluster' }} />}
      />
      {notice && (
        <Alert tone="success" onDismiss={() => setNotice(null)} data-testid="reassign-notice">
          {notice}
        </Alert>
      )}
      <InProgress clusterId={clusterId} />
      <PlanBuilder
        clusterId={clusterId}
        pending={plan.isPending}
        onPreview={(goal) => {
          setNotice(null);
          plan.mutate(goal);
        }}
      />
      {plan.error && (
        <Alert tone="danger" data-testid="plan-error">
          {describeError(plan.error).message}
        </Alert>
      )}
      {plan.data && (
        <PlanPreview
          clusterId={clusterId}
          plan={plan.data}
          onApplied={(message) => {
            plan.reset();
            setNotice(message);
          }}
        />
      )}
    </div>
  );
}

export function ReassignmentsLoading() {
  return (
    <div data-testid="reassignments-page" className="space-y-6">
      <PageHeader title={title} description={description} />
    </div>
  );
}
