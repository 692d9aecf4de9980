import { ReaderLanguage, notificationTitle, readerLanguage } from './notification-titles';

export type EmailLanguage = ReaderLanguage;

export interface RenderedEmail {
  subject: string;
  text: string;
}

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

export const emailLanguage = readerLanguage;

/**
 * The e-mail for one notification, in the user's language: the notification's
 * title (see `notificationTitle`) and a line telling the user to open the
 * platform. Never personal or special-category data.
 */
export function renderEmail(
  eventType: string,
  payload: Readonly<Record<string, unknown>>,
  language: EmailLanguage,
): RenderedEmail {
  const title = notificationTitle(eventType, payload, language);
  const body = BODY[language];
  return { subject: title, text: `${title}\n\n${body.open}\n\n--\n${body.footer}\n` };
}
