// What counts as a research note in reader-facing prose (descriptions and summaries), and where
// a document has one. x- extensions are skipped: x-propelauth-sources is where notes belong.

/** Wording that marks a research note, each with why it does not belong in reader-facing prose. */
export const RESEARCH_WORDING: [RegExp, string][] = [
  [/presumabl\w*/i, "a guess"],
  [/\bprobabl[ey]\b/i, "a guess"],
  [/\bapparently\b/i, "a guess"],
  [/\bit seems\b|\bseems to\b/i, "a guess"],
  [/\bassum(e|ed|es|ing|ption)\b/i, "a guess"],
  [/\bunclear\b/i, "uncertainty"],
  [/\bbeliev(e|ed)\b|\bguess/i, "uncertainty"],
  [/could not be read|no source shows|this document's reading/i, "evidence"],
  [/\bnot documented\b|\bundocumented\b|does not document/i, "evidence about PropelAuth's documentation"],
  [/\b(the|older) documentation\b/i, "evidence about PropelAuth's documentation"],
  [/\bPostman collection\b/i, "evidence from PropelAuth's Postman collection"],
  [/\bSDKs?\b|\bcrate\b|getApis|@propelauth\//i, "which SDK does what (x-propelauth-sources.sdks and differences)"],
];

/** Every description and summary outside x- extensions, with its JSON pointer. */
export function proseOf(node: unknown, pointer = ""): { pointer: string; text: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => proseOf(item, `${pointer}/${i}`));
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key.startsWith("x-")) return [];
    const here = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    if ((key === "description" || key === "summary") && typeof value === "string") return [{ pointer: here, text: value }];
    return proseOf(value, here);
  });
}

/**
 * The introduction's migration guide from the official Node SDK names that package and its
 * behaviour on purpose: it is exempt from the SDK wording rule (and only from that one).
 */
const MIGRATION_SECTION = /^## Validate frontend requests\n[\s\S]*?(?=^## |(?![\s\S]))/m;
const SDK_RULE = RESEARCH_WORDING[RESEARCH_WORDING.length - 1]![0];

/** The research notes found in a document: where, what wording, and why it is one. */
export function researchNotes(doc: unknown): string[] {
  return proseOf(doc).flatMap(({ pointer, text }) =>
    RESEARCH_WORDING.map(([pattern, why]) => {
      const checked = pointer === "/info/description" && pattern === SDK_RULE ? text.replace(MIGRATION_SECTION, "") : text;
      return pattern.test(checked) ? `${pointer}: "${checked.match(pattern)![0]}" (${why})` : undefined;
    }).filter((note): note is string => note !== undefined),
  );
}

/** The names of this document's own extension fields. */
const EXTENSION_NAME = /`(x-propelauth-[\w-]+|key-kinds|field-permissions)`/;

/**
 * Operation prose that sends the reader to an extension field. The docs page and the client's
 * JSDoc show what the extensions hold in words, so a pointer to the raw field name leads nowhere;
 * the introduction (info.description) is where the extensions are explained to tool writers.
 */
export function extensionPointers(doc: unknown): string[] {
  const paths = (doc as { paths?: unknown }).paths;
  return proseOf(paths, "/paths").flatMap(({ pointer, text }) => {
    const found = text.match(EXTENSION_NAME);
    return found ? [`${pointer}: ${found[0]}`] : [];
  });
}
