import { expect, test, type Page } from '@playwright/test';
import { testUsers, type TestRole } from '../support/auth';
import { snap } from '../support/screenshot';

// These tests start signed out; each signs in as it needs.
test.use({ storageState: { cookies: [], origins: [] } });

async function signInThroughApi(page: Page, role: TestRole) {
  // The page's own request context shares the browser's cookie jar.
  const response = await page.request.post('/api/auth/login', {
    data: { username: role, password: testUsers[role].password },
  });
  expect(response.status()).toBe(200);
}

test('signing in and out: the page asked for comes back after the login, errors show in place', async ({
  page,
}) => {
  await page.goto('/clusters/local/topics?q=orders');
  await expect(page).toHaveURL(/\/login\?next=%2Fclusters%2Flocal%2Ftopics%3Fq%3Dorders$/);
  await page.getByLabel('User name', { exact: true }).fill('admin');
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('login-error')).toContainText('Wrong user name or password');
  await expect(page.getByRole('link', { name: 'Sign in with Test IdP' })).toBeVisible();
  await snap(page, 'login-error');

  await page.getByLabel('Password', { exact: true }).fill(testUsers.admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/clusters\/local\/topics\?q=orders$/);
  const menu = page.getByTestId('user-menu');
  await expect(menu.getByTestId('user-name')).toHaveText('admin');
  await expect(menu.getByTestId('user-role')).toHaveText('admin');
  await expect(page.getByTestId('create-topic-button')).toBeEnabled();
  await snap(page, 'signed-in-admin');

  await menu.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/clusters/local/topics');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('a viewer sees every change disabled, with the reason on hover', async ({ page }) => {
  await signInThroughApi(page, 'viewer');
  await page.goto('/clusters/local/topics');
  await expect(page.getByTestId('user-role')).toHaveText('viewer');
  const create = page.getByTestId('create-topic-button');
  await expect(create).toBeDisabled();
  await expect(create).toHaveAttribute('title', 'Needs the admin role (you are viewer)');
  await snap(page, 'viewer-topics');
});

test('on a read-only cluster even an admin finds changes turned off', async ({ page }) => {
  await signInThroughApi(page, 'admin');
  await page.goto('/clusters/local-ro/topics');
  await expect(page.getByTestId('cluster-read-only')).toBeVisible();
  const create = page.getByTestId('create-topic-button');
  await expect(create).toBeDisabled();
  await expect(create).toHaveAttribute('title', /Local \(read-only\) is read-only/);
  await snap(page, 'read-only-cluster');
});

test('single sign-on through the OpenID provider; the role comes from its groups claim', async ({ page }) => {
  for (const [login, role] of [
    ['oidc-admin', 'admin'],
    ['oidc-bob', 'viewer'],
  ] as const) {
    await page.context().clearCookies();
    await page.goto('/clusters/local/groups');
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    // oidc-provider's own development login form and consent page.
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    if (
      await page
        .getByRole('button', { name: /continue/i })
        .isVisible()
        .catch(() => false)
    ) {
      await page.getByRole('button', { name: /continue/i }).click();
    }
    await expect(page).toHaveURL(/\/clusters\/local\/groups$/);
    // Scoped, so that the provider's "admin" is never the password user "admin".
    await expect(page.getByTestId('user-name')).toHaveText(`oidc:${login}`);
    await expect(page.getByTestId('user-role')).toHaveText(role);
    const me = await (await page.request.get('/api/auth/me')).json();
    expect(me).toMatchObject({ username: `oidc:${login}`, role, via: 'oidc' });
  }
  await snap(page, 'oidc-viewer');
});

test('after signing in, a next= that would lead to another site leads home instead', async ({
  page,
  baseURL,
}) => {
  // %09 is a tab and %5C a backslash once decoded: browsers would turn both into //evil.example.
  for (const next of ['/%09/evil.example', '/%0A/evil.example', '/%5Cevil.example', '//evil.example']) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${next}`);
    await page.getByLabel('User name', { exact: true }).fill('viewer');
    await page.getByLabel('Password', { exact: true }).fill(testUsers.viewer.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('user-name')).toHaveText('viewer');
    expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
  }
});
