'use client';

import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Field, FieldError, Input, Select } from '@/components/ui/field';
import { IconPlus, IconTrash } from '@/components/ui/icons';
import { fieldErrors } from '@/lib/forms/fields';
import {
  SchemaDraftSchema,
  schemaTypes,
  type SchemaDraft,
  type SchemaType,
} from '@/lib/schemas/schema-registry';

/** A schema being written, as the form holds it (the reference versions as typed). */
export interface DraftState {
  schemaType: SchemaType;
  schema: string;
  references: Array<{ name: string; subject: string; version: string }>;
}

const typeNames: Record<SchemaType, string> = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' };

const textarea =
  'block w-full rounded-md border bg-white px-3 py-2 font-mono text-xs leading-5 text-zinc-900 shadow-xs focus-visible:outline-2 disabled:opacity-60 dark:bg-zinc-950 dark:text-zinc-100';

/** The draft as the API's body, or the message of each field that does not pass. */
export function readDraft(state: DraftState): { draft: SchemaDraft } | { errors: Record<string, string> } {
  const parsed = SchemaDraftSchema.safeParse({
    ...state,
    references: state.references.map((r) => ({
      name: r.name.trim(),
      subject: r.subject.trim(),
      version: /^\d+$/.test(r.version.trim()) ? Number(r.version) : Number.NaN,
    })),
  });
  if (parsed.success) return { draft: parsed.data };
  return { errors: fieldErrors(parsed.error) };
}

/** Type, text and references of a schema: the fields of the new-version editor and the new-subject dialog. */
export function SchemaDraftFields({
  id,
  state,
  onChange,
  errors,
  disabled,
  rows = 18,
}: {
  id: string;
  state: DraftState;
  onChange: (patch: Partial<DraftState>) => void;
  errors: Record<string, string>;
  disabled?: boolean;
  rows?: number;
}) {
  const setReference = (index: number, patch: Partial<DraftState['references'][number]>) =>
    onChange({ references: state.references.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  return (
    <div className="space-y-3">
      <Field label="Type" htmlFor={`${id}-type`}>
        <Select
          id={`${id}-type`}
          value={state.schemaType}
          onChange={(event) => onChange({ schemaType: event.target.value as SchemaType })}
          disabled={disabled}
          data-testid="draft-type"
          className="sm:w-48"
        >
          {schemaTypes.map((type) => (
            <option key={type} value={type}>
              {typeNames[type]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Schema" htmlFor={`${id}-schema`} error={errors.schema}>
        <textarea
          id={`${id}-schema`}
          rows={rows}
          value={state.schema}
          spellCheck={false}
          onChange={(event) => onChange({ schema: event.target.value })}
          disabled={disabled}
          aria-invalid={Boolean(errors.schema) || undefined}
          placeholder={state.schemaType === 'PROTOBUF' ? 'syntax = "proto3";' : '{ "type": "record", … }'}
          className={cx(
            textarea,
            errors.schema
              ? 'border-red-400 focus-visible:outline-red-500 dark:border-red-500/70'
              : 'focus-visible:outline-accent-500 border-zinc-300 dark:border-zinc-700',
          )}
          data-testid="draft-schema"
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-zinc-700 dark:text-zinc-300">References</legend>
        {state.references.length === 0 && (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            None: add one for each schema this one imports (a named Avro type, a .proto import, a JSON $ref).
          </p>
        )}
        {state.references.map((reference, index) => (
          <div key={index} className="grid grid-cols-[1fr_1fr_6rem_auto] gap-2" data-testid="draft-reference">
            <Input
              aria-label="Name it is imported by"
              placeholder="name (com.acme.Money, money.proto)"
              value={reference.name}
              onChange={(event) => setReference(index, { name: event.target.value })}
              disabled={disabled}
              className="font-mono"
            />
            <Input
              aria-label="Subject"
              placeholder="subject"
              value={reference.subject}
              onChange={(event) => setReference(index, { subject: event.target.value })}
              disabled={disabled}
              className="font-mono"
            />
            <Input
              aria-label="Version"
              placeholder="version"
              inputMode="numeric"
              value={reference.version}
              onChange={(event) => setReference(index, { version: event.target.value })}
              disabled={disabled}
            />
            <Button
              variant="ghost"
              size="icon"
              aria-label="Remove reference"
              onClick={() => onChange({ references: state.references.filter((_, i) => i !== index) })}
              disabled={disabled}
            >
              <IconTrash className="size-4" />
            </Button>
          </div>
        ))}
        {errors.references && <FieldError>{errors.references}</FieldError>}
        <Button
          size="sm"
          onClick={() =>
            onChange({ references: [...state.references, { name: '', subject: '', version: '1' }] })
          }
          disabled={disabled}
          data-testid="add-reference"
        >
          <IconPlus className="size-3.5" />
          Add reference
        </Button>
      </fieldset>
    </div>
  );
}
