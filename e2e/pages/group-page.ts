import { expect, type Locator, type Page } from '@playwright/test';

/** The consumer group list. */
export class GroupsPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('groups-page');
    this.rows = this.root.getByTestId('group-row');
    this.search = page.getByTestId('group-search');
    this.total = page.getByTestId('groups-total');
  }

  async goto(search = '', clusterId = 'local'): Promise<void> {
    await this.page.goto(`/clusters/${clusterId}/groups${search ? `?${search}` : ''}`);
    await expect(this.root).toBeVisible();
  }

  row(groupId: string): Locator {
    return this.root.locator(`[data-testid="group-row"][data-group="${groupId}"]`);
  }
}

export type ResetTarget = 'earliest' | 'latest' | 'timestamp' | 'offset' | 'shift';

/** One consumer group: its figures, partitions, members, lag chart and actions. */
export class GroupPage {
  readonly root: Locator;
  readonly totalLag: Locator;
  readonly membersCount: Locator;
  readonly health: Locator;
  readonly partitionRows: Locator;
  readonly memberRows: Locator;
  readonly lagChart: Locator;
  readonly notice: Locator;
  readonly dialog: Locator;
  readonly formError: Locator;
  readonly previewRows: Locator;

  constructor(
    readonly page: Page,
    readonly groupId: string,
  ) {
    this.root = page.getByTestId('group-detail');
    this.totalLag = page.getByTestId('group-total-lag');
    this.membersCount = page.getByTestId('group-members-count');
    // The header's badge: the first one on the page, before any partition row's.
    this.health = this.root.getByTestId('health-badge').first();
    this.partitionRows = this.root.getByTestId('group-partition-row');
    this.memberRows = this.root.getByTestId('member-row');
    this.lagChart = this.root.getByTestId('lag-chart');
    this.notice = page.getByTestId('group-notice');
    this.dialog = page.getByRole('dialog');
    this.formError = this.dialog.getByTestId('form-error');
    this.previewRows = this.dialog.getByTestId('reset-preview-row');
  }

  async goto(tab?: 'members' | 'topology' | 'lag', clusterId = 'local'): Promise<void> {
    await this.page.goto(
      `/clusters/${clusterId}/groups/${encodeURIComponent(this.groupId)}${tab ? `?tab=${tab}` : ''}`,
    );
    await expect(this.root).toBeVisible();
  }

  tab(name: 'partitions' | 'members' | 'topology' | 'lag'): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  partitionRow(topic: string, partition: number): Locator {
    return this.root.locator(
      `[data-testid="group-partition-row"][data-topic="${topic}"][data-partition="${partition}"]`,
    );
  }

  /** Opens Reset offsets, picks the target and previews it; the preview table shows. */
  async previewReset(target: ResetTarget): Promise<void> {
    await this.page.getByTestId('reset-offsets-button').click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByTestId('reset-target').selectOption(target);
    await this.dialog.getByTestId('reset-preview-button').click();
    await expect(this.previewRows.first()).toBeVisible();
  }

  async applyReset(): Promise<void> {
    await this.dialog.getByTestId('reset-apply-button').click();
  }

  previewRow(partition: number): Locator {
    return this.dialog.locator(`[data-testid="reset-preview-row"][data-partition="${partition}"]`);
  }
}
