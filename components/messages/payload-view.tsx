import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import { formatBytes } from '@/lib/format/bytes';
import { decodeShown, oneLine, showsSchema, type Decoded, type Decoder } from '@/lib/decode/payload';
import { schemaFormatLabels, type Payload } from '@/lib/schemas/message';

/** One line of a decoded payload for a table cell; `null` and empty payloads are shown as such. */
export function PayloadPreview({
  payload,
  decoder,
  className,
  'data-testid': testId,
}: {
  payload: Payload;
  decoder: Decoder;
  className?: string;
  'data-testid'?: string;
}) {
  const decoded = decodeShown(payload, decoder);
  const empty = decoded.as === 'null' || decoded.text === '';
  const line = oneLine(decoded);
  return (
    <span
      data-testid={testId}
      data-as={decoded.as}
      title={empty ? undefined : line.slice(0, 500)}
      className={cx(
        'block truncate font-mono text-xs',
        empty ? 'text-zinc-400 italic dark:text-zinc-500' : 'text-zinc-800 dark:text-zinc-200',
        className,
      )}
    >
      {showsSchema(decoded, decoder) && <SchemaTag decoded={decoded} compact />}
      {decoded.as === 'null' ? 'null' : decoded.text === '' ? 'empty' : line}
      {(payload.truncated || decoded.schema?.truncated) && '…'}
    </span>
  );
}

/** Which schema a record was decoded with: format, subject and version, id (and the reason when it failed). */
function SchemaTag({ decoded, compact = false }: { decoded: Decoded; compact?: boolean }) {
  const schema = decoded.schema!;
  const format = schema.format ? schemaFormatLabels[schema.format] : 'Schema';
  const where = schema.subject ? `${schema.subject} v${schema.version}` : null;
  const title = [format, where, `schema id ${schema.id}`, schema.name].filter(Boolean).join(' · ');
  if (compact)
    return (
      <span
        data-testid="schema-tag"
        title={schema.error ?? title}
        className={cx(
          'mr-1.5 rounded px-1 py-px font-sans text-[10px] font-medium',
          schema.error
            ? 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300'
            : 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300',
        )}
      >
        {format}
        {schema.version !== null && ` v${schema.version}`}
      </span>
    );
  return (
    <span data-testid="schema-info" className="text-zinc-600 dark:text-zinc-400" title={title}>
      {[where, `id ${schema.id}`, schema.name].filter(Boolean).join(' · ')}
    </span>
  );
}

/** A whole decoded payload as preformatted text, with what it was read as and its size. */
export function PayloadBlock({
  label,
  payload,
  decoder,
  'data-testid': testId,
}: {
  label: string;
  payload: Payload;
  decoder: Decoder;
  'data-testid'?: string;
}) {
  const decoded = decodeShown(payload, decoder);
  return (
    <section className="min-w-0 space-y-1">
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <h3 className="font-medium tracking-wide text-zinc-700 uppercase dark:text-zinc-300">{label}</h3>
        <Badge>
          {decoded.schema?.json != null && decoded.schema.format
            ? schemaFormatLabels[decoded.schema.format]
            : decoded.as}
        </Badge>
        {showsSchema(decoded, decoder) && <SchemaTag decoded={decoded} />}
        <span className="tabular-nums">{formatBytes(payload.size)}</span>
        {(payload.truncated || decoded.schema?.truncated) && <Badge tone="warning">truncated</Badge>}
        {decoded.error && <span className="text-amber-700 dark:text-amber-300">{decoded.error}</span>}
      </div>
      <pre
        data-testid={testId}
        data-as={decoded.as}
        className={cx(
          'max-h-96 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-xs break-all whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-950',
          decoded.as === 'null'
            ? 'text-zinc-400 italic dark:text-zinc-500'
            : 'text-zinc-800 dark:text-zinc-200',
        )}
      >
        {decoded.text}
      </pre>
    </section>
  );
}
