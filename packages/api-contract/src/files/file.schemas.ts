import { z } from "zod";
import { serverMessages as m } from "../messages.js";
import { CHAT_FILES_MAX as FILES_MAX, fileKinds } from "./file.constants.js";
export { CHAT_FILES_MAX, FILE_MAX_BYTES, FILE_PREVIEW_MAX_BYTES, fileKinds } from "./file.constants.js";

/**
 * A shared file, as uploaded (POST /uploads/file?name=…) and as shown on a message:
 * its name as given, its size, and what its bytes are; `url` downloads it (always as
 * an attachment, never shown as a page). `language`: a text file's highlighting
 * language from its name ("typescript", "python"…), null for plain text and others.
 */
export const ZSharedFile = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  kind: z.enum(fileKinds),
  language: z.string().nullable(),
  url: z.string(),
});
export type TSharedFile = z.infer<typeof ZSharedFile>;

/** Files uploaded through POST /uploads/file, in the order to show them: up to 4, each once. */
export const ZFileIds = z
  .array(z.uuid())
  .max(FILES_MAX, m.tooManyChatFiles)
  .refine((ids) => new Set(ids).size === ids.length, m.tooManyChatFiles);
