import { expect, type Locator, type Page } from '@playwright/test';

export class TopicPage {
  readonly root: Locator;
  readonly partitionRows: Locator;
  readonly messages: Locator;
  readonly notice: Locator;
  readonly dialog: Locator;
  readonly confirmInput: Locator;
  readonly confirmButton: Locator;

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    this.root = page.getByTestId('topic-detail');
    this.partitionRows = this.root.getByTestId('partition-row');
    this.messages = page.getByTestId('topic-messages');
    this.notice = page.getByTestId('topic-notice');
    this.dialog = page.getByRole('dialog');
    this.confirmInput = this.dialog.getByTestId('confirm-input');
    this.confirmButton = this.dialog.getByTestId('confirm-button');
  }

  async goto(tab?: 'configuration', clusterId = 'local'): Promise<void> {
    await this.page.goto(
      `/clusters/${clusterId}/topics/${encodeURIComponent(this.name)}${tab ? `?tab=${tab}` : ''}`,
    );
    await expect(this.root).toBeVisible();
  }

  tab(name: 'partitions' | 'configuration' | 'consumers'): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  partitionRow(partition: number): Locator {
    return this.root.locator(`[data-testid="partition-row"][data-partition="${partition}"]`);
  }

  configRow(name: string): Locator {
    return this.root.locator(`[data-testid="config-row"][data-config="${name}"]`);
  }

  /** Edits one config in place and waits until the row shows the saved value. */
  async setConfig(name: string, value: string): Promise<void> {
    const row = this.configRow(name);
    await row.getByTestId('config-edit').click();
    await row.getByTestId('config-input').fill(value);
    await row.getByTestId('config-save').click();
    await expect(row.getByTestId('config-input')).toHaveCount(0);
    await expect(row.getByTestId('config-value')).toHaveText(value);
  }

  async openAddPartitions(): Promise<void> {
    await this.page.getByTestId('add-partitions-button').click();
    await expect(this.dialog).toBeVisible();
  }

  async addPartitions(count: number): Promise<void> {
    await this.openAddPartitions();
    await this.dialog.getByTestId('partition-count-input').fill(String(count));
    await this.confirmButton.click();
    await expect(this.dialog).toBeHidden();
  }

  async openPurge(): Promise<void> {
    await this.page.getByTestId('purge-button').click();
    await expect(this.dialog).toBeVisible();
  }

  async openDelete(): Promise<void> {
    await this.page.getByTestId('delete-topic-button').click();
    await expect(this.dialog).toBeVisible();
  }

  async confirmWithName(): Promise<void> {
    await this.confirmInput.fill(this.name);
    await this.confirmButton.click();
  }
}
