/** Each screen's code, loaded on demand (its own chunk): the first screen loads only what it shows. */
export const pages = {
  signIn: () => import('../modules/auth/components/SignInPage'),
  inbox: () => import('../modules/inbox/components/InboxPage'),
  referralList: () => import('../modules/referrals/components/ReferralListPage'),
  referral: () => import('../modules/referrals/components/ReferralPage'),
  newReferral: () => import('../modules/referrals/components/NewReferralPage'),
  participantList: () => import('../modules/participants/components/ParticipantListPage'),
  participant: () => import('../modules/participants/components/ParticipantPage'),
  participantForm: () => import('../modules/participants/components/ParticipantFormPage'),
  notFound: () => import('./NotFoundPage'),
};

/** Once signed in and the browser is idle, fetch the other screens' code, so moving between them does not wait for it. */
export function prefetchPages(): void {
  const load = () => Object.values(pages).forEach((page) => void page().catch(() => undefined));
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1000);
}
