import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralListQuery } from '../../../gql/graphql';
import { useEnumLabel } from '../../../i18n/enum-label';
import { formatDate } from '../../../i18n/format';
import { StatusBadge } from './StatusBadge';
import classes from './ReferralRows.module.css';

type Row = ReferralListQuery['referrals']['edges'][number]['node'];

/**
 * The rows of the referral list. Plain elements rather than a Card, Group and
 * Stack per row: a page is 50 rows, and the list must render in about the time
 * its request takes.
 */
export function ReferralRows({ rows, label: listLabel }: { rows: Row[]; label: string }) {
  const { t } = useTranslation('referrals');
  const label = useEnumLabel();
  return (
    <ul className={classes.list} aria-label={listLabel}>
      {rows.map((node) => {
        const name = node.participant?.identity
          ? `${node.participant.identity.firstName} ${node.participant.identity.lastName}`
          : t('participantHidden');
        return (
          <li key={node.id} className={classes.row}>
            <div className={classes.main}>
              <Link to={`/referrals/${node.id}`} className={classes.name}>
                {name}
              </Link>
              <p className={classes.line}>
                {node.fromOrganisation.shortName ?? node.fromOrganisation.name} →{' '}
                {node.toOrganisation.shortName ?? node.toOrganisation.name}
                {node.toService ? ` · ${node.toService.name}` : ''}
              </p>
              <p className={`${classes.line} ${classes.dimmed}`}>
                {node.responseDueOn ? `${t('dueOn', { date: formatDate(node.responseDueOn) })} · ` : ''}
                {t('priorityLabel')}: {label('ReferralPriority', node.priority)}
              </p>
            </div>
            <StatusBadge status={node.status} />
          </li>
        );
      })}
    </ul>
  );
}
