'use client';

import { FormDialog } from '@/components/ui/form-dialog';
import { useDeleteChannel, useDeleteRule } from '@/lib/query/alerts';
import type { ChannelView, RuleView } from '@/lib/schemas/alerts';

export function DeleteRuleDialog({ rule, onClose }: { rule: RuleView; onClose: () => void }) {
  const remove = useDeleteRule();
  return (
    <FormDialog
      onClose={onClose}
      title={`Delete rule “${rule.name}”`}
      description="Its alerts and silences go with it; the history stays."
      data-testid="delete-rule-dialog"
      onSubmit={() => remove.mutate(rule.id, { onSuccess: onClose })}
      error={remove.error}
      pending={remove.isPending}
      variant="danger"
      submitLabel="Delete rule"
      submitTestId="delete-rule-submit"
    >
      {null}
    </FormDialog>
  );
}

export function DeleteChannelDialog({ channel, onClose }: { channel: ChannelView; onClose: () => void }) {
  const remove = useDeleteChannel();
  return (
    <FormDialog
      onClose={onClose}
      title={`Delete channel “${channel.name}”`}
      description="A channel a rule still names cannot be deleted."
      data-testid="delete-channel-dialog"
      onSubmit={() => remove.mutate(channel.name, { onSuccess: onClose })}
      error={remove.error}
      pending={remove.isPending}
      variant="danger"
      submitLabel="Delete channel"
      submitTestId="delete-channel-submit"
    >
      {null}
    </FormDialog>
  );
}
