'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { ApiError } from '@/lib/api/client';
import { usePermission } from '@/lib/query/auth';
import { useElectLeaders } from '@/lib/query/reassignments';
import {
  ElectLeadersSchema,
  UNCLEAN_CONFIRMATION,
  type ElectionResult,
  type ElectionScope,
} from '@/lib/schemas/reassignment';
import { plural } from '@/lib/format/text';

const scopeText = (scope: ElectionScope) =>
  scope.kind === 'topic'
    ? `topic ${scope.topic}`
    : scope.kind === 'broker'
      ? `partitions broker ${scope.brokerId} is the preferred leader of`
      : 'every partition of the cluster';

function Results({ result }: { result: ElectionResult }) {
  const failed = result.partitions.filter((p) => p.status === 'failed').length;
  const elected = result.partitions.filter((p) => p.status === 'ok').length;
  return (
    <div className="space-y-2" data-testid="election-results">
      <Alert tone={failed > 0 ? 'warning' : 'success'}>
        {plural(elected, 'partition')} elected, {result.partitions.length - elected - failed} not needed
        {failed > 0 ? `, ${failed} failed` : ''}.
      </Alert>
      <div className="max-h-64 overflow-auto">
        <Table>
          <THead>
            <Tr>
              <Th>Partition</Th>
              <Th>Result</Th>
            </Tr>
          </THead>
          <TBody>
            {result.partitions.map((p) => (
              <Tr key={`${p.topic}-${p.partition}`} data-testid="election-result-row">
                <Td className="font-mono text-xs">
                  {p.topic}-{p.partition}
                </Td>
                <Td>
                  <Badge tone={p.status === 'ok' ? 'success' : p.status === 'failed' ? 'danger' : 'neutral'}>
                    {p.status === 'ok' ? 'elected' : p.status === 'not-needed' ? 'not needed' : 'failed'}
                  </Badge>{' '}
                  {p.status === 'failed' && <span className="text-xs">{p.message}</span>}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
    </div>
  );
}

function ElectForm({
  clusterId,
  scope: given,
  onClose,
}: {
  clusterId: string;
  scope: ElectionScope;
  onClose: () => void;
}) {
  // The dialog is about the scope it was opened for (the caller's object is new on every render).
  const [scope] = useState(given);
  const [type, setType] = useState<'preferred' | 'unclean'>('preferred');
  const preview = useElectLeaders(clusterId);
  const elect = useElectLeaders(clusterId);
  const [error, setError] = useState<string | null>(null);
  const previewMutate = preview.mutate;

  useEffect(() => {
    previewMutate({ scope, type, dryRun: true });
  }, [previewMutate, scope, type]);

  function onSubmit() {
    // Exactly the partitions the preview shows: the server refuses (409) if they changed since.
    const partitions = preview.data?.candidates.map((c) => ({ topic: c.topic, partition: c.partition }));
    const body = {
      scope,
      type,
      confirm: type === 'unclean' ? UNCLEAN_CONFIRMATION : undefined,
      partitions,
    };
    const parsed = ElectLeadersSchema.safeParse(body);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Invalid election');
    setError(null);
    // Either way the partitions that need an election changed: the preview is read again.
    elect.mutate(body, {
      onSettled: (_data, failure) => {
        if (!failure || (failure instanceof ApiError && failure.status === 409))
          previewMutate({ scope, type, dryRun: true });
      },
    });
  }

  const candidates = preview.data?.candidates ?? [];
  return (
    <FormDialog
      onClose={onClose}
      title={type === 'unclean' ? 'Unclean leader election' : 'Preferred leader election'}
      description={scopeText(scope)}
      size="md"
      data-testid="elect-leaders-dialog"
      onSubmit={onSubmit}
      confirm={type === 'unclean' ? { expected: UNCLEAN_CONFIRMATION } : undefined}
      error={elect.error ?? preview.error}
      pending={elect.isPending}
      submitDisabled={preview.isPending || !preview.data}
      submitLabel={elect.data ? 'Elect again' : 'Elect leaders'}
      submitTestId="elect-confirm-button"
      variant={type === 'unclean' ? 'danger' : 'primary'}
    >
      <Field label="Election" htmlFor="election-type" error={error}>
        <Select
          id="election-type"
          data-testid="election-type"
          value={type}
          onChange={(e) => setType(e.target.value as 'preferred' | 'unclean')}
        >
          <option value="preferred">Preferred: move leadership to each partition&apos;s first replica</option>
          <option value="unclean">Unclean: let an out-of-sync replica lead a leaderless partition</option>
        </Select>
      </Field>
      {type === 'unclean' && (
        <Alert tone="danger" data-testid="unclean-warning">
          An unclean election makes a replica that is not in sync the leader: records it had not copied are
          lost for good, and consumers may see offsets go back. Use it only when a partition has no leader and
          its in-sync replicas will not come back.
        </Alert>
      )}
      <p className="text-sm" data-testid="election-preview">
        {preview.isPending
          ? 'Checking the partitions…'
          : type === 'unclean'
            ? `${plural(candidates.length, 'partition')} without a leader.`
            : `${plural(candidates.length, 'partition')} not led by their preferred replica.`}
      </p>
      {candidates.length > 0 && !elect.data && (
        <ul className="max-h-32 overflow-auto font-mono text-xs">
          {candidates.slice(0, 200).map((c) => (
            <li key={`${c.topic}-${c.partition}`} data-testid="election-candidate">
              {c.topic}-{c.partition}: leader {c.leader ?? 'none'} → {c.preferred ?? '?'}
            </li>
          ))}
        </ul>
      )}
      {elect.data && <Results result={elect.data} />}
    </FormDialog>
  );
}

/** A button that opens the leader election dialog for a topic, a broker or the whole cluster. */
export function ElectLeadersButton({ clusterId, scope }: { clusterId: string; scope: ElectionScope }) {
  const [open, setOpen] = useState(false);
  const permission = usePermission(clusterId, 'leader.elect');
  return (
    <>
      <Button
        onClick={() => setOpen(true)}
        disabled={!permission.allowed}
        title={permission.reason ?? undefined}
        data-testid="elect-leaders-button"
      >
        Elect leaders
      </Button>
      {open && <ElectForm clusterId={clusterId} scope={scope} onClose={() => setOpen(false)} />}
    </>
  );
}
