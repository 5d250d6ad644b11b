import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Card, Flex, Spin, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, EnvironmentOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/http.js';
import { useCheckin, useMyTraining, type CheckinResult } from '../../../api/learning.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { sessionPlace, sessionTime, TrackTag } from './labels.js';
import { ProfileForm } from './ProfileForm.js';

type State = { kind: 'working' } | { kind: 'ok'; result: CheckinResult } | { kind: 'profile' } | { kind: 'expired' } | { kind: 'closed' } | { kind: 'failed'; text: string };

const big = { fontSize: 72, lineHeight: 1 } as const;

/** ✓ 签到成功, what and where from the check-in's answer, when (and the trainer) from my list of sessions. */
function CheckedIn({ result, sessionId, toHome }: { result: CheckinResult; sessionId: string; toHome: ReactNode }) {
  const t = useT();
  const mine = useMyTraining();
  const session = mine.data?.enrolments.find((e) => e.session.id === (result.personTime.sessionId ?? sessionId))?.session;
  return (
    <Card data-testid="checkin-ok">
      <Flex vertical align="center" gap={12} style={{ padding: '16px 0 8px', textAlign: 'center' }}>
        <CheckCircleFilled style={{ ...big, color: '#52c41a' }} />
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="checkin-ok-title">
          {t('learn.checkin.ok')}
        </Typography.Title>
        {!result.counted && <Typography.Text type="secondary">{t('learn.checkin.already')}</Typography.Text>}
        <Typography.Text strong style={{ fontSize: 18 }} data-testid="checkin-session-title">
          {result.sessionTitle}
        </Typography.Text>
        <TrackTag t={t} track={result.personTime.track} level={result.personTime.level} />
        <Flex vertical gap={6} style={{ fontSize: 15 }}>
          <span data-testid="checkin-session-time">
            <ClockCircleOutlined /> {session ? sessionTime(session.startsAt, session.endsAt) : '…'}
          </span>
          <span data-testid="checkin-session-place">
            <EnvironmentOutlined /> {session ? sessionPlace(session) : result.placeName}
          </span>
          {session?.trainerName && <Typography.Text type="secondary">{t('learn.checkin.trainer', { name: session.trainerName })}</Typography.Text>}
        </Flex>
      </Flex>
      <div style={{ marginTop: 16 }}>{toHome}</div>
    </Card>
  );
}

/**
 * What the session's QR code opens on the trainee's phone (/learn/checkin/:sessionId?t=token). The frame has made
 * sure of an account (a visitor signs in by texted code and comes back here); a first-timer fills in the trainee
 * record and is checked in with the same code. The answer is big: ✓ 签到成功 with the session's title, time and
 * place; an expired code asks for a new scan; outside the window, 不在签到时间.
 */
export function CheckinPage() {
  const t = useT();
  const { sessionId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const checkin = useCheckin();
  const [state, setState] = useState<State>(token ? { kind: 'working' } : { kind: 'failed', text: t('learn.checkin.noToken') });
  const started = useRef(false);

  const run = useCallback(() => {
    setState({ kind: 'working' });
    checkin.mutate(
      { sessionId, token },
      {
        onSuccess: (result) => setState({ kind: 'ok', result }),
        onError: (error) => {
          const code = error instanceof ApiError ? error.code : '';
          if (code === 'TRAINEE_PROFILE_NEEDED') setState({ kind: 'profile' });
          else if (code === 'CHECKIN_CODE_EXPIRED') setState({ kind: 'expired' });
          else if (code === 'CHECKIN_CLOSED') setState({ kind: 'closed' });
          else setState({ kind: 'failed', text: errorText(error, t) });
        },
      },
    );
  }, [checkin.mutate, sessionId, token, t]);

  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    run();
  }, [run, token]);

  if (state.kind === 'working') {
    return (
      <Flex vertical align="center" gap={16} style={{ padding: '64px 0' }} data-testid="checkin-working">
        <Spin size="large" />
        <Typography.Text type="secondary">{t('learn.checkin.working')}</Typography.Text>
      </Flex>
    );
  }
  if (state.kind === 'profile') {
    return (
      <div data-testid="checkin-profile">
        <Typography.Title level={4} style={{ margin: '4px 0 12px' }}>
          {t('learn.checkin.profileFirst')}
        </Typography.Title>
        <ProfileForm onSaved={run} />
      </div>
    );
  }

  const toHome = (
    <Link to="/learn">
      <Button block size="large" data-testid="checkin-to-home">
        {t('learn.checkin.toHome')}
      </Button>
    </Link>
  );

  if (state.kind === 'ok') return <CheckedIn result={state.result} sessionId={sessionId} toHome={toHome} />;

  const [icon, title, hint, testId] =
    state.kind === 'expired'
      ? [<ExclamationCircleFilled key="i" style={{ ...big, color: '#faad14' }} />, t('learn.checkin.expired'), undefined, 'checkin-expired']
      : state.kind === 'closed'
        ? [<ClockCircleOutlined key="i" style={{ ...big, color: '#8c8c8c' }} />, t('learn.checkin.closed'), t('learn.checkin.closedHint'), 'checkin-closed']
        : [<CloseCircleFilled key="i" style={{ ...big, color: '#ff4d4f' }} />, t('learn.checkin.failed'), state.text, 'checkin-failed'];
  return (
    <Card data-testid={testId}>
      <Flex vertical align="center" gap={12} style={{ padding: '16px 0 8px', textAlign: 'center' }}>
        {icon}
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="checkin-problem">
          {title}
        </Typography.Title>
        {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      </Flex>
      <div style={{ marginTop: 16 }}>{toHome}</div>
    </Card>
  );
}
