import { sqlFunction } from './sql-function';

/**
 * The rule's arithmetic, from the facts, for one participant and reader:
 * - the owner sees its role's own categories (basis OWNER);
 * - another organisation sees the categories granted by the live consents and
 *   legal bases, within the agreement ceiling and the role's partner rights,
 *   if the referral gate is open (purpose REFERRAL: an open or recently closed
 *   referral to it); a live break-glass grant of the reader adds every partner
 *   category but CRIMINAL_RECORD (which only a consent or legal basis naming
 *   it opens), gate or not, and is the basis then;
 * - an organisation that would see no category gets no row: the participant
 *   is unknown to it (NOT_FOUND, absent from lists and counts).
 * The consents and legal bases named are those the shown categories rest on.
 * No table is read here: callers gather the facts (`participant_decision`).
 */
export const accessDecision = sqlFunction(
  'access_decision(boolean, text[], text[], access_grant[], access_grant[], text[], boolean, uuid)',
  `
CREATE OR REPLACE FUNCTION access_decision(
    p_is_owner boolean, p_own_role_categories text[], p_partner_role_categories text[],
    p_consents access_grant[], p_legal_bases access_grant[], p_ceiling text[], p_referral_open boolean,
    p_break_glass_grant_id uuid)
  RETURNS TABLE (categories text[], basis text, consent_ids uuid[], legal_basis_ids uuid[], break_glass_grant_id uuid)
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT p_own_role_categories, 'OWNER', '{}'::uuid[], '{}'::uuid[], NULL::uuid
     WHERE p_is_owner
    UNION ALL
    SELECT o.categories,
           CASE WHEN p_break_glass_grant_id IS NOT NULL THEN 'BREAK_GLASS'
                WHEN EXISTS (SELECT 1 FROM unnest(p_consents) c WHERE c.categories && s.categories) THEN 'CONSENT'
                ELSE 'LEGAL_BASIS' END,
           ARRAY(SELECT c.id FROM unnest(p_consents) c WHERE c.categories && s.categories ORDER BY 1),
           ARRAY(SELECT l.id FROM unnest(p_legal_bases) l WHERE l.categories && s.categories ORDER BY 1),
           p_break_glass_grant_id
      -- shared: what the consents and legal bases grant, within the ceiling and the role, behind the gate
      FROM (SELECT ARRAY(
              SELECT g.category
                FROM (SELECT unnest(c.categories) FROM unnest(p_consents) c
                      UNION SELECT unnest(l.categories) FROM unnest(p_legal_bases) l) AS g(category)
               WHERE p_referral_open AND g.category = ANY (p_partner_role_categories)
                 AND g.category = ANY (p_ceiling)
               ORDER BY 1) AS categories
            OFFSET 0) s  -- each computed once, not once per use
     CROSS JOIN LATERAL (
            -- opened: what is shown, break-glass included
            SELECT ARRAY(
              SELECT c FROM unnest(s.categories) c
              UNION
              SELECT c FROM unnest(p_partner_role_categories) c
               WHERE p_break_glass_grant_id IS NOT NULL AND c <> 'CRIMINAL_RECORD'
              ORDER BY 1) AS categories
            OFFSET 0) o
     WHERE NOT p_is_owner AND cardinality(o.categories) > 0
  $$`,
);
