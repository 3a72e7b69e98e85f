import { expect, test, type APIRequestContext } from '@playwright/test';
import { startNode, stopNode } from '../../dev/kafka/local-cluster';
import { MessagesPage } from '../pages/messages-page';
import { snap } from '../support/screenshot';

const api = '/api/clusters/local';
const topic = `e2e-leader-down-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const PARTITIONS = 6;
const PER_PARTITION = 3;

async function leaders(request: APIRequestContext): Promise<Map<number, number | null>> {
  const response = await request.get(`${api}/topics/${topic}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    partitionDetails: { partition: number; leader: number | null }[];
  };
  return new Map(body.partitionDetails.map((p) => [p.partition, p.leader]));
}

test.afterAll(async ({ request }) => {
  await request.delete(`${api}/topics/${topic}`);
});

test('with one partition leader stopped, browse and search show the other partitions and name the missing ones', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  // Replication factor 1: the partitions of a stopped broker have no other copy.
  const created = await request.post(`${api}/topics`, {
    data: { name: topic, partitions: PARTITIONS, replicationFactor: 1 },
  });
  expect(created.status()).toBe(200);
  for (let p = 0; p < PARTITIONS; p++) {
    const sent = await request.post(`${api}/topics/${topic}/messages`, {
      data: { partition: p, value: `{"p": ${p}, "i": {{i}}}`, valueFormat: 'json', count: PER_PARTITION },
    });
    expect(sent.status(), await sent.text()).toBe(200);
  }
  const before = await leaders(request);
  const down = [...before.values()].find((leader) => leader !== null && leader !== 1)!;
  const lost = [...before].filter(([, leader]) => leader === down).map(([p]) => p);
  const others = PARTITIONS - lost.length;
  const messages = new MessagesPage(page, topic);

  try {
    await stopNode(down);
    await expect
      .poll(async () => [...(await leaders(request)).values()].filter((l) => l === null).length, {
        timeout: 60_000,
      })
      .toBe(lost.length);

    await messages.goto('start=oldest');
    await expect(messages.unavailable).toBeVisible();
    // The header counts what the readable partitions hold, and says how many it cannot read.
    const count = page.getByTestId('topic-messages');
    await expect(count).toContainText(`≥ ${others * PER_PARTITION}`);
    await expect(count).toContainText(`${lost.length} partition${lost.length > 1 ? 's' : ''} unreadable`);
    for (const p of lost) await expect(messages.unavailable).toContainText(`partition ${p} (no leader)`);
    await expect(messages.rows).toHaveCount(others * PER_PARTITION);
    for (const p of lost)
      await expect(messages.tab.locator(`[data-testid="message-row"][data-partition="${p}"]`)).toHaveCount(0);
    await snap(page, 'messages-leader-down');

    await messages.mode('search');
    await messages.search({ filter: 'json.p >= 0.0' });
    await expect(messages.searchDone).toHaveAttribute('data-reason', 'end');
    await expect(messages.unavailable).toBeVisible();
    for (const p of lost) await expect(messages.unavailable).toContainText(`partition ${p} (no leader)`);
    await expect(messages.rows).toHaveCount(others * PER_PARTITION);
    await snap(page, 'search-leader-down');
  } finally {
    await startNode(down);
  }
  await expect
    .poll(async () => [...(await leaders(request)).values()].every((l) => l !== null), { timeout: 90_000 })
    .toBe(true);
  await messages.goto('start=oldest');
  await expect(messages.rows).toHaveCount(PARTITIONS * PER_PARTITION);
  await expect(messages.unavailable).toHaveCount(0);
});
