import { Prisma } from "./generated/prisma/client.js";

/** A unique constraint refused the write (someone took the handle, the e-mail…). */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // P2010: a raw statement failed; PostgreSQL's own code says which way.
  return error.code === "P2002" || (error.code === "P2010" && JSON.stringify(error.meta ?? {}).includes("23505"));
}

/** A foreign key refused the row; `constraint` narrows it to one of them. */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2003") return false;
  return (
    constraint === undefined ||
    JSON.stringify(error.meta ?? {}).includes(constraint) ||
    error.message.includes(constraint)
  );
}

/** The database could not take the work in time (no pooled connection, or a transaction could not start). */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2028" || error.code === "P2024";
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}
