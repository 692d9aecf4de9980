import { useQuery } from '@apollo/client/react';
import { OrganisationNamesQuery } from '../graphql/participants';

/** Names of the organisations in the directory, by id (the API gives ids on consents, logs, participants). */
export function useOrganisationNames(): (id: string | null | undefined) => string {
  const { data } = useQuery(OrganisationNamesQuery, { fetchPolicy: 'cache-first' });
  const names = new Map((data?.organisations ?? []).map((o) => [o.id, o.shortName ?? o.name]));
  return (id) => (id ? (names.get(id) ?? '…') : '');
}
