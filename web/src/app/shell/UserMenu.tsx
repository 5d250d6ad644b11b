import { App, Avatar, Dropdown, Flex, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useSignOut } from '../../api/auth.js';
import { useT } from '../locale/LocaleContext.js';
import { useUser } from '../session.js';

/** Avatar, name and role; the dropdown signs out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const user = useUser();
  const t = useT();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const role = user.roles[0] ? t(`role.${user.roles[0]}`) : '';

  const onSignOut = () =>
    signOut.mutate(undefined, {
      onSettled: () => {
        // Leave first, so the sign-in page does not remember this user's page as where to go next.
        void navigate('/login', { replace: true });
        signOut.forget();
        void message.success(t('shell.signedOut'));
      },
    });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', disabled: true, label: <Typography.Text type="secondary">{user.username}</Typography.Text> },
          { type: 'divider' },
          { key: 'signOut', icon: <LogoutOutlined />, label: t('shell.signOut'), onClick: onSignOut },
        ],
      }}
    >
      <Flex align="center" gap={8} style={{ cursor: 'pointer', minWidth: 0 }} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff', flex: 'none' }} />
        {!compact && (
          <Typography.Text strong ellipsis style={{ maxWidth: 160 }}>
            {user.displayName}
          </Typography.Text>
        )}
        {!compact && role && (
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>
            {role}
          </Tag>
        )}
      </Flex>
    </Dropdown>
  );
}
