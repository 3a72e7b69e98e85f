'use client';

import { useId, useState } from 'react';
import { Field, Input, Select } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { fieldErrors } from '@/lib/forms/fields';
import { useSaveChannel } from '@/lib/query/alerts';
import {
  ChannelInputSchema,
  channelTypes,
  smtpSecurity,
  type ChannelType,
  type ChannelView,
} from '@/lib/schemas/alerts';

const typeLabels: Record<ChannelType, string> = {
  webhook: 'Webhook (JSON)',
  slack: 'Slack-compatible webhook',
  email: 'E-mail (SMTP)',
};

/**
 * Creates a channel or edits one made in the console. The secret (URL, SMTP password) is sent, never
 * shown: on an edit, an empty field keeps the stored one.
 */
export function ChannelDialog({ channel, onClose }: { channel: ChannelView | null; onClose: () => void }) {
  const id = useId();
  const save = useSaveChannel(channel?.name ?? null);
  const e = channel?.email;
  const [name, setName] = useState(channel?.name ?? '');
  const [type, setType] = useState<ChannelType>(channel?.type ?? 'webhook');
  const [url, setUrl] = useState('');
  const [host, setHost] = useState(e?.host ?? '');
  const [port, setPort] = useState(String(e?.port ?? 587));
  const [security, setSecurity] = useState<(typeof smtpSecurity)[number]>(e?.security ?? 'starttls');
  const [user, setUser] = useState(e?.user ?? '');
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState(e?.from ?? '');
  const [to, setTo] = useState(e?.to.join(', ') ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit() {
    const input =
      type === 'email'
        ? {
            name: name.trim(),
            type,
            host: host.trim(),
            port: Number(port),
            security,
            ...(user.trim() ? { user: user.trim() } : {}),
            ...(password ? { password } : {}),
            from: from.trim(),
            to: to
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          }
        : { name: name.trim(), type, ...(url.trim() ? { url: url.trim() } : {}) };
    const parsed = ChannelInputSchema.safeParse(input);
    const found = parsed.success ? {} : fieldErrors(parsed.error);
    if (type !== 'email' && !channel && !url.trim()) found.url = 'Enter the webhook URL';
    setErrors(found);
    if (parsed.success && Object.keys(found).length === 0) save.mutate(parsed.data, { onSuccess: onClose });
  }

  const busy = save.isPending;
  const text = (
    field: string,
    label: string,
    value: string,
    set: (v: string) => void,
    extra: { hint?: string; type?: string; placeholder?: string; disabled?: boolean } = {},
  ) => (
    <Field label={label} htmlFor={`${id}-${field}`} error={errors[field]} hint={extra.hint}>
      <Input
        id={`${id}-${field}`}
        data-testid={`channel-${field}`}
        type={extra.type ?? 'text'}
        value={value}
        placeholder={extra.placeholder}
        onChange={(ev) => set(ev.target.value)}
        invalid={Boolean(errors[field])}
        disabled={busy || extra.disabled}
        autoComplete="off"
        spellCheck={false}
      />
    </Field>
  );
  const keep = channel?.hasSecret ? 'Leave empty to keep the one stored' : undefined;
  return (
    <FormDialog
      onClose={onClose}
      title={channel ? `Edit channel “${channel.name}”` : 'New channel'}
      data-testid="channel-dialog"
      onSubmit={onSubmit}
      error={save.error}
      pending={busy}
      submitLabel={channel ? 'Save channel' : 'Create channel'}
      submitTestId="channel-submit"
    >
      {text('name', 'Name', name, setName, { placeholder: 'ops-slack', disabled: channel !== null })}
      <Field label="Type" htmlFor={`${id}-type`}>
        <Select
          id={`${id}-type`}
          data-testid="channel-type"
          value={type}
          onChange={(ev) => setType(ev.target.value as ChannelType)}
          disabled={busy || channel !== null}
        >
          {channelTypes.map((t) => (
            <option key={t} value={t}>
              {typeLabels[t]}
            </option>
          ))}
        </Select>
      </Field>
      {type !== 'email' ? (
        text('url', 'URL', url, setUrl, {
          type: 'password',
          placeholder: channel?.target ?? 'https://hooks.example.com/…',
          hint: keep ?? 'Kept on the server and never shown again; its host must be allowed.',
        })
      ) : (
        <>
          <div className="grid grid-cols-3 gap-3">
            {text('host', 'SMTP host', host, setHost)}
            {text('port', 'Port', port, setPort)}
            <Field label="Security" htmlFor={`${id}-security`}>
              <Select
                id={`${id}-security`}
                value={security}
                onChange={(ev) => setSecurity(ev.target.value as typeof security)}
                disabled={busy}
              >
                {smtpSecurity.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="grid grid-cols-2 gap-3">
            {text('user', 'User', user, setUser, { hint: 'Empty: no login' })}
            {text('password', 'Password', password, setPassword, { type: 'password', hint: keep })}
          </div>
          {text('from', 'From', from, setFrom, { placeholder: 'kafkascope@example.com' })}
          {text('to', 'To', to, setTo, { hint: 'Addresses, comma-separated' })}
        </>
      )}
    </FormDialog>
  );
}
