'use client';

import { useState } from 'react';
import { AclTable } from '@/components/acls/acl-table';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Switch } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import {
  emptyWizard,
  wizardBindings,
  wizardFields,
  wizardKinds,
  wizardLabels,
  type WizardInput,
} from '@/lib/acl/wizards';
import { useCreateAcls } from '@/lib/query/acls';
import {
  AclBatchSchema,
  aclOperations,
  aclPatternTypes,
  aclPermissions,
  aclResourceTypes,
  CLUSTER_RESOURCE_NAME,
  type AclBinding,
  type AclBatchResult,
} from '@/lib/schemas/acl';

type Kind = WizardInput['kind'] | 'custom';

const customDefault: AclBinding = {
  principal: 'User:',
  host: '*',
  resourceType: 'TOPIC',
  resourceName: '',
  patternType: 'LITERAL',
  operation: 'READ',
  permission: 'ALLOW',
};

/** The zod issues of a batch as lines a user reads: which binding, which field, what is wrong. */
function issuesOf(bindings: AclBinding[]): string[] {
  const parsed = AclBatchSchema.safeParse({ bindings });
  if (parsed.success) return [];
  return [
    ...new Set(
      parsed.error.issues.map((issue) => {
        const [, , field] = issue.path;
        return field ? `${String(field)}: ${issue.message}` : issue.message;
      }),
    ),
  ];
}

/**
 * Create ACLs: a wizard (or one binding by hand) makes a list of bindings, the preview shows exactly
 * that list, and applying it shows each binding's outcome (Kafka may refuse some and apply the rest).
 */
export function AclCreateDialog({ clusterId, onClose }: { clusterId: string; onClose: () => void }) {
  const [kind, setKind] = useState<Kind>('producer');
  const [wizard, setWizard] = useState<WizardInput>(emptyWizard);
  const [custom, setCustom] = useState<AclBinding>(customDefault);
  const [step, setStep] = useState<'edit' | 'preview' | 'done'>('edit');
  const [issues, setIssues] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<AclBatchResult | null>(null);
  const create = useCreateAcls(clusterId);

  const bindings: AclBinding[] =
    kind === 'custom'
      ? [{ ...custom, principal: custom.principal.trim(), resourceName: custom.resourceName.trim() }]
      : wizardBindings({ ...wizard, kind });
  const setW = (patch: Partial<WizardInput>) => setWizard((w) => ({ ...w, ...patch }));
  const setC = (patch: Partial<AclBinding>) => setCustom((c) => ({ ...c, ...patch }));
  const shows = (field: keyof WizardInput) => kind !== 'custom' && wizardFields[kind].includes(field);

  const submit = () => {
    if (step === 'edit') {
      const found = issuesOf(bindings);
      setIssues(found);
      if (found.length === 0) setStep('preview');
    } else if (step === 'preview') {
      create.mutate(
        { bindings },
        {
          onSuccess: (result) => {
            setOutcome(result);
            setStep('done');
          },
        },
      );
    } else onClose();
  };

  const failed = outcome?.results.filter((r) => !r.ok).length ?? 0;
  const pattern = (id: string, value: string, onChange: (v: 'LITERAL' | 'PREFIXED') => void) => (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value as 'LITERAL' | 'PREFIXED')}>
      <option value="LITERAL">literal name</option>
      <option value="PREFIXED">prefix</option>
    </Select>
  );

  return (
    <FormDialog
      onClose={onClose}
      title={
        step === 'edit'
          ? 'Create ACLs'
          : step === 'preview'
            ? 'Preview: these bindings will be created'
            : 'ACLs applied'
      }
      size="lg"
      data-testid="acl-create-dialog"
      onSubmit={submit}
      error={create.error}
      errorPrefix="Nothing was created:"
      pending={create.isPending}
      submitLabel={
        step === 'edit'
          ? 'Preview'
          : step === 'preview'
            ? `Create ${bindings.length} binding${bindings.length === 1 ? '' : 's'}`
            : 'Close'
      }
      submitTestId="acl-submit"
      cancelLabel={step === 'done' ? 'Done' : 'Cancel'}
      actions={
        step === 'preview' && (
          <Button onClick={() => setStep('edit')} data-testid="acl-back" disabled={create.isPending}>
            Back
          </Button>
        )
      }
    >
      {step === 'edit' && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="What for" htmlFor="acl-kind" className="sm:col-span-2">
            <Select
              id="acl-kind"
              data-testid="acl-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
            >
              {wizardKinds.map((k) => (
                <option key={k} value={k}>
                  {wizardLabels[k]}
                </option>
              ))}
              <option value="custom">One binding, by hand</option>
            </Select>
          </Field>
          <Field label="Principal" htmlFor="acl-principal" hint="User:name, or User:* for everyone">
            <Input
              id="acl-principal"
              data-testid="acl-principal"
              value={kind === 'custom' ? custom.principal : wizard.principal}
              onChange={(e) =>
                kind === 'custom' ? setC({ principal: e.target.value }) : setW({ principal: e.target.value })
              }
            />
          </Field>
          <Field label="Host" htmlFor="acl-host" hint="* for any host">
            <Input
              id="acl-host"
              value={kind === 'custom' ? custom.host : wizard.host}
              onChange={(e) =>
                kind === 'custom' ? setC({ host: e.target.value }) : setW({ host: e.target.value })
              }
            />
          </Field>
          {shows('topic') && (
            <>
              <Field label="Topic" htmlFor="acl-topic">
                <Input
                  id="acl-topic"
                  data-testid="acl-topic"
                  value={wizard.topic}
                  onChange={(e) => setW({ topic: e.target.value })}
                />
              </Field>
              <Field label="Topic is" htmlFor="acl-topic-pattern">
                {pattern('acl-topic-pattern', wizard.topicPattern, (topicPattern) => setW({ topicPattern }))}
              </Field>
            </>
          )}
          {shows('group') && (
            <>
              <Field label="Consumer group" htmlFor="acl-group">
                <Input
                  id="acl-group"
                  data-testid="acl-group"
                  value={wizard.group}
                  onChange={(e) => setW({ group: e.target.value })}
                />
              </Field>
              <Field label="Group is" htmlFor="acl-group-pattern">
                {pattern('acl-group-pattern', wizard.groupPattern, (groupPattern) => setW({ groupPattern }))}
              </Field>
            </>
          )}
          {shows('transactionalId') && (
            <>
              <Field label="Transactional id" htmlFor="acl-txid">
                <Input
                  id="acl-txid"
                  data-testid="acl-txid"
                  value={wizard.transactionalId}
                  onChange={(e) => setW({ transactionalId: e.target.value })}
                />
              </Field>
              <Field label="Transactional id is" htmlFor="acl-txid-pattern">
                {pattern('acl-txid-pattern', wizard.transactionalIdPattern, (transactionalIdPattern) =>
                  setW({ transactionalIdPattern }),
                )}
              </Field>
            </>
          )}
          {shows('applicationId') && (
            <>
              <Field
                label="application.id"
                htmlFor="acl-app"
                hint="internal topics, groups and transactional ids start with it"
                className="sm:col-span-2"
              >
                <Input
                  id="acl-app"
                  data-testid="acl-app"
                  value={wizard.applicationId}
                  onChange={(e) => setW({ applicationId: e.target.value })}
                />
              </Field>
              <Field label="Input topics" htmlFor="acl-inputs" hint="comma-separated">
                <Input
                  id="acl-inputs"
                  value={wizard.inputTopics}
                  onChange={(e) => setW({ inputTopics: e.target.value })}
                />
              </Field>
              <Field label="Output topics" htmlFor="acl-outputs" hint="comma-separated">
                <Input
                  id="acl-outputs"
                  value={wizard.outputTopics}
                  onChange={(e) => setW({ outputTopics: e.target.value })}
                />
              </Field>
            </>
          )}
          {shows('idempotent') && (
            <Switch
              className="sm:col-span-2"
              checked={wizard.idempotent}
              onChange={(idempotent) => setW({ idempotent })}
              label="IdempotentWrite on the cluster (only clients of Kafka before 3.0 need it)"
            />
          )}
          {kind === 'custom' && (
            <>
              <Field label="Resource type" htmlFor="acl-rtype">
                <Select
                  id="acl-rtype"
                  value={custom.resourceType}
                  onChange={(e) => {
                    const resourceType = e.target.value as AclBinding['resourceType'];
                    setC(
                      resourceType === 'CLUSTER'
                        ? { resourceType, resourceName: CLUSTER_RESOURCE_NAME, patternType: 'LITERAL' }
                        : { resourceType },
                    );
                  }}
                >
                  {aclResourceTypes.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </Select>
              </Field>
              <Field
                label="Resource name"
                htmlFor="acl-rname"
                hint="* (literal) for every resource of the type"
              >
                <Input
                  id="acl-rname"
                  value={custom.resourceName}
                  onChange={(e) => setC({ resourceName: e.target.value })}
                />
              </Field>
              <Field label="Pattern" htmlFor="acl-rpattern">
                <Select
                  id="acl-rpattern"
                  value={custom.patternType}
                  onChange={(e) => setC({ patternType: e.target.value as AclBinding['patternType'] })}
                >
                  {aclPatternTypes.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </Select>
              </Field>
              <Field label="Operation" htmlFor="acl-op">
                <Select
                  id="acl-op"
                  value={custom.operation}
                  onChange={(e) => setC({ operation: e.target.value as AclBinding['operation'] })}
                >
                  {aclOperations.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </Select>
              </Field>
              <Field label="Permission" htmlFor="acl-perm">
                <Select
                  id="acl-perm"
                  value={custom.permission}
                  onChange={(e) => setC({ permission: e.target.value as AclBinding['permission'] })}
                >
                  {aclPermissions.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </Select>
              </Field>
            </>
          )}
          {issues.length > 0 && (
            <ul className="text-xs text-red-600 sm:col-span-2 dark:text-red-400" data-testid="acl-issues">
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {step === 'preview' && (
        <div className="space-y-2">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Exactly these bindings are sent to Kafka, each on its own.
          </p>
          <AclTable bindings={bindings} data-testid="acl-preview" />
        </div>
      )}
      {step === 'done' && outcome && (
        <div className="space-y-2">
          <Alert tone={failed === 0 ? 'success' : 'danger'} data-testid="acl-outcome-summary">
            {failed === 0
              ? `All ${outcome.results.length} bindings were created.`
              : `${failed} of ${outcome.results.length} bindings were refused by Kafka; the others were created.`}
          </Alert>
          <AclTable
            bindings={outcome.results.map((r) => r.binding)}
            results={outcome.results}
            data-testid="acl-results"
          />
        </div>
      )}
    </FormDialog>
  );
}
