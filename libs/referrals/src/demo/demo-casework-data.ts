import { DataCategory, DemoOrganisationKey, Purpose } from '@app/organisations';
import { CreateParticipantInput } from '@app/participants/participant.input';
import { DisabilityDegree } from '@app/participants/participant-data.model';
import {
  CancelReason,
  DeclineReason,
  DropOutReason,
  ReferralOutcome,
  ReferralPriority,
  ReferralReasonCategory,
} from '../referral-vocabulary';

/**
 * The demo partnership at work: invented people (names, PESELs with a valid
 * check digit, histories), each registered by the organisation that knows
 * them, with the consents they gave and a referral taken through the steps
 * the caseworkers of both sides would take — every referral status appears.
 * The services, programmes and workshops are those the partnership's own
 * articles describe (the CIS workshops, the KIS training cycle, the PAI's
 * socially useful work in Kampinos).
 */

/** One step of a referral, made by the side whose step it is (as its demo caseworker). */
export type DemoStep =
  | { step: 'send' }
  | { step: 'accept'; note?: string }
  | { step: 'decline'; reasonCode: DeclineReason; note: string }
  | { step: 'start'; note?: string }
  | { step: 'complete'; outcome: ReferralOutcome; note: string }
  | { step: 'dropOut'; reasonCode: DropOutReason; note: string }
  | { step: 'cancel'; reasonCode: CancelReason; note: string }
  | { step: 'forward'; to: DemoOrganisationKey; service?: string; reason: string }
  /** The system's: the response due date passed unanswered (the worker's sweep). */
  | { step: 'expire' }
  /** The participant withdraws the consent given to `to` (recorded by the owner's caseworker). */
  | { step: 'withdrawConsent'; to: DemoOrganisationKey; reason: string };

export interface DemoConsent {
  to: DemoOrganisationKey;
  purposes: Purpose[];
  categories: DataCategory[];
  /** Days from the day of seeding; a year by default. */
  validForDays?: number;
}

export interface DemoStory {
  owner: DemoOrganisationKey;
  participant: CreateParticipantInput & { identity: { pesel: string } };
  consents: DemoConsent[];
  referral: {
    to: DemoOrganisationKey;
    service?: string;
    reasonCategory: ReferralReasonCategory;
    reason: string;
    priority?: ReferralPriority;
    steps: DemoStep[];
  };
}

/** Who acts for each organisation in the demo: its caseworker (the MOPS's coordinator). */
export const DEMO_CASEWORKERS: Partial<Record<DemoOrganisationKey, string>> = {
  pup: 'pup.caseworker@demo.local',
  cis: 'cis.caseworker@demo.local',
  ops: 'ops.socialworker@demo.local',
  mops: 'mops.coordinator@demo.local',
  kis: 'kis.caseworker@demo.local',
};

const REFERRAL_AND_SUPPORT = [Purpose.REFERRAL, Purpose.REINTEGRATION_SUPPORT];
const { IDENTITY, CONTACT, ADDRESS, EMPLOYMENT, EDUCATION, BENEFITS, FAMILY, HOUSING, HEALTH } = DataCategory;
const LABOUR_OFFICE_CATEGORIES = [IDENTITY, CONTACT, ADDRESS, EMPLOYMENT, EDUCATION];

const legionowo = (street: string) => ({ street, postalCode: '05-120', city: 'Legionowo', commune: 'Legionowo' });

export const DEMO_STORIES: DemoStory[] = [
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Krzysztof', lastName: 'Malinowski', dateOfBirth: '1978-04-12', pesel: '78041210177' },
      contact: { phone: '+48 601 234 517' },
      address: legionowo('ul. Kościuszki 14/3'),
      employment: {
        registeredUnemployedSince: '2023-02-01',
        monthsUnemployed: 34,
        workHistory: ['pomocnik murarza (2005–2019)', 'prace sezonowe przy remontach'],
      },
      education: { level: 'zasadnicze zawodowe', skills: ['murarstwo', 'prace wykończeniowe'] },
    },
    consents: [{ to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: LABOUR_OFFICE_CATEGORIES }],
    referral: {
      to: 'cis',
      service: 'Warsztat remontowo-budowlany',
      reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
      reason:
        'Długotrwale bezrobotny, wcześniej pomocnik na budowie. Chce wrócić do pracy; proponujemy warsztat ' +
        'remontowo-budowlany w ramach indywidualnego programu zatrudnienia socjalnego.',
      steps: [
        { step: 'send' },
        { step: 'accept', note: 'Przyjęty do grupy remontowej od poniedziałku.' },
        { step: 'start', note: 'Podpisał indywidualny program zatrudnienia socjalnego.' },
      ],
    },
  },
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Agnieszka', lastName: 'Sobczak', dateOfBirth: '1985-09-03', pesel: '85090313843' },
      contact: { phone: '+48 602 118 430' },
      address: legionowo('ul. Sobieskiego 7/12'),
      employment: { registeredUnemployedSince: '2024-01-15', monthsUnemployed: 22, workHistory: ['sprzątaczka'] },
      education: { level: 'średnie', skills: ['kurs opiekunki osób starszych'], certificates: ['opiekun medyczny'] },
      health: { disabilityDegree: DisabilityDegree.LIGHT, disabilityCertificateValidUntil: '2028-06-30' },
    },
    consents: [{ to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: [...LABOUR_OFFICE_CATEGORIES, HEALTH] }],
    referral: {
      to: 'cis',
      service: 'Warsztat opiekuńczy',
      reasonCategory: ReferralReasonCategory.DISABILITY,
      reason:
        'Zainteresowana pracą w opiece nad osobami starszymi, ukończyła kurs opiekunki. Orzeczenie o lekkim ' +
        'stopniu niepełnosprawności; potrzebuje wsparcia w powrocie na rynek pracy.',
      steps: [
        { step: 'send' },
        { step: 'accept' },
        { step: 'start' },
        {
          step: 'complete',
          outcome: ReferralOutcome.EMPLOYED_OPEN_MARKET,
          note: 'Zatrudniona jako opiekunka w domu opieki w Jabłonnie, umowa o pracę na rok.',
        },
      ],
    },
  },
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Tadeusz', lastName: 'Wróblewski', dateOfBirth: '1969-01-27', pesel: '69012717579' },
      contact: { phone: '+48 603 771 902' },
      address: { city: 'Jabłonna', commune: 'Jabłonna', postalCode: '05-110' },
      employment: {
        registeredUnemployedSince: '2022-09-01',
        monthsUnemployed: 39,
        workHistory: ['kucharz (1995–2020)'],
      },
      education: { level: 'zasadnicze zawodowe', skills: ['gastronomia'] },
    },
    consents: [{ to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: LABOUR_OFFICE_CATEGORIES }],
    referral: {
      to: 'cis',
      service: 'Warsztat gastronomiczny',
      reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
      priority: ReferralPriority.HIGH,
      reason:
        'Były kucharz, ponad trzy lata bez pracy. Zależy mu na szybkim powrocie do zawodu; prosimy o miejsce ' +
        'w warsztacie gastronomicznym.',
      steps: [{ step: 'send' }],
    },
  },
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Beata', lastName: 'Jankowska', dateOfBirth: '1990-06-18', pesel: '90061821245' },
      contact: { phone: '+48 604 332 118', email: 'beata.jankowska@example.org' },
      address: legionowo('ul. Zegrzyńska 3/41'),
      employment: { registeredUnemployedSince: '2024-05-06', monthsUnemployed: 19, workHistory: ['kelnerka'] },
      education: { level: 'średnie', skills: ['obsługa klienta'] },
    },
    // Ends soon: the PUP caseworker is reminded to ask about renewal.
    consents: [{ to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: LABOUR_OFFICE_CATEGORIES, validForDays: 10 }],
    referral: {
      to: 'cis',
      service: 'Warsztat gastronomiczny',
      reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
      reason: 'Samotnie wychowuje dziecko, szuka pracy w gastronomii z możliwością nauki zawodu.',
      steps: [{ step: 'send' }, { step: 'accept', note: 'Rozpoczyna od przyszłego miesiąca.' }],
    },
  },
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Paweł', lastName: 'Kaczmarczyk', dateOfBirth: '1982-11-05', pesel: '82110524975' },
      contact: { phone: '+48 605 904 226' },
      address: legionowo('ul. Piaskowa 21'),
      employment: { registeredUnemployedSince: '2025-03-01', monthsUnemployed: 9 },
    },
    consents: [{ to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: [IDENTITY, CONTACT, EMPLOYMENT] }],
    referral: {
      to: 'cis',
      service: 'Warsztat remontowo-budowlany',
      reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
      reason: 'Zgłosił chęć nauki zawodu w warsztacie remontowym.',
      steps: [
        { step: 'send' },
        {
          step: 'decline',
          reasonCode: DeclineReason.NOT_ELIGIBLE,
          note: 'Pracuje dorywczo w niepełnym wymiarze; nie spełnia kryteriów ustawy o zatrudnieniu socjalnym.',
        },
        { step: 'withdrawConsent', to: 'cis', reason: 'Uczestnik nie chce, by CIS dalej przetwarzało jego dane.' },
      ],
    },
  },
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Renata', lastName: 'Kubiak', dateOfBirth: '1975-03-30', pesel: '75033028644' },
      contact: { phone: '+48 606 450 781' },
      address: legionowo('ul. Jagiellońska 40/8'),
      employment: { registeredUnemployedSince: '2021-10-01', monthsUnemployed: 50, workHistory: ['szwaczka'] },
    },
    consents: [{ to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: LABOUR_OFFICE_CATEGORIES }],
    referral: {
      to: 'cis',
      service: 'Trener pracy',
      reasonCategory: ReferralReasonCategory.SOCIAL_EXCLUSION_RISK,
      reason: 'Potrzebuje wsparcia trenera pracy w pierwszych tygodniach u nowego pracodawcy.',
      steps: [
        { step: 'send' },
        { step: 'accept' },
        { step: 'start' },
        {
          step: 'dropOut',
          reasonCode: DropOutReason.STOPPED_ATTENDING,
          note: 'Od trzech tygodni nie przychodzi na spotkania z trenerem pracy; kontakt telefoniczny bez skutku.',
        },
      ],
    },
  },
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Zbigniew', lastName: 'Pawlak', dateOfBirth: '1964-08-14', pesel: '64081432374' },
      contact: { phone: '+48 607 112 903' },
      address: { city: 'Kampinos', commune: 'Kampinos', postalCode: '05-085' },
      employment: { registeredUnemployedSince: '2020-04-01', monthsUnemployed: 68 },
      benefits: { benefits: ['zasiłek okresowy'] },
    },
    // No consent to the OPS yet: sending this draft waits for one (the console's consent preflight).
    consents: [],
    referral: {
      to: 'ops',
      service: 'Prace społecznie użyteczne',
      reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
      reason: 'Kandydat do Programu Aktywizacja i Integracja: prace społecznie użyteczne, 10 godzin tygodniowo.',
      steps: [],
    },
  },
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Grażyna', lastName: 'Michalska', dateOfBirth: '1971-12-09', pesel: '71120936041' },
      contact: { phone: '+48 608 640 215' },
      address: { city: 'Kampinos', commune: 'Kampinos', postalCode: '05-085' },
      employment: { registeredUnemployedSince: '2023-07-01', monthsUnemployed: 29 },
      family: { householdSize: 3, dependants: 1 },
    },
    consents: [{ to: 'ops', purposes: REFERRAL_AND_SUPPORT, categories: [IDENTITY, CONTACT, EMPLOYMENT, FAMILY] }],
    referral: {
      to: 'ops',
      service: 'Prace społecznie użyteczne',
      reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
      reason: 'Kandydatka do PAI w Kampinosie.',
      steps: [
        { step: 'send' },
        {
          step: 'cancel',
          reasonCode: CancelReason.FOUND_EMPLOYMENT,
          note: 'Podjęła pracę w sklepie spożywczym w Kampinosie.',
        },
      ],
    },
  },
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Łukasz', lastName: 'Szewczyk', dateOfBirth: '1995-02-21', pesel: '95022139773' },
      contact: { phone: '+48 609 205 664' },
      address: legionowo('ul. Mickiewicza 2/5'),
      employment: { registeredUnemployedSince: '2025-01-10', monthsUnemployed: 11 },
      education: { level: 'gimnazjalne' },
    },
    consents: [{ to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: LABOUR_OFFICE_CATEGORIES }],
    referral: {
      to: 'cis',
      service: 'Warsztat gastronomiczny',
      reasonCategory: ReferralReasonCategory.SOCIAL_EXCLUSION_RISK,
      reason: 'Młody bezrobotny bez kwalifikacji; proponujemy naukę zawodu w warsztacie gastronomicznym.',
      steps: [{ step: 'send' }, { step: 'expire' }],
    },
  },
  {
    owner: 'pup',
    participant: {
      identity: { firstName: 'Monika', lastName: 'Czarnecka', dateOfBirth: '1988-10-02', pesel: '88100243444' },
      contact: { phone: '+48 610 338 027' },
      address: { city: 'Kampinos', commune: 'Kampinos', postalCode: '05-085' },
      employment: { registeredUnemployedSince: '2023-11-20', monthsUnemployed: 25 },
      family: { householdSize: 4, dependants: 2 },
    },
    consents: [
      { to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: LABOUR_OFFICE_CATEGORIES },
      { to: 'ops', purposes: REFERRAL_AND_SUPPORT, categories: [IDENTITY, CONTACT, EMPLOYMENT, FAMILY] },
    ],
    referral: {
      to: 'cis',
      service: 'Warsztat opiekuńczy',
      reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
      reason: 'Zainteresowana pracą w opiece; dwoje dzieci w wieku szkolnym.',
      steps: [
        { step: 'send' },
        {
          step: 'forward',
          to: 'ops',
          service: 'Prace społecznie użyteczne',
          reason:
            'Mieszka w gminie Kampinos, dojazd do Legionowa jest dla niej zbyt trudny; bliżej będzie jej ' +
            'uczestniczyć w PAI w OPS Kampinos.',
        },
      ],
    },
  },
  {
    owner: 'mops',
    participant: {
      identity: { firstName: 'Halina', lastName: 'Borkowska', dateOfBirth: '1973-05-16', pesel: '73051647146' },
      contact: { phone: '+48 611 570 340' },
      address: { city: 'Sochaczew', commune: 'Sochaczew', postalCode: '96-500', street: 'ul. Staszica 9/2' },
      employment: { monthsUnemployed: 72 },
      benefits: { benefits: ['zasiłek okresowy', 'zasiłek celowy'] },
      family: { householdSize: 2, dependants: 1 },
    },
    consents: [{ to: 'kis', purposes: REFERRAL_AND_SUPPORT, categories: [IDENTITY, CONTACT, EMPLOYMENT, BENEFITS] }],
    referral: {
      to: 'kis',
      service: 'Cykl szkoleń i warsztatów KIS',
      reasonCategory: ReferralReasonCategory.SOCIAL_EXCLUSION_RISK,
      reason:
        'Od lat bez pracy, korzysta z pomocy społecznej. Proponujemy cykl warsztatów KIS: zajęcia z psychologiem, ' +
        'doradztwo zawodowe, nauka obsługi komputera.',
      steps: [{ step: 'send' }, { step: 'accept' }, { step: 'start', note: 'Zawarty kontrakt socjalny.' }],
    },
  },
  {
    owner: 'mops',
    participant: {
      identity: { firstName: 'Wiesław', lastName: 'Górski', dateOfBirth: '1967-07-23', pesel: '67072350875' },
      contact: { phone: '+48 612 093 418' },
      address: { city: 'Sochaczew', commune: 'Sochaczew', postalCode: '96-500' },
      employment: { monthsUnemployed: 40, workHistory: ['malarz budowlany'] },
      housing: { situation: 'mieszkanie socjalne' },
    },
    consents: [{ to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: [IDENTITY, CONTACT, EMPLOYMENT, HOUSING] }],
    referral: {
      to: 'cis',
      service: 'Warsztat remontowo-budowlany',
      reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
      reason: 'Doświadczony malarz, chce odbudować nawyk pracy przed powrotem na rynek.',
      steps: [{ step: 'send' }, { step: 'accept' }],
    },
  },
  {
    owner: 'ops',
    participant: {
      identity: { firstName: 'Stanisław', lastName: 'Kowalik', dateOfBirth: '1966-02-11', pesel: '66021154577' },
      contact: { phone: '+48 613 847 552' },
      address: { city: 'Kampinos', commune: 'Kampinos', postalCode: '05-085' },
      employment: { monthsUnemployed: 55, workHistory: ['stolarz'] },
      family: { householdSize: 1 },
    },
    consents: [{ to: 'cis', purposes: REFERRAL_AND_SUPPORT, categories: [IDENTITY, CONTACT, EMPLOYMENT, FAMILY] }],
    referral: {
      to: 'cis',
      service: 'Warsztat remontowo-budowlany',
      reasonCategory: ReferralReasonCategory.LONG_TERM_UNEMPLOYMENT,
      reason: 'Uczestnik PAI w Kampinosie, dobrze radził sobie przy pracach społecznie użytecznych; stolarz z zawodu.',
      steps: [{ step: 'send' }],
    },
  },
];
