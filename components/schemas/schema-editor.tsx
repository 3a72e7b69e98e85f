'use client';

import { useId, useState } from 'react';
import { SchemaDraftFields, readDraft, type DraftState } from '@/components/schemas/schema-draft-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { IconCheck } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/spinner';
import { describeError } from '@/lib/format/error';
import { usePermission } from '@/lib/query/auth';
import { useCheckCompatibility, useRegisterSchema } from '@/lib/query/schema-registry';
import type { RegisterResult, SchemaVersion, SubjectDetail } from '@/lib/schemas/schema-registry';

const seed = (latest: SchemaVersion | undefined): DraftState => ({
  schemaType: latest?.schemaType ?? 'AVRO',
  schema: latest?.formatted ?? '',
  references: (latest?.references ?? []).map((r) => ({ ...r, version: String(r.version) })),
});

/**
 * The next version of a subject, started from the latest one: checked against it at the level in
 * force (a dry run), then registered. The registry checks again when registering, whatever the check said.
 */
export function SchemaEditor({
  clusterId,
  detail,
  latest,
  onRegistered,
}: {
  clusterId: string;
  detail: SubjectDetail;
  latest: SchemaVersion | undefined;
  onRegistered: (result: RegisterResult) => void;
}) {
  const id = useId();
  const [state, setState] = useState<DraftState>(() => seed(latest));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const check = useCheckCompatibility(clusterId, detail.subject);
  const register = useRegisterSchema(clusterId);
  const checkPermission = usePermission(clusterId, 'schema.compatibility.check');
  const registerPermission = usePermission(clusterId, 'schema.register');
  const busy = check.isPending || register.isPending;

  const change = (patch: Partial<DraftState>) => {
    setState((s) => ({ ...s, ...patch }));
    // A verdict is about the text it was given.
    check.reset();
    register.reset();
  };

  function run(action: 'check' | 'register') {
    const read = readDraft(state);
    setErrors('errors' in read ? read.errors : {});
    if (!('draft' in read)) return;
    if (action === 'check') check.mutate(read.draft);
    else register.mutate({ subject: detail.subject, draft: read.draft }, { onSuccess: onRegistered });
  }

  const verdict = check.data;
  const unchanged =
    latest !== undefined && state.schema === latest.formatted && state.schemaType === latest.schemaType;
  return (
    <Card className="space-y-4 p-4" data-testid="schema-editor">
      <div>
        <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">New version</h2>
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">
          {latest
            ? `Starts from version ${latest.version}. Check it against that version under ${detail.compatibility.level}, then register it as version ${latest.version + 1}.`
            : 'The subject has no version to start from: any schema is accepted.'}
        </p>
      </div>
      <SchemaDraftFields id={id} state={state} onChange={change} errors={errors} disabled={busy} />
      {verdict && (
        <Alert
          tone={verdict.compatible ? 'success' : 'danger'}
          data-testid="compatibility-verdict"
          className="[&_ul]:mt-1"
        >
          <span data-compatible={verdict.compatible}>
            {verdict.against === null
              ? 'Compatible: the subject has no version to check against.'
              : verdict.compatible
                ? `Compatible with version ${verdict.against} under ${verdict.level}.`
                : `Not compatible with version ${verdict.against} under ${verdict.level}: registering it would be refused.`}
          </span>
          {verdict.messages.length > 0 ? (
            <ul className="list-disc pl-4 font-mono text-xs">
              {verdict.messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          ) : (
            !verdict.compatible && (
              <span className="block text-xs opacity-80">
                The registry gave no reasons; registering shows the one it refuses with.
              </span>
            )
          )}
        </Alert>
      )}
      {(check.error ?? register.error) && (
        <Alert tone="danger" data-testid="editor-error">
          <span className="font-semibold">{register.error ? 'Not registered: ' : 'Not checked: '}</span>
          {describeError(check.error ?? register.error).message}
        </Alert>
      )}
      {register.data?.existing && (
        <Alert tone="info" data-testid="editor-existing">
          The subject holds this schema already as version {register.data.version}: nothing was registered.
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          onClick={() => run('check')}
          disabled={busy || !checkPermission.allowed}
          title={checkPermission.reason ?? undefined}
          data-testid="check-compatibility"
        >
          {check.isPending ? <Spinner className="size-3.5" /> : <IconCheck className="size-4" />}
          Check compatibility
        </Button>
        <Button
          variant="primary"
          onClick={() => run('register')}
          disabled={busy || !registerPermission.allowed}
          title={registerPermission.reason ?? undefined}
          data-testid="register-version"
        >
          {register.isPending && <Spinner className="size-3.5" />}
          Register version
        </Button>
        {unchanged && (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            Unchanged from version {latest.version}.
          </span>
        )}
      </div>
    </Card>
  );
}
