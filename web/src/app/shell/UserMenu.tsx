import { useState } from 'react';
import { App, Avatar, Dropdown, Flex, Tag, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useSignOut } from '../../api/auth.js';
import { ChangePasswordModal } from '../../features/auth/change-password/ChangePasswordModal.js';
import { useT } from '../locale/LocaleContext.js';
import { useUser } from '../session.js';

/** Avatar, name and role; the dropdown changes the password or signs out. */
export function UserMenu({ compact }: { compact: boolean }) {
  const user = useUser();
  const t = useT();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const role = user.roles[0] ? t(`role.${user.roles[0]}`) : '';
  const [changingPassword, setChangingPassword] = useState(false);

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
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', disabled: true, label: <Typography.Text type="secondary">{user.username}</Typography.Text> },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: t('shell.changePassword'), onClick: () => setChangingPassword(true) },
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
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
