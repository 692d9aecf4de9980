/**
 * Text PostgreSQL cannot store: U+0000 (refused by `text` and `jsonb`) and
 * unpaired UTF-16 surrogates (no UTF-8 form; `jsonb` refuses their `\u`
 * escapes, and validators that encode text throw on them). Every string that
 * enters the API is checked against this one rule before anything else sees it.
 */
export function unstorableTextProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (!(text as unknown as WellFormedString).isWellFormed()) return 'must not contain unpaired UTF-16 surrogates';
  return undefined;
}

/** ES2024's String#isWellFormed (Node ≥ 20), not yet in the ES2023 lib the project compiles against. */
interface WellFormedString {
  isWellFormed(): boolean;
}

export interface UnstorableText {
  /** Dotted path to the offending value within the one checked, e.g. `benefits.notes` or `skills.2`; '' for itself. */
  path: string;
  problem: string;
}

/** The first string (or object key) in a decoded input value that PostgreSQL could not store. */
export function findUnstorableText(value: unknown, path = ''): UnstorableText | undefined {
  if (typeof value === 'string') {
    const problem = unstorableTextProblem(value);
    return problem ? { path, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUnstorableText(value[index], join(path, String(index)));
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = unstorableTextProblem(key);
      if (keyProblem) return { path, problem: `field names ${keyProblem}` };
      const found = findUnstorableText(item, join(path, key));
      if (found) return found;
    }
  }
  return undefined;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
