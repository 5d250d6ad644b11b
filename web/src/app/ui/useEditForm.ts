import { useEffect } from 'react';
import { App, type FormInstance } from 'antd';
import { useT } from '../locale/LocaleContext.js';

interface Options<S, V, C> {
  form: FormInstance<V>;
  open: boolean;
  /** The record being edited; the form is filled from it each time the drawer opens. */
  source: S;
  toValues: (source: S) => V;
  /** Only what changed; `{}` when nothing did. */
  changesOf: (values: V) => C;
  save: (changes: C, callbacks: { onSuccess: () => void; onError: (err: unknown) => void }) => void;
  errors: { clear: () => void; show: (err: unknown) => void };
  onClose: () => void;
}

/**
 * What every edit drawer does: fill the form when it opens, send only the changes (or say there are none), close
 * on success and put a server error under the field it names. Returns the form's onFinish.
 */
export function useEditForm<S, V, C extends object>({ form, open, source, toValues, changesOf, save, errors, onClose }: Options<S, V, C>) {
  const t = useT();
  const { message } = App.useApp();
  const { clear } = errors;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toValues(source) as Parameters<typeof form.setFieldsValue>[0]);
    clear();
  }, [open, source, form, clear, toValues]);

  return (values: V) => {
    const changes = changesOf(values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('form.noChanges'));
      onClose();
      return;
    }
    clear();
    save(changes, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: errors.show,
    });
  };
}
