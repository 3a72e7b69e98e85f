'use client';

import { useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Select } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/format/error';
import { usePermission } from '@/lib/query/auth';
import { useSetGlobalCompatibility, useSetSubjectCompatibility } from '@/lib/query/schema-registry';
import {
  compatibilityLevels,
  type CompatibilityLevel,
  type SubjectDetail,
} from '@/lib/schemas/schema-registry';

/** What each level lets through, in the words of the registry's documentation. */
export const levelHelp: Record<CompatibilityLevel, string> = {
  BACKWARD: 'Readers with the new schema can read data written with the previous version.',
  BACKWARD_TRANSITIVE: 'Readers with the new schema can read data written with every earlier version.',
  FORWARD: 'Readers with the previous version can read data written with the new schema.',
  FORWARD_TRANSITIVE: 'Readers with every earlier version can read data written with the new schema.',
  FULL: 'Backward and forward compatible with the previous version.',
  FULL_TRANSITIVE: 'Backward and forward compatible with every earlier version.',
  NONE: 'No check: any schema is accepted as the next version.',
};

function LevelSelect({
  id,
  value,
  onChange,
  disabled,
  testId,
}: {
  id: string;
  value: CompatibilityLevel;
  onChange: (level: CompatibilityLevel) => void;
  disabled?: boolean;
  testId: string;
}) {
  return (
    <Select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value as CompatibilityLevel)}
      disabled={disabled}
      data-testid={testId}
      className="font-mono sm:w-64"
    >
      {compatibilityLevels.map((level) => (
        <option key={level} value={level}>
          {level}
        </option>
      ))}
    </Select>
  );
}

function GlobalCompatibilityForm({
  clusterId,
  level,
  onClose,
  onDone,
}: {
  clusterId: string;
  level: CompatibilityLevel;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState(level);
  const save = useSetGlobalCompatibility(clusterId);
  return (
    <FormDialog
      onClose={onClose}
      title="Global compatibility"
      description="The level of every subject that has none of its own."
      data-testid="global-compatibility-dialog"
      onSubmit={() =>
        save.mutate(chosen, { onSuccess: (r) => onDone(`Global compatibility is now ${r.level}`) })
      }
      error={save.error}
      pending={save.isPending}
      submitLabel="Save"
      submitTestId="global-compatibility-submit"
      submitDisabled={chosen === level}
    >
      <Field label="Level" htmlFor={id} hint={levelHelp[chosen]}>
        <LevelSelect
          id={id}
          value={chosen}
          onChange={setChosen}
          disabled={save.isPending}
          testId="global-level"
        />
      </Field>
    </FormDialog>
  );
}

export function GlobalCompatibilityDialog({
  open,
  ...props
}: {
  clusterId: string;
  level: CompatibilityLevel;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  return open && <GlobalCompatibilityForm {...props} />;
}

/** The subject's level in force, where it comes from, and (for admins) a change or a way back to global. */
export function SubjectCompatibilityPanel({
  clusterId,
  detail,
}: {
  clusterId: string;
  detail: SubjectDetail;
}) {
  const id = useId();
  const { compatibility, global } = detail;
  const [chosen, setChosen] = useState<CompatibilityLevel>(compatibility.level);
  const [seen, setSeen] = useState(compatibility.level);
  if (seen !== compatibility.level) {
    // The level changed (saved here, or elsewhere): the select follows it.
    setSeen(compatibility.level);
    setChosen(compatibility.level);
  }
  const save = useSetSubjectCompatibility(clusterId, detail.subject);
  const permission = usePermission(clusterId, 'schema.compatibility.alter');
  const inherited = compatibility.source === 'global';
  const busy = save.isPending;
  return (
    <Card className="space-y-4 p-4" data-testid="compatibility-panel">
      <div>
        <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Compatibility</h2>
        <p className="mt-1 text-zinc-600 dark:text-zinc-400" data-testid="compatibility-current">
          <span className="font-mono font-medium text-zinc-900 dark:text-zinc-100">
            {compatibility.level}
          </span>{' '}
          {inherited
            ? 'is inherited from the global level: this subject has no level of its own.'
            : `is set on this subject (the global level is ${global}).`}{' '}
          {levelHelp[compatibility.level]}
        </p>
      </div>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(chosen);
        }}
      >
        <Field
          label="Level of this subject"
          htmlFor={id}
          hint={chosen !== compatibility.level ? levelHelp[chosen] : undefined}
        >
          <LevelSelect
            id={id}
            value={chosen}
            onChange={setChosen}
            disabled={!permission.allowed || busy}
            testId="subject-level"
          />
        </Field>
        <div className="flex items-center gap-2 pb-px">
          <Button
            type="submit"
            variant="primary"
            disabled={!permission.allowed || busy || (chosen === compatibility.level && !inherited)}
            title={permission.reason ?? undefined}
            data-testid="subject-level-save"
          >
            {busy && save.variables !== null && <Spinner className="size-3.5" />}
            {inherited ? 'Set on this subject' : 'Save'}
          </Button>
          {!inherited && (
            <Button
              onClick={() => save.mutate(null)}
              disabled={!permission.allowed || busy}
              title={permission.reason ?? undefined}
              data-testid="subject-level-reset"
            >
              {busy && save.variables === null && <Spinner className="size-3.5" />}
              Use the global level ({global})
            </Button>
          )}
        </div>
      </form>
      {save.error && (
        <Alert tone="danger" data-testid="compatibility-error">
          {describeError(save.error).message}
        </Alert>
      )}
      {save.isSuccess && !busy && (
        <Alert tone="success" data-testid="compatibility-saved" onDismiss={() => save.reset()}>
          {save.data.source === 'global'
            ? `The subject inherits the global level (${save.data.level}) again.`
            : `The subject's level is now ${save.data.level}.`}
        </Alert>
      )}
    </Card>
  );
}
