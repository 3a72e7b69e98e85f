'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { fieldErrors, parseWholeNumber } from '@/lib/forms/fields';
import { brokersOptions } from '@/lib/query/clusters';
import { PlanGoalSchema, type PlanGoalInput } from '@/lib/schemas/reassignment';

type Kind = PlanGoalInput['kind'];

const kinds: { value: Kind; label: string }[] = [
  { value: 'replication-factor', label: "Change a topic's replication factor" },
  { value: 'drain', label: 'Drain a broker (move all its replicas elsewhere)' },
  { value: 'rebalance', label: 'Spread replicas and leaders evenly' },
  { value: 'move', label: 'Move chosen partitions' },
];

const topicList = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** `0: 1,2,3` per line: a partition and its new replicas, the first being the preferred leader. */
function parseMoves(topic: string, text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [partition, replicas = ''] = line.split(':');
      return {
        topic: topic.trim(),
        partition: parseWholeNumber(partition ?? ''),
        replicas: replicas
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean)
          .map(parseWholeNumber),
      };
    });
}

/** The goal form: validated with the API's own schema before the preview is asked for. */
export function PlanBuilder({
  clusterId,
  pending,
  onPreview,
}: {
  clusterId: string;
  pending: boolean;
  onPreview: (goal: PlanGoalInput) => void;
}) {
  const brokers = useQuery(brokersOptions(clusterId)).data?.brokers ?? [];
  const [kind, setKind] = useState<Kind>('replication-factor');
  const [topic, setTopic] = useState('');
  const [factor, setFactor] = useState('3');
  const [brokerId, setBrokerId] = useState('');
  const [topics, setTopics] = useState('');
  const [moves, setMoves] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function goal(): unknown {
    if (kind === 'replication-factor')
      return { kind, topic: topic.trim(), replicationFactor: parseWholeNumber(factor) };
    if (kind === 'drain') return { kind, brokerId: parseWholeNumber(brokerId), topics: topicList(topics) };
    if (kind === 'rebalance') return { kind, topics: topicList(topics) };
    return { kind, moves: parseMoves(topic, moves) };
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = PlanGoalSchema.safeParse(goal());
    if (!parsed.success) {
      const found = fieldErrors(parsed.error);
      // A move's issues are nested (moves.0.replicas): they belong to the moves field.
      if (kind === 'move' && !found.moves && Object.keys(found).length > 0)
        found.moves = Object.values(found)[0]!;
      if (kind === 'move' && !topic.trim()) found.topic = 'Enter a topic';
      return setErrors(found);
    }
    setErrors({});
    onPreview(parsed.data);
  }

  return (
    <Card className="space-y-3 p-4">
      <form onSubmit={submit} className="space-y-3" data-testid="plan-builder">
        <h2 className="font-semibold">Build a plan</h2>
        <Field label="Goal" htmlFor="plan-kind">
          <Select
            id="plan-kind"
            data-testid="plan-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </Select>
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          {(kind === 'replication-factor' || kind === 'move') && (
            <Field label="Topic" htmlFor="plan-topic" error={errors.topic}>
              <Input
                id="plan-topic"
                data-testid="plan-topic"
                value={topic}
                onChange={(e) => setTopic(e.target.value)}
                invalid={Boolean(errors.topic)}
              />
            </Field>
          )}
          {kind === 'replication-factor' && (
            <Field
              label="New replication factor"
              htmlFor="plan-factor"
              error={errors.replicationFactor}
              hint={`${brokers.length} brokers in the cluster`}
            >
              <Input
                id="plan-factor"
                data-testid="plan-factor"
                inputMode="numeric"
                value={factor}
                onChange={(e) => setFactor(e.target.value)}
                invalid={Boolean(errors.replicationFactor)}
              />
            </Field>
          )}
          {kind === 'drain' && (
            <Field label="Broker to drain" htmlFor="plan-broker" error={errors.brokerId}>
              <Select
                id="plan-broker"
                data-testid="plan-broker"
                value={brokerId}
                onChange={(e) => setBrokerId(e.target.value)}
                invalid={Boolean(errors.brokerId)}
              >
                <option value="">Choose a broker</option>
                {brokers.map((b) => (
                  <option key={b.id} value={b.id}>
                    Broker {b.id}
                    {b.rack ? ` (rack ${b.rack})` : ''}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {(kind === 'drain' || kind === 'rebalance') && (
            <Field
              label="Only these topics (optional)"
              htmlFor="plan-topics"
              error={errors.topics}
              hint="Comma-separated; empty: every topic"
            >
              <Input
                id="plan-topics"
                data-testid="plan-topics"
                value={topics}
                onChange={(e) => setTopics(e.target.value)}
              />
            </Field>
          )}
        </div>
        {kind === 'move' && (
          <Field
            label="Partitions and their new replicas"
            htmlFor="plan-moves"
            error={errors.moves}
            hint="One per line: partition: broker ids, the first being the preferred leader (e.g. 0: 1,2,3)"
          >
            <textarea
              id="plan-moves"
              data-testid="plan-moves"
              rows={4}
              value={moves}
              onChange={(e) => setMoves(e.target.value)}
              className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-950"
            />
          </Field>
        )}
        <Button type="submit" variant="primary" disabled={pending} data-testid="preview-plan-button">
          {pending ? 'Planning…' : 'Preview plan'}
        </Button>
      </form>
    </Card>
  );
}
