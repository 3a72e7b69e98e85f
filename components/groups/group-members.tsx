import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { IconGroups } from '@/components/ui/icons';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import type { GroupDetail, GroupMember, StreamsTasks } from '@/lib/schemas/group';

/** Kafka reports hosts the way Java prints an address, `/127.0.0.1` or `name/10.0.0.5`: drop the lone slash. */
export function displayHost(host: string): string {
  return host.startsWith('/') ? host.slice(1) : host.replace('/', ' · ');
}

const sameAssignment = (a: GroupMember['assignments'], b: GroupMember['assignments']) =>
  JSON.stringify(a) === JSON.stringify(b);

function Assignment({ assignments }: { assignments: GroupMember['assignments'] }) {
  if (assignments.length === 0) return <span className="text-zinc-400 dark:text-zinc-600">none</span>;
  return (
    <ul className="space-y-0.5">
      {assignments.map((a) => (
        <li key={a.topic} className="flex flex-wrap items-center gap-1">
          <span className="font-mono text-[13px]">{a.topic}</span>
          {[...a.partitions]
            .sort((x, y) => x - y)
            .map((p) => (
              <span
                key={p}
                className="inline-flex min-w-6 justify-center rounded bg-zinc-100 px-1 font-mono text-xs leading-5 text-zinc-700 tabular-nums ring-1 ring-zinc-200 ring-inset dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700"
              >
                {p}
              </span>
            ))}
        </li>
      ))}
    </ul>
  );
}

const taskKinds = [
  ['active', 'Active'],
  ['standby', 'Standby'],
  ['warmup', 'Warm-up'],
] as const;

/** A member's tasks as Kafka names them, `S_p` (sub-topology S, partition p), per kind. */
function Tasks({ tasks, testId }: { tasks: StreamsTasks; testId: string }) {
  const kinds = taskKinds.filter(([kind]) => tasks[kind].length > 0);
  if (kinds.length === 0) return <span className="text-zinc-400 dark:text-zinc-600">none</span>;
  return (
    <ul className="space-y-0.5" data-testid={testId}>
      {kinds.map(([kind, label]) => (
        <li key={kind} className="flex flex-wrap items-center gap-1" data-kind={kind}>
          <span className="w-16 shrink-0 text-xs text-zinc-500 dark:text-zinc-400">{label}</span>
          {tasks[kind].flatMap((t) =>
            t.partitions.map((p) => (
              <span
                key={`${t.subtopology}_${p}`}
                className="inline-flex min-w-8 justify-center rounded bg-zinc-100 px-1 font-mono text-xs leading-5 text-zinc-700 tabular-nums ring-1 ring-zinc-200 ring-inset dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700"
                data-testid="member-task"
              >
                {t.subtopology}_{p}
              </span>
            )),
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * A streams group's members: one per stream thread, grouped by Kafka Streams instance (process), with
 * the instance's endpoint and each thread's tasks (active, standby, warm-up) and its target if it differs.
 */
function StreamsMembers({ group }: { group: GroupDetail }) {
  const members = [...group.memberList].sort(
    (a, b) =>
      (a.streams?.processId ?? '').localeCompare(b.streams?.processId ?? '') ||
      a.clientId.localeCompare(b.clientId),
  );
  return (
    <Table aria-label="Members" data-testid="group-members">
      <THead>
        <tr>
          <Th className="w-56 xl:w-80">Member</Th>
          <Th className="w-48 xl:w-72">Instance · endpoint · host</Th>
          <Th className="w-20">Epoch</Th>
          <Th>Tasks</Th>
        </tr>
      </THead>
      <TBody>
        {members.map((m) => (
          <Tr key={m.memberId} data-testid="member-row" data-member={m.memberId}>
            <Td className="max-w-0">
              <span className="block truncate font-medium" title={m.clientId}>
                {m.clientId}
              </span>
              <span
                className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400"
                title={`member ${m.memberId}`}
              >
                {m.memberId}
                {m.memberType === 'classic' && ' · classic protocol'}
              </span>
            </Td>
            <Td className="max-w-0">
              <span
                className="block truncate font-mono text-xs"
                title={m.streams?.processId}
                data-testid="member-process"
              >
                {m.streams?.processId ?? '—'}
              </span>
              <span className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">
                <span data-testid="member-endpoint">
                  {m.streams?.userEndpoint ?? 'no application.server'}
                </span>
                {' · '}
                {displayHost(m.host)}
              </span>
            </Td>
            <Td className="tabular-nums" data-testid="member-epoch">
              {m.memberEpoch ?? '—'}
              {m.state === 'reconciling' && (
                <Badge tone="warning" className="ml-1.5" data-testid="member-state">
                  reconciling
                </Badge>
              )}
            </Td>
            <Td className="whitespace-normal">
              {m.streams && <Tasks tasks={m.streams.tasks} testId="member-tasks" />}
              {m.streams && JSON.stringify(m.streams.tasks) !== JSON.stringify(m.streams.targetTasks) && (
                <div className="mt-1 text-xs text-zinc-500 dark:text-zinc-400" data-testid="member-target">
                  <span>target:</span> <Tasks tasks={m.streams.targetTasks} testId="member-target-tasks" />
                </div>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/**
 * The consumers in the group now and the partitions each owns. Consumer-protocol members (KIP-848)
 * also have their own epoch and a target assignment they reconcile towards.
 */
export function GroupMembers({ group }: { group: GroupDetail }) {
  if (group.unsupported) {
    return (
      <EmptyState
        icon={<IconGroups className="size-8" />}
        title="Members unknown"
        data-testid="members-unsupported"
      >
        This cluster cannot describe {group.type ?? 'such'} groups now ({group.unsupported.api}{' '}
        {group.unsupported.reason === 'api' ? 'is not offered by' : 'is refused by'} broker{' '}
        {group.unsupported.coordinator}, the group&rsquo;s coordinator).
      </EmptyState>
    );
  }
  if (group.memberList.length === 0) {
    return (
      <EmptyState
        icon={<IconGroups className="size-8" />}
        title="No active members"
        data-testid="members-empty"
      >
        No consumer of this group is connected. Its committed offsets stay, and its consumers continue from
        them when they start again.
      </EmptyState>
    );
  }
  if (group.type === 'streams') return <StreamsMembers group={group} />;
  const withEpochs = group.memberList.some((m) => m.memberEpoch !== null);
  const members = [...group.memberList].sort(
    (a, b) => a.clientId.localeCompare(b.clientId) || a.memberId.localeCompare(b.memberId),
  );
  return (
    <Table aria-label="Members" data-testid="group-members">
      <THead>
        <tr>
          <Th className="w-56">Client id</Th>
          <Th className="w-40">Host</Th>
          <Th>Member id</Th>
          {withEpochs && <Th className="w-32">Epoch</Th>}
          <Th>Assigned partitions</Th>
        </tr>
      </THead>
      <TBody>
        {members.map((m) => (
          <Tr key={m.memberId} data-testid="member-row" data-member={m.memberId}>
            <Td className="font-medium">
              {m.clientId}
              {m.memberType === 'classic' && (
                <span className="ml-1.5 text-xs font-normal text-zinc-500 dark:text-zinc-400">
                  classic protocol
                </span>
              )}
            </Td>
            <Td className="font-mono text-xs">{displayHost(m.host)}</Td>
            <Td className="max-w-0">
              <span
                className="block truncate font-mono text-xs text-zinc-600 dark:text-zinc-400"
                title={m.memberId}
              >
                {m.memberId}
              </span>
            </Td>
            {withEpochs && (
              <Td className="tabular-nums" data-testid="member-epoch">
                {m.memberEpoch ?? '—'}
                {m.state === 'reconciling' && (
                  <Badge tone="warning" className="ml-1.5" data-testid="member-state">
                    reconciling
                  </Badge>
                )}
              </Td>
            )}
            <Td className="whitespace-normal">
              <Assignment assignments={m.assignments} />
              {m.targetAssignments && !sameAssignment(m.assignments, m.targetAssignments) && (
                <div className="mt-1 text-xs text-zinc-500 dark:text-zinc-400" data-testid="member-target">
                  <span>target:</span> <Assignment assignments={m.targetAssignments} />
                </div>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
