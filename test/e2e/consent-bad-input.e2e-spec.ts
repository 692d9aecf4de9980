import { startTestApp, TestApp } from '@app/testing';
import { addDays, demo, Demo, DemoClientName, fullParticipant, M, rowCounts } from './support/participants';

const UNKNOWN = '7d4e2f0a-1b3c-4d5e-8f90-a1b2c3d4e5f6';

/** A PESEL with a correct check digit for the first ten digits given. */
function withCheckDigit(first10: string): string {
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...first10].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return `${first10}${(10 - (sum % 10)) % 10}`;
}

/**
 * Bad input is refused with a clear coded error and nothing is written: every
 * table the participants and consents libraries write is counted before and
 * after each refused call.
 */
describe('bad input to participants and consents', () => {
  let api: TestApp;
  let d: Demo;
  let participantId: string;

  beforeAll(async () => {
    api = await startTestApp();
    d = await demo(api);
    participantId = (
      await d.clients.welfareSocialWorker.data(M.createParticipant, { input: fullParticipant('Poprawny') })
    ).createParticipant.id;
  });
  afterAll(async () => {
    await d?.close();
    await api?.close();
  });

  const consentInput = (overrides: Record<string, unknown> = {}) => ({
    participantId,
    recipientOrganisationId: d.org.cis,
    purposes: ['REFERRAL'],
    dataCategories: ['IDENTITY'],
    validFrom: addDays(d.today, -1),
    evidence: { method: 'PAPER_SIGNATURE' },
    ...overrides,
  });

  /** The call's error code and field problems; asserts nothing was written. */
  async function refused(client: DemoClientName, query: string, variables: Record<string, unknown>) {
    const before = await rowCounts(d.sql);
    const result = await d.clients[client].request(query, variables);
    expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();
    expect(await rowCounts(d.sql)).toEqual(before);
    const error = result.errors?.[0];
    return {
      code: error?.extensions?.code,
      fields: JSON.stringify(error?.extensions?.fields ?? []),
      message: error?.message,
    };
  }

  it('an invalid PESEL (bad check digit, impossible date, wrong length)', async () => {
    const valid = withCheckDigit('4405140135');
    expect(valid).toBe('44051401359');
    for (const pesel of ['44051401358', withCheckDigit('4402300135'), '4405140135', '4405140135X']) {
      const result = await refused('welfareSocialWorker', M.createParticipant, {
        input: { identity: { firstName: 'Jan', lastName: 'Zły', pesel } },
      });
      expect({ pesel, code: result.code }).toEqual({ pesel, code: 'BAD_USER_INPUT' });
      expect(result.fields).toContain('identity.pesel');
    }
  });

  it('a consent with validUntil before validFrom', async () => {
    const result = await refused('welfareSocialWorker', M.grantConsent, {
      input: consentInput({ validFrom: addDays(d.today, 5), validUntil: addDays(d.today, 4) }),
    });
    expect(result.code).toBe('BAD_USER_INPUT');
    expect(result.fields).toContain('validUntil');
  });

  it('dates that are not dates', async () => {
    for (const validFrom of ['2026-02-30', '23.11.2026', '2026-1-1']) {
      const result = await refused('welfareSocialWorker', M.grantConsent, { input: consentInput({ validFrom }) });
      expect({ validFrom, code: result.code }).toEqual({ validFrom, code: 'BAD_USER_INPUT' });
    }
  });

  it('unknown categories or purposes are schema errors', async () => {
    expect(
      (await refused('welfareSocialWorker', M.grantConsent, { input: consentInput({ dataCategories: ['SHOE_SIZE'] }) }))
        .code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await refused('welfareSocialWorker', M.grantConsent, { input: consentInput({ purposes: ['MARKETING'] }) })).code,
    ).toBe('BAD_USER_INPUT');
    const inline = await refused(
      'welfareSocialWorker',
      `mutation { grantConsent(input: { participantId: "${UNKNOWN}", recipientOrganisationId: "${UNKNOWN}",
         purposes: [MARKETING], dataCategories: [IDENTITY], validFrom: "2026-01-01", evidence: { method: ELECTRONIC } }) { id } }`,
      {},
    );
    expect(inline.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // An empty list is no consent either.
    expect(
      (await refused('welfareSocialWorker', M.grantConsent, { input: consentInput({ dataCategories: [] }) })).code,
    ).toBe('BAD_USER_INPUT');
  });

  it('a consent for another organisation’s participant, or an unknown one, is NOT_FOUND', async () => {
    expect(
      (await refused('cisCaseworker', M.grantConsent, { input: consentInput({ recipientOrganisationId: d.org.pup }) }))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await refused('welfareSocialWorker', M.grantConsent, { input: consentInput({ participantId: UNKNOWN }) })).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await refused('welfareSocialWorker', M.grantConsent, {
          input: consentInput({ recipientOrganisationId: UNKNOWN }),
        })
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('a consent beyond the agreement: a category, a purpose, a recipient without agreement, a partnership without one', async () => {
    // The PUP–OPS agreement: REFERRAL and REINTEGRATION_SUPPORT; no HEALTH.
    const health = await refused('welfareSocialWorker', M.grantConsent, {
      input: consentInput({ recipientOrganisationId: d.org.pup, dataCategories: ['IDENTITY', 'HEALTH'] }),
    });
    expect(health.code).toBe('BAD_USER_INPUT');
    expect(health.fields).toContain('HEALTH');
    expect(health.fields).not.toContain('IDENTITY');
    const purpose = await refused('welfareSocialWorker', M.grantConsent, {
      input: consentInput({ recipientOrganisationId: d.org.pup, purposes: ['EMPLOYMENT_MEDIATION'] }),
    });
    expect(purpose.code).toBe('BAD_USER_INPUT');
    expect(purpose.fields).toContain('EMPLOYMENT_MEDIATION');
    expect(
      (
        await refused('welfareSocialWorker', M.grantConsent, {
          input: consentInput({ recipientOrganisationId: d.org.pig }),
        })
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await refused('welfareSocialWorker', M.grantConsent, {
          input: consentInput({ recipientOrganisationId: undefined, recipientPartnershipId: d.partnershipId }),
        })
      ).code,
    ).toBe('BAD_USER_INPUT');
  });

  it('a consent to the owner itself, to both or to neither recipient', async () => {
    for (const overrides of [
      { recipientOrganisationId: d.org.ops },
      { recipientPartnershipId: d.partnershipId },
      { recipientOrganisationId: undefined },
    ]) {
      const result = await refused('welfareSocialWorker', M.grantConsent, { input: consentInput(overrides) });
      expect({ overrides, code: result.code }).toEqual({ overrides, code: 'BAD_USER_INPUT' });
    }
  });

  it('evidence that is not evidence', async () => {
    const result = await refused('welfareSocialWorker', M.grantConsent, {
      input: consentInput({ evidence: { method: 'PAPER_SIGNATURE', documentHash: 'not-a-hash' } }),
    });
    expect(result.code).toBe('BAD_USER_INPUT');
    expect(result.fields).toContain('evidence.documentHash');
  });

  it('only caseworkers and coordinators record consents and participants', async () => {
    const pupParticipant = (
      await d.clients.labourOfficeCaseworker.data(M.createParticipant, { input: fullParticipant('PUP') })
    ).createParticipant.id;
    const byAdmin = await refused('labourOfficeAdmin', M.grantConsent, {
      input: consentInput({ participantId: pupParticipant }),
    });
    expect(byAdmin.code).toBe('FORBIDDEN');
    expect((await refused('auditor', M.createParticipant, { input: fullParticipant('Audyt') })).code).toBe('FORBIDDEN');
  });

  it('a legal basis with validUntil before validFrom, for oneself, or by someone else', async () => {
    const input = {
      ownerOrganisationId: d.org.mops,
      recipientOrganisationId: d.org.pup,
      purpose: 'REFERRAL',
      dataCategories: ['IDENTITY'],
      citation: 'art. 50 ustawy',
      validFrom: addDays(d.today, 2),
      validUntil: addDays(d.today, 1),
    };
    expect((await refused('welfareCoordinator', M.recordLegalBasis, { input })).code).toBe('BAD_USER_INPUT');
    expect(
      (
        await refused('welfareCoordinator', M.recordLegalBasis, {
          input: { ...input, validUntil: undefined, recipientOrganisationId: d.org.mops },
        })
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await refused('cisCaseworker', M.recordLegalBasis, { input: { ...input, validUntil: undefined } })).code,
    ).toBe('FORBIDDEN');
  });

  it('a stale version on update is a CONFLICT', async () => {
    const update = `mutation($input: UpdateParticipantInput!) { updateParticipant(input: $input) { id version } }`;
    const ok = await d.clients.welfareSocialWorker.data(update, {
      input: { id: participantId, expectedVersion: 1, housing: { situation: 'mieszkanie chronione' } },
    });
    expect(ok.updateParticipant.version).toBe(2);
    const result = await refused('welfareSocialWorker', update, {
      input: { id: participantId, expectedVersion: 1, housing: { situation: 'inne' } },
    });
    expect(result.code).toBe('CONFLICT');
    expect(
      (
        await refused('cisCaseworker', update, {
          input: { id: participantId, expectedVersion: 2, housing: { situation: 'x' } },
        })
      ).code,
    ).toBe('NOT_FOUND');
  });
});
