import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DEMO_USERS } from '@app/organisations';
import { isValidPesel, peselBirthDate } from '@app/participants';
import { CreateParticipantInput } from '@app/participants/participant.input';
import { DEMO_CASEWORKERS, DEMO_STORIES } from './demo-casework-data';

describe('the demo stories', () => {
  it.each(DEMO_STORIES.map((s) => [`${s.participant.identity.firstName} ${s.participant.identity.lastName}`, s]))(
    '%s passes the API’s own input validation, with a PESEL that matches the date of birth',
    async (_, story) => {
      const input = plainToInstance(CreateParticipantInput, story.participant);
      expect(await validate(input, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
      const { pesel, dateOfBirth } = story.participant.identity;
      expect(isValidPesel(pesel)).toBe(true);
      expect(peselBirthDate(pesel)).toBe(dateOfBirth);
    },
  );

  it('are all different people', () => {
    const pesels = DEMO_STORIES.map((s) => s.participant.identity.pesel);
    expect(new Set(pesels).size).toBe(pesels.length);
  });

  it('are told by demo users who work for the organisations they act for', () => {
    for (const [organisation, email] of Object.entries(DEMO_CASEWORKERS)) {
      expect(DEMO_USERS.find((u) => u.email === email)?.organisation).toBe(organisation);
    }
  });
});
