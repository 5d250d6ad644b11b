import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Card, Empty, Flex, List, Progress, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { pagedItems, useEnrol, useMyCourses, useMyTraining, useOpenSessions, type MyCourse, type MyEnrolment, type MyTrainee, type SessionCard } from '../../../api/learning.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { LoadMore } from '../../../app/ui/LoadMore.js';
import { CertificateList } from './CertificateList.js';
import { sessionPlace, sessionTime, TrackTag } from './labels.js';
import { ProfileForm } from './ProfileForm.js';

const small = { fontSize: 13 } as const;

function Section({ title, children, testId, extra, id }: { title: string; children: ReactNode; testId: string; extra?: ReactNode; id?: string }) {
  return (
    <Card id={id} size="small" title={title} extra={extra} style={{ marginBottom: 12 }} data-testid={testId}>
      {children}
    </Card>
  );
}

function MyRecord({ trainee, personTimes }: { trainee: MyTrainee; personTimes: number }) {
  const t = useT();
  const flags = (['poor', 'disabled', 'partyMember', 'woman', 'youth'] as const).filter((f) => trainee[f]);
  const place = [trainee.townshipName, trainee.villageName].filter(Boolean).join(' ');
  return (
    <Section title={t('learn.me.title')} testId="learn-record" extra={<Tag color="blue">{t('learn.me.personTimes', { count: personTimes })}</Tag>}>
      <Flex vertical gap={4} style={small}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="learn-record-name">
          {trainee.name}
        </Typography.Text>
        <span>
          <Typography.Text type="secondary">{t('learn.me.idNumber')}：</Typography.Text>
          <span data-testid="learn-record-id">{trainee.idNumber}</span>
        </span>
        {trainee.phone && (
          <span>
            <Typography.Text type="secondary">{t('learn.me.phone')}：</Typography.Text>
            {trainee.phone}
          </span>
        )}
        {place && (
          <span>
            <Typography.Text type="secondary">{t('learn.me.place')}：</Typography.Text>
            <span data-testid="learn-record-place">{place}</span>
          </span>
        )}
        {flags.length > 0 && (
          <Flex wrap gap={4}>
            {flags.map((f) => (
              <Tag key={f} style={{ marginInlineEnd: 0 }}>
                {t(`learn.flag.${f}`)}
              </Tag>
            ))}
          </Flex>
        )}
      </Flex>
    </Section>
  );
}

function SessionLines({ session }: { session: SessionCard }) {
  const t = useT();
  return (
    <Flex vertical gap={2} style={{ ...small, minWidth: 0 }}>
      <Flex gap={6} wrap align="center">
        <Typography.Text strong style={{ fontSize: 15 }}>
          {session.title}
        </Typography.Text>
        <TrackTag t={t} track={session.track} level={session.level} />
      </Flex>
      <Typography.Text type="secondary">
        <ClockCircleOutlined /> {sessionTime(session.startsAt, session.endsAt)}
      </Typography.Text>
      <Typography.Text type="secondary">
        <EnvironmentOutlined /> {sessionPlace(session)}
      </Typography.Text>
      {session.organiserName && <Typography.Text type="secondary">{session.organiserName}</Typography.Text>}
    </Flex>
  );
}

function OpenSessions({ hasRecord, enrolledIds }: { hasRecord: boolean; enrolledIds: Set<string> }) {
  const t = useT();
  const open = useOpenSessions();
  const enrol = useEnrol();
  const { message } = App.useApp();
  const onEnrol = (id: string) =>
    enrol.mutate(id, {
      onSuccess: () => void message.success(t('learn.open.done')),
      onError: (error) => void message.error(errorText(error, t)),
    });
  return (
    <Section title={t('learn.open.title')} testId="learn-open">
      {open.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : open.isError ? (
        <LoadError error={open.error} onRetry={() => void open.refetch()} />
      ) : open.data.pages[0].items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('learn.open.empty')} />
      ) : (
        <List
          dataSource={pagedItems(open.data)}
          renderItem={(s) => {
            const left = Math.max(0, s.capacity - s.enrolled);
            const mine = s.enrolledByMe || enrolledIds.has(s.id);
            return (
              <List.Item style={{ paddingInline: 0, alignItems: 'flex-start' }} data-testid="learn-open-session">
                <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
                  <SessionLines session={s} />
                  <Flex vertical align="flex-end" gap={4} style={{ flex: 'none' }}>
                    {mine ? (
                      <Tag color="success" style={{ marginInlineEnd: 0 }}>
                        {t('learn.open.enrolled')}
                      </Tag>
                    ) : (
                      <Button
                        type="primary"
                        size="small"
                        disabled={left === 0 || !hasRecord}
                        title={hasRecord ? undefined : t('learn.open.needProfile')}
                        loading={enrol.isPending && enrol.variables === s.id}
                        onClick={() => onEnrol(s.id)}
                        data-testid="learn-enrol"
                      >
                        {left === 0 ? t('learn.open.full') : t('learn.open.enrol')}
                      </Button>
                    )}
                    {left > 0 && !mine && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('learn.open.seats', { count: left })}</Typography.Text>}
                  </Flex>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
      {open.isSuccess && <LoadMore query={open} />}
      {!hasRecord && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('learn.open.needProfile')}
        </Typography.Text>
      )}
    </Section>
  );
}

function courseShare(course: MyCourse): number {
  if (course.completedAt) return 100;
  return course.materials.length === 0 ? 0 : Math.round((100 * course.materialsDone) / course.materials.length);
}

function OnlineCourses() {
  const t = useT();
  const courses = useMyCourses();
  return (
    <Section title={t('learn.courses.title')} testId="learn-courses">
      {courses.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : courses.isError ? (
        <LoadError error={courses.error} onRetry={() => void courses.refetch()} />
      ) : courses.data.pages[0].items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('learn.courses.empty')} />
      ) : (
        <List
          dataSource={pagedItems(courses.data)}
          renderItem={(c) => (
            <List.Item style={{ paddingInline: 0 }} data-testid="learn-course">
              <Link to={`/learn/courses/${encodeURIComponent(c.courseId)}`} style={{ width: '100%', color: 'inherit' }}>
                <Flex vertical gap={2} style={small}>
                  <Flex gap={6} wrap align="center">
                    <Typography.Text strong style={{ fontSize: 15 }}>
                      {c.title}
                    </Typography.Text>
                    <TrackTag t={t} track={c.track} level={c.level} />
                  </Flex>
                  <Flex align="center" gap={8}>
                    <Progress percent={courseShare(c)} size="small" status={c.completedAt ? 'success' : 'active'} style={{ flex: 1, margin: 0 }} />
                    <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
                      {c.completedAt ? t('learn.courses.completed') : t('learn.courses.materials', { done: c.materialsDone, total: c.materials.length })}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </Link>
            </List.Item>
          )}
        />
      )}
      {courses.isSuccess && <LoadMore query={courses} />}
    </Section>
  );
}

/** How many of my sessions show at first, and how many more each 加载更多 shows (a phone's screen or two). */
const MY_SESSIONS_STEP = 20;

/** 我的培训: my enrolments (GET /training/me gives them all, newest first), shown a screenful at a time. */
function MySessions({ enrolments }: { enrolments: MyEnrolment[] }) {
  const t = useT();
  const [shown, setShown] = useState(MY_SESSIONS_STEP);
  return (
    <Section title={t('learn.mine.title')} testId="learn-mine">
      {enrolments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('learn.mine.empty')} />
      ) : (
        <List
          dataSource={enrolments.slice(0, shown)}
          renderItem={(e) => (
            <List.Item style={{ paddingInline: 0, alignItems: 'flex-start' }} data-testid="learn-my-session">
              <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
                <SessionLines session={e.session} />
                <span style={{ flex: 'none' }}>
                  {e.session.status === 'cancelled' ? (
                    <Tag style={{ marginInlineEnd: 0 }}>{t('learn.mine.cancelled')}</Tag>
                  ) : e.present ? (
                    <Tag color="success" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }} data-testid="learn-present">
                      {t('learn.mine.present')}
                    </Tag>
                  ) : (
                    <Tag style={{ marginInlineEnd: 0 }}>{t('learn.mine.notYet')}</Tag>
                  )}
                </span>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <LoadMore query={{ hasNextPage: enrolments.length > shown, isFetchingNextPage: false, fetchNextPage: async () => setShown((n) => n + MY_SESSIONS_STEP) }} />
    </Section>
  );
}

/**
 * 学习培训 (/learn): my record (or the form to make or claim it), sessions open for enrolment, my sessions with
 * present ✓, online courses with their progress, my certificates.
 */
export function LearnHomePage() {
  const t = useT();
  const mine = useMyTraining();
  const { hash } = useLocation();
  const loaded = mine.isSuccess;
  // /learn#certificates (a finished course's 查看证书): there once the page has drawn.
  useEffect(() => {
    if (loaded && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);
  if (mine.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  const { trainee, enrolments, personTimes } = mine.data;
  const enrolledIds = new Set(enrolments.map((e) => e.session.id));

  return (
    <div data-testid="learn-home">
      {trainee ? <MyRecord trainee={trainee} personTimes={personTimes.length} /> : (
        <div style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={small}>{t('learn.me.none')}</Typography.Paragraph>
          <ProfileForm />
        </div>
      )}
      <MySessions enrolments={enrolments} />
      <OpenSessions hasRecord={!!trainee} enrolledIds={enrolledIds} />
      <OnlineCourses />
      <Section id="certificates" title={t('learn.certs.title')} testId="learn-certificates">
        <CertificateList />
      </Section>
    </div>
  );
}
