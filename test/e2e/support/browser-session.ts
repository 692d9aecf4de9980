import { GraphQLResponse } from '@app/testing';

export const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { expiresAt user { id email language } } }`;
export const SIGN_OUT = `mutation { signOut }`;
export const ME = `{ me { user { id email displayName language } } }`;

/** One `Set-Cookie` header, parsed. */
export interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair, ...rest] = header.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  const attributes: Record<string, string | true> = {};
  for (const attribute of rest) {
    const [key, ...value] = attribute.split('=');
    attributes[key.toLowerCase()] = value.length ? value.join('=') : true;
  }
  return { name: pair.slice(0, separator), value: decodeURIComponent(pair.slice(separator + 1)), attributes };
}

/**
 * What a browser does with the console's session: keeps the cookies the API
 * sets (Set-Cookie), sends them back on its own POSTs to /graphql, with the
 * JSON content type and its own Origin, as fetch() from the console's page does.
 */
export class BrowserSession {
  readonly cookies = new Map<string, string>();
  lastSetCookies: SetCookie[] = [];

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  }

  get origin(): string {
    return new URL(this.baseUrl).origin;
  }

  async post<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T> & { setCookies: SetCookie[] }> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: this.origin,
        ...(this.cookies.size ? { cookie: this.cookieHeader } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookies = response.headers.getSetCookie().map(parseSetCookie);
    this.lastSetCookies = setCookies;
    for (const cookie of setCookies) {
      if (cookie.attributes['max-age'] === '0') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body, setCookies };
  }

  async signIn(email: string, password: string) {
    return this.post(SIGN_IN, { email, password });
  }
}
