import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { apiError } from '../../../app/errors';
import {
  AcceptReferralMutation,
  CancelReferralMutation,
  CompleteReferralMutation,
  DeclineReferralMutation,
  DropOutReferralMutation,
  ForwardReferralMutation,
  SendReferralMutation,
  StartReferralMutation,
} from '../graphql/referrals';

export type Action = 'SEND' | 'ACCEPT' | 'DECLINE' | 'START' | 'COMPLETE' | 'DROP_OUT' | 'CANCEL' | 'FORWARD';

const MUTATIONS = {
  SEND: SendReferralMutation,
  ACCEPT: AcceptReferralMutation,
  DECLINE: DeclineReferralMutation,
  START: StartReferralMutation,
  COMPLETE: CompleteReferralMutation,
  DROP_OUT: DropOutReferralMutation,
  CANCEL: CancelReferralMutation,
  FORWARD: ForwardReferralMutation,
} as const;

export interface TransitionFailure {
  code: string;
  /** On CONFLICT: the status the referral has now, per the server. */
  currentStatus?: string;
  /** On a CONFLICT because the service is full: its places and how many are taken. */
  capacity?: { capacity: number; taken: number };
  /** On BAD_USER_INPUT: the first field the server names. */
  field?: string;
}

/**
 * Runs one transition with the version the user saw (a stale one is CONFLICT)
 * and an idempotency key (a retried click does it once).
 */
export function useTransition(referralId: string, version: number) {
  const client = useApolloClient();
  const [running, setRunning] = useState(false);

  const run = async (action: Action, fields: Record<string, unknown>): Promise<TransitionFailure | undefined> => {
    setRunning(true);
    try {
      await client.mutate({
        mutation: MUTATIONS[action],
        variables: {
          input: {
            referralId,
            expectedVersion: version,
            idempotencyKey: crypto.randomUUID(),
            ...fields,
          },
        },
      });
      return undefined;
    } catch (error) {
      const failure = apiError(error);
      const current = failure?.extensions.currentStatus;
      const { capacity, taken } = failure?.extensions ?? {};
      return {
        code: failure?.code ?? 'UNKNOWN',
        currentStatus: typeof current === 'string' ? current : undefined,
        capacity: typeof capacity === 'number' && typeof taken === 'number' ? { capacity, taken } : undefined,
        field: firstField(failure?.extensions.fields),
      };
    } finally {
      setRunning(false);
    }
  };
  return { run, running };
}

function firstField(fields: unknown): string | undefined {
  const first: unknown = Array.isArray(fields) ? fields[0] : undefined;
  return first && typeof first === 'object' && 'field' in first && typeof first.field === 'string'
    ? first.field
    : undefined;
}
