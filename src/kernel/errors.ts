/** A failure the caller can act on: HTTP status, a stable upper-case code, a message and optional details. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Bad input in one named field. */
export const invalidField = (field: string, message: string, code = 'VALIDATION_FAILED') =>
  new AppError(400, code, `${field}: ${message}`, { field });

export const unauthorized = (message = 'Sign in first') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'You may not do this') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
