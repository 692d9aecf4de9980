import { Actor, Role } from '@app/authz';
import { allowedActions, allowedActionsFor } from './allowed-actions';
import { ReferralStatus } from './referral-vocabulary';
import { judgeTransition, ReferralTransition, Side, TRANSITIONS } from './transitions';

/**
 * The referral lifecycle as the README and DESIGN.md state it, written out
 * independently of `TRANSITIONS`: one row per (transition, state it may start
 * from, side that may make it, roles that may make it). The system side has no
 * role: a SYSTEM row lists `null`.
 */
const CASEWORK = [Role.CASEWORKER, Role.COORDINATOR];
const ALLOWED: readonly [ReferralTransition, ReferralStatus, Side, readonly (Role | null)[]][] = [
  [ReferralTransition.SEND, ReferralStatus.DRAFT, 'SENDER', CASEWORK],
  [ReferralTransition.ACCEPT, ReferralStatus.SENT, 'RECIPIENT', CASEWORK],
  [ReferralTransition.DECLINE, ReferralStatus.SENT, 'RECIPIENT', CASEWORK],
  [ReferralTransition.START, ReferralStatus.ACCEPTED, 'RECIPIENT', CASEWORK],
  [ReferralTransition.COMPLETE, ReferralStatus.IN_PROGRESS, 'RECIPIENT', CASEWORK],
  [ReferralTransition.DROP_OUT, ReferralStatus.IN_PROGRESS, 'RECIPIENT', CASEWORK],
  [ReferralTransition.CANCEL, ReferralStatus.DRAFT, 'SENDER', CASEWORK],
  [ReferralTransition.CANCEL, ReferralStatus.SENT, 'SENDER', CASEWORK],
  [ReferralTransition.CANCEL, ReferralStatus.ACCEPTED, 'SENDER', CASEWORK],
  [ReferralTransition.FORWARD, ReferralStatus.SENT, 'RECIPIENT', CASEWORK],
  [ReferralTransition.FORWARD, ReferralStatus.ACCEPTED, 'RECIPIENT', CASEWORK],
  [ReferralTransition.EXPIRE, ReferralStatus.SENT, 'SYSTEM', [null]],
];

/** Where each transition leads, and what the caller must give. */
const TARGET: Record<ReferralTransition, [ReferralStatus, string]> = {
  [ReferralTransition.SEND]: [ReferralStatus.SENT, 'nothing'],
  [ReferralTransition.ACCEPT]: [ReferralStatus.ACCEPTED, 'nothing'],
  [ReferralTransition.DECLINE]: [ReferralStatus.DECLINED, 'reasonCode'],
  [ReferralTransition.START]: [ReferralStatus.IN_PROGRESS, 'nothing'],
  [ReferralTransition.COMPLETE]: [ReferralStatus.COMPLETED, 'outcome'],
  [ReferralTransition.DROP_OUT]: [ReferralStatus.DROPPED_OUT, 'reasonCode'],
  [ReferralTransition.CANCEL]: [ReferralStatus.CANCELLED, 'reasonCode'],
  [ReferralTransition.FORWARD]: [ReferralStatus.FORWARDED, 'forwardTarget'],
  [ReferralTransition.EXPIRE]: [ReferralStatus.EXPIRED, 'nothing'],
};

const STATES = Object.values(ReferralStatus);
const TRANSITION_NAMES = Object.values(ReferralTransition);
const SIDES: (Side | null)[] = ['SENDER', 'RECIPIENT', 'SYSTEM', null];
const ROLES: (Role | null)[] = [...Object.values(Role), null];

type Expected = 'ALLOWED' | 'CONFLICT' | 'FORBIDDEN';

function expected(
  transition: ReferralTransition,
  state: ReferralStatus,
  side: Side | null,
  role: Role | null,
): Expected {
  const fromHere = ALLOWED.filter(([t, from]) => t === transition && from === state);
  // State is judged first: the wrong state is CONFLICT whoever asks.
  if (fromHere.length === 0) return 'CONFLICT';
  return fromHere.some(([, , s, roles]) => s === side && roles.includes(role)) ? 'ALLOWED' : 'FORBIDDEN';
}

const combinations = TRANSITION_NAMES.flatMap((transition) =>
  STATES.flatMap((state) => SIDES.flatMap((side) => ROLES.map((role) => [transition, state, side, role] as const))),
);

describe('the referral transition table', () => {
  it('covers every transition, state, side and role', () => {
    expect(TRANSITION_NAMES).toHaveLength(9);
    expect(STATES).toHaveLength(10);
    expect(combinations).toHaveLength(9 * 10 * 4 * 6);
  });

  it('TRANSITIONS lists exactly the rows of the literal table, with their targets and requirements', () => {
    for (const transition of TRANSITION_NAMES) {
      const rule = TRANSITIONS[transition];
      const rows = ALLOWED.filter(([t]) => t === transition);
      expect([...rule.from].sort()).toEqual(rows.map(([, from]) => from).sort());
      expect(rows.every(([, , side]) => side === rule.side)).toBe(true);
      expect([...rule.roles].sort()).toEqual(rows[0][3].filter((r): r is Role => r !== null).sort());
      expect([rule.to, rule.requires]).toEqual(TARGET[transition]);
    }
  });

  // One test per (transition, state); inside it every side and role, mismatches listed together.
  it.each(TRANSITION_NAMES.flatMap((t) => STATES.map((s) => [t, s] as const)))(
    '%s from %s: every side and role judged as the table says',
    (transition, state) => {
      const mismatches: string[] = [];
      for (const side of SIDES) {
        for (const role of ROLES) {
          const verdict = judgeTransition(transition, state, side, role);
          const want = expected(transition, state, side, role);
          const got = verdict.allowed ? 'ALLOWED' : verdict.code;
          if (got !== want) mismatches.push(`side ${side}, role ${role}: expected ${want}, got ${got}`);
          // A wrong-state refusal names the state the referral is in.
          if (!verdict.allowed && verdict.code === 'CONFLICT' && !new RegExp(`\\b${state}\\b`).test(verdict.message))
            mismatches.push(`side ${side}, role ${role}: message "${verdict.message}" does not name ${state}`);
        }
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('allows exactly the listed combinations and no other', () => {
    const allowed = combinations.filter(([t, s, side, role]) => judgeTransition(t, s, side, role).allowed);
    // 11 human rows x 2 roles + the system's expiry.
    expect(allowed).toHaveLength(11 * 2 + 1);
  });

  it('never allows an auditor, a partner admin, a platform admin or someone on neither side', () => {
    for (const [transition, state, side, role] of combinations) {
      if (role === Role.AUDITOR || role === Role.PARTNER_ADMIN || role === Role.PLATFORM_ADMIN || side === null) {
        expect(judgeTransition(transition, state, side, role).allowed).toBe(false);
      }
    }
  });

  it('closed states admit no transition at all', () => {
    const closed = [
      ReferralStatus.DECLINED,
      ReferralStatus.COMPLETED,
      ReferralStatus.DROPPED_OUT,
      ReferralStatus.CANCELLED,
      ReferralStatus.EXPIRED,
      ReferralStatus.FORWARDED,
    ];
    for (const [transition, state, side, role] of combinations) {
      if (closed.includes(state)) {
        expect(judgeTransition(transition, state, side, role)).toMatchObject({ allowed: false, code: 'CONFLICT' });
      }
    }
  });
});

/**
 * `Referral.allowedActions`: for every state, side and role, exactly the people's transitions the
 * literal table above allows — so a console that shows them never offers a button the server refuses
 * (for state, side and role) and never hides one it would accept.
 */
describe('allowedActions', () => {
  const PEOPLE_SIDES: (Side | null)[] = ['SENDER', 'RECIPIENT', null];

  it.each(STATES)('from %s, for every side and role, lists what the table allows', (state) => {
    for (const side of PEOPLE_SIDES) {
      for (const role of ROLES) {
        const want = ALLOWED.filter(([, from, s, roles]) => from === state && s === side && roles.includes(role))
          .map(([t]) => t)
          .filter((t) => t !== ReferralTransition.EXPIRE);
        expect({ side, role, actions: [...allowedActions(state, side, role)].sort() }).toEqual({
          side,
          role,
          actions: [...new Set(want)].sort(),
        });
      }
    }
  });

  it('reads as the caseworkers of both sides expect', () => {
    const caseworker = Role.CASEWORKER;
    expect(allowedActions(ReferralStatus.DRAFT, 'SENDER', caseworker)).toEqual([
      ReferralTransition.SEND,
      ReferralTransition.CANCEL,
    ]);
    expect(allowedActions(ReferralStatus.SENT, 'RECIPIENT', caseworker)).toEqual([
      ReferralTransition.ACCEPT,
      ReferralTransition.DECLINE,
      ReferralTransition.FORWARD,
    ]);
    expect(allowedActions(ReferralStatus.SENT, 'SENDER', Role.COORDINATOR)).toEqual([ReferralTransition.CANCEL]);
    expect(allowedActions(ReferralStatus.IN_PROGRESS, 'RECIPIENT', caseworker)).toEqual([
      ReferralTransition.COMPLETE,
      ReferralTransition.DROP_OUT,
    ]);
    expect(allowedActions(ReferralStatus.IN_PROGRESS, 'SENDER', caseworker)).toEqual([]);
    expect(allowedActions(ReferralStatus.SENT, 'RECIPIENT', Role.PARTNER_ADMIN)).toEqual([]);
    // Expiry is the sweep's; no person is ever offered it.
    expect(allowedActions(ReferralStatus.SENT, 'SYSTEM', null)).toEqual([]);
  });

  it('takes the role and side of the organisation the referral was read as', () => {
    const [A, B, C] = ['a', 'b', 'c'].map((x) => `00000000-0000-4000-8000-00000000000${x}`);
    const referral = { status: ReferralStatus.SENT, fromOrganisationId: A, toOrganisationId: B };
    const twoHats = new Actor('00000000-0000-4000-8000-0000000000ff', [
      { organisationId: A, role: Role.CASEWORKER },
      { organisationId: B, role: Role.AUDITOR },
    ]);
    expect(allowedActionsFor(twoHats, { ...referral, viewerOrganisationId: A })).toEqual([ReferralTransition.CANCEL]);
    expect(allowedActionsFor(twoHats, { ...referral, viewerOrganisationId: B })).toEqual([]);
    expect(allowedActionsFor(twoHats, { ...referral, viewerOrganisationId: C })).toEqual([]);
  });
});
