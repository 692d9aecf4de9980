import { DEMO_PASSWORD } from '@app/organisations';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** A GraphQL-over-HTTP client holding one user's token, as a browser would. */
export class GraphQLClient {
  constructor(
    readonly baseUrl: string,
    private token?: string,
  ) {}

  async request<T = any>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body } as GraphQLResponse<T>;
  }

  /** The data, or a thrown error naming the GraphQL errors. */
  async data<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** The `extensions.code` of the first error (failing if there was none). */
  async errorCode(query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const result = await this.request(query, variables);
    if (!result.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
    return result.errors[0].extensions?.code;
  }

  static anonymous(baseUrl: string): GraphQLClient {
    return new GraphQLClient(baseUrl);
  }

  static async login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<GraphQLClient> {
    const anonymous = new GraphQLClient(baseUrl);
    const { login } = await anonymous.data<{ login: { accessToken: string } }>(
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password },
    );
    return new GraphQLClient(baseUrl, login.accessToken);
  }
}

/** One helper per role, each signed in as the demo user holding it. */
export function demoClients(baseUrl: string) {
  const as = (email: string) => () => GraphQLClient.login(baseUrl, email);
  return {
    labourOfficeCaseworker: as('pup.caseworker@demo.local'),
    labourOfficeAdmin: as('pup.admin@demo.local'),
    cisCaseworker: as('cis.caseworker@demo.local'),
    cisAdmin: as('cis.admin@demo.local'),
    welfareSocialWorker: as('ops.socialworker@demo.local'),
    welfareCoordinator: as('mops.coordinator@demo.local'),
    auditor: as('auditor@demo.local'),
    chamberOfCommerceMember: as('pig.member@demo.local'),
    platformAdmin: as('admin@demo.local'),
  };
}
