import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, type FormInstance } from 'antd';
import { ApiError } from '../../api/http.js';
import { useT } from '../locale/LocaleContext.js';
import { errorText } from './errorText.js';

type Path = (string | number)[];

/** `body.operator.phone` (the server's name for a bad field) → the form's path `['operator', 'phone']`. */
export function formPath(field: string | undefined): Path | undefined {
  if (!field?.startsWith('body.')) return undefined;
  const parts = field.slice('body.'.length).split('.').filter(Boolean);
  return parts.length > 0 ? parts : undefined;
}

const joined = (path: Path) => path.join('.');

/**
 * The form field to mark for a path the server names: that field; else a field inside it (`scope` → `scope.id`);
 * else the nearest field holding it (`operator.phone.x` → `operator.phone`).
 */
export function fieldFor(registered: Path[], path: Path): Path | undefined {
  const key = joined(path);
  return (
    registered.find((r) => joined(r) === key) ??
    registered.find((r) => joined(r).startsWith(`${key}.`)) ??
    registered.filter((r) => key.startsWith(`${joined(r)}.`)).sort((a, b) => b.length - a.length)[0]
  );
}

export interface ServerErrorOptions {
  /** The form's own path for a field the server names otherwise, keyed without `body.`: `{ shareBp: ['sharePercent'] }`. */
  fields?: Record<string, Path>;
  /** This form's own words for an error (how much share is left, which password is wrong); else errorText's. */
  describe?: (error: ApiError) => string | undefined;
}

/**
 * How a form shows a failed save: a toast always; the text under the field a 400 (or a 409 naming one) names, or,
 * when no field of the form fits (a 403, a 5xx), in a banner above the form until the next try.
 */
export function useServerErrors(form: FormInstance, options: ServerErrorOptions = {}) {
  const t = useT();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  // The latest options without making `show` change on every render.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const show = useCallback(
    (error: unknown) => {
      const { fields, describe } = latest.current;
      const text = (error instanceof ApiError && describe?.(error)) || errorText(error, t);
      const named = error instanceof ApiError ? formPath(error.field) : undefined;
      const path = named && (fields?.[joined(named)] ?? named);
      const target = path && fieldFor(form.getFieldsError().map((f) => f.name), path);
      if (target) form.setFields([{ name: target, errors: [text] }]);
      else setProblem(text);
      void message.error(text);
    },
    [form, message, t],
  );
  const clear = useCallback(() => setProblem(null), []);

  const banner = problem ? <Alert type="error" showIcon title={problem} closable={{ onClose: clear }} style={{ marginBottom: 16 }} data-testid="form-error" /> : null;
  return { show, clear, banner };
}
