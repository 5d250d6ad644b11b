import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import type { User } from '../api/auth.js';
import { useT } from './locale/LocaleContext.js';
import { useUser } from './session.js';

/** Shows a page only to the roles that may use it; the server checks again on every call. */
export function Guard({ allow, children }: { allow: (user: User) => boolean; children: ReactNode }) {
  const user = useUser();
  const t = useT();
  if (allow(user)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('common.forbiddenTitle')}
      subTitle={t('common.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
