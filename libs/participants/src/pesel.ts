import { ValidationOptions, registerDecorator } from 'class-validator';

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/** PESEL: 11 digits, a valid check digit and a real date of birth. */
export function isValidPesel(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * digits[i], 0);
  if ((10 - (sum % 10)) % 10 !== digits[10]) return false;
  return peselBirthDate(value) !== undefined;
}

/** The date of birth a PESEL encodes (YYYY-MM-DD), if it is a real date. */
export function peselBirthDate(value: string): string | undefined {
  const yy = Number(value.slice(0, 2));
  const mm = Number(value.slice(2, 4));
  const dd = Number(value.slice(4, 6));
  const centuries: [number, number][] = [
    [80, 1800],
    [0, 1900],
    [20, 2000],
    [40, 2100],
    [60, 2200],
  ];
  const match = centuries.find(([offset]) => mm > offset && mm <= offset + 12);
  if (!match) return undefined;
  const year = match[1] + yy;
  const month = mm - match[0];
  const date = new Date(Date.UTC(year, month - 1, dd));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dd) return undefined;
  return date.toISOString().slice(0, 10);
}

export function IsPesel(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPesel',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} is not a valid PESEL`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidPesel(value) },
    });
}
