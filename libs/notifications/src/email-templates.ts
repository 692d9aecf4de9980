export type EmailLanguage = 'pl' | 'en';

export interface RenderedEmail {
  subject: string;
  text: string;
}

type Payload = Record<string, unknown>;
type Title = (p: Payload) => string;

/**
 * Only codes and dates from the event payload may reach an e-mail: anything
 * that does not look like a code (letters, digits, `_ . : -`) is left out, so
 * free text can never leak into a mailbox by accident.
 */
function code(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z0-9_.:-]{1,64}$/.test(value) ? value : '?';
}

const TITLES: Record<string, Record<EmailLanguage, Title>> = {
  'referral.send': { pl: () => 'Nowe skierowanie', en: () => 'New referral received' },
  'referral.accept': { pl: () => 'Skierowanie przyjęte', en: () => 'Referral accepted' },
  'referral.decline': {
    pl: (p) => `Skierowanie odrzucone (${code(p.reasonCode)})`,
    en: (p) => `Referral declined (${code(p.reasonCode)})`,
  },
  'referral.start': { pl: () => 'Skierowanie w realizacji', en: () => 'Referral in progress' },
  'referral.complete': {
    pl: (p) => `Skierowanie zakończone (${code(p.outcome)})`,
    en: (p) => `Referral completed (${code(p.outcome)})`,
  },
  'referral.drop_out': {
    pl: (p) => `Uczestnik przerwał udział (${code(p.reasonCode)})`,
    en: (p) => `Participant dropped out (${code(p.reasonCode)})`,
  },
  'referral.forward': {
    pl: () => 'Skierowanie przekazane do innej organizacji',
    en: () => 'Referral forwarded to another organisation',
  },
  'referral.cancel': {
    pl: (p) => `Skierowanie anulowane (${code(p.reasonCode)})`,
    en: (p) => `Referral cancelled (${code(p.reasonCode)})`,
  },
  'referral.expired': {
    pl: () => 'Skierowanie wygasło bez odpowiedzi',
    en: () => 'Referral expired unanswered',
  },
  'referral.due_soon': {
    pl: (p) => `Termin odpowiedzi na skierowanie: ${code(p.responseDueOn)}`,
    en: (p) => `Referral due on ${code(p.responseDueOn)}`,
  },
  'consent.withdrawn': {
    pl: () => 'Uczestnik wycofał zgodę: przestań korzystać z danych otrzymanych na jej podstawie',
    en: () => 'A participant withdrew consent: stop using the data received under it',
  },
  'consent.expiring': {
    pl: (p) => `Zgoda uczestnika wygasa ${code(p.validUntil)}: zapytaj o jej odnowienie`,
    en: (p) => `A participant's consent ends on ${code(p.validUntil)}: ask about renewal`,
  },
  'agreement.expiring': {
    pl: (p) => `Umowa o udostępnianiu danych wygasa ${code(p.validUntil)}`,
    en: (p) => `A data-sharing agreement ends on ${code(p.validUntil)}`,
  },
  'break_glass.opened': {
    pl: () => 'Otwarto dostęp awaryjny do jednego z Twoich uczestników',
    en: () => 'Emergency access opened to one of your participants',
  },
  'webhook.disabled': {
    pl: () => 'Wyłączono punkt odbioru webhooków po powtarzających się błędach',
    en: () => 'A webhook endpoint was disabled after repeated failures',
  },
};

const FALLBACK: Record<EmailLanguage, Title> = { pl: () => 'Nowe powiadomienie', en: () => 'New notification' };

const BODY: Record<EmailLanguage, { open: string; footer: string }> = {
  pl: {
    open: 'Zaloguj się na platformę, aby zobaczyć szczegóły.',
    footer: 'Wiadomość wysłana automatycznie przez platformę partnerstwa; nie odpowiadaj na nią.',
  },
  en: {
    open: 'Sign in to the platform to see the details.',
    footer: 'Sent automatically by the partnership platform; please do not reply.',
  },
};

export function emailLanguage(value: unknown): EmailLanguage {
  return value === 'en' ? 'en' : 'pl';
}

/**
 * The e-mail for one notification, in the user's language: the non-sensitive
 * title and a line telling the user to open the platform. Never personal or
 * special-category data, only codes from the event payload.
 */
export function renderEmail(eventType: string, payload: Payload, language: EmailLanguage): RenderedEmail {
  const title = (TITLES[eventType]?.[language] ?? FALLBACK[language])(payload);
  const body = BODY[language];
  return { subject: title, text: `${title}\n\n${body.open}\n\n--\n${body.footer}\n` };
}
