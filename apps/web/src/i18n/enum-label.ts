import { useTranslation } from 'react-i18next';

/** A code from the API as words: `label('ReferralStatus', 'SENT')` → "Wysłane". */
export function useEnumLabel(): (enumName: string, value: string | null | undefined) => string {
  const { t } = useTranslation('enums');
  return (enumName, value) => (value ? t(`${enumName}.${value}`, { defaultValue: value }) : '');
}
