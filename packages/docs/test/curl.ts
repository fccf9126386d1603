// Reads a curl command line as a POSIX shell would (quotes, `\` line continuations, `$VAR`
// expansion) and returns the request it sends. Used where no `curl` binary exists, and to check
// that what real curl sent is what the sample says.

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Splits shell text into words, expanding `$NAME` outside single quotes. */
export function shellWords(source: string, env: Record<string, string | undefined>): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const expand = (): string => {
    const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(source.slice(i));
    if (!match) {
      i++;
      return "$";
    }
    i += match[0].length;
    return env[match[1] ?? match[2]!] ?? "";
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\\" && source[i + 1] === "\n") {
      i += 2;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
    } else if (c === "'") {
      const end = source.indexOf("'", i + 1);
      if (end === -1) throw new Error("unterminated single quote");
      word += source.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      inWord = true;
      i++;
      while (source[i] !== '"') {
        if (i >= source.length) throw new Error("unterminated double quote");
        const d = source[i]!;
        if (d === "\\" && /["$`\\\n]/.test(source[i + 1] ?? "")) {
          word += source[i + 1] === "\n" ? "" : source[i + 1];
          i += 2;
        } else if (d === "$") word += expand();
        else {
          word += d;
          i++;
        }
      }
      i++;
    } else if (c === "$") {
      inWord = true;
      word += expand();
    } else if (c === "\\") {
      inWord = true;
      word += source[i + 1] ?? "";
      i += 2;
    } else if (/[;&|<>`()]/.test(c)) {
      throw new Error(`shell operator ${c} in a curl sample`);
    } else {
      inWord = true;
      word += c;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

export function parseCurl(source: string, env: Record<string, string | undefined>): CurlRequest {
  const words = shellWords(source, env);
  if (words[0] !== "curl") throw new Error(`not a curl command: ${words[0]}`);
  const request: CurlRequest = { method: "", url: "", headers: {} };
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const value = () => {
      const next = words[++i];
      if (next === undefined) throw new Error(`${word} needs a value`);
      return next;
    };
    if (word === "-X" || word === "--request") request.method = value();
    else if (word === "-H" || word === "--header") {
      const header = value();
      const colon = header.indexOf(":");
      request.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === "-d" || word === "--data" || word === "--data-raw" || word === "--data-binary") request.body = value();
    else if (word.startsWith("-")) throw new Error(`unknown curl option ${word}`);
    else if (request.url) throw new Error(`two URLs: ${request.url} and ${word}`);
    else request.url = word;
  }
  request.method ||= request.body === undefined ? "GET" : "POST";
  if (request.body !== undefined) request.headers["content-type"] ??= "application/x-www-form-urlencoded";
  return request;
}
