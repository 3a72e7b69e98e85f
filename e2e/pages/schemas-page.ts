import { expect, type Locator, type Page } from '@playwright/test';

/** The subject list, /clusters/:id/schemas. */
export class SchemasPage {
  readonly root: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly total: Locator;
  readonly global: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('schemas-page');
    this.rows = this.root.getByTestId('subject-row');
    this.search = page.getByTestId('subject-search');
    this.total = page.getByTestId('subjects-total');
    this.global = page.getByTestId('global-compatibility');
  }

  async goto(search = '', clusterId = 'local'): Promise<void> {
    await this.page.goto(`/clusters/${clusterId}/schemas${search ? `?${search}` : ''}`);
    await expect(this.root).toBeVisible();
  }

  row(subject: string): Locator {
    return this.root.locator(`[data-testid="subject-row"][data-subject="${subject}"]`);
  }
}

/** One subject, /clusters/:id/schemas/:subject. */
export class SubjectPage {
  readonly root: Locator;
  readonly schemaText: Locator;
  readonly diff: Locator;
  readonly dialog: Locator;
  readonly confirmInput: Locator;
  readonly confirmButton: Locator;
  readonly notice: Locator;

  constructor(
    readonly page: Page,
    readonly subject: string,
  ) {
    this.root = page.getByTestId('subject-detail');
    this.schemaText = page.getByTestId('schema-version').getByTestId('schema-text');
    this.diff = page.getByTestId('schema-diff');
    this.dialog = page.getByTestId('delete-schema-dialog');
    this.confirmInput = this.dialog.getByTestId('confirm-input');
    this.confirmButton = this.dialog.getByTestId('confirm-button');
    this.notice = page.getByTestId('subject-notice');
  }

  async goto(search = '', clusterId = 'local'): Promise<void> {
    await this.page.goto(
      `/clusters/${clusterId}/schemas/${encodeURIComponent(this.subject)}${search ? `?${search}` : ''}`,
    );
    await expect(this.root).toBeVisible();
  }

  tab(name: 'schema' | 'diff' | 'compatibility' | 'evolve'): Locator {
    return this.page.getByTestId(`tab-${name}`);
  }

  version(n: number): Locator {
    return this.page.locator(`[data-testid="version-link"][data-version="${n}"]`);
  }
}
