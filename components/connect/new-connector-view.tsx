'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { describeError } from '@/lib/format/error';
import { connectPaths } from '@/lib/paths';
import { usePermission } from '@/lib/query/auth';
import {
  connectorsOptions,
  pluginConfigOptions,
  pluginsOptions,
  useCreateConnector,
  useValidateConfig,
} from '@/lib/query/connect';
import { ConnectorNameSchema, type PluginConfigField, type ValidationResult } from '@/lib/schemas/connect';

/** Settings the form leaves out: the name has its own field, the class is the chosen plugin. */
const OWN_FIELDS = new Set(['name', 'connector.class']);
const IMPORTANCE = { HIGH: 0, MEDIUM: 1, LOW: 2 } as Record<string, number>;

const fieldId = (name: string) => `cfg-${name.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/** A new connector: a form built from the plugin's config definition, checked by the worker before it is created. */
export function NewConnectorView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const search = useSearchParams();
  const router = useRouter();
  const list = useQuery(connectorsOptions(clusterId));
  const upClusters = (list.data?.clusters ?? []).filter((c) => c.up);
  const [connect, setConnect] = useState(search.get('connect') ?? '');
  const chosenConnect = connect || upClusters[0]?.name || '';
  const plugins = useQuery({ ...pluginsOptions(clusterId, chosenConnect), enabled: chosenConnect !== '' });
  const connectorPlugins = (plugins.data?.plugins ?? []).filter(
    (p) => p.type === 'source' || p.type === 'sink',
  );
  const [plugin, setPlugin] = useState('');
  const chosenPlugin = plugin || connectorPlugins[0]?.className || '';
  const definition = useQuery({
    ...pluginConfigOptions(clusterId, chosenConnect, chosenPlugin),
    enabled: chosenConnect !== '' && chosenPlugin !== '',
  });
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [showAll, setShowAll] = useState(false);
  const [checked, setChecked] = useState<ValidationResult | null>(null);
  const validate = useValidateConfig(clusterId, chosenConnect);
  const create = useCreateConnector(clusterId, chosenConnect);
  const permission = usePermission(clusterId, 'connect.connector.create');

  const fields = useMemo(
    () =>
      (definition.data ?? [])
        .filter((f) => !OWN_FIELDS.has(f.name))
        .sort(
          (a, b) =>
            Number(b.required) - Number(a.required) ||
            (IMPORTANCE[a.importance] ?? 3) - (IMPORTANCE[b.importance] ?? 3) ||
            a.name.localeCompare(b.name),
        ),
    [definition.data],
  );
  const important = fields.filter(
    (f) => f.required || f.importance === 'HIGH' || values[f.name] !== undefined,
  );
  const shown = showAll ? fields : important;

  const config = (): Record<string, string> => {
    const out: Record<string, string> = { 'connector.class': chosenPlugin };
    for (const [k, v] of Object.entries(values)) if (v.trim() !== '') out[k] = v;
    return out;
  };
  const errorOf = (field: string) => checked?.errors[field]?.join('; ') ?? null;
  // The route's own schema, so the form says what the server would refuse before asking the worker.
  const nameIssue =
    name.trim() === ''
      ? null
      : (ConnectorNameSchema.safeParse(name.trim()).error?.issues[0]?.message ?? null);
  const nameError =
    nameIssue ?? (name.trim() === '' && checked ? 'A connector needs a name' : (errorOf('name') ?? null));
  const downClusters = (list.data?.clusters ?? []).filter((c) => !c.up);

  const runValidation = (then?: () => void) => {
    if (nameIssue) return;
    validate.mutate(
      { plugin: chosenPlugin, config: { ...config(), name: name.trim() } },
      {
        onSuccess: (result) => {
          setChecked(result);
          if (result.errorCount === 0 && name.trim() !== '') then?.();
        },
      },
    );
  };

  const submit = () =>
    runValidation(() =>
      create.mutate(
        { name: name.trim(), config: config() },
        { onSuccess: () => router.push(connectPaths.connector(clusterId, chosenConnect, name.trim())) },
      ),
    );

  return (
    <div className="space-y-5" data-testid="new-connector-page">
      <PageHeader
        title="New connector"
        back={{ href: connectPaths.list(clusterId), label: 'Kafka Connect' }}
      />
      {!permission.allowed && <Alert tone="warning">{permission.reason}</Alert>}
      {list.error && (
        <Alert tone="danger" data-testid="connect-list-error">
          {describeError(list.error).message}
        </Alert>
      )}
      {list.data && upClusters.length === 0 && (
        <Alert tone="danger" data-testid="no-connect-up">
          {list.data.clusters.length === 0
            ? 'This cluster has no Kafka Connect cluster configured.'
            : 'No Kafka Connect cluster of this cluster answers, so no connector can be created now: ' +
              downClusters.map((c) => `${c.name} (${c.error ?? 'down'})`).join('; ')}
        </Alert>
      )}
      {plugins.error && (
        <Alert tone="danger" data-testid="plugins-error">
          {describeError(plugins.error).message}
        </Alert>
      )}
      <Card className="space-y-4 p-4">
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Connect cluster" htmlFor="connect-cluster">
            <Select
              id="connect-cluster"
              value={chosenConnect}
              onChange={(e) => {
                setConnect(e.target.value);
                setPlugin('');
                setValues({});
                setChecked(null);
              }}
              data-testid="connect-select"
            >
              {upClusters.map((c) => (
                <option key={c.name}>{c.name}</option>
              ))}
            </Select>
          </Field>
          <Field label="Plugin" htmlFor="plugin">
            <Select
              id="plugin"
              value={chosenPlugin}
              onChange={(e) => {
                setPlugin(e.target.value);
                setValues({});
                setChecked(null);
              }}
              data-testid="plugin-select"
            >
              {connectorPlugins.map((p) => (
                <option key={p.className} value={p.className}>
                  {p.className.split('.').pop()} ({p.type} {p.version})
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Name" htmlFor="connector-name" error={nameError}>
            <Input
              id="connector-name"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setChecked(null);
              }}
              data-testid="connector-name"
              autoComplete="off"
            />
          </Field>
        </div>
        {definition.error && <Alert tone="danger">{describeError(definition.error).message}</Alert>}
        <div className="grid gap-4 md:grid-cols-2" data-testid="plugin-fields">
          {shown.map((f) => (
            <ConfigField
              key={f.name}
              field={f}
              value={values[f.name] ?? ''}
              error={errorOf(f.name)}
              onChange={(v) => {
                setValues({ ...values, [f.name]: v });
                setChecked(null);
              }}
            />
          ))}
        </div>
        <button
          type="button"
          className="text-accent-700 dark:text-accent-300 text-xs hover:underline"
          onClick={() => setShowAll(!showAll)}
          data-testid="toggle-all-fields"
        >
          {showAll ? 'Show only required and important settings' : `Show all ${fields.length} settings`}
        </button>
        {checked && checked.errorCount > 0 && (
          <Alert tone="danger" data-testid="validation-errors">
            The worker found {checked.errorCount} error(s): {Object.keys(checked.errors).join(', ')}
          </Alert>
        )}
        {checked && checked.errorCount === 0 && !create.isPending && !create.error && (
          <Alert tone="success" data-testid="validation-ok">
            The worker accepts this configuration
          </Alert>
        )}
        {(validate.error || create.error) && (
          <Alert tone="danger" data-testid="create-error">
            {describeError(validate.error ?? create.error).message}
          </Alert>
        )}
        <div className="flex gap-2">
          <Button
            onClick={() => runValidation()}
            disabled={!permission.allowed || validate.isPending || !chosenPlugin}
            data-testid="validate-connector"
          >
            Validate
          </Button>
          <Button
            variant="primary"
            onClick={submit}
            disabled={!permission.allowed || validate.isPending || create.isPending || !chosenPlugin}
            data-testid="create-connector"
          >
            Validate and create
          </Button>
        </div>
      </Card>
    </div>
  );
}

function ConfigField({
  field,
  value,
  error,
  onChange,
}: {
  field: PluginConfigField;
  value: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  const id = fieldId(field.name);
  const label = (
    <>
      <span className="font-mono">{field.name}</span>
      {field.required && <span className="text-red-600"> *</span>}
      <span className="ml-1 font-normal text-zinc-400">{field.type.toLowerCase()}</span>
    </>
  );
  return (
    <Field label={label} htmlFor={id} error={error} hint={field.documentation.slice(0, 200)}>
      {field.type === 'BOOLEAN' ? (
        <Select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`field-${field.name}`}
        >
          <option value="">default ({field.defaultValue ?? 'none'})</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </Select>
      ) : (
        <Input
          id={id}
          type={field.type === 'PASSWORD' ? 'password' : 'text'}
          value={value}
          placeholder={field.defaultValue ?? ''}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`field-${field.name}`}
          autoComplete="off"
        />
      )}
    </Field>
  );
}
