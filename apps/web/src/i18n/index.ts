import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enEnums from './enums/en.json';
import plEnums from './enums/pl.json';
import enCommon from './common/en.json';
import plCommon from './common/pl.json';
import enAuth from '../modules/auth/i18n/en.json';
import plAuth from '../modules/auth/i18n/pl.json';
import enInbox from '../modules/inbox/i18n/en.json';
import plInbox from '../modules/inbox/i18n/pl.json';
import enReferrals from '../modules/referrals/i18n/en.json';
import plReferrals from '../modules/referrals/i18n/pl.json';
import enConsents from '../modules/consents/i18n/en.json';
import plConsents from '../modules/consents/i18n/pl.json';
import enParticipants from '../modules/participants/i18n/en.json';
import plParticipants from '../modules/participants/i18n/pl.json';

/**
 * Polish first, English second. Each domain has its own namespace (the
 * module's i18n/ folder); `enums` holds a word for every code the API
 * returns, and a test checks it covers every enum value in the schema.
 */
export const LANGUAGES = ['pl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  pl: {
    common: plCommon,
    enums: plEnums,
    auth: plAuth,
    inbox: plInbox,
    referrals: plReferrals,
    participants: plParticipants,
    consents: plConsents,
  },
  en: {
    common: enCommon,
    enums: enEnums,
    auth: enAuth,
    inbox: enInbox,
    referrals: enReferrals,
    participants: enParticipants,
    consents: enConsents,
  },
} as const;

const STORAGE_KEY = 'console.language';

/** Before sign-in: the language chosen last on this device (not a secret), else Polish. */
function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'pl';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'pl',
  defaultNS: 'common',
  ns: Object.keys(resources.pl),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: string): void {
  const next: Language = language === 'en' ? 'en' : 'pl';
  window.localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  if (i18n.language !== next) void i18n.changeLanguage(next);
}

document.documentElement.lang = i18n.language;

export default i18n;
