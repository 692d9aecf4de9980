import { expect, test, type Page } from '@playwright/test';
import { Api, uniqueSurname } from './support/api';
import { USERS } from './support/session';

/** Presses Tab until the focused control's label (or text) contains `name`; fails after `max` presses. */
async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // The focused control's own name: its label, aria-label, or (buttons, links) its text; never a container's.
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      const label =
        el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? (el.labels?.[0]?.textContent ?? '') : '';
      const text = el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement ? (el.textContent ?? '') : '';
      return `${label} ${el.getAttribute('aria-label') ?? ''} ${text}`;
    });
    if (focused.includes(name)) return;
  }
  throw new Error(`no control named "${name}" within ${max} Tab presses`);
}

/** In a searchable select: type, take the first match. */
async function choose(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

test('the whole send-referral path works from the keyboard alone', async ({ page, request }) => {
  test.setTimeout(90_000);
  const api = new Api(request);
  const surname = uniqueSurname('Dąbrowska');
  await api.createParticipant(USERS.pupCaseworker, 'Alicja', surname);

  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Zaloguj się' })).toBeVisible();
  await tabTo(page, 'E-mail');
  await page.keyboard.type(USERS.pupCaseworker);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Skrzynka', level: 1 })).toBeVisible();

  await tabTo(page, 'Nowe skierowanie');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/referrals\/new$/);
  await expect(page.getByRole('heading', { name: 'Nowe skierowanie', level: 1 })).toBeVisible();

  await choose(page, 'Uczestnik', surname);
  await expect(page.getByRole('textbox', { name: 'Uczestnik' })).toHaveValue(`${surname} Alicja`);
  await choose(page, 'Organizacja przyjmująca', 'Centrum Integracji');
  await expect(page.getByText('Skierowania nie można jeszcze wysłać')).toBeVisible();

  // The consent, recorded on the spot with the form's defaults (referral; identity and contact; paper).
  await tabTo(page, 'Zapisz zgodę');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Zgoda jest — skierowanie można wysłać')).toBeVisible();

  await choose(page, 'Powód skierowania', 'Długotrwałe');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Skierowanie wysłane wyłącznie z klawiatury.');
  await tabTo(page, 'Wyślij skierowanie');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: `Skierowanie: Alicja ${surname}` })).toBeVisible();
  await expect(page.getByText('Wysłane').first()).toBeVisible();
});
