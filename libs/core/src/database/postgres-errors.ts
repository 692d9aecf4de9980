import { QueryFailedError } from 'typeorm';

interface DriverError {
  code?: string;
  constraint?: string;
}

function driverError(error: unknown): DriverError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as DriverError;
  if (error && typeof error === 'object' && 'code' in error) return error as DriverError;
  return undefined;
}

/** 23505: a unique constraint (optionally the named one) refused the write. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driver = driverError(error);
  return driver?.code === '23505' && (constraint === undefined || driver.constraint === constraint);
}

/** 23503: a foreign key (optionally the named one) pointed at a row that does not exist. */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  const driver = driverError(error);
  return driver?.code === '23503' && (constraint === undefined || driver.constraint === constraint);
}
