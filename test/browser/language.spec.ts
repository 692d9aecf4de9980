import { expect, test } from '@playwright/test';
import { signIn, USERS } from './support/session';

test('the user language decides: switched to English, the console (and the next sign-in) speaks English', async ({
  page,
}) => {
  await signIn(page, USERS.opsSocialWorker);
  await page.getByRole('combobox', { name: 'Język' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Saved as the user's language: a fresh browser, signed in again, is in English at once.
  const fresh = await (await page.context().browser()!.newContext()).newPage();
  await fresh.goto('/sign-in');
  await fresh.getByLabel('E-mail').fill(USERS.opsSocialWorker);
  await fresh.getByLabel('Hasło').fill('demo');
  await fresh.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(fresh.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  await fresh.getByRole('link', { name: 'Referrals' }).click();
  await expect(fresh.getByRole('radio', { name: 'Incoming' })).toBeAttached();

  // Back to Polish, as the demo user was.
  await fresh.getByRole('combobox', { name: 'Language' }).selectOption('pl');
  await expect(fresh.getByRole('heading', { name: 'Skierowania', level: 1 })).toBeVisible();
});
