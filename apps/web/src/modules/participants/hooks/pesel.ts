/**
 * PESEL as the API judges it (libs/participants/src/pesel.ts): 11 digits, the
 * check digit, a real date of birth. Here only to say so while the user types;
 * the server decides, and a test runs both on the same numbers.
 */
const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
const CENTURIES: [number, number][] = [
  [80, 1800],
  [0, 1900],
  [20, 2000],
  [40, 2100],
  [60, 2200],
];

export function peselBirthDate(value: string): string | undefined {
  const yy = Number(value.slice(0, 2));
  const mm = Number(value.slice(2, 4));
  const dd = Number(value.slice(4, 6));
  const match = CENTURIES.find(([offset]) => mm > offset && mm <= offset + 12);
  if (!match) return undefined;
  const year = match[1] + yy;
  const month = mm - match[0];
  const date = new Date(Date.UTC(year, month - 1, dd));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dd) return undefined;
  return date.toISOString().slice(0, 10);
}

export function isValidPesel(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * digits[i], 0);
  if ((10 - (sum % 10)) % 10 !== digits[10]) return false;
  return peselBirthDate(value) !== undefined;
}
