import 'server-only';
import type { Store, StoreTables } from '@/server/store';

/** The rules and channels made in the UI. Channel secrets have a column of their own, never read into a view. */

export type RuleRow = StoreTables['alert_rules'];
export type ChannelRow = StoreTables['alert_channels'];

export const storedRules = (store: Store): Promise<RuleRow[]> =>
  store.db.selectFrom('alert_rules').selectAll().orderBy('name').execute();

export const storedRule = (store: Store, id: string): Promise<RuleRow | undefined> =>
  store.db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertRule(store: Store, row: RuleRow): Promise<void> {
  await store.db.insertInto('alert_rules').values(row).execute();
}

export async function updateRule(
  store: Store,
  id: string,
  row: Omit<RuleRow, 'id' | 'created_at'>,
): Promise<boolean> {
  const r = await store.db.updateTable('alert_rules').set(row).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteRule(store: Store, id: string): Promise<boolean> {
  return store.db.transaction().execute(async (tx) => {
    const r = await tx.deleteFrom('alert_rules').where('id', '=', id).executeTakeFirst();
    await tx.deleteFrom('alert_states').where('rule_id', '=', id).execute();
    await tx.deleteFrom('alert_silences').where('rule_id', '=', id).execute();
    return Number(r.numDeletedRows) > 0;
  });
}

export const storedChannels = (store: Store): Promise<ChannelRow[]> =>
  store.db.selectFrom('alert_channels').selectAll().orderBy('name').execute();

export const storedChannel = (store: Store, name: string): Promise<ChannelRow | undefined> =>
  store.db.selectFrom('alert_channels').selectAll().where('name', '=', name).executeTakeFirst();

export async function insertChannel(store: Store, row: ChannelRow): Promise<void> {
  await store.db.insertInto('alert_channels').values(row).execute();
}

export async function updateChannel(
  store: Store,
  name: string,
  row: Omit<ChannelRow, 'name' | 'created_at'>,
): Promise<boolean> {
  const r = await store.db.updateTable('alert_channels').set(row).where('name', '=', name).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteChannel(store: Store, name: string): Promise<boolean> {
  const r = await store.db.deleteFrom('alert_channels').where('name', '=', name).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
