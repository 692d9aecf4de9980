import { CancelReason, DeclineReason, DropOutReason, ReferralOutcome } from '@app/referrals/referral-vocabulary';

/** The languages the platform writes in (`users.language`). */
export type ReaderLanguage = 'pl' | 'en';

/** A user's language as stored; anything else reads as Polish, the platform's first language. */
export function readerLanguage(value: unknown): ReaderLanguage {
  return value === 'en' ? 'en' : 'pl';
}

type Payload = Readonly<Record<string, unknown>>;
type Words<E extends string> = Record<E, Record<ReaderLanguage, string>>;

const DECLINE_REASONS: Words<DeclineReason> = {
  [DeclineReason.NO_CAPACITY]: { pl: 'brak wolnych miejsc', en: 'no free places' },
  [DeclineReason.NOT_ELIGIBLE]: { pl: 'osoba nie spełnia kryteriów', en: 'not eligible' },
  [DeclineReason.OUTSIDE_AREA]: { pl: 'spoza obszaru działania', en: 'outside the area served' },
  [DeclineReason.PARTICIPANT_REFUSED]: { pl: 'uczestnik odmówił', en: 'the participant refused' },
  [DeclineReason.DUPLICATE]: { pl: 'zdublowane skierowanie', en: 'a duplicate referral' },
  [DeclineReason.OTHER]: { pl: 'inny powód', en: 'another reason' },
};

const CANCEL_REASONS: Words<CancelReason> = {
  [CancelReason.PARTICIPANT_REFUSED]: { pl: 'uczestnik zrezygnował', en: 'the participant withdrew' },
  [CancelReason.PARTICIPANT_MOVED]: { pl: 'uczestnik się wyprowadził', en: 'the participant moved away' },
  [CancelReason.FOUND_EMPLOYMENT]: { pl: 'uczestnik podjął pracę', en: 'the participant found work' },
  [CancelReason.SENT_IN_ERROR]: { pl: 'wysłane przez pomyłkę', en: 'sent in error' },
  [CancelReason.OTHER]: { pl: 'inny powód', en: 'another reason' },
};

const DROP_OUT_REASONS: Words<DropOutReason> = {
  [DropOutReason.STOPPED_ATTENDING]: { pl: 'przestał uczęszczać', en: 'stopped attending' },
  [DropOutReason.HEALTH]: { pl: 'ze względów zdrowotnych', en: 'for health reasons' },
  [DropOutReason.MOVED_AWAY]: { pl: 'wyprowadził się', en: 'moved away' },
  [DropOutReason.FOUND_EMPLOYMENT_ELSEWHERE]: { pl: 'podjął pracę gdzie indziej', en: 'found work elsewhere' },
  [DropOutReason.RULES_BREACH]: { pl: 'naruszenie regulaminu', en: 'broke the rules' },
  [DropOutReason.OTHER]: { pl: 'inny powód', en: 'another reason' },
};

const OUTCOMES: Words<ReferralOutcome> = {
  [ReferralOutcome.EMPLOYED_OPEN_MARKET]: {
    pl: 'zatrudnienie na otwartym rynku pracy',
    en: 'employed on the open labour market',
  },
  [ReferralOutcome.SOCIAL_COOPERATIVE]: {
    pl: 'zatrudnienie w spółdzielni socjalnej',
    en: 'employed in a social cooperative',
  },
  [ReferralOutcome.SELF_EMPLOYED]: { pl: 'własna działalność gospodarcza', en: 'self-employed' },
  [ReferralOutcome.TRAINING_COMPLETED]: { pl: 'ukończone szkolenie', en: 'training completed' },
  [ReferralOutcome.CONTINUES_SUPPORT]: { pl: 'dalsze wsparcie', en: 'continues with support' },
  [ReferralOutcome.OTHER]: { pl: 'inny wynik', en: 'another outcome' },
};

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Only known codes and dates from the event payload reach a title, as words:
 * a value that is not one of them is a '?', so free text can never leak into
 * an inbox or a mailbox by accident.
 */
const word =
  <E extends string>(words: Words<E>) =>
  (value: unknown, language: ReaderLanguage): string =>
    typeof value === 'string' && Object.hasOwn(words, value) ? words[value as E][language] : '?';

/** A calendar day: 31.12.2026 in Polish, 31 Dec 2026 in English. */
function day(value: unknown, language: ReaderLanguage): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return '?';
  const [, year, month, date] = match;
  const monthName = MONTHS_EN[Number(month) - 1];
  if (!monthName) return '?';
  return language === 'pl' ? `${date}.${month}.${year}` : `${Number(date)} ${monthName} ${year}`;
}

const declineReason = word(DECLINE_REASONS);
const cancelReason = word(CANCEL_REASONS);
const dropOutReason = word(DROP_OUT_REASONS);
const outcome = word(OUTCOMES);

type Title = (p: Payload, language: ReaderLanguage) => string;
const fixed =
  (pl: string, en: string): Title =>
  (_, language) =>
    language === 'pl' ? pl : en;

const TITLES: Record<string, Title> = {
  'referral.send': fixed('Nowe skierowanie', 'New referral received'),
  'referral.accept': fixed('Skierowanie przyjęte', 'Referral accepted'),
  'referral.decline': (p, l) =>
    l === 'pl'
      ? `Skierowanie odrzucone: ${declineReason(p.reasonCode, l)}`
      : `Referral declined: ${declineReason(p.reasonCode, l)}`,
  'referral.start': fixed('Skierowanie w realizacji', 'Referral in progress'),
  'referral.complete': (p, l) =>
    l === 'pl' ? `Skierowanie zakończone: ${outcome(p.outcome, l)}` : `Referral completed: ${outcome(p.outcome, l)}`,
  'referral.drop_out': (p, l) =>
    l === 'pl'
      ? `Uczestnik przerwał udział: ${dropOutReason(p.reasonCode, l)}`
      : `Participant dropped out: ${dropOutReason(p.reasonCode, l)}`,
  'referral.forward': fixed(
    'Skierowanie przekazane do innej organizacji',
    'Referral forwarded to another organisation',
  ),
  'referral.cancel': (p, l) =>
    l === 'pl'
      ? `Skierowanie anulowane: ${cancelReason(p.reasonCode, l)}`
      : `Referral cancelled: ${cancelReason(p.reasonCode, l)}`,
  'referral.expired': fixed('Skierowanie wygasło bez odpowiedzi', 'Referral expired unanswered'),
  'referral.due_soon': (p, l) =>
    l === 'pl'
      ? `Termin odpowiedzi na skierowanie: ${day(p.responseDueOn, l)}`
      : `Referral due on ${day(p.responseDueOn, l)}`,
  'consent.withdrawn': fixed(
    'Uczestnik wycofał zgodę: przestań korzystać z danych otrzymanych na jej podstawie',
    'A participant withdrew consent: stop using the data received under it',
  ),
  'consent.expiring': (p, l) =>
    l === 'pl'
      ? `Zgoda uczestnika wygasa ${day(p.validUntil, l)}: zapytaj o jej odnowienie`
      : `A participant's consent ends on ${day(p.validUntil, l)}: ask about renewal`,
  'agreement.expiring': (p, l) =>
    l === 'pl'
      ? `Umowa o udostępnianiu danych wygasa ${day(p.validUntil, l)}`
      : `A data-sharing agreement ends on ${day(p.validUntil, l)}`,
  'break_glass.opened': fixed(
    'Otwarto dostęp awaryjny do jednego z Twoich uczestników',
    'Emergency access opened to one of your participants',
  ),
  'webhook.disabled': fixed(
    'Wyłączono punkt odbioru webhooków po powtarzających się błędach',
    'A webhook endpoint was disabled after repeated failures',
  ),
};

const FALLBACK = fixed('Nowe powiadomienie', 'New notification');

/**
 * The one line that names an event, in the reader's language: the inbox's
 * notification title and the e-mail's subject. Codes become words and dates
 * read as the language writes them; never personal data (the payload has
 * none, and only known codes and dates are read from it).
 */
export function notificationTitle(eventType: string, payload: Payload, language: ReaderLanguage): string {
  return (Object.hasOwn(TITLES, eventType) ? TITLES[eventType] : FALLBACK)(payload, language);
}
