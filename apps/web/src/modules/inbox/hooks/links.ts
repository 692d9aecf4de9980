/** Where a notification leads: its referral or participant. */
export function subjectPath(subjectType: string, subjectId: string): string | undefined {
  switch (subjectType) {
    case 'referral':
      return `/referrals/${subjectId}`;
    case 'participant':
      return `/participants/${subjectId}`;
    default:
      return undefined;
  }
}
