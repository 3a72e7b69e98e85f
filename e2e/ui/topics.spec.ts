import { expect, test, type APIRequestContext } from '@playwright/test';
import { TopicPage } from '../pages/topic-page';
import { TopicsPage } from '../pages/topics-page';
import { snap } from '../support/screenshot';

const api = '/api/clusters/local';
const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

interface ConfigEntry {
  name: string;
  value: string | null;
  source: string;
}

async function topicConfig(
  request: APIRequestContext,
  topic: string,
  name: string,
): Promise<ConfigEntry | undefined> {
  const response = await request.get(`${api}/topics/${topic}/configs`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { configs: ConfigEntry[] };
  return body.configs.find((entry) => entry.name === name);
}

test('a topic is created, configured, grown, purged and deleted through the UI', async ({
  page,
  request,
}) => {
  const name = unique('e2e-ui');
  const topics = new TopicsPage(page);
  const topic = new TopicPage(page, name);
  try {
    await topics.goto();

    // Client-side validation, then a server refusal, both shown inside the dialog.
    await topics.fillCreateForm({ name: 'not a valid name!', partitions: 3, replicationFactor: 9 });
    await topics.submitCreate();
    await expect(topics.dialog.getByTestId('field-error').first()).toContainText('Topic names use');
    await topics.dialog.getByTestId('topic-name-input').fill(name);
    await topics.submitCreate();
    await expect(topics.formError).toContainText(/larger than the 3 broker/);
    await snap(page, 'topics-create-error');

    await topics.dialog.getByTestId('topic-rf-input').fill('3');
    await topics.dialog.getByTestId('add-config-row').click();
    await topics.dialog.getByTestId('config-key').fill('retention.ms');
    await topics.dialog.getByTestId('config-value-input').fill('3600000');
    await topics.submitCreate();
    await page.waitForURL(`**/topics/${name}`);
    await expect(topic.partitionRows).toHaveCount(3);
    await expect(topic.messages).toContainText('0');
    await snap(page, 'topic-created');
    // Nobody reads a new topic yet: the Consumers tab says so.
    await topic.tab('consumers').click();
    await expect(page).toHaveURL(/\?tab=consumers$/);
    await expect(page.getByTestId('topic-consumers-empty')).toBeVisible();

    // Configuration: the override made at creation comes first; edit it in place, check through the API.
    await topic.tab('configuration').click();
    await expect(page).toHaveURL(/\?tab=configuration$/);
    await expect(topic.configRow('retention.ms')).toHaveAttribute('data-override', 'true');
    await topic.setConfig('retention.ms', '7200000');
    await expect.poll(async () => (await topicConfig(request, name, 'retention.ms'))?.value).toBe('7200000');
    expect((await topicConfig(request, name, 'retention.ms'))?.source).toBe('topic');
    await snap(page, 'topic-configuration');

    // Add partitions: 3 → 5; fewer is refused before anything is sent.
    await topic.tab('partitions').click();
    await topic.openAddPartitions();
    await topic.dialog.getByTestId('partition-count-input').fill('2');
    await topic.confirmButton.click();
    await expect(topic.dialog.getByTestId('field-error')).toContainText('more than the current 3');
    await topic.dialog.getByTestId('partition-count-input').fill('5');
    await topic.confirmButton.click();
    await expect(topic.dialog).toBeHidden();
    await expect(topic.notice).toContainText('now has 5 partitions');
    await expect(topic.partitionRows).toHaveCount(5);
    await snap(page, 'topic-partitions-added');

    // Purge: the confirmation needs the name; choosing partitions needs at least one.
    await topic.openPurge();
    await expect(topic.confirmButton).toBeDisabled();
    await topic.dialog.getByTestId('purge-mode-chosen').check();
    await topic.confirmInput.fill(name);
    await topic.confirmButton.click();
    await expect(topic.dialog.getByTestId('field-error')).toContainText('Choose at least one partition');
    await topic.dialog.getByTestId('purge-mode-all').check();
    await expect(topic.dialog.getByTestId('field-error')).toBeHidden();
    await snap(page, 'topic-purge-dialog');
    await topic.confirmButton.click();
    await expect(topic.dialog).toBeHidden();
    await expect(topic.notice).toContainText('Records deleted from 5 partitions');
    for (let partition = 0; partition < 5; partition++) {
      const row = topic.partitionRow(partition);
      await expect(row.getByTestId('low-watermark')).toHaveText(
        await row.getByTestId('high-watermark').innerText(),
      );
    }

    // Delete: locked until the name is typed, then back to the list without the topic.
    await topic.openDelete();
    await expect(topic.confirmButton).toBeDisabled();
    await topic.confirmInput.fill(`${name}-typo`);
    await expect(topic.confirmButton).toBeDisabled();
    await snap(page, 'topic-delete-dialog');
    await topic.confirmWithName();
    await page.waitForURL(/\/clusters\/local\/topics$/);
    await expect(topics.root).toBeVisible();
    await expect.poll(async () => (await request.get(`${api}/topics/${name}`)).status()).toBe(404);
  } finally {
    await request.delete(`${api}/topics/${name}`);
  }
});

test('searching, sorting and paging the topic list live in the URL', async ({ page, request }) => {
  const prefix = unique('e2e-list');
  const names = Array.from({ length: 12 }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`);
  const topics = new TopicsPage(page);
  try {
    for (const [i, name] of names.entries()) {
      const created = await request.post(`${api}/topics`, {
        data: { name, partitions: (i % 4) + 1, replicationFactor: 1 },
      });
      expect(created.status(), name).toBe(200);
    }

    await topics.goto();
    await topics.search.fill(prefix);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
    await expect(topics.total).toHaveAttribute('data-total', '12');
    await expect(topics.rows).toHaveCount(12);
    expect(await topics.names()).toEqual(names);

    // Sorting: the name column flips to descending, another column starts ascending.
    await topics.sortHeader('name').click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect.poll(() => topics.names()).toEqual([...names].reverse());
    await topics.sortHeader('partitions').click();
    await expect(page).toHaveURL(/sort=partitions/);
    await expect(page).not.toHaveURL(/dir=desc/);
    await expect(topics.rows.first()).toHaveAttribute('data-topic', /-(00|04|08)$/);
    await snap(page, 'topics-sorted');

    // Paging: 10 a page gives 2 pages; the second holds the last 2; Back returns to the first.
    await topics.goto(`q=${prefix}&pageSize=10`);
    await expect(topics.rows).toHaveCount(10);
    await page.getByTestId('page-next').click();
    await expect(page).toHaveURL(/page=2/);
    await expect(topics.rows).toHaveCount(2);
    expect(await topics.names()).toEqual(names.slice(10));
    await expect(page.getByTestId('pagination-range')).toHaveText('11–12 of 12 topics');
    await page.goBack();
    await expect(page).not.toHaveURL(/page=2/);
    await expect(topics.rows).toHaveCount(10);

    // A shared address opens the same view.
    await topics.goto(`q=${prefix}&sort=name&dir=desc&pageSize=10&page=2`);
    await expect.poll(() => topics.names()).toEqual([names[1], names[0]]);

    // Nothing matches: an empty state rather than an empty table.
    await topics.search.fill(`${prefix}-nothing`);
    await expect(page.getByTestId('topics-empty')).toBeVisible();
    await expect(topics.total).toHaveAttribute('data-total', '0');

    // Internal topics are hidden until asked for.
    await topics.goto('q=__');
    const internal = await (await request.get(`${api}/topics?q=__&internal=show`)).json();
    if (internal.total > 0) {
      await expect(topics.rows).toHaveCount(0);
      // A person clicks the switch's label; the state lives in the URL, so it flips after navigation.
      await topics.internalToggle.locator('xpath=..').click();
      await expect(page).toHaveURL(/internal=show/);
      await expect(topics.rows.first().getByTestId('internal-badge')).toBeVisible();
      await snap(page, 'topics-internal');
    }
  } finally {
    await Promise.all(names.map((name) => request.delete(`${api}/topics/${name}`)));
  }
});
