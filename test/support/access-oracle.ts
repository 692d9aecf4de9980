/**
 * The access rule, written again from its specification, deliberately simply
 * and without importing anything from the application: the oracle the
 * permission-matrix tests compare `participant_access`, the list condition,
 * `explainAccess` and the GraphQL API with.
 *
 * The rule, for a reader (user, organisation R, role r), a participant owned by
 * O and a purpose p, today:
 * - R = O: the categories of r for its own participants;
 * - otherwise (categories of live consents to R, or to a partnership R belongs
 *   to, for p — not withdrawn, valid today — ∪ categories of live legal bases
 *   O→R for p) ∩ (categories of ACTIVE agreements valid today for p between O
 *   and R: two-party with both as parties, or partnership-wide of a partnership
 *   both belong to) ∩ r's rights on partners' participants; for p = REFERRAL
 *   the consents and legal bases count only while a referral of the
 *   participant to R is open (SENT, ACCEPTED, IN_PROGRESS) or was closed less
 *   than the configured number of days ago;
 * - a live break-glass grant of that user, for R, on that participant also
 *   opens r's partner categories except CRIMINAL_RECORD (referral or not);
 * - another organisation that sees no category may not know the participant.
 */

export const CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'ADDRESS',
  'EMPLOYMENT',
  'EDUCATION',
  'BENEFITS',
  'FAMILY',
  'HOUSING',
  'HEALTH',
  'ADDICTION',
  'CRIMINAL_RECORD',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const SPECIAL_CATEGORIES: readonly Category[] = ['HEALTH', 'ADDICTION', 'CRIMINAL_RECORD'];

export const PURPOSES = ['REFERRAL', 'REINTEGRATION_SUPPORT', 'EMPLOYMENT_MEDIATION', 'REPORTING'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const ROLES = ['CASEWORKER', 'COORDINATOR', 'PARTNER_ADMIN', 'AUDITOR', 'PLATFORM_ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** The README's table: what each role may ever see, of its own and of partners' participants. */
export const SPEC_ROLE_RIGHTS: Record<Role, { own: readonly Category[]; partner: readonly Category[] }> = {
  CASEWORKER: { own: CATEGORIES, partner: CATEGORIES },
  COORDINATOR: { own: CATEGORIES, partner: CATEGORIES },
  PARTNER_ADMIN: { own: ['IDENTITY', 'CONTACT'], partner: [] },
  AUDITOR: { own: [], partner: [] },
  PLATFORM_ADMIN: { own: [], partner: [] },
};

export type AgreementStatus = 'PROPOSED' | 'ACTIVE' | 'TERMINATED';

export const REFERRAL_STATUSES = [
  'DRAFT',
  'SENT',
  'ACCEPTED',
  'IN_PROGRESS',
  'DECLINED',
  'COMPLETED',
  'DROPPED_OUT',
  'CANCELLED',
  'EXPIRED',
  'FORWARDED',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** A referral in these states keeps its recipient's REFERRAL access whatever its age. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['SENT', 'ACCEPTED', 'IN_PROGRESS'];

export interface World {
  /** YYYY-MM-DD, the database's current_date */
  today: string;
  partnerships: { id: string; members: readonly string[] }[];
  agreements: {
    id: string;
    status: AgreementStatus;
    /** set: partnership-wide; null: between its parties */
    partnershipId: string | null;
    parties: readonly string[];
    purposes: readonly string[];
    categories: readonly string[];
    validFrom: string;
    validUntil: string | null;
  }[];
  participants: { id: string; owner: string }[];
  consents: {
    id: string;
    participantId: string;
    toOrganisation: string | null;
    toPartnership: string | null;
    purposes: readonly string[];
    categories: readonly string[];
    validFrom: string;
    validUntil: string | null;
    withdrawn: boolean;
  }[];
  legalBases: {
    id: string;
    owner: string;
    recipient: string;
    purpose: string;
    categories: readonly string[];
    validFrom: string;
    validUntil: string | null;
    revoked: boolean;
  }[];
  /** `live`: not yet expired now. */
  breakGlass: { id: string; participantId: string; organisationId: string; userId: string; live: boolean }[];
  referrals: {
    id: string;
    participantId: string;
    toOrganisation: string;
    status: ReferralStatus;
    /** How long ago (in days, fractional) it was closed; null if it is not. */
    closedDaysAgo: number | null;
  }[];
  /** REFERRAL_ACCESS_DAYS_AFTER_CLOSE: how long a closed referral keeps its recipient's REFERRAL access. */
  referralAccessDays: number;
}

export interface Reader {
  userId: string;
  organisationId: string;
  role: Role;
}

export interface Expected {
  participantId: string;
  /** May the reader know the participant exists (single read answers, lists include it)? */
  known: boolean;
  /** Sorted. */
  categories: Category[];
  basis: 'OWNER' | 'CONSENT' | 'LEGAL_BASIS' | 'BREAK_GLASS' | null;
  /** Sorted: the live consents / legal bases naming a category shown on their grounds. */
  consentIds: string[];
  legalBasisIds: string[];
  /** The reader's live break-glass grants on the participant: the decision names one of them. */
  breakGlassGrantIds: string[];
}

const validOn = (x: { validFrom: string; validUntil: string | null }, today: string) =>
  x.validFrom <= today && (x.validUntil === null || x.validUntil >= today);

export function expectedAccess(world: World, reader: Reader, participantId: string, purpose: string): Expected {
  const participant = world.participants.find((p) => p.id === participantId);
  if (!participant) throw new Error(`no participant ${participantId} in the world`);
  const rights = SPEC_ROLE_RIGHTS[reader.role];
  const owner = participant.owner;
  const R = reader.organisationId;

  if (owner === R) {
    return {
      participantId,
      known: true,
      categories: [...rights.own].sort(),
      basis: 'OWNER',
      consentIds: [],
      legalBasisIds: [],
      breakGlassGrantIds: [],
    };
  }

  const isMember = (organisation: string, partnershipId: string) =>
    world.partnerships.some((p) => p.id === partnershipId && p.members.includes(organisation));

  const consents = world.consents.filter(
    (c) =>
      c.participantId === participantId &&
      !c.withdrawn &&
      validOn(c, world.today) &&
      c.purposes.includes(purpose) &&
      (c.toOrganisation === R || (c.toPartnership !== null && isMember(R, c.toPartnership))),
  );
  const legalBases = world.legalBases.filter(
    (l) => l.owner === owner && l.recipient === R && l.purpose === purpose && !l.revoked && validOn(l, world.today),
  );
  const ceiling = new Set(
    world.agreements
      .filter(
        (a) =>
          a.status === 'ACTIVE' &&
          validOn(a, world.today) &&
          a.purposes.includes(purpose) &&
          (a.partnershipId === null
            ? a.parties.includes(owner) && a.parties.includes(R)
            : isMember(owner, a.partnershipId) && isMember(R, a.partnershipId)),
      )
      .flatMap((a) => a.categories),
  );
  const referralOpen =
    purpose !== 'REFERRAL' ||
    world.referrals.some(
      (r) =>
        r.participantId === participantId &&
        r.toOrganisation === R &&
        (OPEN_REFERRAL_STATUSES.includes(r.status) ||
          (r.closedDaysAgo !== null && r.closedDaysAgo < world.referralAccessDays)),
    );
  const granted = new Set([...consents.flatMap((c) => c.categories), ...legalBases.flatMap((l) => l.categories)]);
  const shared = referralOpen
    ? CATEGORIES.filter((c) => granted.has(c) && ceiling.has(c) && rights.partner.includes(c))
    : [];

  const glass = world.breakGlass
    .filter((g) => g.live && g.participantId === participantId && g.organisationId === R && g.userId === reader.userId)
    .map((g) => g.id)
    .sort();
  const opened = glass.length ? rights.partner.filter((c) => c !== 'CRIMINAL_RECORD') : [];

  const categories = [...new Set([...shared, ...opened])].sort();
  if (categories.length === 0) {
    return {
      participantId,
      known: false,
      categories: [],
      basis: null,
      consentIds: [],
      legalBasisIds: [],
      breakGlassGrantIds: [],
    };
  }
  const consentIds = consents
    .filter((c) => c.categories.some((x) => shared.includes(x as Category)))
    .map((c) => c.id)
    .sort();
  const legalBasisIds = legalBases
    .filter((l) => l.categories.some((x) => shared.includes(x as Category)))
    .map((l) => l.id)
    .sort();
  const consented = new Set(consents.flatMap((c) => c.categories));
  return {
    participantId,
    known: true,
    categories,
    basis: glass.length ? 'BREAK_GLASS' : shared.some((c) => consented.has(c)) ? 'CONSENT' : 'LEGAL_BASIS',
    consentIds,
    legalBasisIds,
    breakGlassGrantIds: glass,
  };
}
