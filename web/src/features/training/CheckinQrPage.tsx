import { useEffect, useState } from 'react';
import { Button, Flex, Progress, Typography } from 'antd';
import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/http.js';
import { useCheckinCode, useSession } from '../../api/training.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { errorText } from '../../app/ui/errorText.js';
import { sessionTime } from './labels.js';

const ROTATION_S = 30;
const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });

/** Seconds until `iso`, re-read every second. */
function useSecondsLeft(iso: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!iso) return 0;
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}

/**
 * 签到二维码 for the projector: the session's name, the QR (a new token every 30 s from /checkin-code, with a
 * countdown) and the live count of present / enrolled, polled from the session. Stands alone, outside the console's frame.
 */
export function CheckinQrPage() {
  const t = useT();
  const { id = '' } = useParams();
  // The counts are the server's (present = person-times at this session), read again every 5 s.
  const session = useSession(id, 5_000);
  const code = useCheckinCode(id);
  const [src, setSrc] = useState<string>();
  const url = code.data?.url;
  const left = useSecondsLeft(code.data?.expiresAt);

  useEffect(() => {
    if (!url) return;
    let live = true;
    void import('qrcode').then((qr) => qr.toDataURL(url, { margin: 1, width: 640, errorCorrectionLevel: 'M' })).then((data) => live && setSrc(data));
    return () => {
      live = false;
    };
  }, [url]);

  const closed = code.error instanceof ApiError && code.error.status === 409;
  const s = session.data;

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', background: '#0b3d2e', color: '#fff', padding: '24px 16px' }} data-testid="checkin-qr-page">
      <Flex justify="space-between" style={{ width: '100%', maxWidth: 1200 }}>
        <Link to={`/training/sessions/${id}`}>
          <Button ghost icon={<ArrowLeftOutlined />}>
            {t('qr.exit')}
          </Button>
        </Link>
        <Button ghost icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t('qr.fullscreen')}
        </Button>
      </Flex>
      <Typography.Title level={1} style={{ color: '#fff', textAlign: 'center', margin: '16px 0 4px', fontSize: 'clamp(24px, 4vw, 44px)' }} data-testid="checkin-qr-title">
        {s?.title ?? ''}
      </Typography.Title>
      {s && <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', fontSize: 18 }}>{sessionTime(s.startsAt, s.endsAt)}</Typography.Text>}
      <Flex gap={48} align="center" justify="center" wrap style={{ marginTop: 24, width: '100%' }}>
        <Flex vertical align="center" gap={12}>
          <div style={{ background: '#fff', padding: 16, borderRadius: 12, width: 'min(70vh, 86vw)', height: 'min(70vh, 86vw)', maxWidth: 560, maxHeight: 560 }}>
            {src && !closed ? (
              <img src={src} alt={t('qr.title')} style={{ width: '100%', height: '100%', imageRendering: 'pixelated' }} data-testid="checkin-qr-image" data-token={code.data?.token} />
            ) : (
              <Flex align="center" justify="center" style={{ height: '100%', color: '#555', fontSize: 22, textAlign: 'center' }} data-testid="checkin-qr-closed">
                {closed ? t('qr.closed') : code.isError ? errorText(code.error, t) : ''}
              </Flex>
            )}
          </div>
          {!closed && code.data && (
            <Flex align="center" gap={12} style={{ width: '100%', maxWidth: 560 }}>
              <Progress percent={(left / ROTATION_S) * 100} showInfo={false} strokeColor="#52c41a" railColor="rgba(255,255,255,0.2)" style={{ flex: 1, margin: 0 }} />
              <Typography.Text style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }} data-testid="checkin-qr-countdown">
                {t('qr.refreshIn', { seconds: left })}
              </Typography.Text>
            </Flex>
          )}
          <Typography.Text style={{ color: '#fff', fontSize: 20 }}>{t('qr.hint')}</Typography.Text>
          {code.data && (
            <Typography.Text style={{ color: 'rgba(255,255,255,0.7)' }}>
              {t('qr.window', { from: clock.format(new Date(code.data.validFrom)), to: clock.format(new Date(code.data.validTo)) })}
            </Typography.Text>
          )}
        </Flex>
        <Flex vertical align="center" gap={8} style={{ minWidth: 220 }}>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', fontSize: 22 }}>{t('qr.present')}</Typography.Text>
          <Typography.Text style={{ color: '#fff', fontSize: 'clamp(64px, 10vw, 120px)', fontWeight: 700, lineHeight: 1 }} data-testid="checkin-qr-present">
            {s?.present ?? ''}
          </Typography.Text>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', fontSize: 22 }} data-testid="checkin-qr-enrolled">
            {t('qr.enrolled')} {s?.enrolled ?? ''}
          </Typography.Text>
        </Flex>
      </Flex>
    </Flex>
  );
}
