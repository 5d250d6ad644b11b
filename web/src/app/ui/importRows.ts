import { ApiError } from '../../api/http.js';

/** One bad row of an imported workbook, as a 400 IMPORT_ROWS_INVALID names it in `details.rows`. */
export interface ImportRowProblem {
  row: number;
  column: string;
  message: string;
}

/** The bad rows of a refused import, or null when the error is something else. */
export function refusedRows(error: unknown): ImportRowProblem[] | null {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_ROWS_INVALID') return null;
  const rows = (error.details as { rows?: ImportRowProblem[] } | undefined)?.rows;
  return Array.isArray(rows) ? rows : null;
}
