/**
 * The one error type the API answers with: a code `type:surface` (e.g. `too_large:upload`) that
 * fixes the HTTP status, and a message written for the person using the app. Internal details go to
 * the log, never into the message.
 */
export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "too_large"
  | "unsupported"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS_BY_TYPE: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type ErrorCode = `${ErrorType}:${string}`;

export class DocentError extends Error {
  override name = "DocentError";
  readonly code: ErrorCode;
  /** Headers the answer must carry, e.g. Retry-After on a 429. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.code = code;
    this.headers = options?.headers ?? {};
  }

  get status(): number {
    return STATUS_BY_TYPE[this.code.split(":")[0] as ErrorType];
  }

  toJSON(): { error: { code: ErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}
