import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** A topic's messages tab (browse, search, live tail, export), its producer dialog, and the single-message page. */
export class MessagesPage {
  readonly tab: Locator;
  readonly rows: Locator;
  readonly start: Locator;
  readonly limit: Locator;
  readonly keyDecoder: Locator;
  readonly valueDecoder: Locator;
  readonly detail: Locator;
  readonly unavailable: Locator;
  readonly produceDialog: Locator;
  readonly produceResults: Locator;
  readonly produceError: Locator;
  readonly messagePage: Locator;
  readonly searchProgress: Locator;
  readonly searchDone: Locator;
  readonly searchError: Locator;
  readonly tailCount: Locator;
  readonly tailStatus: Locator;

  constructor(
    readonly page: Page,
    readonly topic: string,
    readonly clusterId = 'local',
  ) {
    this.tab = page.getByTestId('messages-tab');
    this.rows = this.tab.getByTestId('message-row');
    this.start = page.getByTestId('messages-start');
    this.limit = page.getByTestId('messages-limit');
    this.keyDecoder = page.getByTestId('key-decoder');
    this.valueDecoder = page.getByTestId('value-decoder');
    this.detail = page.getByTestId('message-detail');
    this.unavailable = page.getByTestId('unavailable-notice');
    this.produceDialog = page.getByTestId('produce-dialog');
    this.produceResults = this.produceDialog.getByTestId('produce-result');
    this.produceError = this.produceDialog.getByTestId('produce-error');
    this.messagePage = page.getByTestId('message-page');
    this.searchProgress = page.getByTestId('search-progress');
    this.searchDone = page.getByTestId('search-done');
    this.searchError = page.getByTestId('search-error');
    this.tailCount = page.getByTestId('tail-count');
    this.tailStatus = page.getByTestId('tail-status');
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(
      `/clusters/${this.clusterId}/topics/${encodeURIComponent(this.topic)}?tab=messages${search ? `&${search}` : ''}`,
    );
    await expect(this.tab).toBeVisible();
  }

  row(partition: number, offset: number): Locator {
    return this.tab.locator(
      `[data-testid="message-row"][data-partition="${partition}"][data-offset="${offset}"]`,
    );
  }

  async refresh(): Promise<void> {
    await this.page.getByTestId('messages-refresh').click();
  }

  async openProducer(): Promise<void> {
    await this.page.getByTestId('produce-button').click();
    await expect(this.produceDialog).toBeVisible();
  }

  async closeProducer(): Promise<void> {
    await this.produceDialog.getByTestId('produce-close').click();
    await expect(this.produceDialog).toBeHidden();
  }

  async produce(message: {
    key?: string;
    value: string;
    format?: 'text' | 'json';
    headers?: Array<{ key: string; value: string }>;
    count?: number;
    compression?: string;
  }): Promise<void> {
    const d = this.produceDialog;
    await d.getByTestId('produce-key').fill(message.key ?? '');
    await d.getByTestId('produce-format').selectOption(message.format ?? 'text');
    await d.getByTestId('produce-value').fill(message.value);
    for (const [i, header] of (message.headers ?? []).entries()) {
      if ((await d.getByTestId('produce-header-row').count()) <= i)
        await d.getByTestId('produce-add-header').click();
      await d.getByTestId('produce-header-key').nth(i).fill(header.key);
      await d.getByTestId('produce-header-value').nth(i).fill(header.value);
    }
    await d.getByTestId('produce-count').fill(String(message.count ?? 1));
    if (message.compression) await d.getByTestId('produce-compression').selectOption(message.compression);
    await d.getByTestId('produce-submit').click();
  }

  async mode(mode: 'browse' | 'search' | 'tail'): Promise<void> {
    await this.page.getByTestId(`mode-${mode}`).click();
    await expect(this.tab).toHaveAttribute('data-mode', mode);
  }

  /** Runs a search and waits for it to end (done or error). */
  async search(options: { q?: string; filter?: string; max?: number }): Promise<void> {
    await this.page.getByTestId('search-q').fill(options.q ?? '');
    await this.page.getByTestId('search-filter').fill(options.filter ?? '');
    if (options.max !== undefined) {
      await this.page.getByTestId('search-limit').fill(String(options.max));
      await this.page.getByTestId('search-limit').press('Enter');
    }
    await this.page.getByTestId('search-start-button').click();
    await expect(this.searchDone.or(this.searchError)).toBeVisible();
  }

  /** Starts the live tail and waits until the server reads from the partitions' ends. */
  async startTail(): Promise<void> {
    await this.page.getByTestId('tail-start-button').click();
    await expect(this.tailStatus).toHaveAttribute('data-ready', 'true');
  }

  async stopTail(): Promise<void> {
    await this.page.getByTestId('tail-stop-button').click();
    await expect(this.tailStatus).toHaveAttribute('data-status', 'done');
  }

  /** Exports the rows on screen and returns the file name and text of the download. */
  async export(format: 'jsonl' | 'csv'): Promise<{ name: string; text: string }> {
    await this.page.getByTestId('export-button').click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(`export-${format}`).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
