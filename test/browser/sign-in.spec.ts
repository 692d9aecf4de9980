import { expect, test } from '@playwright/test';
import { USERS } from './support/session';

test.describe('sign-in', () => {
  test('the form is in Polish and a wrong password is refused in words', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');

    await page.getByLabel('E-mail').fill(USERS.pupCaseworker);
    await page.getByLabel('Hasło').fill('not-the-password');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expect(page.getByRole('alert')).toContainText('Nieprawidłowy e-mail lub hasło.');
  });
});
