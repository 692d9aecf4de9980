import { DataCategory } from '@app/organisations';
import { AccessBasis, AccessFacts, explainAccess, RedactionReason } from './access-rules';

const ALL = Object.values(DataCategory);
const facts = (over: Partial<AccessFacts>): AccessFacts => ({
  isOwner: false,
  roleCategories: ALL,
  consents: [
    {
      id: 'c1',
      categories: [DataCategory.IDENTITY, DataCategory.HEALTH],
      validFrom: '2026-01-01',
      validUntil: null,
      withdrawn: false,
    },
  ],
  legalBasisCategories: [DataCategory.CONTACT],
  ceiling: [DataCategory.IDENTITY, DataCategory.CONTACT],
  breakGlass: false,
  openReferral: true,
  today: '2026-11-23',
  ...over,
});
const reasons = (f: AccessFacts) =>
  Object.fromEntries(explainAccess(f).redactions.map((r) => [r.category, r.reason])) as Record<string, string>;

describe('explainAccess and the REFERRAL referral condition', () => {
  it('with an open referral (or another purpose): consent and legal basis within the agreement are shown', () => {
    expect(explainAccess(facts({}))).toMatchObject({
      visible: [DataCategory.IDENTITY, DataCategory.CONTACT],
      basis: AccessBasis.CONSENT,
    });
  });

  it('without one: nothing is shown, and what would be is NO_OPEN_REFERRAL; the rest keeps its reason', () => {
    const f = facts({ openReferral: false });
    expect(explainAccess(f)).toMatchObject({ visible: [], basis: null });
    const r = reasons(f);
    expect(r.IDENTITY).toBe(RedactionReason.NO_OPEN_REFERRAL);
    expect(r.CONTACT).toBe(RedactionReason.NO_OPEN_REFERRAL);
    expect(r.HEALTH).toBe(RedactionReason.BEYOND_AGREEMENT); // would stay hidden with a referral too
    expect(r.ADDRESS).toBe(RedactionReason.NO_CONSENT);
  });

  it('break-glass does not depend on it; only CRIMINAL_RECORD could then be NO_OPEN_REFERRAL', () => {
    const f = facts({
      openReferral: false,
      breakGlass: true,
      consents: [
        {
          id: 'c1',
          categories: [DataCategory.CRIMINAL_RECORD],
          validFrom: '2026-01-01',
          validUntil: null,
          withdrawn: false,
        },
      ],
      ceiling: [DataCategory.CRIMINAL_RECORD],
    });
    const explanation = explainAccess(f);
    expect(explanation.basis).toBe(AccessBasis.BREAK_GLASS);
    expect(explanation.visible).toEqual(ALL.filter((c) => c !== DataCategory.CRIMINAL_RECORD));
    expect(explanation.redactions).toEqual([
      { category: DataCategory.CRIMINAL_RECORD, reason: RedactionReason.NO_OPEN_REFERRAL },
    ]);
  });
});
