import { expect, type Locator, type Page } from '@playwright/test';

export interface NewTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs?: Record<string, string>;
}

export class TopicsPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly internalToggle: Locator;
  readonly total: Locator;
  readonly createButton: Locator;
  readonly dialog: Locator;
  readonly formError: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('topics-page');
    this.rows = this.root.getByTestId('topic-row');
    this.search = page.getByTestId('topic-search');
    this.internalToggle = page.getByTestId('show-internal-toggle');
    this.total = page.getByTestId('topics-total');
    this.createButton = page.getByTestId('create-topic-button');
    this.dialog = page.getByRole('dialog', { name: 'Create topic' });
    this.formError = this.dialog.getByTestId('form-error');
  }

  async goto(search = '', clusterId = 'local'): Promise<void> {
    await this.page.goto(`/clusters/${clusterId}/topics${search ? `?${search}` : ''}`);
    await expect(this.root).toBeVisible();
  }

  row(name: string): Locator {
    return this.root.locator(`[data-testid="topic-row"][data-topic="${name}"]`);
  }

  /** The topic names of the rows on screen, in order. */
  async names(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-topic') ?? ''));
  }

  sortHeader(
    key: 'name' | 'partitions' | 'replicationFactor' | 'underReplicated' | 'messages' | 'sizeBytes',
  ): Locator {
    return this.page.getByTestId(`sort-${key}`);
  }

  /** Opens the dialog and fills it in; the caller submits (so it can check errors first). */
  async fillCreateForm(topic: NewTopic): Promise<void> {
    await this.createButton.click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByTestId('topic-name-input').fill(topic.name);
    await this.dialog.getByTestId('topic-partitions-input').fill(String(topic.partitions));
    await this.dialog.getByTestId('topic-rf-input').fill(String(topic.replicationFactor));
    for (const [key, value] of Object.entries(topic.configs ?? {})) {
      await this.dialog.getByTestId('add-config-row').click();
      await this.dialog.getByTestId('config-key').last().fill(key);
      await this.dialog.getByTestId('config-value-input').last().fill(value);
    }
  }

  async submitCreate(): Promise<void> {
    await this.dialog.getByTestId('create-topic-submit').click();
  }

  async createTopic(topic: NewTopic): Promise<void> {
    await this.fillCreateForm(topic);
    await this.submitCreate();
    await this.page.waitForURL(`**/topics/${encodeURIComponent(topic.name)}`);
  }
}
