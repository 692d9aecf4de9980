import { Role } from '@app/authz';
import { DataCategory } from '@app/organisations';

const ALL = Object.values(DataCategory);
const ADMINISTRATIVE = [DataCategory.IDENTITY, DataCategory.CONTACT];

/**
 * Which categories a role may ever see: of its own organisation's participants,
 * and of another organisation's (before consent and agreement narrow it).
 * Auditors and platform admins audit and administer; they read no personal data.
 */
export const ROLE_RIGHTS: Record<Role, { own: readonly DataCategory[]; partner: readonly DataCategory[] }> = {
  [Role.CASEWORKER]: { own: ALL, partner: ALL },
  [Role.COORDINATOR]: { own: ALL, partner: ALL },
  [Role.PARTNER_ADMIN]: { own: ADMINISTRATIVE, partner: [] },
  [Role.AUDITOR]: { own: [], partner: [] },
  [Role.PLATFORM_ADMIN]: { own: [], partner: [] },
};
