import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, List, Progress, Skeleton, Tag, Typography } from 'antd';
import { CheckCircleFilled, FilePdfOutlined, LeftOutlined, PlayCircleOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { materialContentUrl, pagedItems, useMyCourses, useReportProgress, type Material } from '../../../api/learning.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { TrackTag } from './labels.js';

/** A video reports where the learner is every 15 s while it plays, and when it pauses or ends. */
const REPORT_EVERY_MS = 15_000;

function VideoMaterial({ material }: { material: Material }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const report = useReportProgress();
  const send = () => {
    const v = video.current;
    if (v && Number.isFinite(v.currentTime)) report.mutate({ materialId: material.id, positionSeconds: Math.floor(v.currentTime) });
  };
  const sendRef = useRef(send);
  sendRef.current = send;
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => sendRef.current(), REPORT_EVERY_MS);
    return () => clearInterval(timer);
  }, [playing]);
  const progress = material.progress;
  const done = !!progress?.doneAt;
  const share = progress?.percent ?? 0;

  return (
    <Flex vertical gap={6} style={{ width: '100%' }}>
      <video
        ref={video}
        src={materialContentUrl(material.id)}
        controls
        playsInline
        preload="metadata"
        style={{ width: '100%', maxHeight: 320, background: '#000', borderRadius: 6 }}
        onLoadedMetadata={(e) => {
          // Back where the learner left off.
          if (progress && progress.positionSeconds > 0 && !done) e.currentTarget.currentTime = progress.positionSeconds;
        }}
        onPlay={() => {
          // Where the playing starts: the server credits the time watched from this report on.
          setPlaying(true);
          send();
        }}
        onPause={() => {
          setPlaying(false);
          send();
        }}
        onEnded={() => {
          setPlaying(false);
          send();
        }}
        data-testid="learn-video"
      />
      {!done && <Progress percent={share} size="small" format={() => t('learn.course.watched', { share: `${share}%` })} />}
    </Flex>
  );
}

function DocumentMaterial({ material, fetchedAt }: { material: Material; fetchedAt: number }) {
  const t = useT();
  const report = useReportProgress();
  const { message } = App.useApp();
  const [now, setNow] = useState(() => Date.now());
  const progress = material.progress;
  const done = !!progress?.doneAt;
  const opened = !!progress;
  // The server's count of seconds still to read when the page fetched it, run down on this phone's clock.
  const left = progress ? Math.max(0, Math.ceil((fetchedAt + progress.secondsLeft * 1000 - now) / 1000)) : null;
  useEffect(() => {
    if (left === null || left === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [left]);

  const onOpen = () => {
    // The reading time starts when the document is first opened.
    if (!opened) report.mutate({ materialId: material.id, positionSeconds: 0 });
  };
  const onDone = () =>
    report.mutate(
      { materialId: material.id, done: true },
      { onError: (error) => void message.error(errorText(error, t)) },
    );

  return (
    <Flex vertical gap={6} style={{ width: '100%' }}>
      <Flex gap={8} wrap>
        <Button icon={<FilePdfOutlined />} href={materialContentUrl(material.id)} target="_blank" onClick={onOpen} data-testid="learn-open-pdf">
          {t('learn.course.openPdf')}
        </Button>
        {!done && (
          <Button type="primary" disabled={left === null || left > 0} loading={report.isPending} onClick={onDone} data-testid="learn-finish-pdf">
            {t('learn.course.finishPdf')}
          </Button>
        )}
      </Flex>
      {!done && left !== null && left > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('learn.course.finishIn', { seconds: left })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** An online course (/learn/courses/:id): its materials in order, each with my progress; finished → the certificate. */
export function CoursePage() {
  const t = useT();
  const { id = '' } = useParams();
  const courses = useMyCourses();
  const course = courses.data ? pagedItems(courses.data).find((c) => c.courseId === id) : undefined;
  // My courses come a page at a time: a course past the pages loaded is looked for in the next ones.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = courses;
  const lookFurther = courses.isSuccess && !course && hasNextPage && !courses.isFetchNextPageError;
  useEffect(() => {
    if (lookFurther && !isFetchingNextPage) void fetchNextPage();
  }, [lookFurther, isFetchingNextPage, fetchNextPage]);
  if (courses.isPending || lookFurther) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (courses.isError) return <LoadError error={courses.error} onRetry={() => void courses.refetch()} />;
  const back = (
    <Link to="/learn" data-testid="learn-back">
      <LeftOutlined /> {t('learn.course.back')}
    </Link>
  );
  if (!course) return <Flex vertical gap={12}>{back}<Empty description={t('learn.courses.empty')} /></Flex>;
  const done = course.materialsDone;
  const completed = !!course.completedAt;
  const hours = course.hoursTenths / 10;

  return (
    <Flex vertical gap={12} data-testid="learn-course-page">
      {back}
      <Card size="small">
        <Flex vertical gap={6}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {course.title}
          </Typography.Title>
          <Flex gap={6} wrap align="center">
            <TrackTag t={t} track={course.track} level={course.level} />
            {hours > 0 && <Tag style={{ marginInlineEnd: 0 }}>{t('learn.courses.hours', { hours })}</Tag>}
          </Flex>
          {course.summary && <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>{course.summary}</Typography.Paragraph>}
          <Progress percent={course.materials.length ? Math.round((100 * done) / course.materials.length) : 0} status={completed ? 'success' : 'active'} />
        </Flex>
      </Card>
      {completed && (
        <Alert
          type="success"
          showIcon
          icon={<SafetyCertificateOutlined />}
          title={t('learn.course.completed')}
          action={<Link to="/learn#certificates" data-testid="learn-course-certificate">{t('learn.course.certificate')}</Link>}
          data-testid="learn-course-completed"
        />
      )}
      <Card size="small" title={t('learn.course.materials')}>
        {course.materials.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('learn.course.empty')} />
        ) : (
          <List
            dataSource={course.materials}
            renderItem={(m, i) => (
              <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="learn-material">
                <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>
                    {i + 1}. {m.kind === 'video' ? <PlayCircleOutlined /> : <FilePdfOutlined />} {m.title}
                  </Typography.Text>
                  {m.progress?.doneAt ? (
                    <Tag color="success" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0 }} data-testid="learn-material-done">
                      {t('learn.course.done')}
                    </Tag>
                  ) : (
                    <Tag style={{ marginInlineEnd: 0 }}>{m.kind === 'video' ? t('learn.course.video') : t('learn.course.document')}</Tag>
                  )}
                </Flex>
                {m.kind === 'video' ? <VideoMaterial material={m} /> : <DocumentMaterial material={m} fetchedAt={courses.dataUpdatedAt} />}
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
