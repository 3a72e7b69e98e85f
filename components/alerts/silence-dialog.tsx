'use client';

import { useId, useState } from 'react';
import { subjectLabel } from '@/components/alerts/alert-format';
import { Field, Input, Select } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { useSilence } from '@/lib/query/alerts';
import type { RuleView } from '@/lib/schemas/alerts';

export interface SilenceTarget {
  rule: Pick<RuleView, 'id' | 'name'>;
  /** One subject of the rule on one cluster; absent: every subject. */
  subject?: { clusterId: string; subject: string };
}

const choices = ['1h', '4h', '24h', '7d'] as const;

/** Silences a rule, or one of its subjects: states still change, nothing is sent until the silence ends. */
export function SilenceDialog({ target, onClose }: { target: SilenceTarget; onClose: () => void }) {
  const id = useId();
  const silence = useSilence();
  const [duration, setDuration] = useState<string>('4h');
  const [comment, setComment] = useState('');
  return (
    <FormDialog
      onClose={onClose}
      title={`Silence “${target.rule.name}”`}
      description={
        target.subject
          ? `${subjectLabel(target.subject.subject)} on ${target.subject.clusterId} only.`
          : 'Every subject on every cluster.'
      }
      data-testid="silence-dialog"
      onSubmit={() =>
        silence.mutate(
          {
            ruleId: target.rule.id,
            clusterId: target.subject?.clusterId ?? null,
            subject: target.subject?.subject ?? null,
            for: duration,
            comment,
          },
          { onSuccess: onClose },
        )
      }
      error={silence.error}
      pending={silence.isPending}
      submitLabel="Silence"
      submitTestId="silence-submit"
    >
      <Field label="For" htmlFor={`${id}-for`}>
        <Select id={`${id}-for`} value={duration} onChange={(e) => setDuration(e.target.value)}>
          {choices.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </Select>
      </Field>
      <Field label="Comment" htmlFor={`${id}-comment`}>
        <Input
          id={`${id}-comment`}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={500}
        />
      </Field>
    </FormDialog>
  );
}
