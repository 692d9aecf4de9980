import { expect, test } from '@playwright/test';
import { Api, uniqueSurname } from './support/api';
import { signIn, USERS } from './support/session';

test.describe('who sees a participant', () => {
  test('a third organisation finds the participant neither by search nor by URL', async ({ page, request }) => {
    const api = new Api(request);
    const surname = uniqueSurname('Zielińska');
    const participantId = await api.createParticipant(USERS.pupCaseworker, 'Ewa', surname);
    const cisId = await api.organisationId(USERS.pupCaseworker, 'PCIS Legionowo');
    await api.grantConsent(USERS.pupCaseworker, participantId, cisId);

    await signIn(page, USERS.pigMember);
    await page.goto('/participants');
    await page.getByLabel('Szukaj po nazwisku').fill(surname);
    await expect(page.getByText('0 uczestników')).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(surname) })).toHaveCount(0);

    await page.goto(`/participants/${participantId}`);
    await expect(page.getByRole('alert')).toContainText('Nie znaleziono');
    await expect(page.getByText(surname)).toHaveCount(0);
  });

  test('a consent withdrawn at PUP hides the data in the CIS view on its next load', async ({ browser, request }) => {
    const api = new Api(request);
    const surname = uniqueSurname('Lewandowski');
    const participantId = await api.createParticipant(USERS.pupCaseworker, 'Piotr', surname);
    const cisId = await api.organisationId(USERS.pupCaseworker, 'PCIS Legionowo');
    await api.grantConsent(USERS.pupCaseworker, participantId, cisId);
    const referral = await api.sendReferral(USERS.pupCaseworker, participantId, cisId);

    const cis = await (await browser.newContext()).newPage();
    await signIn(cis, USERS.cisCaseworker);
    await cis.goto(`/referrals/${referral.id}`);
    await expect(cis.getByRole('heading', { name: `Skierowanie: Piotr ${surname}` })).toBeVisible();
    await cis.getByRole('link', { name: `Piotr ${surname}` }).click();
    await expect(cis.getByRole('heading', { name: `Piotr ${surname}`, level: 1 })).toBeVisible();
    // A partner sees only what it may, each hidden category said in words, and why it sees what it sees.
    await expect(cis.getByRole('region', { name: 'Zdrowie' })).toContainText('Niewidoczne: Brak zgody');
    await cis.getByRole('button', { name: 'Dlaczego to widzę?' }).click();
    await expect(cis.getByText('Podstawa dostępu: zgoda, w celu: Skierowanie.')).toBeVisible();

    // PUP withdraws the consent, confirming.
    const pup = await (await browser.newContext()).newPage();
    await signIn(pup, USERS.pupCaseworker);
    await pup.goto(`/participants/${participantId}`);
    await pup.getByRole('tab', { name: 'Zgody' }).click();
    await pup.getByRole('button', { name: 'Wycofaj' }).click();
    const dialog = pup.getByRole('dialog', { name: 'Wycofanie zgody' });
    await dialog.getByLabel('Powód (opcjonalnie)').fill('Uczestnik wycofał zgodę na piśmie');
    await dialog.getByRole('button', { name: 'Tak, wycofaj zgodę' }).click();
    await expect(pup.getByText('wycofana', { exact: true })).toBeVisible();

    // The CIS page, loaded again, no longer shows the person.
    await cis.reload();
    await expect(cis.getByRole('heading', { name: `Piotr ${surname}` })).toHaveCount(0);
    await cis.goto(`/referrals/${referral.id}`);
    await expect(cis.getByRole('heading', { name: 'Skierowanie: Uczestnik (dane niedostępne)' })).toBeVisible();
    await expect(cis.getByText(surname)).toHaveCount(0);
  });
});
