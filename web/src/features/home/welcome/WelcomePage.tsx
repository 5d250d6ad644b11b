import { Card, Result, Tag } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import { useT } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';

/** Merchants and consumers: their features come with the marketplace. */
export function WelcomePage() {
  const user = useUser();
  const t = useT();
  return (
    <Card>
      <Result
        icon={<ShopOutlined style={{ color: '#1677ff' }} />}
        title={t('welcome.title', { name: user.displayName })}
        subTitle={t('welcome.body')}
        extra={user.roles.map((r) => (
          <Tag key={r} color="blue">
            {t(`role.${r}`)}
          </Tag>
        ))}
      />
    </Card>
  );
}
