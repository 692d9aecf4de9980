import { createHash } from 'node:crypto';

/**
 * The bench partnership: the shape of the demo one (libs/organisations/src/demo)
 * with every welfare centre of Legionowo county added, so the social
 * integration centre's incoming list mixes several senders. Employers, the
 * cooperative and all people are invented.
 */
export interface BenchOrganisation {
  key: string;
  kind: string;
  name: string;
  shortName: string;
  city: string;
  postalCode: string;
  parent?: string;
  /** Caseworkers generated (`<key>.caseworker<n>@bench.local`); 0: none. */
  caseworkers: number;
  /** A coordinator (`<key>.coordinator@bench.local`) as well. */
  coordinator?: boolean;
  services: { name: string; capacity: number | null }[];
}

export const BENCH_ORGANISATIONS: BenchOrganisation[] = [
  {
    key: 'starostwo',
    kind: 'LOCAL_GOVERNMENT',
    name: 'Starostwo Powiatowe w Legionowie',
    shortName: 'Starostwo Legionowo',
    city: 'Legionowo',
    postalCode: '05-119',
    caseworkers: 0,
    services: [],
  },
  {
    key: 'pup',
    kind: 'LABOUR_OFFICE',
    name: 'Powiatowy Urząd Pracy w Legionowie',
    shortName: 'PUP Legionowo',
    city: 'Legionowo',
    postalCode: '05-120',
    caseworkers: 20,
    coordinator: true,
    services: [{ name: 'Program Aktywizacja i Integracja', capacity: null }],
  },
  {
    key: 'cis',
    kind: 'SOCIAL_INTEGRATION_CENTRE',
    name: 'Powiatowe Centrum Integracji Społecznej w Legionowie',
    shortName: 'PCIS Legionowo',
    city: 'Legionowo',
    postalCode: '05-120',
    caseworkers: 10,
    coordinator: true,
    services: [
      { name: 'Warsztat opiekuńczy', capacity: null },
      { name: 'Warsztat gastronomiczny', capacity: null },
      { name: 'Warsztat remontowo-budowlany', capacity: null },
      { name: 'Trener pracy', capacity: null },
    ],
  },
  {
    key: 'mops-legionowo',
    kind: 'WELFARE_CENTRE',
    name: 'Miejski Ośrodek Pomocy Społecznej w Legionowie',
    shortName: 'MOPS Legionowo',
    city: 'Legionowo',
    postalCode: '05-120',
    caseworkers: 12,
    coordinator: true,
    services: [],
  },
  {
    key: 'ops-jablonna',
    kind: 'WELFARE_CENTRE',
    name: 'Gminny Ośrodek Pomocy Społecznej w Jabłonnie',
    shortName: 'GOPS Jabłonna',
    city: 'Jabłonna',
    postalCode: '05-110',
    caseworkers: 5,
    services: [],
  },
  {
    key: 'ops-wieliszew',
    kind: 'WELFARE_CENTRE',
    name: 'Gminny Ośrodek Pomocy Społecznej w Wieliszewie',
    shortName: 'GOPS Wieliszew',
    city: 'Wieliszew',
    postalCode: '05-135',
    caseworkers: 5,
    services: [],
  },
  {
    key: 'ops-serock',
    kind: 'WELFARE_CENTRE',
    name: 'Miejsko-Gminny Ośrodek Pomocy Społecznej w Serocku',
    shortName: 'MGOPS Serock',
    city: 'Serock',
    postalCode: '05-140',
    caseworkers: 5,
    services: [],
  },
  {
    key: 'ops-nieporet',
    kind: 'WELFARE_CENTRE',
    name: 'Gminny Ośrodek Pomocy Społecznej w Nieporęcie',
    shortName: 'GOPS Nieporęt',
    city: 'Nieporęt',
    postalCode: '05-126',
    caseworkers: 5,
    services: [],
  },
  {
    key: 'mops-sochaczew',
    kind: 'WELFARE_CENTRE',
    name: 'Miejski Ośrodek Pomocy Społecznej w Sochaczewie',
    shortName: 'MOPS Sochaczew',
    city: 'Sochaczew',
    postalCode: '96-500',
    caseworkers: 6,
    coordinator: true,
    services: [],
  },
  {
    key: 'kis-sochaczew',
    kind: 'SOCIAL_INTEGRATION_CLUB',
    name: 'Klub Integracji Społecznej w Sochaczewie',
    shortName: 'KIS Sochaczew',
    city: 'Sochaczew',
    postalCode: '96-500',
    parent: 'mops-sochaczew',
    caseworkers: 3,
    services: [{ name: 'Cykl szkoleń i warsztatów KIS', capacity: null }],
  },
  {
    key: 'ops-kampinos',
    kind: 'WELFARE_CENTRE',
    name: 'Ośrodek Pomocy Społecznej w Kampinosie',
    shortName: 'OPS Kampinos',
    city: 'Kampinos',
    postalCode: '05-085',
    caseworkers: 3,
    services: [{ name: 'Prace społecznie użyteczne', capacity: null }],
  },
  {
    key: 'pig',
    kind: 'CHAMBER_OF_COMMERCE',
    name: 'Powiatowa Izba Gospodarcza',
    shortName: 'PIG',
    city: 'Legionowo',
    postalCode: '05-120',
    caseworkers: 2,
    services: [],
  },
  {
    key: 'mfres',
    kind: 'NGO',
    name: 'Mazowiecka Federacja Rozwoju Ekonomii Społecznej',
    shortName: 'MFRES',
    city: 'Warszawa',
    postalCode: '00-001',
    caseworkers: 2,
    services: [],
  },
  {
    key: 'employer-piekarnia',
    kind: 'EMPLOYER',
    name: 'Piekarnia Pod Kłosem sp. z o.o. (bench)',
    shortName: 'Piekarnia Pod Kłosem',
    city: 'Legionowo',
    postalCode: '05-120',
    caseworkers: 2,
    services: [{ name: 'Staż w piekarni', capacity: null }],
  },
  {
    key: 'employer-remonty',
    kind: 'EMPLOYER',
    name: 'Usługi Remontowe Jabłonna (bench)',
    shortName: 'UR Jabłonna',
    city: 'Jabłonna',
    postalCode: '05-110',
    caseworkers: 2,
    services: [],
  },
  {
    key: 'cooperative',
    kind: 'SOCIAL_COOPERATIVE',
    name: 'Spółdzielnia Socjalna Wspólny Stół (bench)',
    shortName: 'SS Wspólny Stół',
    city: 'Legionowo',
    postalCode: '05-120',
    caseworkers: 2,
    services: [{ name: 'Zatrudnienie w spółdzielni socjalnej', capacity: null }],
  },
];

/**
 * Who registers participants (percent of all participants) and where each
 * owner refers them (percent of that owner's participants). A participant is
 * always referred to the same organisation (its consent names it); a few
 * referrals are forwarded on from there.
 */
export const OWNERS: { key: string; share: number; recipients: [string, number][] }[] = [
  {
    key: 'pup',
    share: 35,
    recipients: [
      ['cis', 60],
      ['mops-legionowo', 15],
      ['ops-kampinos', 10],
      ['kis-sochaczew', 5],
      ['cooperative', 10],
    ],
  },
  {
    key: 'mops-legionowo',
    share: 15,
    recipients: [
      ['cis', 70],
      ['pup', 30],
    ],
  },
  ...['ops-jablonna', 'ops-wieliszew', 'ops-serock', 'ops-nieporet'].map((key) => ({
    key,
    share: 5,
    recipients: [
      ['cis', 70],
      ['pup', 30],
    ] as [string, number][],
  })),
  {
    key: 'mops-sochaczew',
    share: 10,
    recipients: [
      ['kis-sochaczew', 60],
      ['cis', 25],
      ['pup', 15],
    ],
  },
  {
    key: 'ops-kampinos',
    share: 5,
    recipients: [
      ['cis', 60],
      ['pup', 40],
    ],
  },
  {
    key: 'cis',
    share: 15,
    recipients: [
      ['cooperative', 40],
      ['employer-piekarnia', 30],
      ['employer-remonty', 30],
    ],
  },
];

/** Where a forwarded referral goes next: CIS passes people on to the cooperative, everyone else to CIS. */
export const FORWARD_TO = { fromCis: 'cooperative', otherwise: 'cis' } as const;

/** The password of every generated account. */
export const BENCH_PASSWORD = 'bench-password-2024';

export const caseworkerEmail = (key: string, n: number) => `${key}.caseworker${n}@bench.local`;

/**
 * A deterministic UUID (version-4 shaped) for a name, the same in TypeScript
 * and in SQL (`uuidSql`), so set-based SQL and the runner agree on ids.
 */
export function benchUuid(name: string): string {
  const h = createHash('md5').update(name).digest('hex');
  const v = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20)}`;
}

/** `benchUuid` as an SQL expression over a text expression. */
export const uuidSql = (text: string) =>
  `(overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid)`;
