/** Where a notification leads: its referral, else its participant (consents, emergency access). */
export function notificationPath(summary: {
  referralId?: string | null;
  participantId?: string | null;
}): string | undefined {
  if (summary.referralId) return `/referrals/${summary.referralId}`;
  if (summary.participantId) return `/participants/${summary.participantId}`;
  return undefined;
}
