import type { ParticipantQuery } from '../../../gql/graphql';

/** One input of the participant form: where it lives in the API's input, and how it is typed. */
export interface FieldSpec {
  category: string;
  /** The key of the category in CreateParticipantInput / UpdateParticipantInput. */
  section: string;
  field: string;
  kind: 'text' | 'date' | 'int' | 'list' | 'bool' | 'disability' | 'email' | 'tel';
  required?: boolean;
}

const f = (category: string, section: string, field: string, kind: FieldSpec['kind'] = 'text', required = false) => ({
  category,
  section,
  field,
  kind,
  required,
});

/** The form, category by category, in the order of the paper forms. */
export const FIELDS: FieldSpec[] = [
  f('IDENTITY', 'identity', 'firstName', 'text', true),
  f('IDENTITY', 'identity', 'lastName', 'text', true),
  f('IDENTITY', 'identity', 'pesel'),
  f('IDENTITY', 'identity', 'dateOfBirth', 'date'),
  f('CONTACT', 'contact', 'phone', 'tel'),
  f('CONTACT', 'contact', 'email', 'email'),
  f('ADDRESS', 'address', 'street'),
  f('ADDRESS', 'address', 'postalCode'),
  f('ADDRESS', 'address', 'city'),
  f('ADDRESS', 'address', 'commune'),
  f('EMPLOYMENT', 'employment', 'registeredUnemployedSince', 'date'),
  f('EMPLOYMENT', 'employment', 'monthsUnemployed', 'int'),
  f('EMPLOYMENT', 'employment', 'workHistory', 'list'),
  f('EDUCATION', 'education', 'level'),
  f('EDUCATION', 'education', 'certificates', 'list'),
  f('EDUCATION', 'education', 'skills', 'list'),
  f('BENEFITS', 'benefits', 'benefits', 'list'),
  f('BENEFITS', 'benefits', 'notes'),
  f('FAMILY', 'family', 'householdSize', 'int'),
  f('FAMILY', 'family', 'dependants', 'int'),
  f('FAMILY', 'family', 'notes'),
  f('HOUSING', 'housing', 'situation'),
  f('HOUSING', 'housing', 'notes'),
  f('HEALTH', 'health', 'disabilityDegree', 'disability'),
  f('HEALTH', 'health', 'disabilityCertificateValidUntil', 'date'),
  f('HEALTH', 'health', 'notes'),
  f('ADDICTION', 'addiction', 'inTreatment', 'bool'),
  f('ADDICTION', 'addiction', 'notes'),
  f('CRIMINAL_RECORD', 'criminalRecord', 'releasedOn', 'date'),
  f('CRIMINAL_RECORD', 'criminalRecord', 'notes'),
];

export const CATEGORIES = [...new Set(FIELDS.map((spec) => spec.category))];

export type FormValues = Record<string, string>;
export const key = (spec: FieldSpec) => `${spec.section}.${spec.field}`;

/** The form's values from what the API returned (edit). */
export function valuesFrom(participant: ParticipantQuery['participant'] | undefined): FormValues {
  const values: FormValues = {};
  for (const spec of FIELDS) {
    const section = participant?.[spec.section as keyof typeof participant] as
      Record<string, unknown> | null | undefined;
    const raw = section?.[spec.field];
    values[key(spec)] =
      raw === null || raw === undefined
        ? ''
        : Array.isArray(raw)
          ? raw.join(', ')
          : typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
            ? String(raw)
            : '';
  }
  return values;
}

/** The API input from the form: a category is sent when any of its fields is filled (or, editing, was). */
export function inputFrom(values: FormValues, before?: FormValues): Record<string, Record<string, unknown>> {
  const input: Record<string, Record<string, unknown>> = {};
  for (const spec of FIELDS) {
    const text = (values[key(spec)] ?? '').trim();
    const touched = text !== '' || (before !== undefined && (before[key(spec)] ?? '') !== '');
    if (!touched) continue;
    const section = (input[spec.section] ??= {});
    section[spec.field] = typed(spec, text);
  }
  return input;
}

function typed(spec: FieldSpec, text: string): unknown {
  if (text === '') return spec.kind === 'list' ? [] : null;
  switch (spec.kind) {
    case 'int':
      return Number.parseInt(text, 10);
    case 'list':
      return text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
    case 'bool':
      return text === 'true';
    default:
      return text;
  }
}
