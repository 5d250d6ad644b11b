import { App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSignOut } from '../../../api/auth.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** Signs a shopper or trainee out and lands them on the shop's home page, forgetting their cached answers. */
export function useSignOutToShop(): () => void {
  const t = useT();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = App.useApp();
  return () =>
    signOut.mutate(undefined, {
      onSettled: () => {
        void navigate('/shop', { replace: true });
        signOut.forget();
        void message.success(t('shell.signedOut'));
      },
    });
}
