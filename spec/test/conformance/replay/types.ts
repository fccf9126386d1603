/** The released SDK code a fixture copies its request from. */
export interface SdkSource {
  /** GitHub repository, such as `PropelAuth/propelauth-py`. */
  repo: string;
  /** File inside the repository. */
  file: string;
  /** The SDK function that builds the request. */
  fn: string;
  /** Released version or tag the file was read at. */
  version: string;
}

/** One backend request exactly as an official SDK builds it. */
export interface ReplayCase {
  source: SdkSource;
  /** Extra words for the test name when one function has several cases. */
  variant?: string;
  /** The operation the request means. */
  operationId: string;
  method: string;
  /** Exact path as the SDK builds it, trailing slash included, path parameters filled in. */
  path: string;
  /** The raw query string exactly as the SDK encodes it, without "?". */
  query?: string;
  /** The JSON body exactly as sent, nulls included. */
  body?: unknown;
  /** Content type of the body; application/json when absent. */
  contentType?: string;
  /** This SDK is simply wrong here: the document must refuse the request and name the difference. */
  deviation?: { summary: string; evidence: string };
}
