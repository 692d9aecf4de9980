import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { uniqueSurname, validPesel } from './support/api';
import { signIn, USERS } from './support/session';

/**
 * The referral loop, each step as the real user in the browser: the PUP
 * caseworker registers a participant, records the consent on the spot (the
 * document's SHA-256 computed in the browser) and sends a referral; the CIS
 * caseworker sees it arrive live, accepts, starts and completes it with an
 * outcome; the PUP caseworker sees COMPLETED and the outcome in words.
 */
test('PUP → CIS: register, consent, send; CIS accepts, starts, completes; PUP sees the outcome', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const pup = await (await browser.newContext()).newPage();
  const cis = await (await browser.newContext()).newPage();
  const surname = uniqueSurname('Wiśniewska');

  // The CIS caseworker is at work, looking at the inbox.
  await signIn(cis, USERS.cisCaseworker);
  const unreadBefore = await cis.getByRole('link', { name: /nieprzeczytan/ }).getAttribute('aria-label');

  // PUP registers the participant.
  await signIn(pup, USERS.pupCaseworker);
  await pup.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Uczestnicy' }).click();
  await pup.getByRole('link', { name: 'Zarejestruj uczestnika' }).click();
  await pup.getByLabel('Imię').fill('Zofia');
  await pup.getByLabel('Nazwisko').fill(surname);
  await pup.getByLabel('PESEL').fill('12345678901');
  await expect(pup.getByText('Nieprawidłowy PESEL')).toBeVisible();
  await pup.getByLabel('PESEL').fill(validPesel());
  await pup.getByLabel('Telefon').fill('600 100 200');
  await pup.getByRole('button', { name: 'Zarejestruj' }).click();
  await expect(pup.getByRole('heading', { name: `Zofia ${surname}`, level: 1 })).toBeVisible();

  // … and refers her to the CIS: the gate says no consent yet, the consent is recorded on the spot.
  await pup.getByRole('link', { name: 'Skieruj' }).click();
  await expect(pup.getByRole('heading', { name: 'Nowe skierowanie' })).toBeVisible();
  await pup.getByRole('textbox', { name: 'Organizacja przyjmująca' }).click();
  await pup.getByRole('option', { name: /Powiatowe Centrum Integracji Społecznej/ }).click();
  await pup.getByRole('textbox', { name: 'Usługa (opcjonalnie)' }).click();
  await pup.getByRole('option', { name: /Warsztat gastronomiczny — wolne miejsca: \d+ z 12/ }).click();
  await expect(pup.getByText('Skierowania nie można jeszcze wysłać')).toBeVisible();
  await expect(pup.getByText('Brak zgody uczestnika na skierowanie do tego odbiorcy')).toBeVisible();
  await expect(pup.getByRole('button', { name: 'Wyślij skierowanie' })).toBeDisabled();

  const chooser = pup.waitForEvent('filechooser');
  await pup.getByRole('button', { name: 'Podpisany dokument (opcjonalnie)' }).click();
  await (await chooser).setFiles({ name: 'zgoda.pdf', mimeType: 'application/pdf', buffer: Buffer.from('zgoda') });
  // SHA-256("zgoda"), computed by the browser.
  await expect(pup.getByLabel('Skrót SHA-256 dokumentu')).toContainText(
    createHash('sha256').update('zgoda').digest('hex'),
  );
  await pup.getByRole('button', { name: 'Zapisz zgodę' }).click();
  await expect(pup.getByText('Zgoda jest — skierowanie można wysłać')).toBeVisible();

  await pup.getByRole('textbox', { name: 'Powód skierowania' }).click();
  await pup.getByRole('option', { name: 'Długotrwałe bezrobocie' }).click();
  await pup.getByLabel('Uzasadnienie').fill('Trzy lata bez pracy, chce pracować w gastronomii.');
  await pup.getByRole('button', { name: 'Wyślij skierowanie' }).click();
  await expect(pup.getByRole('heading', { name: `Skierowanie: Zofia ${surname}` })).toBeVisible();
  await expect(pup.getByText('Wysłane').first()).toBeVisible();

  // The CIS caseworker sees it arrive, live, without reloading.
  await expect(cis.getByRole('link', { name: /nieprzeczytan/ })).not.toHaveAttribute('aria-label', unreadBefore!);
  const arrived = cis.getByRole('list', { name: 'Powiadomienia' }).getByRole('link').first();
  await expect(arrived).toBeVisible();
  await arrived.click();
  await expect(cis.getByRole('heading', { name: `Skierowanie: Zofia ${surname}` })).toBeVisible();

  const act = async (action: string, then: string) => {
    await cis.getByRole('group', { name: 'Dostępne czynności' }).getByRole('button', { name: action }).click();
    const dialog = cis.getByRole('dialog', { name: action });
    return { dialog, confirm: () => dialog.getByRole('button', { name: `${action} — potwierdź` }).click(), then };
  };
  let step = await act('Przyjmij', 'Przyjęte');
  await step.confirm();
  await expect(cis.getByText('Przyjęte').first()).toBeVisible();
  step = await act('Rozpocznij realizację', 'W realizacji');
  await step.confirm();
  await expect(cis.getByText('W realizacji').first()).toBeVisible();
  step = await act('Zakończ z wynikiem', 'Zakończone');
  await step.dialog.getByRole('textbox', { name: 'Wynik' }).click();
  await cis.getByRole('option', { name: 'Zatrudnienie na otwartym rynku' }).click();
  await step.confirm();
  await expect(cis.getByText('Zakończone').first()).toBeVisible();
  // Nothing more to do with a completed referral.
  await expect(cis.getByRole('group', { name: 'Dostępne czynności' })).toHaveCount(0);

  // PUP sees it completed, with the outcome in words.
  await pup.reload();
  await expect(pup.getByText('Zakończone').first()).toBeVisible();
  await expect(pup.getByText('Wynik: Zatrudnienie na otwartym rynku').first()).toBeVisible();
});
