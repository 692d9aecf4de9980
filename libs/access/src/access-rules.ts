import { registerEnumType } from '@nestjs/graphql';
import { DataCategory } from '@app/organisations';

export enum RedactionReason {
  NO_CONSENT = 'NO_CONSENT',
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  CONSENT_EXPIRED = 'CONSENT_EXPIRED',
  BEYOND_AGREEMENT = 'BEYOND_AGREEMENT',
  ROLE = 'ROLE',
  /** Purpose REFERRAL: consent or legal basis would share it, but no referral to the reader is open (or recently closed). */
  NO_OPEN_REFERRAL = 'NO_OPEN_REFERRAL',
}

export enum AccessBasis {
  OWNER = 'OWNER',
  CONSENT = 'CONSENT',
  LEGAL_BASIS = 'LEGAL_BASIS',
  BREAK_GLASS = 'BREAK_GLASS',
}

registerEnumType(RedactionReason, { name: 'RedactionReason' });
registerEnumType(AccessBasis, { name: 'AccessBasis' });

/** A consent as the rules see it: already filtered to this recipient and purpose. */
export interface ConsentFact {
  id: string;
  categories: readonly DataCategory[];
  validFrom: string;
  validUntil: string | null;
  withdrawn: boolean;
}

export interface AccessFacts {
  isOwner: boolean;
  /** Role rights for this relation (own or partner participant). */
  roleCategories: readonly DataCategory[];
  consents: readonly ConsentFact[];
  /** Categories of live legal bases for this pair and purpose. */
  legalBasisCategories: readonly DataCategory[];
  /** Union of categories of live agreements between owner and recipient for the purpose. */
  ceiling: readonly DataCategory[];
  breakGlass: boolean;
  /**
   * Purpose REFERRAL only: a referral of the participant to the reader is open
   * (SENT, ACCEPTED, IN_PROGRESS) or closed less than the configured number of
   * days ago. Without one, consents and legal bases open nothing for REFERRAL.
   * Always true for the other purposes.
   */
  openReferral: boolean;
  today: string;
}

export interface Redaction {
  category: DataCategory;
  reason: RedactionReason;
}

export interface Explanation {
  visible: DataCategory[];
  basis: AccessBasis | null;
  redactions: Redaction[];
}

const isLive = (c: ConsentFact, today: string) =>
  !c.withdrawn && c.validFrom <= today && (c.validUntil === null || c.validUntil >= today);

/**
 * The access rule in TypeScript, with a reason for every hidden category. The
 * database function `participant_access` decides what is served; this explains
 * it, and the permission-matrix test checks the two never disagree.
 */
export function explainAccess(facts: AccessFacts): Explanation {
  const all = Object.values(DataCategory);
  const role = new Set(facts.roleCategories);
  if (facts.isOwner) {
    return {
      visible: all.filter((c) => role.has(c)),
      basis: AccessBasis.OWNER,
      redactions: all.filter((c) => !role.has(c)).map((category) => ({ category, reason: RedactionReason.ROLE })),
    };
  }
  const live = facts.consents.filter((c) => isLive(c, facts.today));
  const consented = new Set(live.flatMap((c) => c.categories));
  const granted = new Set([...consented, ...facts.legalBasisCategories]);
  const ceiling = new Set(facts.ceiling);
  const shared = all.filter((c) => role.has(c) && granted.has(c) && ceiling.has(c) && facts.openReferral);
  // Break-glass opens every role category but CRIMINAL_RECORD on top of what consent and legal bases share.
  const visible = all.filter(
    (c) => shared.includes(c) || (facts.breakGlass && role.has(c) && c !== DataCategory.CRIMINAL_RECORD),
  );
  const redactions = all
    .filter((c) => !visible.includes(c))
    .map((category) => ({ category, reason: reasonFor(category, facts, role, granted, ceiling) }));
  const basis =
    visible.length === 0
      ? null
      : facts.breakGlass
        ? AccessBasis.BREAK_GLASS
        : shared.some((c) => consented.has(c))
          ? AccessBasis.CONSENT
          : AccessBasis.LEGAL_BASIS;
  return { visible, basis, redactions };
}

function reasonFor(
  category: DataCategory,
  facts: AccessFacts,
  role: Set<DataCategory>,
  granted: Set<DataCategory>,
  ceiling: Set<DataCategory>,
): RedactionReason {
  if (!role.has(category)) return RedactionReason.ROLE;
  if (granted.has(category))
    return ceiling.has(category) ? RedactionReason.NO_OPEN_REFERRAL : RedactionReason.BEYOND_AGREEMENT;
  const naming = facts.consents.filter((c) => c.categories.includes(category));
  if (naming.some((c) => c.withdrawn)) return RedactionReason.CONSENT_WITHDRAWN;
  if (naming.some((c) => c.validUntil !== null && c.validUntil < facts.today)) return RedactionReason.CONSENT_EXPIRED;
  return RedactionReason.NO_CONSENT;
}
