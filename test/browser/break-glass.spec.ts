import { expect, test } from '@playwright/test';
import { Api, uniqueSurname } from './support/api';
import { signIn, USERS } from './support/session';

test('a coordinator opens break-glass with a reason and a duration, and sees the countdown', async ({
  page,
  request,
}) => {
  const api = new Api(request);
  const surname = uniqueSurname('Wójcik');
  const participantId = await api.createParticipant(USERS.pupCaseworker, 'Tomasz', surname);
  const mopsId = await api.organisationId(USERS.pupCaseworker, 'MOPS Sochaczew');
  await api.grantConsent(USERS.pupCaseworker, participantId, mopsId);
  // The consent for REFERRAL gives MOPS access while a referral to it is open.
  await api.sendReferral(USERS.pupCaseworker, participantId, mopsId);

  await signIn(page, USERS.mopsCoordinator);
  await page.goto(`/participants/${participantId}`);
  await expect(page.getByRole('heading', { name: `Tomasz ${surname}`, level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Zatrudnienie' })).toContainText('Niewidoczne');

  await page.getByRole('button', { name: 'Dostęp awaryjny' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dostęp awaryjny (break-glass)' });
  await dialog.getByLabel('Dlaczego to nie może czekać?').fill('Interwencja kryzysowa, uczestnik w zagrożeniu');
  await dialog.getByLabel('Na ile godzin (1–24)').fill('2');
  await dialog.getByRole('button', { name: 'Otwórz dostęp awaryjny' }).click();

  await expect(page.getByText('Dostęp awaryjny trwa')).toBeVisible();
  const timer = page.getByRole('timer', { name: 'Pozostały czas dostępu awaryjnego' });
  await expect(timer).toHaveText(/^[01]:[0-5]\d:[0-5]\d$/);
  const first = await timer.textContent();
  await expect(timer).not.toHaveText(first!);
  // What the break-glass opened is read again at once.
  await expect(page.getByText('widzisz na podstawie: dostęp awaryjny')).toBeVisible();
});
