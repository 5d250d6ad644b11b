import { App, Button, Form, Input } from 'antd';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useMe, useSendSmsCode, useSmsSignIn } from '../../../api/auth.js';
import { ApiError } from '../../../api/http.js';
import { usePlatform } from '../../../api/platform.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { PHONE_PATTERN } from '../../../app/phone.js';
import { errorText } from '../../../app/ui/errorText.js';
import { FullPageSpin } from '../../../app/ui/FullPageSpin.js';
import { formPath } from '../../../app/ui/useServerErrors.js';
import { shopNext } from './shopNext.js';
import { useCountdown } from './useCountdown.js';

interface Fields {
  phone: string;
  code: string;
  name?: string;
}

const box = { width: '100%', maxWidth: 400, margin: '8px auto 24px', background: '#fff', borderRadius: 8, padding: '24px 20px 16px' } as const;
const muted = { color: 'rgba(0, 0, 0, 0.45)', fontSize: 13 } as const;

/**
 * 手机号登录 / 注册: a shopper signs in, or signs up on first use, with a code texted to their phone, then goes back
 * to where they were (`?next=`, e.g. the checkout). Small antd parts only: it must open fast on a 3G phone.
 */
export function ShopSignInPage() {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm<Fields>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const sendCode = useSendSmsCode();
  const signIn = useSmsSignIn();
  const [wait, startWait] = useCountdown();
  const demo = usePlatform().data?.demo === true;
  const next = shopNext(params.get('next'));

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  /** The server's 400 under the field it names (phone or code); anything else as a toast. */
  const showError = (error: unknown) => {
    const path = error instanceof ApiError ? formPath(error.field) : undefined;
    const details = error instanceof ApiError ? (error.details as { triesLeft?: number } | undefined) : undefined;
    const text = details?.triesLeft ? t('shopSignIn.wrongCode', { left: details.triesLeft }) : errorText(error, t);
    if (path && (path[0] === 'phone' || path[0] === 'code')) form.setFields([{ name: path[0], errors: [text] }]);
    else void message.error(text);
  };

  const onSend = async () => {
    const { phone } = await form.validateFields(['phone']);
    sendCode.mutate(
      { phone },
      {
        onSuccess: (sent) => {
          startWait(sent.resendAfterSeconds);
          void message.success(t('shopSignIn.sent'));
          document.getElementById('sms-code')?.focus();
        },
        onError: (error) => {
          const retry = error instanceof ApiError ? (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds : undefined;
          if (error instanceof ApiError && error.code === 'SMS_CODE_RESEND_WAIT' && retry) startWait(retry);
          showError(error);
        },
      },
    );
  };

  const onFinish = (fields: Fields) =>
    signIn.mutate(
      { phone: fields.phone, code: fields.code, ...(fields.name?.trim() && { name: fields.name.trim() }) },
      {
        onSuccess: ({ user, created }) => {
          void message.success(t(created ? 'shopSignIn.welcomeNew' : 'shopSignIn.welcome', { name: user.displayName }));
          void navigate(next, { replace: true });
        },
        onError: showError,
      },
    );

  return (
    <div style={box} data-testid="shop-sign-in-page">
      <h2 style={{ margin: 0, fontSize: 20, fontWeight: 600 }}>{t('shopSignIn.title')}</h2>
      <p style={{ ...muted, margin: '6px 0 20px' }}>{t('shopSignIn.subtitle')}</p>
      <Form<Fields> form={form} layout="vertical" size="large" requiredMark={false} onFinish={onFinish} autoComplete="on">
        <Form.Item
          name="phone"
          label={t('shopSignIn.phone')}
          normalize={(value: string) => value.replace(/\D/g, '').slice(0, 11)}
          rules={[{ required: true, pattern: PHONE_PATTERN, message: t('shopSignIn.phoneRequired') }]}
        >
          <Input prefix="+86" inputMode="numeric" autoComplete="tel-national" maxLength={11} placeholder="138 0000 0000" data-testid="sms-phone" />
        </Form.Item>
        <Form.Item label={t('shopSignIn.code')} required>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item
              name="code"
              noStyle
              normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('shopSignIn.codeRequired') }]}
            >
              <Input id="sms-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder={t('shopSignIn.codePlaceholder')} data-testid="sms-code" />
            </Form.Item>
            <Button onClick={() => void onSend().catch(() => undefined)} disabled={wait > 0} loading={sendCode.isPending} style={{ flex: 'none', minWidth: 116 }} data-testid="sms-send">
              {wait > 0 ? t('shopSignIn.resendIn', { seconds: wait }) : t('shopSignIn.send')}
            </Button>
          </div>
        </Form.Item>
        <Form.Item name="name" label={t('shopSignIn.name')} rules={[{ max: 32 }]}>
          <Input maxLength={32} autoComplete="name" placeholder={t('shopSignIn.namePlaceholder')} data-testid="sms-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={signIn.isPending} data-testid="sms-submit">
          {t('shopSignIn.submit')}
        </Button>
      </Form>
      {demo && (
        <p style={{ ...muted, fontSize: 12, margin: '12px 0 0' }} data-testid="sms-demo-note">
          {t('shopSignIn.demoOutbox')}
        </p>
      )}
      <p style={{ textAlign: 'center', margin: '16px 0 0' }}>
        <Link to={`/login?next=${encodeURIComponent(next)}`} style={{ fontSize: 13 }} data-testid="staff-sign-in">
          {t('shopSignIn.staff')}
        </Link>
      </p>
    </div>
  );
}
