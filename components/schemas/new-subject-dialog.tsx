'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { SchemaDraftFields, readDraft, type DraftState } from '@/components/schemas/schema-draft-fields';
import { Field, Input } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { paths } from '@/lib/paths';
import { useRegisterSchema } from '@/lib/query/schema-registry';
import { SubjectNameSchema } from '@/lib/schemas/schema-registry';

function NewSubjectForm({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const id = useId();
  const router = useRouter();
  const register = useRegisterSchema(clusterId);
  const [subject, setSubject] = useState('');
  const [state, setState] = useState<DraftState>({ schemaType: 'AVRO', schema: '', references: [] });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const busy = register.isPending || register.isSuccess;

  function onSubmit() {
    const name = SubjectNameSchema.safeParse(subject.trim());
    const read = readDraft(state);
    const found = {
      ...('errors' in read ? read.errors : {}),
      ...(!name.success && { subject: name.error.issues[0]!.message }),
    };
    setErrors(found);
    if (!name.success || !('draft' in read)) return;
    register.mutate(
      { subject: name.data, draft: read.draft },
      { onSuccess: (result) => router.push(paths.subject(clusterId, result.subject)) },
    );
  }

  return (
    <FormDialog
      onClose={onClose}
      title="New subject"
      description="Registers the first version of a new subject. Subjects named <topic>-key or <topic>-value are the ones producers use by default."
      size="lg"
      data-testid="new-subject-dialog"
      onSubmit={onSubmit}
      error={register.error}
      errorPrefix="Not registered: "
      pending={busy}
      cancelDisabled={register.isPending}
      submitLabel="Register"
      submitTestId="new-subject-submit"
    >
      <Field label="Subject" htmlFor={`${id}-subject`} error={errors.subject}>
        <Input
          id={`${id}-subject`}
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
          invalid={Boolean(errors.subject)}
          placeholder="orders-value"
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          autoFocus
          disabled={busy}
          data-testid="new-subject-name"
        />
      </Field>
      <SchemaDraftFields
        id={id}
        state={state}
        onChange={(patch) => setState((s) => ({ ...s, ...patch }))}
        errors={errors}
        disabled={busy}
        rows={12}
      />
    </FormDialog>
  );
}

export function NewSubjectDialog({
  open,
  ...props
}: {
  clusterId: string;
  open: boolean;
  onClose: () => void;
}) {
  return open && <NewSubjectForm {...props} />;
}
