import { CancelReason, DeclineReason, DropOutReason, ReferralOutcome } from '@app/referrals/referral-vocabulary';
import { notificationTitle, readerLanguage } from './notification-titles';
import { NOTIFICATION_EVENT_TYPES } from './recipients';

const LANGUAGES = ['pl', 'en'] as const;

describe('notification titles', () => {
  it.each(NOTIFICATION_EVENT_TYPES)('%s has its own title in Polish and in English', (eventType) => {
    const payload = { validUntil: '2026-12-31', responseDueOn: '2026-12-01', reasonCode: 'OTHER', outcome: 'OTHER' };
    for (const language of LANGUAGES) {
      expect(notificationTitle(eventType, payload, language)).not.toBe(
        notificationTitle('something.new', {}, language),
      );
    }
    expect(notificationTitle(eventType, payload, 'pl')).not.toBe(notificationTitle(eventType, payload, 'en'));
  });

  it('says every reason and outcome in words, never as its code', () => {
    const cases: [string, string, readonly string[]][] = [
      ['referral.decline', 'reasonCode', Object.values(DeclineReason)],
      ['referral.cancel', 'reasonCode', Object.values(CancelReason)],
      ['referral.drop_out', 'reasonCode', Object.values(DropOutReason)],
      ['referral.complete', 'outcome', Object.values(ReferralOutcome)],
    ];
    for (const [eventType, field, codes] of cases) {
      for (const language of LANGUAGES) {
        const titles = codes.map((code) => notificationTitle(eventType, { [field]: code }, language));
        for (const [i, title] of titles.entries()) {
          expect(title).not.toContain(codes[i]);
          expect(title).not.toMatch(/\?$/);
        }
        // One phrase per code, within each list.
        expect(new Set(titles).size).toBe(codes.length);
      }
    }
    expect(notificationTitle('referral.decline', { reasonCode: 'NO_CAPACITY' }, 'pl')).toBe(
      'Skierowanie odrzucone: brak wolnych miejsc',
    );
    expect(notificationTitle('referral.complete', { outcome: 'EMPLOYED_OPEN_MARKET' }, 'en')).toBe(
      'Referral completed: employed on the open labour market',
    );
  });

  it('writes days as each language does: dd.mm.rrrr in Polish', () => {
    expect(notificationTitle('referral.due_soon', { responseDueOn: '2026-01-07' }, 'pl')).toBe(
      'Termin odpowiedzi na skierowanie: 07.01.2026',
    );
    expect(notificationTitle('referral.due_soon', { responseDueOn: '2026-01-07' }, 'en')).toBe(
      'Referral due on 7 Jan 2026',
    );
    expect(notificationTitle('agreement.expiring', { validUntil: '2027-12-31' }, 'pl')).toBe(
      'Umowa o udostępnianiu danych wygasa 31.12.2027',
    );
  });

  it('lets nothing but known codes and days through', () => {
    const leaky = { reasonCode: 'Jan Kowalski', outcome: 'toString', responseDueOn: '2026-13-01 Kowalski' };
    for (const eventType of ['referral.decline', 'referral.complete', 'referral.due_soon']) {
      for (const language of LANGUAGES) {
        const title = notificationTitle(eventType, leaky, language);
        expect(title).toMatch(/\?$/);
        expect(title).not.toMatch(/Kowalski|toString|function/);
      }
    }
    expect(notificationTitle('constructor', {}, 'pl')).toBe('Nowe powiadomienie');
  });

  it('reads any language but English as Polish', () => {
    expect([readerLanguage('en'), readerLanguage('pl'), readerLanguage('de'), readerLanguage(null)]).toEqual([
      'en',
      'pl',
      'pl',
      'pl',
    ]);
  });
});
