import type { Page } from '@playwright/test';

/** Full-page screenshots kept under e2e/screenshots (ignored by git) for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
