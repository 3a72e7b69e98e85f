import { expect, test, type Page } from '@playwright/test';

/** Every request a page makes while it loads, with the ones that failed (4xx, 5xx). */
function watchFailures(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return failed;
}

/** The content types of the icons the page links to, each fetched. */
async function linkedIcons(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const types: string[] = [];
  for (const href of hrefs) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
    types.push(response.headers()['content-type'] ?? '');
  }
  return types;
}

for (const signedIn of [false, true]) {
  test(`the product icon loads ${signedIn ? 'in the console' : 'on the sign-in page'}, and nothing 404s`, async ({
    browser,
  }) => {
    const context = await browser.newContext(signedIn ? {} : { storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const failed = watchFailures(page);
    await page.goto(signedIn ? '/clusters/local/topics' : '/login');
    await expect(page.locator(signedIn ? 'main' : 'form')).toBeVisible();
    await page.waitForLoadState('networkidle');

    expect(await linkedIcons(page)).toContainEqual(expect.stringContaining('image/svg+xml'));
    // Browsers and tools that ask for /favicon.ico on their own get the same mark.
    const ico = await page.request.get('/favicon.ico');
    expect(ico.status()).toBe(200);
    expect(ico.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    expect(failed).toEqual([]);
    await context.close();
  });
}
