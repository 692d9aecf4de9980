import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CreateParticipantInput, UpdateParticipantInput } from '../../../gql/graphql';
import { apiError, errorKey } from '../../../app/errors';
import { PageFallback } from '../../../app/fallback';
import { useEnumLabel } from '../../../i18n/enum-label';
import {
  CreateParticipantMutation,
  ParticipantListQuery,
  ParticipantQuery,
  UpdateParticipantMutation,
} from '../graphql/participants';
import { CATEGORIES, FIELDS, type FieldSpec, type FormValues, inputFrom, key, valuesFrom } from '../hooks/form-model';
import { isValidPesel, peselBirthDate } from '../hooks/pesel';

/** Register a participant, or edit one, category by category. */
export default function ParticipantFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const { t } = useTranslation(['participants', 'common']);
  const label = useEnumLabel();
  const navigate = useNavigate();
  const existing = useQuery(ParticipantQuery, {
    variables: { id: id ?? '' },
    skip: !editing,
    fetchPolicy: 'network-only',
  });
  const [values, setValues] = useState<FormValues>(() => valuesFrom(undefined));
  const [before, setBefore] = useState<FormValues>();
  const [problem, setProblem] = useState<string>();
  const [create, { loading: creating }] = useMutation(CreateParticipantMutation);
  const [update, { loading: updating }] = useMutation(UpdateParticipantMutation);

  useEffect(() => {
    if (existing.data) {
      const loaded = valuesFrom(existing.data.participant);
      setValues(loaded);
      setBefore(loaded);
    }
  }, [existing.data]);

  const pesel = values['identity.pesel'].trim();
  const peselError = pesel && !isValidPesel(pesel) ? t('form.peselInvalid') : undefined;

  // The duplicate warning: people already on the register with this surname (and PESEL, if typed).
  const [surname] = useDebouncedValue(values['identity.lastName'].trim(), 400);
  const similar = useQuery(ParticipantListQuery, {
    variables: { search: surname, first: 5 },
    skip: editing || surname.length < 3,
  });
  const duplicates = (similar.data?.participants.edges ?? []).map((edge) => edge.node);

  const set = (spec: FieldSpec, value: string) => {
    setValues((current) => {
      const next = { ...current, [key(spec)]: value };
      // A valid PESEL gives the date of birth.
      if (spec.field === 'pesel' && isValidPesel(value.trim()) && !current['identity.dateOfBirth']) {
        next['identity.dateOfBirth'] = peselBirthDate(value.trim()) ?? '';
      }
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (peselError) return;
    setProblem(undefined);
    try {
      if (editing && existing.data) {
        const input = inputFrom(values, before) as unknown as UpdateParticipantInput;
        await update({
          variables: {
            input: { ...input, id: existing.data.participant.id, expectedVersion: existing.data.participant.version },
          },
        });
        void navigate(`/participants/${existing.data.participant.id}`);
      } else {
        const input = inputFrom(values) as unknown as CreateParticipantInput;
        const result = await create({ variables: { input } });
        void navigate(`/participants/${result.data!.createParticipant.id}`);
      }
    } catch (error) {
      const failure = apiError(error);
      if (failure?.code === 'CONFLICT' && failure.extensions.field === 'identity.pesel')
        setProblem(t('form.peselTaken'));
      else if (failure?.code === 'CONFLICT') {
        setProblem(t('form.changedMeanwhile'));
        void existing.refetch();
      } else setProblem(t(errorKey(error)));
    }
  };

  if (editing && existing.loading && !existing.data) return <PageFallback />;

  const input = (spec: FieldSpec) => {
    const common = {
      key: key(spec),
      label: t(`fields.${spec.field}`),
      required: spec.required,
      value: values[key(spec)],
    };
    switch (spec.kind) {
      case 'int':
        return (
          <NumberInput
            {...common}
            min={0}
            value={common.value === '' ? '' : Number(common.value)}
            onChange={(value) => set(spec, String(value))}
          />
        );
      case 'bool':
        return (
          <NativeSelect
            {...common}
            data={[
              { value: '', label: '—' },
              { value: 'true', label: t('common:yes') },
              { value: 'false', label: t('common:no') },
            ]}
            onChange={(event) => set(spec, event.currentTarget.value)}
          />
        );
      case 'disability':
        return (
          <NativeSelect
            {...common}
            data={[
              { value: '', label: '—' },
              ...['NONE', 'LIGHT', 'MODERATE', 'SEVERE'].map((value) => ({
                value,
                label: label('DisabilityDegree', value),
              })),
            ]}
            onChange={(event) => set(spec, event.currentTarget.value)}
          />
        );
      default:
        return (
          <TextInput
            {...common}
            type={spec.kind === 'list' ? 'text' : spec.kind}
            description={spec.kind === 'list' ? t('form.listHelp') : undefined}
            inputMode={spec.field === 'pesel' ? 'numeric' : undefined}
            maxLength={spec.field === 'pesel' ? 11 : undefined}
            error={spec.field === 'pesel' ? peselError : undefined}
            onChange={(event) => set(spec, event.currentTarget.value)}
          />
        );
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Title order={1}>{editing ? t('form.editTitle') : t('form.newTitle')}</Title>
        {problem && (
          <Alert color="red.9" role="alert">
            {problem}
          </Alert>
        )}
        {duplicates.length > 0 && (
          <Alert color="yellow.9" title={t('form.duplicatesTitle')} role="status">
            <List size="sm">
              {duplicates.map((person) => (
                <List.Item key={person.id}>
                  <Anchor component={Link} to={`/participants/${person.id}`}>
                    {person.identity ? `${person.identity.firstName} ${person.identity.lastName}` : t('hiddenName')}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {CATEGORIES.map((category) => (
          <Fieldset key={category} legend={label('DataCategory', category)}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {FIELDS.filter((spec) => spec.category === category).map(input)}
            </SimpleGrid>
          </Fieldset>
        ))}
        <Group justify="end">
          <Button variant="default" onClick={() => void navigate(-1)}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" loading={creating || updating}>
            {editing ? t('common:save') : t('form.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
