import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { Api, uniqueSurname } from './support/api';
import { signIn, USERS } from './support/session';

/** A referral PUP → CIS, sent, with its participant's consent (set up through the API). */
async function sentReferral(api: Api, toServiceId?: string) {
  const surname = uniqueSurname('Nowak');
  const participantId = await api.createParticipant(USERS.pupCaseworker, 'Marek', surname);
  const cisId = await api.organisationId(USERS.pupCaseworker, 'PCIS Legionowo');
  await api.grantConsent(USERS.pupCaseworker, participantId, cisId);
  const referral = await api.sendReferral(USERS.pupCaseworker, participantId, cisId, toServiceId);
  return { ...referral, surname, cisId };
}

async function openAction(page: Page, action: string) {
  await page.getByRole('group', { name: 'Dostępne czynności' }).getByRole('button', { name: action }).click();
  return page.getByRole('dialog', { name: action });
}

test.describe('referral actions', () => {
  test('a decline asks for the reason, and the timeline shows it in words', async ({ page, request }) => {
    const referral = await sentReferral(new Api(request));
    await signIn(page, USERS.cisCaseworker);
    await page.goto(`/referrals/${referral.id}`);

    const dialog = await openAction(page, 'Odrzuć');
    await dialog.getByRole('button', { name: 'Odrzuć — potwierdź' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Uzupełnij wymagane pola.');
    await dialog.getByRole('textbox', { name: 'Powód' }).click();
    await page.getByRole('option', { name: 'Poza obszarem działania' }).click();
    await dialog.getByLabel('Uwagi (opcjonalnie)').fill('Mieszka poza powiatem');
    await dialog.getByRole('button', { name: 'Odrzuć — potwierdź' }).click();

    await expect(page.getByText('Odrzucone').first()).toBeVisible();
    await expect(page.getByText('Powód: Poza obszarem działania')).toBeVisible();
    await expect(page.getByText('„Mieszka poza powiatem”')).toBeVisible();
  });

  test('a CONFLICT after someone else moved the referral says what changed and reloads', async ({ page, request }) => {
    const api = new Api(request);
    const referral = await sentReferral(api);
    await signIn(page, USERS.cisCaseworker);
    await page.goto(`/referrals/${referral.id}`);
    await expect(page.getByText('Wysłane').first()).toBeVisible();

    // A colleague accepts it meanwhile (another session, through the API).
    await api.as(
      USERS.cisCaseworker,
      'mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { id } }',
      {
        input: { referralId: referral.id },
      },
    );

    const dialog = await openAction(page, 'Odrzuć');
    await dialog.getByRole('textbox', { name: 'Powód' }).click();
    await page.getByRole('option', { name: 'Brak wolnych miejsc' }).click();
    await dialog.getByRole('button', { name: 'Odrzuć — potwierdź' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Skierowanie zmieniło się w międzyczasie' });
    await expect(alert).toContainText('z „Wysłane” na „Przyjęte”');
    // Reloaded: the page shows the new state and the actions it allows now.
    await expect(page.getByRole('button', { name: 'Rozpocznij realizację' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Odrzuć' })).toHaveCount(0);
  });

  test('a coordinator accepts into a full service with a reason; a caseworker cannot', async ({ browser, request }) => {
    const api = new Api(request);
    const cisId = await api.organisationId(USERS.pupCaseworker, 'PCIS Legionowo');
    // A one-place service at the CIS, and a coordinator there (its partner admin sets both up).
    const tag = randomBytes(3).toString('hex');
    const service = await api.as(
      'cis.admin@demo.local',
      'mutation($input: AddOrganisationServiceInput!) { addOrganisationService(input: $input) { id } }',
      { input: { organisationId: cisId, name: `Warsztat próbny ${tag}`, capacity: 1 } },
    );
    const serviceId = service.addOrganisationService.id as string;
    const coordinator = { email: `cis.coordinator.${tag}@demo.local`, password: `coordinator-${tag}-pass` };
    await api.as('cis.admin@demo.local', 'mutation($input: AddMemberInput!) { addMember(input: $input) { id } }', {
      input: {
        organisationId: cisId,
        email: coordinator.email,
        displayName: 'Koordynator Testowy',
        initialPassword: coordinator.password,
        role: 'COORDINATOR',
      },
    });
    const first = await sentReferral(api, serviceId);
    const second = await sentReferral(api, serviceId);
    await api.as(
      USERS.cisCaseworker,
      'mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { id } }',
      {
        input: { referralId: first.id },
      },
    );

    // The caseworker is told the service is full.
    const caseworker = await (await browser.newContext()).newPage();
    await signIn(caseworker, USERS.cisCaseworker);
    await caseworker.goto(`/referrals/${second.id}`);
    let dialog = await openAction(caseworker, 'Przyjmij');
    await dialog.getByRole('button', { name: 'Przyjmij — potwierdź' }).click();
    await expect(dialog.getByRole('alert')).toContainText('nie ma wolnych miejsc (zajęte 1 z 1)');

    // The coordinator accepts beyond capacity, saying why.
    const page = await (await browser.newContext()).newPage();
    await signIn(page, coordinator.email, coordinator.password);
    await page.goto(`/referrals/${second.id}`);
    dialog = await openAction(page, 'Przyjmij');
    await dialog.getByRole('button', { name: 'Przyjmij — potwierdź' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Aby przyjąć ponad limit, podaj uzasadnienie');
    await dialog
      .getByLabel('Przyjęcie ponad limit miejsc — uzasadnienie')
      .fill('Pilna potrzeba, zwolni się miejsce za tydzień');
    await dialog.getByRole('button', { name: 'Przyjmij — potwierdź' }).click();
    await expect(page.getByText('Przyjęte').first()).toBeVisible();
    await expect(page.getByText(/capacity override \(1\/1\): Pilna potrzeba/)).toBeVisible();
  });

  test('a forward to an organisation without the consent is refused in words; with it, the referral is handed on', async ({
    page,
    request,
  }) => {
    const api = new Api(request);
    const referral = await sentReferral(api);
    const mopsId = await api.organisationId(USERS.pupCaseworker, 'MOPS Sochaczew');
    const participant = await api.as(USERS.pupCaseworker, 'query($id: ID!) { referral(id: $id) { participantId } }', {
      id: referral.id,
    });
    await api.grantConsent(USERS.pupCaseworker, participant.referral.participantId, mopsId);

    await signIn(page, USERS.cisCaseworker);
    await page.goto(`/referrals/${referral.id}`);
    const dialog = await openAction(page, 'Przekaż dalej');
    await dialog.getByRole('textbox', { name: 'Przekaż do organizacji' }).click();
    await page.getByRole('option', { name: 'Ośrodek Pomocy Społecznej w Kampinosie' }).click();
    await dialog.getByRole('button', { name: 'Przekaż dalej — potwierdź' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      'Uczestnik nie zgodził się na przekazanie danych tej organizacji',
    );
    await dialog.getByRole('textbox', { name: 'Przekaż do organizacji' }).click();
    await page.getByRole('option', { name: 'Miejski Ośrodek Pomocy Społecznej w Sochaczewie' }).click();
    await dialog.getByRole('button', { name: 'Przekaż dalej — potwierdź' }).click();

    await expect(page.getByText('Przekazane dalej').first()).toBeVisible();
    await page.getByRole('link', { name: 'Skierowanie przekazane dalej' }).click();
    await expect(
      page.getByText('Miejski Ośrodek Pomocy Społecznej w Sochaczewie', { exact: false }).first(),
    ).toBeVisible();
    await expect(page.getByText('Wysłane').first()).toBeVisible();
  });
});
