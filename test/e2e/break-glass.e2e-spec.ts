import { startTestApp, TestApp } from '@app/testing';
import { CATEGORIES } from '../support/access-oracle';
import { demo, Demo, DemoClientName, fullParticipant, M, Q, rowCounts, shownCategories } from './support/participants';

/**
 * Break-glass: only a COORDINATOR of a partner organisation opens it (the MOPS
 * Sochaczew coordinator, on a participant of OPS Kampinos: both are in the
 * CIS-led partnership, with no agreement between them); reads under it are
 * logged as BREAK_GLASS, the owner is told through the outbox, CRIMINAL_RECORD
 * stays null, and expiry ends it.
 */
describe('break-glass emergency access', () => {
  let api: TestApp;
  let d: Demo;
  let opsParticipant: string;
  let cisParticipant: string;
  let mopsParticipant: string;

  const open = (client: DemoClientName, participantId: string, extra: Record<string, unknown> = {}) =>
    d.clients[client].request(M.openEmergencyAccess, {
      input: { participantId, reason: 'Uczestnik w kryzysie, brak kontaktu z OPS', ...extra },
    });

  beforeAll(async () => {
    api = await startTestApp();
    d = await demo(api);
    opsParticipant = (
      await d.clients.welfareSocialWorker.data(M.createParticipant, { input: fullParticipant('Kryzys') })
    ).createParticipant.id;
    cisParticipant = (await d.clients.cisCaseworker.data(M.createParticipant, { input: fullParticipant('Inny') }))
      .createParticipant.id;
    mopsParticipant = (
      await d.clients.welfareCoordinator.data(M.createParticipant, { input: fullParticipant('Własny') })
    ).createParticipant.id;
  });
  afterAll(async () => {
    await d?.close();
    await api?.close();
  });

  it('only a coordinator may open it; anyone else is refused and nothing is written', async () => {
    const before = await rowCounts(d.sql);
    expect(before.break_glass_grants).toBe(0);
    for (const client of [
      'cisCaseworker',
      'labourOfficeCaseworker',
      'labourOfficeAdmin',
      'auditor',
      'platformAdmin',
      'chamberOfCommerceMember',
    ] as const) {
      const result = await open(client, opsParticipant);
      expect({ client, code: result.errors?.[0].extensions?.code }).toEqual({ client, code: 'FORBIDDEN' });
    }
    // The same answer for an id that does not exist: FORBIDDEN reveals nothing about participants.
    expect((await open('cisCaseworker', '7d4e2f0a-1b3c-4d5e-8f90-a1b2c3d4e5f6')).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    // A coordinator: not on an unknown participant, not on the own organisation's (nothing to break).
    expect(
      (await open('welfareCoordinator', '7d4e2f0a-1b3c-4d5e-8f90-a1b2c3d4e5f6')).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await open('welfareCoordinator', mopsParticipant)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Invalid input: too short a reason, more than 24 hours.
    expect((await open('welfareCoordinator', opsParticipant, { reason: 'pilne' })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await open('welfareCoordinator', opsParticipant, { hours: 25 })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(await rowCounts(d.sql)).toEqual(before);
    // Before it is opened, the coordinator may not know the participant.
    expect(
      (await d.clients.welfareCoordinator.request(Q.participant, { id: opsParticipant })).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('the MOPS coordinator opens it on an OPS participant: everything but CRIMINAL_RECORD, logged as BREAK_GLASS, the owner told', async () => {
    const { data } = await open('welfareCoordinator', opsParticipant);
    const grant = data.openEmergencyAccess;
    expect(grant).toMatchObject({ participantId: opsParticipant, organisationId: d.org.mops });
    const hours = (Date.parse(grant.expiresAt) - Date.parse(grant.openedAt)) / 3_600_000;
    expect(hours).toBeCloseTo(3, 5);

    const outbox = await d.sql.query(
      `SELECT aggregate_id, payload FROM outbox WHERE event_type = 'break_glass.opened'`,
    );
    expect(outbox.rows).toEqual([
      {
        aggregate_id: opsParticipant,
        payload: {
          grantId: grant.id,
          participantId: opsParticipant,
          ownerOrganisationId: d.org.ops,
          openedByOrganisationId: d.org.mops,
          expiresAt: expect.any(String),
        },
      },
    ]);

    // For REFERRAL too, though no referral was sent to the MOPS: break-glass does not depend on one.
    for (const purpose of ['REFERRAL', 'REPORTING']) {
      const { participant } = await d.clients.welfareCoordinator.data(Q.participant, { id: opsParticipant, purpose });
      expect(shownCategories(participant)).toEqual(CATEGORIES.filter((c) => c !== 'CRIMINAL_RECORD'));
      expect(participant.criminalRecord).toBeNull();
      expect(participant.access.basis).toBe('BREAK_GLASS');
      expect(participant.redactions).toEqual([{ category: 'CRIMINAL_RECORD', reason: 'NO_CONSENT' }]);
    }
    const { participants } = await d.clients.welfareCoordinator.data(Q.participants, { first: 10 });
    expect(participants.totalCount).toBe(2); // its own, and the one under break-glass
    const listed = participants.edges.find((e: { node: { id: string } }) => e.node.id === opsParticipant).node;
    expect(listed.criminalRecord).toBeNull();
    expect(listed.access.basis).toBe('BREAK_GLASS');

    const log = await d.sql.query(
      `SELECT actor_organisation_id, basis, break_glass_grant_id, categories, operation FROM access_log WHERE participant_id = $1 ORDER BY id`,
      [opsParticipant],
    );
    expect(log.rows).toHaveLength(3);
    for (const row of log.rows) {
      expect(row).toMatchObject({
        actor_organisation_id: d.org.mops,
        basis: 'BREAK_GLASS',
        break_glass_grant_id: grant.id,
      });
      expect(row.categories).not.toContain('CRIMINAL_RECORD');
    }
    // The owner sees who broke the glass.
    const { accessLog } = await d.clients.welfareSocialWorker.data(Q.accessLog, { id: opsParticipant });
    expect(accessLog.map((e: { basis: string; breakGlassGrantId: string }) => [e.basis, e.breakGlassGrantId])).toEqual(
      Array(3).fill(['BREAK_GLASS', grant.id]),
    );
    // It opens nothing for anyone else, and nothing of another participant.
    expect(
      (await d.clients.cisCaseworker.request(Q.participant, { id: opsParticipant })).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      (await d.clients.welfareCoordinator.request(Q.participant, { id: cisParticipant })).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('expiry ends it: the next read is NOT_FOUND and the list forgets the participant', async () => {
    await d.sql.query(
      `UPDATE break_glass_grants SET opened_at = now() - interval '4 hours', expires_at = now() - interval '1 second'
        WHERE participant_id = $1`,
      [opsParticipant],
    );
    const read = await d.clients.welfareCoordinator.request(Q.participant, { id: opsParticipant });
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(read)).not.toContain('Kryzys');
    const { participants } = await d.clients.welfareCoordinator.data(Q.participants, {});
    expect(participants.totalCount).toBe(1);
    expect(participants.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([mopsParticipant]);
  });
});
