import { App, Button, Card, Flex, Form, Grid, Input, Typography } from 'antd';
import { LockOutlined, MobileOutlined, ShoppingCartOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe, useSignIn, type User } from '../../../api/auth.js';
import { homePath } from '../../../app/access.js';
import { LangSwitch } from '../../../app/locale/LangSwitch.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { FullPageSpin } from '../../../app/ui/FullPageSpin.js';
import { LogoMark } from '../../../app/ui/Logo.js';
import { SignInBanner } from './SignInBanner.js';

interface Fields {
  username: string;
  password: string;
}

/** Only same-site paths are followed after signing in. */
function safeNext(next: string | null, user: User): string {
  return next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : homePath(user);
}

export function SignInPage() {
  const t = useT();
  const me = useMe();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !signIn.isPending) return <Navigate to={safeNext(params.get('next'), me.data)} replace />;

  const onFinish = (fields: Fields) =>
    signIn.mutate(
      { username: fields.username.trim(), password: fields.password },
      {
        onSuccess: ({ user }) => {
          void message.success(t('signIn.welcome', { name: user.displayName }));
          void navigate(safeNext(params.get('next'), user), { replace: true });
        },
        onError: (error) => void message.error(errorText(error, t)),
      },
    );

  return (
    <Flex style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      {screens.md && <SignInBanner />}
      <Flex vertical flex={1} style={{ minWidth: 0 }}>
        <Flex justify="flex-end" style={{ padding: 16 }}>
          <LangSwitch />
        </Flex>
        <Flex flex={1} align="center" justify="center" style={{ padding: '0 16px 48px' }}>
          <Card style={{ width: '100%', maxWidth: 400, boxShadow: '0 6px 24px rgba(0, 21, 41, 0.08)' }} styles={{ body: { padding: '32px 32px 24px' } }}>
            <Flex vertical align="center" gap={8} style={{ marginBottom: 28 }}>
              <LogoMark size={44} />
              <Typography.Title level={4} style={{ margin: '8px 0 0', textAlign: 'center' }}>
                {t('app.name')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('signIn.title')}</Typography.Text>
            </Flex>
            <Form<Fields> layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
              <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}>
                <Input prefix={<UserOutlined />} placeholder={t('signIn.username')} autoComplete="username" autoCapitalize="none" autoFocus />
              </Form.Item>
              <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
                <Input.Password prefix={<LockOutlined />} placeholder={t('signIn.password')} autoComplete="current-password" />
              </Form.Item>
              <Form.Item style={{ marginBottom: 12 }}>
                <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
                  {t('signIn.submit')}
                </Button>
              </Form.Item>
            </Form>
            <Link to={`/shop/login${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`} data-testid="shopper-sign-in">
              <Button block icon={<MobileOutlined />} style={{ marginBottom: 12 }}>
                {t('signIn.shopper')}
              </Button>
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', textAlign: 'center' }}>
              {t('signIn.help')}
            </Typography.Text>
            <Link to="/shop" data-testid="browse-shop">
              <Button type="link" block icon={<ShoppingCartOutlined />} style={{ marginTop: 12 }}>
                {t('signIn.browseShop')}
              </Button>
            </Link>
          </Card>
        </Flex>
      </Flex>
    </Flex>
  );
}
