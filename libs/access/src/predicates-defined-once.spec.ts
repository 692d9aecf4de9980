import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ACCESS_FUNCTIONS } from './sql';

/**
 * The access rule is written once: each predicate as a SQL function in
 * libs/access/src/sql, which every caller composes by name. This test fails
 * when a predicate's SQL text appears anywhere else in the application, its
 * migrations or the bench — the way a copy starts to drift (the
 * partnership-wide `agreement.expiring` reminder reached nobody because its
 * copy of "the agreement's parties" forgot partnership-wide agreements).
 * The test oracles (test/support, test/e2e, test/integration) restate the rule
 * on purpose, independently, and are not scanned.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SCANNED = ['apps', 'libs', 'test/bench'];
const OWN = join('libs', 'access', 'src');

/** The text that gives a predicate away, whatever the aliases around it. */
const FINGERPRINTS: {
  predicate: string;
  pattern: RegExp;
  use: string;
  /** Only in files that also match this (an expiry test is a break-glass predicate only near its table). */
  within?: RegExp;
}[] = [
  {
    predicate: 'a validity window (consent, legal basis, agreement in force)',
    // (not the tables' CHECK that a validity ends after it starts)
    pattern: /valid_from\s*<=|valid_until\s+IS\s+NULL\s+OR\s+[\w.]*valid_until\s*>=\s*(?!\s|[\w.]*valid_from\b)/i,
    use: 'valid_on, consent_in_force, legal_basis_in_force, agreement_in_force',
  },
  {
    predicate: 'the open-referral window',
    pattern: /closed_at\s*>\s*now\(\)|IN\s*\(\s*'SENT'\s*,\s*'ACCEPTED'\s*,\s*'IN_PROGRESS'\s*\)/i,
    use: 'referral_gives_access',
  },
  {
    predicate: 'a break-glass grant in force',
    pattern: /expires_at\s*>\s*now\(\)/i,
    within: /break_glass_grants/i,
    use: 'break_glass_in_force',
  },
  {
    predicate: 'partnership membership (a consent to a partnership, a partnership-wide agreement)',
    pattern: /(FROM|JOIN)\s+partnership_members\b|granted_to_partnership_id\s+IN/i,
    use: 'organisation_partnerships, consents_reaching, agreement_parties_of',
  },
  {
    predicate: "an agreement's parties",
    pattern: /(FROM|JOIN)\s+agreement_parties\b/i,
    use: 'agreement_parties_of, agreements_between',
  },
  {
    predicate: 'an access function defined outside libs/access',
    pattern: new RegExp(
      `CREATE\\s+(OR\\s+REPLACE\\s+)?FUNCTION\\s+(${ACCESS_FUNCTIONS.map((f) => f.name).join('|')})\\b`,
      'i',
    ),
    use: 'libs/access/src/sql and applyAccessFunctions',
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|sql)$/.test(entry.name) ? [path] : [];
  });
}

describe('each access predicate is defined once, in libs/access', () => {
  const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .map((path) => relative(ROOT, path))
    .filter((path) => !path.startsWith(OWN));

  it('scans the application, its migrations and the bench', () => {
    expect(files.some((f) => f.startsWith('libs/core/src/database/migrations/'))).toBe(true);
    expect(files.some((f) => f.startsWith('libs/referrals/src/'))).toBe(true);
    expect(files.some((f) => f.startsWith('test/bench/'))).toBe(true);
  });

  it('recognises each predicate in its own definition (the fingerprints are not stale)', () => {
    const own = ACCESS_FUNCTIONS.map((f) => f.definition).join('\n');
    for (const { predicate, pattern } of FINGERPRINTS)
      expect([predicate, pattern.test(own)]).toEqual([predicate, true]);
  });

  it.each(FINGERPRINTS)('no copy of $predicate outside libs/access', ({ pattern, use, within }) => {
    const copies = files.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (within && !within.test(text)) return [];
      return text
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
        .filter(({ text }) => pattern.test(text));
    });
    expect(copies.map((c) => `${c.file}:${c.line}: ${c.text} — use ${use}`)).toEqual([]);
  });
});
