'use client';

import { useId, useState } from 'react';
import { HeaderRows } from '@/components/messages/header-rows';
import {
  ProduceSchemaFields,
  ProduceSendFields,
  ProduceTargetFields,
  ProduceValueField,
} from '@/components/messages/produce-fields';
import { FirstMessagePreview, PlaceholderHelp } from '@/components/messages/produce-placeholders';
import { ProduceResults } from '@/components/messages/produce-results';
import { FieldError } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { formatJson, jsonError } from '@/lib/produce/placeholders';
import { produceRequest, type ProduceDraft } from '@/lib/produce/form';
import { useProduce } from '@/lib/query/messages';

const empty: ProduceDraft = {
  partition: 'auto',
  key: '',
  value: '',
  format: 'text',
  headers: [],
  compression: 'none',
  acks: -1,
  count: '1',
};

/** Sends one message or a templated batch; the dialog stays open to show where they landed. */
function ProduceForm({
  clusterId,
  topic,
  partitions,
  onClose,
}: {
  clusterId: string;
  topic: string;
  partitions: number;
  onClose: () => void;
}) {
  const id = useId();
  const produce = useProduce(clusterId, topic);
  const [draft, setDraft] = useState<ProduceDraft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const busy = produce.isPending;
  const change = (patch: Partial<ProduceDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const fields = { id, draft, onChange: change, errors, disabled: busy };

  function onPretty() {
    const pretty = formatJson(draft.value);
    if (pretty === null)
      setErrors({ value: jsonError(draft.value) ?? 'Placeholders outside strings cannot be formatted' });
    else {
      change({ value: pretty });
      setErrors({});
    }
  }

  function onSubmit() {
    const checked = produceRequest(draft);
    setErrors(checked.errors ?? {});
    if (checked.errors === undefined) produce.mutate(checked.request);
  }

  return (
    <FormDialog
      onClose={onClose}
      title="Produce messages"
      description={<span className="font-mono">{topic}</span>}
      size="lg"
      data-testid="produce-dialog"
      onSubmit={onSubmit}
      error={produce.error}
      errorTestId="produce-error"
      pending={busy}
      submitLabel="Produce"
      submitTestId="produce-submit"
      cancelLabel="Close"
      cancelTestId="produce-close"
    >
      <ProduceTargetFields {...fields} partitions={partitions} />
      <ProduceValueField {...fields} onPretty={onPretty} />
      {draft.format === 'schema' && <ProduceSchemaFields {...fields} clusterId={clusterId} />}
      <HeaderRows rows={draft.headers} onChange={(headers) => change({ headers })} disabled={busy} />
      {errors.headers && <FieldError>{errors.headers}</FieldError>}
      <ProduceSendFields {...fields} />
      <PlaceholderHelp />
      <FirstMessagePreview messageKey={draft.key} value={draft.value} headers={draft.headers} />
      {/* A new send clears the last one's results, so they never show beside its error. */}
      {produce.data && !busy && <ProduceResults clusterId={clusterId} topic={topic} result={produce.data} />}
    </FormDialog>
  );
}

export function ProduceDialog({
  open,
  ...props
}: {
  clusterId: string;
  topic: string;
  partitions: number;
  open: boolean;
  onClose: () => void;
}) {
  return open && <ProduceForm {...props} />;
}
