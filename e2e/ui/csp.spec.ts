import { expect, test, type Page } from '@playwright/test';
import { paths } from '../../lib/paths';
import { testKafka } from '../support/kafka';

/**
 * Every kind of page renders under the strict Content-Security-Policy: its scripts run (the page becomes
 * interactive) and the browser reports no violation.
 */
const id = Date.now().toString(36);
const topic = `e2e-csp-${id}`;
const group = `e2e-csp-group-${id}`;

test.beforeAll(async () => {
  const kafka = testKafka('kafkascope-e2e-csp');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ key: 'k', value: '{"hello":"csp"}' }] });
  await producer.disconnect();
  await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '0' }] });
  await admin.disconnect();
});

test.afterAll(async () => {
  const admin = testKafka('kafkascope-e2e-csp').admin();
  await admin.connect();
  await admin.deleteGroups([group]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

test('no page breaks the Content-Security-Policy', async ({ page, browser }) => {
  const violations = watchViolations(page);
  const pages = [
    paths.cluster('local'),
    paths.brokers('local'),
    paths.broker('local', 1),
    paths.topics('local'),
    paths.topic('local', topic),
    paths.topicMessages('local', topic),
    paths.topic('local', topic, 'configuration'),
    paths.message('local', topic, 0, 0),
    paths.groups('local'),
    paths.group('local', group),
    paths.group('local', group, 'lag'),
    paths.lag('local', { series: [`::${group}`], range: '24h' }),
  ];
  for (const url of pages) {
    await page.goto(url);
    await expect(page.getByTestId('user-menu'), url).toBeVisible();
    // The user menu comes with the HTML now; the theme toggle's label is set only once the page has
    // hydrated (the server cannot know the theme): proof that the page's scripts ran.
    await expect(page.getByTestId('theme-toggle'), url).toHaveAttribute('aria-label', /^Switch to/);
  }
  // The login page, signed out.
  const signedOut = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  const loginViolations = watchViolations(signedOut);
  await signedOut.goto('/login');
  await expect(signedOut.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await signedOut.close();
  expect([...violations, ...loginViolations]).toEqual([]);
});
