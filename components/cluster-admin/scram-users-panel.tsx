'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { FormDialog } from '@/components/ui/form-dialog';
import { IconPlus, IconTrash } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { fieldErrors } from '@/lib/forms/fields';
import { usePermission } from '@/lib/query/auth';
import { scramUsersOptions, useDeleteScramUser, useUpsertScramUser } from '@/lib/query/cluster-admin';
import {
  MIN_SCRAM_ITERATIONS,
  ScramUpsertSchema,
  scramMechanisms,
  type ScramMechanism,
  type ScramUpsert,
  type ScramUserList,
} from '@/lib/schemas/cluster-admin';

type User = ScramUserList['users'][number];

/** SCRAM users with their mechanisms and iterations: add, change a password, delete. */
export function ScramUsersPanel({ clusterId }: { clusterId: string }) {
  const users = useQuery(scramUsersOptions(clusterId));
  const alter = usePermission(clusterId, 'scram.user.alter');
  const remove = usePermission(clusterId, 'scram.user.delete');
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  // A whole user, or one of its mechanisms (the user keeps the others).
  const [deleting, setDeleting] = useState<{ user: User; mechanism: ScramMechanism | null } | null>(null);
  return (
    <div className="space-y-3" data-testid="scram-users">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Users who log in with SCRAM. Passwords are salted in the console and never shown or stored.
        </p>
        <Button
          variant="primary"
          disabled={!alter.allowed}
          title={alter.reason ?? undefined}
          onClick={() => setEditing({ user: null })}
          data-testid="scram-user-add"
        >
          <IconPlus className="size-4" /> Add user
        </Button>
      </div>
      <QueryView query={users} loading={<Skeleton className="h-32 w-full rounded-lg" />}>
        {(data) =>
          data.users.length === 0 ? (
            <p className="text-sm text-zinc-500">No SCRAM user yet.</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
              <Table>
                <THead>
                  <Tr>
                    <Th>User</Th>
                    <Th>Mechanisms</Th>
                    <Th className="w-48" />
                  </Tr>
                </THead>
                <TBody>
                  {data.users.map((u) => (
                    <tr key={u.user} data-testid="scram-user-row" data-user={u.user}>
                      <Td className="font-mono text-[13px]">{u.user}</Td>
                      <Td>
                        <div className="flex flex-wrap gap-1">
                          {u.credentials.map((c) => (
                            <span key={c.mechanism} className="inline-flex items-center gap-0.5">
                              <Badge data-testid="scram-credential" data-mechanism={c.mechanism}>
                                {c.mechanism} · {c.iterations} iterations
                              </Badge>
                              {u.credentials.length > 1 && (
                                <button
                                  type="button"
                                  className="rounded p-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-red-600 disabled:opacity-40 dark:hover:bg-zinc-800"
                                  disabled={!remove.allowed}
                                  title={
                                    remove.reason ?? `Remove ${c.mechanism} of ${u.user} (the other stays)`
                                  }
                                  aria-label={`Remove ${c.mechanism} of ${u.user}`}
                                  onClick={() => setDeleting({ user: u, mechanism: c.mechanism })}
                                  data-testid="scram-credential-delete"
                                  data-mechanism={c.mechanism}
                                >
                                  <IconTrash className="size-3.5" />
                                </button>
                              )}
                            </span>
                          ))}
                        </div>
                      </Td>
                      <Td className="text-right whitespace-nowrap">
                        <Button
                          size="sm"
                          disabled={!alter.allowed}
                          title={alter.reason ?? undefined}
                          onClick={() => setEditing({ user: u })}
                          data-testid="scram-user-password"
                        >
                          Change password
                        </Button>{' '}
                        <Button
                          size="sm"
                          variant="danger"
                          disabled={!remove.allowed}
                          title={remove.reason ?? undefined}
                          onClick={() => setDeleting({ user: u, mechanism: null })}
                          data-testid="scram-user-delete"
                        >
                          Delete
                        </Button>
                      </Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            </div>
          )
        }
      </QueryView>
      {editing && (
        <ScramUserForm clusterId={clusterId} user={editing.user} onClose={() => setEditing(null)} />
      )}
      {deleting && (
        <DeleteScramUser
          clusterId={clusterId}
          user={deleting.user}
          mechanism={deleting.mechanism}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}

/** Create a user or change a password: validated with the route's schema, previewed, then applied. */
function ScramUserForm({
  clusterId,
  user,
  onClose,
}: {
  clusterId: string;
  user: User | null;
  onClose: () => void;
}) {
  const upsert = useUpsertScramUser(clusterId);
  const [form, setForm] = useState({
    user: user?.user ?? '',
    mechanism: (user?.credentials[0]?.mechanism ?? 'SCRAM-SHA-256') as ScramMechanism,
    iterations: String(user?.credentials[0]?.iterations ?? 8192),
    password: '',
    repeat: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ScramUpsert | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setPreview(null);
    setForm({ ...form, [key]: e.target.value });
  };

  function onSubmit() {
    if (preview) {
      upsert.mutate(preview, { onSuccess: onClose });
      return;
    }
    // Adding (no user chosen) must not change the password of a user that exists already.
    const parsed = ScramUpsertSchema.safeParse({ ...form, create: user === null });
    const next = parsed.success ? {} : fieldErrors(parsed.error);
    if (form.password !== form.repeat) next.repeat = 'the passwords differ';
    setErrors(next);
    if (parsed.success && Object.keys(next).length === 0) setPreview(parsed.data);
  }

  const existing = user?.credentials.find((c) => c.mechanism === (preview?.mechanism ?? form.mechanism));
  return (
    <FormDialog
      onClose={onClose}
      title={user ? `Change the password of ${user.user}` : 'Add a SCRAM user'}
      data-testid="scram-user-dialog"
      onSubmit={onSubmit}
      error={upsert.error}
      errorPrefix="Nothing was changed: "
      pending={upsert.isPending}
      submitLabel={preview ? 'Apply' : 'Preview'}
      submitTestId={preview ? 'scram-user-apply' : 'scram-user-preview'}
    >
      <div className="space-y-3">
        <Field label="User" htmlFor="scram-user" error={errors.user}>
          <Input
            id="scram-user"
            value={form.user}
            onChange={set('user')}
            disabled={user !== null}
            autoComplete="off"
            invalid={!!errors.user}
            data-testid="scram-user-name"
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Mechanism" htmlFor="scram-mechanism" error={errors.mechanism}>
            <Select
              id="scram-mechanism"
              value={form.mechanism}
              onChange={set('mechanism')}
              data-testid="scram-mechanism"
            >
              {scramMechanisms.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </Select>
          </Field>
          <Field
            label="Iterations"
            htmlFor="scram-iterations"
            error={errors.iterations}
            hint={`${MIN_SCRAM_ITERATIONS} or more`}
          >
            <Input
              id="scram-iterations"
              inputMode="numeric"
              value={form.iterations}
              onChange={set('iterations')}
              invalid={!!errors.iterations}
              data-testid="scram-iterations"
            />
          </Field>
        </div>
        <Field label="Password" htmlFor="scram-password" error={errors.password}>
          <Input
            id="scram-password"
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            invalid={!!errors.password}
            data-testid="scram-password"
          />
        </Field>
        <Field label="Repeat the password" htmlFor="scram-repeat" error={errors.repeat}>
          <Input
            id="scram-repeat"
            type="password"
            autoComplete="new-password"
            value={form.repeat}
            onChange={set('repeat')}
            invalid={!!errors.repeat}
            data-testid="scram-repeat"
          />
        </Field>
        {preview && (
          <Alert tone="info" data-testid="scram-user-summary">
            {existing
              ? `Change the ${preview.mechanism} password of ${preview.user} (iterations ${existing.iterations} → ${preview.iterations}). Clients that log in with the old password will be refused.`
              : `Create the ${preview.mechanism} credential of ${preview.user} with ${preview.iterations} iterations.`}
          </Alert>
        )}
      </div>
    </FormDialog>
  );
}

/**
 * Deletes a user's credentials (all of them), or one mechanism of a user who has several: the summary
 * says what goes and what stays before the typed confirmation sends it.
 */
function DeleteScramUser({
  clusterId,
  user,
  mechanism,
  onClose,
}: {
  clusterId: string;
  user: User;
  mechanism: ScramMechanism | null;
  onClose: () => void;
}) {
  const del = useDeleteScramUser(clusterId);
  const kept = mechanism ? user.credentials.filter((c) => c.mechanism !== mechanism) : [];
  return (
    <FormDialog
      onClose={onClose}
      title={mechanism ? `Remove ${mechanism} of ${user.user}` : `Delete ${user.user}`}
      data-testid="scram-delete-dialog"
      onSubmit={() =>
        del.mutate(
          { user: user.user, ...(mechanism ? { mechanisms: [mechanism] } : {}) },
          { onSuccess: onClose },
        )
      }
      confirm={{ expected: user.user }}
      error={del.error}
      errorPrefix="Nothing was changed: "
      pending={del.isPending}
      variant="danger"
      submitLabel={mechanism ? 'Remove' : 'Delete'}
      submitTestId="scram-delete-confirm"
    >
      <p className="text-sm" data-testid="scram-delete-summary">
        {mechanism
          ? `Removes the ${mechanism} credential of ${user.user}: clients logging in as this user with ${mechanism} will be refused. ${kept.map((c) => c.mechanism).join(' and ')} stays, and so do its ACLs and quotas.`
          : `Removes ${user.credentials.map((c) => c.mechanism).join(' and ')} of ${user.user}: clients logging in as this user will be refused. Its ACLs and quotas stay.`}
      </p>
    </FormDialog>
  );
}
