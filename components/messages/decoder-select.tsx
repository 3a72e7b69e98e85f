import { toolbarLabel } from '@/components/messages/position-fields';
import { Select } from '@/components/ui/field';
import { decoders, type Decoder } from '@/lib/decode/payload';

const labels: Record<Decoder, string> = {
  auto: 'Auto',
  avro: 'Avro',
  protobuf: 'Protobuf',
  'json-schema': 'JSON Schema',
  text: 'Text',
  json: 'JSON',
  msgpack: 'MessagePack',
  hex: 'Hex',
  base64: 'Base64',
};

export function DecoderSelect({
  id,
  value,
  onChange,
  'data-testid': testId,
}: {
  id: string;
  value: Decoder;
  onChange: (decoder: Decoder) => void;
  'data-testid'?: string;
}) {
  return (
    <Select
      id={id}
      value={value}
      onChange={(event) => onChange(event.target.value as Decoder)}
      data-testid={testId}
      className="w-28"
    >
      {decoders.map((decoder) => (
        <option key={decoder} value={decoder}>
          {labels[decoder]}
        </option>
      ))}
    </Select>
  );
}

/** "Key as" and "Value as" side by side, for toolbars. */
export function DecoderFields({
  id,
  keyAs,
  valueAs,
  onChange,
}: {
  id: string;
  keyAs: Decoder;
  valueAs: Decoder;
  onChange: (patch: { keyAs: Decoder } | { valueAs: Decoder }) => void;
}) {
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={`${id}-key`} className={toolbarLabel}>
          Key as
        </label>
        <DecoderSelect
          id={`${id}-key`}
          value={keyAs}
          data-testid="key-decoder"
          onChange={(keyAs) => onChange({ keyAs })}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-value`} className={toolbarLabel}>
          Value as
        </label>
        <DecoderSelect
          id={`${id}-value`}
          value={valueAs}
          data-testid="value-decoder"
          onChange={(valueAs) => onChange({ valueAs })}
        />
      </div>
    </>
  );
}
