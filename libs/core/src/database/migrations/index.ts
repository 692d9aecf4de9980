import { Organisations1732350000000 } from './1732350000000-organisations';
import { ParticipantsAndConsents1732360000000 } from './1732360000000-participants-and-consents';
import { Referrals1732370000000 } from './1732370000000-referrals';
import { Notifications1732390000000 } from './1732390000000-notifications';
import { EmailDeliveries1732400000000 } from './1732400000000-email-deliveries';
import { Webhooks1732410000000 } from './1732410000000-webhooks';
import { NotificationPreferences1732420000000 } from './1732420000000-notification-preferences';
import { ExpiryReminders1732430000000 } from './1732430000000-expiry-reminders';
import { ReferralListIndexes1732440000000 } from './1732440000000-referral-list-indexes';
import { ReferralSendGate1732450000000 } from './1732450000000-referral-send-gate';
import { ReferralParentSender1732460000000 } from './1732460000000-referral-parent-sender';
import { ParticipantDataLists1732465000000 } from './1732465000000-participant-data-lists';
import { AccessFunctions1732470000000 } from './1732470000000-access-functions';
import { Sessions1732471200000 } from './1732471200000-sessions';

/** Every migration, in order. Listed explicitly so builds and tests need no globbing. */
export const MIGRATIONS = [
  Organisations1732350000000,
  ParticipantsAndConsents1732360000000,
  Referrals1732370000000,
  Notifications1732390000000,
  EmailDeliveries1732400000000,
  Webhooks1732410000000,
  NotificationPreferences1732420000000,
  ExpiryReminders1732430000000,
  ReferralListIndexes1732440000000,
  ReferralSendGate1732450000000,
  ReferralParentSender1732460000000,
  ParticipantDataLists1732465000000,
  AccessFunctions1732470000000,
  Sessions1732471200000,
];
