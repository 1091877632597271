import { AppError, serverMessages as m } from "@orgo/api-contract";
import { isForeignKeyViolation } from "@orgo/db";

/** A form's day ("2026-03-10") as the date column stores it. */
export const dateOf = (value: string) => new Date(`${value}T00:00:00Z`);

/**
 * The database knows which zones it can compute in (a foreign key to its own
 * list): a name it refuses is the client's mistake, answered as a field error,
 * and the row is never saved.
 */
export async function inKnownTimeZone<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isForeignKeyViolation(error, "Study_timeZone_known")) {
      throw new AppError("VALIDATION", m.invalidTimeZone, { fieldErrors: { timeZone: [m.invalidTimeZone] } });
    }
    throw error;
  }
}
