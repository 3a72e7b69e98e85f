import { Select } from '@/components/ui/field';
import { decoders, type Decoder } from '@/lib/format/decode';

const labels: Record<Decoder, string> = {
  auto: 'Auto',
  text: 'Text',
  json: 'JSON',
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
      className="w-24"
    >
      {decoders.map((decoder) => (
        <option key={decoder} value={decoder}>
          {labels[decoder]}
        </option>
      ))}
    </Select>
  );
}
