import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo';

export const USERS = {
  pupCaseworker: 'pup.caseworker@demo.local',
  cisCaseworker: 'cis.caseworker@demo.local',
  opsSocialWorker: 'ops.socialworker@demo.local',
  mopsCoordinator: 'mops.coordinator@demo.local',
  pigMember: 'pig.member@demo.local',
} as const;

/** Signs in through the form, as a person does, and waits for the inbox. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Hasło').fill(password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page.getByRole('heading', { name: 'Skrzynka', level: 1 })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Wyloguj się' }).click();
  await expect(page.getByRole('button', { name: 'Zaloguj się' })).toBeVisible();
}
