import { isAllowedOrigin } from './origin-policy';
import { cookieValue } from '@app/core';
import { sessionCookie } from './session-cookie';

describe('isAllowedOrigin', () => {
  it('allows the API’s own origin, on any scheme the browser used', () => {
    expect(isAllowedOrigin('http://localhost:3000', 'localhost:3000', [])).toBe(true);
    expect(isAllowedOrigin('https://pp.example.org', 'pp.example.org', [])).toBe(true);
  });

  it('refuses other hosts and ports, opaque and malformed origins', () => {
    expect(isAllowedOrigin('http://localhost:3001', 'localhost:3000', [])).toBe(false);
    expect(isAllowedOrigin('https://pp.example.org.evil.example', 'pp.example.org', [])).toBe(false);
    expect(isAllowedOrigin('null', 'localhost:3000', [])).toBe(false);
    expect(isAllowedOrigin('file://localhost:3000', 'localhost:3000', [])).toBe(false);
    expect(isAllowedOrigin('http://localhost:3000', undefined, [])).toBe(false);
  });

  it('allows the origins listed in ALLOWED_ORIGINS exactly', () => {
    const allowed = ['https://console.example.org'];
    expect(isAllowedOrigin('https://console.example.org', 'api.example.org', allowed)).toBe(true);
    expect(isAllowedOrigin('http://console.example.org', 'api.example.org', allowed)).toBe(false);
  });
});

describe('session cookie', () => {
  it('reads a cookie among others, and nothing from a malformed value', () => {
    expect(cookieValue('a=1; pp_session=abc%2Bd; b=2', 'pp_session')).toBe('abc+d');
    expect(cookieValue(['a=1', 'pp_session=x'], 'pp_session')).toBe('x');
    expect(cookieValue('pp_session_other=1', 'pp_session')).toBeUndefined();
    expect(cookieValue('pp_session=%E0%A4%A', 'pp_session')).toBeUndefined();
    expect(cookieValue(undefined, 'pp_session')).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Strict, scoped to /graphql, Secure when asked', () => {
    expect(sessionCookie('t', 60, false)).toBe('pp_session=t; Path=/graphql; HttpOnly; SameSite=Strict; Max-Age=60');
    expect(sessionCookie('t', 60, true)).toMatch(/; Secure$/);
  });
});
