import { Prisma } from "./generated/prisma/client.js";

/** A unique constraint refused the write (someone took the handle, the e-mail…). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
