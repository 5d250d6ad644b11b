import { useEffect } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { meKey } from '../../api/auth.js';
import { ApiError } from '../../api/http.js';
import { useT } from '../locale/LocaleContext.js';
import { forgetDeviceData } from '../offlineUser.js';
import { setApiErrorHandler } from '../queryClient.js';

/**
 * When any call answers 401 the session has ended: forget the user (which sends the app to the sign-in page) and
 * everything cached for them.
 */
export function SessionWatcher() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const t = useT();
  useEffect(
    () =>
      setApiErrorHandler((error, meta) => {
        if (!(error instanceof ApiError) || error.status !== 401 || meta?.quietUnauthorized) return;
        if (client.getQueryData(meKey)) {
          void message.warning({ key: 'session', content: t('common.sessionExpired') });
          // Nothing of the ended session stays on the device: no cached lists, no kept copies (offlineUser.ts).
          client.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
          forgetDeviceData();
          client.setQueryData(meKey, null);
        }
      }),
    [client, message, t],
  );
  return null;
}
