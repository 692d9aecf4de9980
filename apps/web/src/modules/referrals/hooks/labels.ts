/** The reason code of a timeline step, as words: its vocabulary depends on the step. */
export function reasonVocabulary(toStatus: string): string | undefined {
  switch (toStatus) {
    case 'DECLINED':
      return 'DeclineReason';
    case 'CANCELLED':
      return 'CancelReason';
    case 'DROPPED_OUT':
      return 'DropOutReason';
    default:
      return undefined;
  }
}

export const STATUS_COLOURS: Record<string, string> = {
  DRAFT: 'gray.7',
  SENT: 'blue.8',
  ACCEPTED: 'cyan.9',
  IN_PROGRESS: 'violet.8',
  COMPLETED: 'teal.9',
  DECLINED: 'red.9',
  DROPPED_OUT: 'pink.9',
  CANCELLED: 'gray.7',
  EXPIRED: 'red.9',
  FORWARDED: 'indigo.8',
};
