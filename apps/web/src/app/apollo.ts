import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

/**
 * The console's one GraphQL client. Authentication is the HttpOnly session
 * cookie `signIn` sets (path /graphql): the browser sends it with each POST
 * and the websocket upgrade; no token is ever visible to scripts. Requests are
 * JSON POSTs from the API's own origin, which is what the API's CSRF defence
 * lets through (a cross-site form can send neither).
 */

let sessionEnded: () => void = () => undefined;

/** Called when the API says the session is gone (signed out elsewhere, expired). */
export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler;
}

let wsClient: Client | undefined;

function websocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

// The link asks this for each subscription; the client behind it is made
// afresh after sign-in and sign-out, so the upgrade carries the current cookie.
const currentSession: Pick<Client, 'subscribe'> = {
  subscribe: (payload, sink) => {
    wsClient ??= createClient({ url: websocketUrl(), lazy: true, retryAttempts: Infinity });
    return wsClient.subscribe(payload, sink);
  },
};
const wsLink = new GraphQLWsLink(currentSession as Client);

/** Closes the live connection (after sign-out, or to reconnect with a new session cookie). */
export function resetLiveConnection(): void {
  void wsClient?.dispose();
  wsClient = undefined;
}

const httpLink = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });

const errorLink = new ErrorLink(({ error }) => {
  if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    sessionEnded();
  }
});

const transport = ApolloLink.split(
  ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
  wsLink,
  httpLink,
);

export const apolloClient = new ApolloClient({
  link: ApolloLink.from([errorLink, transport]),
  cache: new InMemoryCache({
    typePolicies: {
      // Connections are paged by hand (fetchMore + updateQuery), per argument set.
      Query: { fields: {} },
      Me: { keyFields: [] },
    },
  }),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
