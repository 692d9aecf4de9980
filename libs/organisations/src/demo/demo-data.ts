import { Role } from '@app/authz';
import { DataCategory, OrganisationKind, Purpose } from '../vocabulary';

/**
 * The partnership this product was born in: Legionowo county's CIS, labour
 * office, chamber of commerce and NGO federation, with the Sochaczew welfare
 * centre and its social integration club and the Kampinos welfare centre.
 * Institution names are real; the employers, the cooperative and all people
 * are invented.
 */
export const DEMO_PASSWORD = 'demo';

export const DEMO_ORGANISATIONS = [
  {
    key: 'starostwo',
    kind: OrganisationKind.LOCAL_GOVERNMENT,
    name: 'Starostwo Powiatowe w Legionowie',
    shortName: 'Starostwo Legionowo',
    city: 'Legionowo',
    postalCode: '05-119',
    street: 'ul. Sikorskiego 11',
    county: 'legionowski',
    services: [],
  },
  {
    key: 'cis',
    kind: OrganisationKind.SOCIAL_INTEGRATION_CENTRE,
    name: 'Powiatowe Centrum Integracji Społecznej w Legionowie',
    shortName: 'PCIS Legionowo',
    city: 'Legionowo',
    postalCode: '05-120',
    street: 'ul. Jagiellońska 67',
    county: 'legionowski',
    services: [
      {
        name: 'Warsztat opiekuńczy',
        description: 'Reintegracja zawodowa w zakresie opieki nad osobami starszymi i niesamodzielnymi',
        capacity: 12,
      },
      {
        name: 'Warsztat gastronomiczny',
        description: 'Przygotowanie do pracy w gastronomii i cateringu',
        capacity: 12,
      },
      { name: 'Warsztat remontowo-budowlany', description: 'Prace remontowe i wykończeniowe', capacity: 12 },
      {
        name: 'Trener pracy',
        description: 'Wsparcie uczestnika u pracodawcy w pierwszych miesiącach zatrudnienia',
        capacity: null,
      },
    ],
  },
  {
    key: 'pup',
    kind: OrganisationKind.LABOUR_OFFICE,
    name: 'Powiatowy Urząd Pracy w Legionowie',
    shortName: 'PUP Legionowo',
    city: 'Legionowo',
    postalCode: '05-120',
    street: 'ul. Piłsudskiego 36',
    county: 'legionowski',
    services: [
      {
        name: 'Program Aktywizacja i Integracja',
        description: 'PAI: 10 godzin tygodniowo prac społecznie użytecznych i wsparcie grupowe',
        capacity: 10,
      },
    ],
  },
  {
    key: 'pig',
    kind: OrganisationKind.CHAMBER_OF_COMMERCE,
    name: 'Powiatowa Izba Gospodarcza',
    shortName: 'PIG',
    city: 'Legionowo',
    postalCode: '05-120',
    street: null,
    county: 'legionowski',
    services: [],
  },
  {
    key: 'mfres',
    kind: OrganisationKind.NGO,
    name: 'Mazowiecka Federacja Rozwoju Ekonomii Społecznej',
    shortName: 'MFRES',
    city: 'Warszawa',
    postalCode: null,
    street: null,
    county: null,
    services: [],
  },
  {
    key: 'mops',
    kind: OrganisationKind.WELFARE_CENTRE,
    name: 'Miejski Ośrodek Pomocy Społecznej w Sochaczewie',
    shortName: 'MOPS Sochaczew',
    city: 'Sochaczew',
    postalCode: '96-500',
    street: null,
    county: 'sochaczewski',
    services: [],
  },
  {
    key: 'kis',
    kind: OrganisationKind.SOCIAL_INTEGRATION_CLUB,
    name: 'Klub Integracji Społecznej w Sochaczewie',
    shortName: 'KIS Sochaczew',
    city: 'Sochaczew',
    postalCode: '96-500',
    street: null,
    county: 'sochaczewski',
    parent: 'mops',
    services: [
      {
        name: 'Cykl szkoleń i warsztatów KIS',
        description: 'Warsztaty motywacyjne z psychologiem, szkolenia zawodowe, doradztwo',
        capacity: 15,
      },
    ],
  },
  {
    key: 'ops',
    kind: OrganisationKind.WELFARE_CENTRE,
    name: 'Ośrodek Pomocy Społecznej w Kampinosie',
    shortName: 'OPS Kampinos',
    city: 'Kampinos',
    postalCode: '05-085',
    street: null,
    county: 'warszawski zachodni',
    services: [
      {
        name: 'Prace społecznie użyteczne',
        description: '10 godzin tygodniowo w ramach Programu Aktywizacja i Integracja',
        capacity: 10,
      },
    ],
  },
  {
    key: 'employer1',
    kind: OrganisationKind.EMPLOYER,
    name: 'Piekarnia Pod Kłosem sp. z o.o. (demo)',
    shortName: 'Piekarnia Pod Kłosem',
    city: 'Legionowo',
    postalCode: '05-120',
    street: null,
    county: 'legionowski',
    services: [],
  },
  {
    key: 'employer2',
    kind: OrganisationKind.EMPLOYER,
    name: 'Usługi Remontowe Jabłonna (demo)',
    shortName: 'UR Jabłonna',
    city: 'Jabłonna',
    postalCode: '05-110',
    street: null,
    county: 'legionowski',
    services: [],
  },
  {
    key: 'cooperative',
    kind: OrganisationKind.SOCIAL_COOPERATIVE,
    name: 'Spółdzielnia Socjalna Wspólny Stół (demo)',
    shortName: 'SS Wspólny Stół',
    city: 'Legionowo',
    postalCode: '05-120',
    street: null,
    county: 'legionowski',
    services: [
      { name: 'Zatrudnienie w spółdzielni socjalnej', description: 'Miejsca pracy dla absolwentów CIS', capacity: 4 },
    ],
  },
] as const;

export type DemoOrganisationKey = (typeof DEMO_ORGANISATIONS)[number]['key'];

export const DEMO_USERS: { email: string; displayName: string; organisation: DemoOrganisationKey; role: Role }[] = [
  { email: 'pup.caseworker@demo.local', displayName: 'Anna Kowalczyk', organisation: 'pup', role: Role.CASEWORKER },
  { email: 'pup.admin@demo.local', displayName: 'Tomasz Wiśniewski', organisation: 'pup', role: Role.PARTNER_ADMIN },
  { email: 'cis.caseworker@demo.local', displayName: 'Magdalena Nowak', organisation: 'cis', role: Role.CASEWORKER },
  { email: 'cis.admin@demo.local', displayName: 'Krzysztof Zieliński', organisation: 'cis', role: Role.PARTNER_ADMIN },
  { email: 'ops.socialworker@demo.local', displayName: 'Ewa Lewandowska', organisation: 'ops', role: Role.CASEWORKER },
  { email: 'mops.coordinator@demo.local', displayName: 'Joanna Wójcik', organisation: 'mops', role: Role.COORDINATOR },
  { email: 'kis.caseworker@demo.local', displayName: 'Katarzyna Mazurek', organisation: 'kis', role: Role.CASEWORKER },
  { email: 'pig.member@demo.local', displayName: 'Barbara Dąbrowska', organisation: 'pig', role: Role.CASEWORKER },
  { email: 'auditor@demo.local', displayName: 'Piotr Kamiński', organisation: 'pup', role: Role.AUDITOR },
  {
    email: 'admin@demo.local',
    displayName: 'Administrator platformy',
    organisation: 'starostwo',
    role: Role.PLATFORM_ADMIN,
  },
];

export const DEMO_PARTNERSHIP = {
  name: 'Partnerstwo przeciw wykluczeniu społecznemu',
  description:
    'Partnerstwo instytucjonalne (CIS, PUP, OPS, PIG, NGO) na rzecz reintegracji społeczno-zawodowej mieszkańców powiatu legionowskiego i okolic.',
  lead: 'cis' as DemoOrganisationKey,
  members: DEMO_ORGANISATIONS.map((o) => o.key).filter((k) => k !== 'starostwo'),
};

const SOCIAL_WORK_CATEGORIES = [
  DataCategory.IDENTITY,
  DataCategory.CONTACT,
  DataCategory.ADDRESS,
  DataCategory.EMPLOYMENT,
  DataCategory.EDUCATION,
  DataCategory.BENEFITS,
  DataCategory.FAMILY,
  DataCategory.HOUSING,
  DataCategory.HEALTH,
  DataCategory.ADDICTION,
];

export const DEMO_AGREEMENTS: {
  title: string;
  parties: [DemoOrganisationKey, DemoOrganisationKey];
  purposes: Purpose[];
  dataCategories: DataCategory[];
  responseTimeDays: number;
}[] = [
  {
    title: 'Porozumienie PUP Legionowo – PCIS Legionowo',
    parties: ['pup', 'cis'],
    purposes: [Purpose.REFERRAL, Purpose.REINTEGRATION_SUPPORT, Purpose.EMPLOYMENT_MEDIATION, Purpose.REPORTING],
    dataCategories: [
      DataCategory.IDENTITY,
      DataCategory.CONTACT,
      DataCategory.ADDRESS,
      DataCategory.EMPLOYMENT,
      DataCategory.EDUCATION,
      DataCategory.BENEFITS,
      DataCategory.HEALTH,
    ],
    responseTimeDays: 14,
  },
  {
    title: 'Porozumienie OPS Kampinos – PCIS Legionowo',
    parties: ['ops', 'cis'],
    purposes: [Purpose.REFERRAL, Purpose.REINTEGRATION_SUPPORT],
    dataCategories: SOCIAL_WORK_CATEGORIES,
    responseTimeDays: 14,
  },
  {
    title: 'Porozumienie MOPS Sochaczew – PCIS Legionowo',
    parties: ['mops', 'cis'],
    purposes: [Purpose.REFERRAL, Purpose.REINTEGRATION_SUPPORT],
    dataCategories: SOCIAL_WORK_CATEGORIES,
    responseTimeDays: 14,
  },
  {
    title: 'Porozumienie MOPS Sochaczew – KIS Sochaczew',
    parties: ['mops', 'kis'],
    purposes: [Purpose.REFERRAL, Purpose.REINTEGRATION_SUPPORT],
    dataCategories: SOCIAL_WORK_CATEGORIES,
    responseTimeDays: 7,
  },
  {
    title: 'Porozumienie PUP Legionowo – MOPS Sochaczew',
    parties: ['pup', 'mops'],
    purposes: [Purpose.REFERRAL, Purpose.EMPLOYMENT_MEDIATION],
    dataCategories: [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.EMPLOYMENT, DataCategory.BENEFITS],
    responseTimeDays: 21,
  },
  {
    title: 'Porozumienie PUP Legionowo – OPS Kampinos (PAI)',
    parties: ['pup', 'ops'],
    purposes: [Purpose.REFERRAL, Purpose.REINTEGRATION_SUPPORT],
    dataCategories: [
      DataCategory.IDENTITY,
      DataCategory.CONTACT,
      DataCategory.EMPLOYMENT,
      DataCategory.BENEFITS,
      DataCategory.FAMILY,
    ],
    responseTimeDays: 21,
  },
];

export const DEMO_AGREEMENT_VALIDITY = { validFrom: '2026-01-01', validUntil: '2027-12-31' };
