// Ids that stay the same from one build to the next, so re-importing the collection updates it.
import { createHash } from "node:crypto";

/** A UUID derived from a name, so ids stay the same from one build to the next. */
export function stableId(name: string): string {
  const hex = createHash("sha1").update(`propelauth-openapi/postman:${name}`).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
