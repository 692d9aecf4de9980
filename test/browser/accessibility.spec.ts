import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Api, uniqueSurname } from './support/api';
import { signIn, USERS } from './support/session';

/** Serious and critical WCAG 2.1 A/AA violations on what the page shows now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(', ')})`,
    );
}

/** Codes the API returns (NO_CAPACITY, IN_PROGRESS, …) left on screen instead of words. */
async function rawCodes(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return text.match(/\b[A-Z]{2,}(?:_[A-Z]+)+\b/g) ?? [];
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * Each screen as its user sees it: axe finds nothing serious, no API code is shown as a code, and
 * nothing scrolls sideways on an office laptop or a phone.
 */
async function checkScreen(page: Page, name: string, show: () => Promise<void>) {
  await test.step(name, async () => {
    await page.setViewportSize(DESKTOP);
    await show();
    expect(await seriousViolations(page), `${name}: axe`).toEqual([]);
    expect(await rawCodes(page), `${name}: codes shown as codes`).toEqual([]);
    expect(await horizontalOverflow(page), `${name}: sideways scroll at 1366×768`).toBeLessThanOrEqual(0);
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(100);
    expect(await horizontalOverflow(page), `${name}: sideways scroll at 390×844`).toBeLessThanOrEqual(0);
    await page.setViewportSize(DESKTOP);
  });
}

test('every screen: no serious axe violation, no sideways scrolling', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const api = new Api(request);
  const surname = uniqueSurname('Kamińska');
  const participantId = await api.createParticipant(USERS.pupCaseworker, 'Joanna', surname);
  const cisId = await api.organisationId(USERS.pupCaseworker, 'PCIS Legionowo');
  const mopsId = await api.organisationId(USERS.pupCaseworker, 'MOPS Sochaczew');
  await api.grantConsent(USERS.pupCaseworker, participantId, cisId);
  await api.grantConsent(USERS.pupCaseworker, participantId, mopsId);
  await api.sendReferral(USERS.pupCaseworker, participantId, mopsId);
  const referral = await api.sendReferral(USERS.pupCaseworker, participantId, cisId);

  const page = await (await browser.newContext()).newPage();
  await checkScreen(page, 'sign-in', async () => {
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Zaloguj się' })).toBeVisible();
  });
  await signIn(page, USERS.pupCaseworker);
  await checkScreen(page, 'inbox', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Skrzynka' })).toBeVisible();
  });
  await checkScreen(page, 'referral list', async () => {
    await page.goto('/referrals?direction=OUTGOING');
    await expect(page.getByRole('link', { name: `Joanna ${surname}` }).first()).toBeVisible();
  });
  await checkScreen(page, 'referral list, every status of the demo data', async () => {
    await page.goto('/referrals?direction=ALL');
    await expect(page.getByRole('list', { name: 'Skierowania' }).getByRole('listitem').first()).toBeVisible();
  });
  await checkScreen(page, 'referral page', async () => {
    await page.goto(`/referrals/${referral.id}`);
    await expect(page.getByRole('heading', { name: `Skierowanie: Joanna ${surname}` })).toBeVisible();
  });
  await checkScreen(page, 'referral action dialog', async () => {
    await page.goto(`/referrals/${referral.id}`);
    await page.getByRole('button', { name: 'Anuluj skierowanie' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  });
  await checkScreen(page, 'new referral with the consent preflight and the consent form', async () => {
    await page.goto(`/referrals/new?participant=${participantId}`);
    await page.getByRole('textbox', { name: 'Organizacja przyjmująca' }).click();
    await page.getByRole('option', { name: /Kampinos/ }).click();
    await expect(page.getByRole('button', { name: 'Zapisz zgodę' })).toBeVisible();
  });
  await checkScreen(page, 'participant list', async () => {
    await page.goto(`/participants?q=${surname}`);
    await expect(page.getByRole('link', { name: new RegExp(surname) })).toBeVisible();
  });
  await checkScreen(page, 'participant form', async () => {
    await page.goto('/participants/new');
    await page.getByLabel('PESEL').fill('123');
    await expect(page.getByText('Nieprawidłowy PESEL')).toBeVisible();
  });
  for (const tab of ['Dane', 'Zgody', 'Dziennik dostępu']) {
    await checkScreen(page, `participant (owner): ${tab}`, async () => {
      await page.goto(`/participants/${participantId}`);
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    });
  }

  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, USERS.cisCaseworker);
  await checkScreen(partner, 'participant (partner) with "Dlaczego to widzę?"', async () => {
    await partner.goto(`/participants/${participantId}`);
    await partner.getByRole('button', { name: 'Dlaczego to widzę?' }).click();
    await expect(partner.getByText('Podstawa dostępu: zgoda')).toBeVisible();
  });

  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, USERS.mopsCoordinator);
  await checkScreen(coordinator, 'break-glass dialog', async () => {
    await coordinator.goto(`/participants/${participantId}`);
    await coordinator.getByRole('button', { name: 'Dostęp awaryjny' }).click();
    await expect(coordinator.getByRole('dialog')).toBeVisible();
  });
});
