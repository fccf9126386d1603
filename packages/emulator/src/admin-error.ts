// How a test helper refuses a request: a status and a message, answered as {error}.

export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const fail = (status: number, message: string) => new AdminError(status, message);

// biome-ignore lint/suspicious/noExplicitAny: admin bodies are checked field by field
export function parse(text: string): any {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw fail(400, "the body must be JSON");
  }
}
