import fc from 'fast-check';
import * as server from '../../../libs/participants/src/pesel';
import * as browser from '../src/modules/participants/hooks/pesel';

/** The console's PESEL check says what the server will say, for any 11 digits and for valid numbers. */
describe('PESEL in the browser and on the server', () => {
  const withCheckDigit = (first10: string) => {
    const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    const sum = [...first10].reduce((acc, digit, i) => acc + weights[i] * Number(digit), 0);
    return `${first10}${(10 - (sum % 10)) % 10}`;
  };

  it('agree on random strings of digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (value) => browser.isValidPesel(value) === server.isValidPesel(value)),
      { numRuns: 5000 },
    );
  });

  it('agree on numbers with a correct check digit (dates valid or not), and on the date they encode', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (first10) => {
        const value = withCheckDigit(first10);
        return (
          browser.isValidPesel(value) === server.isValidPesel(value) &&
          browser.peselBirthDate(value) === server.peselBirthDate(value)
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('accept a known valid number and refuse a wrong check digit', () => {
    expect(browser.isValidPesel('44051401359')).toBe(true);
    expect(browser.isValidPesel('44051401358')).toBe(false);
  });
});
