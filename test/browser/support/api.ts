import { randomInt } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './session';

/**
 * Test set-up through the real API (bearer tokens, as an API client would),
 * for the data a journey needs but does not itself test: it is the browser
 * steps that are under test.
 */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly request: APIRequestContext) {}

  async as<T = any>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const token = await this.token(email);
    const response = await this.request.post('/graphql', {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      data: { query, variables },
    });
    const body = await response.json();
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data as T;
  }

  private async token(email: string): Promise<string> {
    let token = this.tokens.get(email);
    if (!token) {
      const response = await this.request.post('/graphql', {
        headers: { 'content-type': 'application/json' },
        data: {
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
          variables: { e: email, p: DEMO_PASSWORD },
        },
      });
      token = (await response.json()).data.login.accessToken as string;
      this.tokens.set(email, token);
    }
    return token;
  }

  async organisationId(email: string, shortName: string): Promise<string> {
    const data = await this.as<{ organisations: { id: string; shortName: string }[] }>(
      email,
      '{ organisations { id shortName } }',
    );
    return data.organisations.find((o) => o.shortName === shortName)!.id;
  }

  async createParticipant(email: string, firstName: string, lastName: string): Promise<string> {
    const data = await this.as(
      email,
      'mutation($input: CreateParticipantInput!) { createParticipant(input: $input) { id } }',
      { input: { identity: { firstName, lastName, pesel: validPesel() } } },
    );
    return data.createParticipant.id as string;
  }

  async grantConsent(email: string, participantId: string, recipientOrganisationId: string): Promise<string> {
    const today = new Date().toISOString().slice(0, 10);
    const data = await this.as(email, 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { id } }', {
      input: {
        participantId,
        recipientOrganisationId,
        purposes: ['REFERRAL'],
        dataCategories: ['IDENTITY', 'CONTACT'],
        validFrom: today,
        evidence: { method: 'PAPER_SIGNATURE' },
      },
    });
    return data.grantConsent.id as string;
  }

  async sendReferral(
    email: string,
    participantId: string,
    toOrganisationId: string,
    toServiceId?: string,
  ): Promise<{ id: string; version: number }> {
    const data = await this.as(
      email,
      'mutation($input: CreateReferralInput!) { createReferral(input: $input) { id version } }',
      {
        input: {
          participantId,
          toOrganisationId,
          toServiceId,
          reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
          reason: 'Test set-up',
          send: true,
        },
      },
    );
    return data.createReferral;
  }
}

/** A valid PESEL of a random adult born 1960–1999 (check digit per the statute). */
export function validPesel(): string {
  const year = 1960 + randomInt(40);
  const month = 1 + randomInt(12);
  const day = 1 + randomInt(28);
  const first10 =
    String(year % 100).padStart(2, '0') +
    String(month).padStart(2, '0') +
    String(day).padStart(2, '0') +
    String(randomInt(10_000)).padStart(4, '0');
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...first10].reduce((acc, digit, i) => acc + weights[i] * Number(digit), 0);
  return `${first10}${(10 - (sum % 10)) % 10}`;
}

/** A surname no other test uses (the suite shares one database). */
export function uniqueSurname(base: string): string {
  return `${base}${String.fromCharCode(65 + randomInt(26))}${String.fromCharCode(97 + randomInt(26))}${randomInt(1000)}`;
}
