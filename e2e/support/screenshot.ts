import type { Page } from '@playwright/test';

/**
 * Screenshots kept under e2e/screenshots (ignored by git) for a person to look at: the full page, or
 * with `fullPage: false` the viewport only, for a page whose length is a long list (a broker's ~360
 * configs make a 19,000 px page, and a full-page screenshot of it takes seconds to draw and encode at
 * each width while showing nothing of the layout the first screen does not).
 */
export async function snap(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage });
}
