import { Badge } from '@mantine/core';
import { useEnumLabel } from '../../../i18n/enum-label';
import { STATUS_COLOURS } from '../hooks/labels';

export function StatusBadge({ status }: { status: string }) {
  const label = useEnumLabel();
  return (
    <Badge color={STATUS_COLOURS[status] ?? 'gray.7'} variant="filled" tt="none">
      {label('ReferralStatus', status)}
    </Badge>
  );
}
