// Writes deploy/orgo/security-headers.conf from the API's own header list.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { nginxSecurityHeaders } from "../src/platform/http/security-headers.js";

const target = fileURLToPath(new URL("../../../deploy/orgo/security-headers.conf", import.meta.url));
writeFileSync(target, nginxSecurityHeaders());
console.log(`wrote ${target}`);
