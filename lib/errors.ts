/**
 * The one error type the API answers with: a code `type:surface` (e.g. `too_large:upload`) that
 * fixes the HTTP status, and a message written for the person using the app. Internal details go to
 * the log, never into the message.
 */
export type ErrorType =
  | "bad_request"
  | "not_found"
  | "too_large"
  | "unsupported"
  | "unavailable"
  | "internal";

const STATUS_BY_TYPE: Record<ErrorType, number> = {
  bad_request: 400,
  not_found: 404,
  too_large: 413,
  unsupported: 415,
  unavailable: 503,
  internal: 500,
};

export type ErrorCode = `${ErrorType}:${string}`;

export class DocentError extends Error {
  override name = "DocentError";
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get status(): number {
    return STATUS_BY_TYPE[this.code.split(":")[0] as ErrorType];
  }

  toJSON(): { error: { code: ErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}
