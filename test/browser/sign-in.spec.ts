import { expect, test } from '@playwright/test';
import { signIn, signOut, USERS } from './support/session';

const ME = JSON.stringify({ query: '{ me { user { email } } }' });

test.describe('sign-in', () => {
  test('the form is in Polish; a wrong password is refused in words, the right one opens the inbox', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');

    await page.getByLabel('E-mail').fill(USERS.pupCaseworker);
    await page.getByLabel('Hasło').fill('not-the-password');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expect(page.getByRole('alert')).toContainText('Nieprawidłowy e-mail lub hasło.');

    await signIn(page, USERS.pupCaseworker);
    await expect(page.getByRole('navigation', { name: 'Menu główne' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('button', { name: 'Wyloguj się' })).toBeVisible();
  });

  test('the session cookie is HttpOnly and SameSite=Strict, scoped to /graphql', async ({ page, context }) => {
    await signIn(page, USERS.pupCaseworker);
    const cookies = await context.cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
    // Scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  test('sign-out ends the session on the server: the old cookie gets UNAUTHENTICATED', async ({
    page,
    context,
    baseURL,
  }) => {
    await signIn(page, USERS.cisCaseworker);
    const [cookie] = await context.cookies();
    const replay = () =>
      page.request.post('/graphql', {
        headers: { 'content-type': 'application/json', origin: baseURL!, cookie: `${cookie.name}=${cookie.value}` },
        data: ME,
      });
    expect((await (await replay()).json()).data.me.user.email).toBe(USERS.cisCaseworker);

    await signOut(page);
    const answer = await (await replay()).json();
    expect(answer.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('a cross-site form POST to /graphql is refused, and carries no session', async ({ page, baseURL }) => {
    await signIn(page, USERS.pupCaseworker);
    // A page of another site (here a blank page) posts a plain form to the API, as a CSRF attack would.
    await page.goto('about:blank');
    await page.setContent(
      `<form method="POST" action="${baseURL}/graphql" enctype="text/plain">` +
        `<input name='{"query":"mutation { markAllNotificationsRead }","x":"' value='"}'></form>`,
    );
    await page.locator('form').evaluate((form: HTMLFormElement) => form.submit());
    await page.waitForURL(`${baseURL}/graphql`);
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('"markAllNotificationsRead"');
    expect(body).toMatch(/CSRF|UNAUTHENTICATED|BAD_REQUEST/);
  });

  test('after five wrong passwords the account is rate-limited, and the form says so', async ({ page }) => {
    await page.goto('/sign-in');
    const email = page.getByLabel('E-mail');
    const password = page.getByLabel('Hasło');
    const submit = page.getByRole('button', { name: 'Zaloguj się' });
    for (let attempt = 1; attempt <= 5; attempt++) {
      await email.fill('auditor@demo.local');
      await password.fill(`wrong-${attempt}`);
      await submit.click();
      await expect(page.getByRole('alert')).toContainText('Nieprawidłowy e-mail lub hasło.');
    }
    await password.fill('demo');
    await submit.click();
    await expect(page.getByRole('alert')).toContainText('Zbyt wiele nieudanych prób logowania');
  });
});
