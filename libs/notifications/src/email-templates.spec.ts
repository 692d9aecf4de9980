import { loadConfig } from '@app/core';
import { emailLanguage, renderEmail } from './email-templates';

describe('e-mail templates', () => {
  it('renders the title and an open-the-platform line in Polish or English', () => {
    const pl = renderEmail('referral.decline', { reasonCode: 'NO_CAPACITY' }, 'pl');
    expect(pl.subject).toBe('Skierowanie odrzucone: brak wolnych miejsc');
    expect(pl.text).toContain('Zaloguj się na platformę');
    const en = renderEmail('referral.decline', { reasonCode: 'NO_CAPACITY' }, 'en');
    expect(en.subject).toBe('Referral declined: no free places');
    expect(en.text).toContain('Sign in to the platform');
  });

  it('lets only codes through: free text in the payload never reaches the e-mail', () => {
    const email = renderEmail(
      'referral.drop_out',
      { reasonCode: 'Jan Kowalski, PESEL 85010112345', name: 'Jan' },
      'en',
    );
    expect(email.subject).toBe('Participant dropped out: ?');
    expect(`${email.subject}${email.text}`).not.toMatch(/Jan|Kowalski|8501/);
  });

  it('falls back to Polish and to a generic title', () => {
    expect(emailLanguage('de')).toBe('pl');
    expect(renderEmail('something.new', {}, 'en').subject).toBe('New notification');
  });
});

describe('SMTP configuration', () => {
  it('is disabled without SMTP_HOST, and needs MAIL_FROM with it', () => {
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).mail).toBeUndefined();
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(32), SMTP_HOST: 'smtp.example.org' })).toThrow(/MAIL_FROM/);
    expect(
      loadConfig({ JWT_SECRET: 'x'.repeat(32), SMTP_HOST: 'smtp.example.org', MAIL_FROM: 'a@example.org' }).mail,
    ).toEqual({ host: 'smtp.example.org', port: 587, secure: false, from: 'a@example.org' });
  });
});
