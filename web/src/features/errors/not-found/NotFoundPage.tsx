import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/locale/LocaleContext.js';

export function NotFoundPage() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.body')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
