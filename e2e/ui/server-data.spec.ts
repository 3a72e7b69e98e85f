import { expect, test } from '@playwright/test';
import { paths } from '../../lib/paths';
import { testKafka } from '../support/kafka';
import { watchApi, watchErrors } from '../support/page-watch';

/**
 * The overview, the topic and group lists and one topic and one group come with their data in the HTML
 * (read on the server, hydrated into the query cache): the browser draws it without asking the API for
 * it again, and hydrating it raises no error. A group id that needs escaping in the address is read on
 * the server exactly as the browser reads it, or the browser would fetch it again under its own key.
 */
const id = Date.now().toString(36);
const topic = `e2e-ssr-${id}`;
const group = `e2e ssr %41 ${id}`;

test.beforeAll(async () => {
  const kafka = testKafka('kafkascope-e2e-ssr');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 2, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic,
    messages: [
      { value: 'a', partition: 0 },
      { value: 'b', partition: 1 },
    ],
  });
  await producer.disconnect();
  await admin.setOffsets({
    groupId: group,
    topic,
    partitions: [
      { partition: 0, offset: '0' },
      { partition: 1, offset: '1' },
    ],
  });
  await admin.disconnect();
});

test.afterAll(async () => {
  const admin = testKafka('kafkascope-e2e-ssr').admin();
  await admin.connect();
  await admin.deleteGroups([group]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

/** API paths the page asks for, with their query strings. */
const api = '/api/clusters/local';
const pages = [
  { url: paths.cluster('local'), shown: 'broker-row', main: [`${api}/overview`, `${api}/brokers`] },
  { url: paths.topics('local'), shown: 'topic-row', main: [`${api}/topics?`] },
  { url: `${paths.topics('local')}?q=${topic}`, shown: 'topic-row', main: [`${api}/topics?`] },
  { url: paths.topic('local', topic), shown: 'partition-row', main: [`${api}/topics/${topic}`] },
  { url: paths.groups('local'), shown: 'group-row', main: [`${api}/groups?`] },
  {
    url: paths.group('local', group),
    shown: 'group-partition-row',
    main: [`${api}/groups/${encodeURIComponent(group)}`],
  },
];

test('the main pages come with their data and do not fetch it again on load', async ({ page }) => {
  const errors = watchErrors(page);
  const asked = watchApi(page);
  for (const { url, shown, main } of pages) {
    // The HTML alone already holds the data.
    const html = await (await page.request.get(url)).text();
    expect(html, url).toContain(`data-testid="${shown}"`);

    asked.length = 0;
    await page.goto(url);
    await expect(page.getByTestId(shown).first(), url).toBeVisible();
    // Well within every polling interval (5 s at the shortest) and staleTime.
    await page.waitForTimeout(1_500);
    const again = asked.filter((path) =>
      main.some((m) => (m.endsWith('?') ? path.startsWith(m) : path === m || path.startsWith(`${m}?`))),
    );
    expect(again, url).toEqual([]);
    // Nor the shell's: the cluster list and the signed-in user come with the layout.
    expect(
      asked.filter((path) => path === '/api/clusters' || path === '/api/auth/me'),
      url,
    ).toEqual([]);
  }
  expect(errors).toEqual([]);
});

test('a topic that does not exist shows its not-found state, from the server', async ({ page }) => {
  const response = await page.goto(paths.topic('local', `e2e-ssr-missing-${id}`));
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('topic-not-found')).toBeVisible();
});
