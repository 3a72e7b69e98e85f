'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { NumTd, Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { formatBytes } from '@/lib/format/bytes';
import { plural } from '@/lib/format/text';
import { fieldErrors, parseWholeNumber } from '@/lib/forms/fields';
import { usePermission } from '@/lib/query/auth';
import { useApplyReassignment } from '@/lib/query/reassignments';
import { ApplyReassignmentSchema, type ReassignmentPlan } from '@/lib/schemas/reassignment';

const arrow = (before: number, after: number) => (before === after ? String(after) : `${before} → ${after}`);

function ApplyDialog({
  clusterId,
  plan,
  onClose,
  onApplied,
}: {
  clusterId: string;
  plan: ReassignmentPlan;
  onClose: () => void;
  onApplied: (message: string) => void;
}) {
  const apply = useApplyReassignment(clusterId);
  const [throttle, setThrottle] = useState('10485760');
  const [error, setError] = useState<string | null>(null);

  function onSubmit() {
    const body = {
      moves: plan.moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.to })),
      throttleBytesPerSec: throttle.trim() === '' ? null : parseWholeNumber(throttle),
    };
    const parsed = ApplyReassignmentSchema.safeParse(body);
    if (!parsed.success) return setError(fieldErrors(parsed.error).throttleBytesPerSec ?? 'Invalid plan');
    setError(null);
    apply.mutate(parsed.data, {
      onSuccess: (result) => {
        const failed = result.partitions.filter((p) => p.status === 'failed');
        onApplied(
          failed.length === 0
            ? `Reassignment of ${plural(result.partitions.length, 'partition')} started.`
            : `Started for ${result.partitions.length - failed.length}; refused for ${failed
                .map((f) => `${f.topic}-${f.partition} (${f.message})`)
                .join(', ')}.`,
        );
      },
    });
  }

  return (
    <FormDialog
      onClose={onClose}
      title="Apply the reassignment"
      description={`${plural(plan.moves.length, 'partition')} move, ${formatBytes(plan.totalBytes)} to copy`}
      size="sm"
      data-testid="apply-plan-dialog"
      onSubmit={onSubmit}
      error={apply.error}
      pending={apply.isPending}
      submitLabel="Start reassignment"
      submitTestId="apply-confirm-button"
    >
      <Field
        label="Replication throttle (bytes per second)"
        htmlFor="plan-throttle"
        error={error}
        hint="Set on the brokers and topics involved, and removed when it completes or is cancelled. Empty: unthrottled."
      >
        <Input
          id="plan-throttle"
          data-testid="plan-throttle"
          inputMode="numeric"
          value={throttle}
          onChange={(e) => setThrottle(e.target.value)}
          invalid={Boolean(error)}
        />
      </Field>
    </FormDialog>
  );
}

/** What a plan does before anything happens: per partition from → to and bytes, and the balance per broker. */
export function PlanPreview({
  clusterId,
  plan,
  onApplied,
}: {
  clusterId: string;
  plan: ReassignmentPlan;
  onApplied: (message: string) => void;
}) {
  const [applying, setApplying] = useState(false);
  const permission = usePermission(clusterId, 'partition.reassign');
  return (
    <Card className="space-y-4 p-4" data-testid="plan-preview">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">
          Preview: {plural(plan.moves.length, 'partition')} to move, {formatBytes(plan.totalBytes)} to copy
        </h2>
        <Button
          variant="primary"
          onClick={() => setApplying(true)}
          disabled={plan.moves.length === 0 || !permission.allowed}
          title={permission.reason ?? undefined}
          data-testid="apply-plan-button"
        >
          Apply plan
        </Button>
      </div>
      {plan.unavailableBrokers.length > 0 && (
        <Alert>
          Brokers {plan.unavailableBrokers.join(', ')} did not report their log sizes: bytes on them count as
          0.
        </Alert>
      )}
      {plan.moves.length === 0 ? (
        <p className="text-sm text-zinc-500" data-testid="plan-empty">
          Nothing to move: the cluster already meets this goal.
        </p>
      ) : (
        <div className="max-h-96 overflow-auto">
          <Table data-testid="plan-moves-table">
            <THead>
              <Tr>
                <Th>Partition</Th>
                <Th>Replicas now</Th>
                <Th>Replicas after</Th>
                <Th className="text-right">Bytes to move</Th>
              </Tr>
            </THead>
            <TBody>
              {plan.moves.map((m) => (
                <Tr key={`${m.topic}-${m.partition}`} data-testid="plan-move-row">
                  <Td className="font-mono text-xs">
                    <span className="block break-all whitespace-normal">
                      {m.topic}-{m.partition}
                    </span>
                  </Td>
                  <Td className="font-mono">{m.from.join(', ')}</Td>
                  <Td className="font-mono">{m.to.join(', ')}</Td>
                  <NumTd>{formatBytes(m.bytesToMove)}</NumTd>
                </Tr>
              ))}
            </TBody>
          </Table>
        </div>
      )}
      <div>
        <h3 className="mb-1 text-sm font-medium">Balance per broker (leaders: preferred leaders)</h3>
        <Table data-testid="plan-balance-table">
          <THead>
            <Tr>
              <Th>Broker</Th>
              <Th className="text-right">Replicas</Th>
              <Th className="text-right">Leaders</Th>
            </Tr>
          </THead>
          <TBody>
            {plan.balance.map((b) => (
              <Tr key={b.brokerId} data-testid="plan-balance-row">
                <Td>{b.brokerId}</Td>
                <NumTd>{arrow(b.replicasBefore, b.replicasAfter)}</NumTd>
                <NumTd>{arrow(b.leadersBefore, b.leadersAfter)}</NumTd>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
      {applying && (
        <ApplyDialog
          clusterId={clusterId}
          plan={plan}
          onClose={() => setApplying(false)}
          onApplied={(message) => {
            setApplying(false);
            onApplied(message);
          }}
        />
      )}
    </Card>
  );
}
