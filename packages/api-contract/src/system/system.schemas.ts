import { z } from "zod";

/** An error the web client met (uncaught, or a failed render), as it reports it. */
export const ZClientErrorReport = z.object({
  kind: z.enum(["render", "uncaught", "rejection"]),
  message: z.string().max(1_000),
  stack: z.string().max(8_000).nullish(),
  /** The client's route (path only, no query: it may hold a search). */
  route: z.string().max(300),
  /** The client build's release (version + commit). */
  release: z.string().max(64),
});
export type TClientErrorReport = z.infer<typeof ZClientErrorReport>;

/** The reference of a logged report (its request id): what the person can quote. */
export const ZClientErrorReceipt = z.object({ reference: z.string() });
export type TClientErrorReceipt = z.infer<typeof ZClientErrorReceipt>;
