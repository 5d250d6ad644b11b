import { useEffect, useState } from 'react';
import { App, Button, Card, Drawer, Empty, Flex, Form, Grid, Input, InputNumber, List, Popconfirm, Select, Switch, Tag, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, FilePdfOutlined, FolderOpenOutlined, PlayCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { newIdempotencyKey } from '../../api/http.js';
import { LEVELS, TRACKS, materialUrl, useCourses, useDeleteMaterial, useMaterials, useSaveCourse, useUploadMaterial, type Course, type Track } from '../../api/training.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { errorText } from '../../app/ui/errorText.js';
import { FormDrawer } from '../../app/ui/FormDrawer.js';
import { formRules } from '../../app/ui/formRules.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { ResponsiveTable } from '../../app/ui/ResponsiveTable.js';
import { useServerErrors } from '../../app/ui/useServerErrors.js';
import { useUrlParams } from '../../app/useUrlParams.js';
import { mayEditCourses } from './access.js';
import { TrackTag } from './labels.js';

interface Values {
  title: string;
  track: Track;
  level?: string;
  summary?: string;
  hours: number;
  online: boolean;
}

function CourseDrawer({ open, onClose, course }: { open: boolean; onClose: () => void; course?: Course }) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const save = useSaveCourse();
  const [key, setKey] = useState('');
  const track = Form.useWatch('track', form);
  useEffect(() => {
    if (!open) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
    if (course) form.setFieldsValue({ ...course, level: course.level ?? undefined });
    else form.setFieldsValue({ hours: 2, online: false });
  }, [open]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync({
        id: course?.id,
        course: { title: v.title.trim(), track: v.track, level: v.track === 'sellers' ? ((v.level as Course['level']) ?? null) : null, summary: v.summary?.trim() ?? '', hours: v.hours, online: v.online },
        idempotencyKey: key,
      });
      void message.success(t('training.courses.saved'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  return (
    <FormDrawer title={t(course ? 'training.courses.edit' : 'training.courses.create')} open={open} onClose={onClose} width={560} saving={save.isPending} onSave={() => void submit()} saveTestId="course-save">
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="title" label={t('course.form.title')} rules={[rules.required(t('course.form.title')), rules.max(t('course.form.title'), 100)]}>
          <Input maxLength={100} data-testid="course-title" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="track" label={t('training.form.track')} rules={[rules.chosen(t('training.form.track'))]} style={{ flex: '1 1 200px' }}>
            <Select options={TRACKS.map((k) => ({ value: k, label: t(`track.${k}`) }))} data-testid="course-track" />
          </Form.Item>
          <Form.Item name="level" label={t('training.form.level')} rules={track === 'sellers' ? [rules.chosen(t('training.form.level'))] : []} style={{ flex: '1 1 140px' }}>
            <Select allowClear disabled={track !== 'sellers'} options={LEVELS.map((k) => ({ value: k, label: t(`level.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="summary" label={t('course.form.summary')}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
        <Flex gap={24} wrap>
          <Form.Item name="hours" label={t('course.form.hours')} rules={[rules.chosen(t('course.form.hours'))]}>
            <InputNumber min={0.5} max={200} step={0.5} precision={1} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="online" label={t('course.form.online')} valuePropName="checked">
            <Switch data-testid="course-online" />
          </Form.Item>
        </Flex>
      </Form>
    </FormDrawer>
  );
}

/** A course's materials in order: open, delete, and upload a PDF handout or an mp4/webm video. */
function MaterialsDrawer({ course, onClose, editable, deletable }: { course: Course | null; onClose: () => void; editable: boolean; deletable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const materials = useMaterials(course?.id);
  const upload = useUploadMaterial(course?.id ?? '');
  const remove = useDeleteMaterial();
  const [title, setTitle] = useState('');
  const [duration, setDuration] = useState<number | null>(null);
  useEffect(() => {
    setTitle('');
    setDuration(null);
  }, [course]);

  const send = async (file: File) => {
    try {
      await upload.mutateAsync({ file, title: title.trim() || file.name.replace(/\.[^.]+$/, ''), durationSeconds: duration ?? undefined });
      void message.success(t('materials.uploaded'));
      setTitle('');
      setDuration(null);
    } catch (error) {
      void message.error(errorText(error, t));
    }
  };

  return (
    <Drawer title={t('materials.title', { course: course?.title ?? '' })} open={!!course} onClose={onClose} size={screens.md ? 560 : '100%'}>
      {materials.isError ? (
        <LoadError error={materials.error} onRetry={() => void materials.refetch()} />
      ) : (
        <List
          data-testid="materials-list"
          loading={materials.isPending}
          dataSource={materials.data ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('materials.empty')} /> }}
          renderItem={(m) => (
            <List.Item
              actions={[
                <Button key="view" size="small" href={materialUrl(m.id)} target="_blank">
                  {t('materials.view')}
                </Button>,
                ...(deletable
                  ? [
                      <Popconfirm key="delete" title={t('materials.deleteConfirm')} onConfirm={() => remove.mutateAsync(m.id).catch((error: unknown) => void message.error(errorText(error, t)))}>
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('materials.delete')} />
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                avatar={m.kind === 'video' ? <PlayCircleOutlined style={{ fontSize: 22, color: '#1677ff' }} /> : <FilePdfOutlined style={{ fontSize: 22, color: '#cf1322' }} />}
                title={m.title}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`materials.kind.${m.kind}`)} · {(m.sizeBytes / 1024 / 1024).toFixed(1)} MB
                    {m.durationSeconds ? ` · ${Math.round(m.durationSeconds / 60)} 分钟` : ''}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
      {editable && (
        <Card size="small" title={t('materials.upload')} style={{ marginTop: 16 }}>
          <Flex vertical gap={8}>
            <Input placeholder={t('materials.fileTitle')} value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} data-testid="material-title" />
            <InputNumber placeholder={t('materials.duration')} min={1} precision={0} value={duration} onChange={(v) => setDuration(v)} style={{ width: 220 }} />
            <Typography.Text type="secondary">{t('materials.uploadHelp')}</Typography.Text>
            <Upload
              accept=".pdf,.mp4,.webm,application/pdf,video/mp4,video/webm"
              showUploadList={false}
              beforeUpload={(file) => {
                void send(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="material-upload">
                {t('materials.upload')}
              </Button>
            </Upload>
          </Flex>
        </Card>
      )}
    </Drawer>
  );
}

/** 课程: the three tracks' courses, with their handouts and videos for online learning. */
export function CoursesPage() {
  const t = useT();
  const user = useUser();
  const courses = useCourses();
  const [params, setParams] = useUrlParams(['track'] as const);
  const [editing, setEditing] = useState<{ course?: Course } | null>(null);
  const [materialsOf, setMaterialsOf] = useState<Course | null>(null);
  const editable = mayEditCourses(user);
  const rows = (courses.data ?? []).filter((c) => !params.track || c.track === params.track);
  const columns: TableColumnsType<Course> = [
    {
      key: 'title',
      title: t('course.col.title'),
      width: 260,
      render: (_: unknown, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.title}</Typography.Text>
          {c.summary && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.summary}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'track', title: t('course.col.track'), width: 170, render: (_: unknown, c) => <TrackTag track={c.track} level={c.level} /> },
    { key: 'hours', title: t('course.col.hours'), dataIndex: 'hours', width: 70 },
    { key: 'online', title: t('course.col.online'), width: 80, render: (_: unknown, c) => <Tag color={c.online ? 'cyan' : 'default'}>{c.online ? t('course.online') : t('course.onsite')}</Tag> },
    {
      key: 'actions',
      title: '',
      width: 190,
      render: (_: unknown, c) => (
        <Flex gap={4} wrap>
          <Button size="small" icon={<FolderOpenOutlined />} onClick={() => setMaterialsOf(c)} data-testid="course-materials">
            {t('materials.open')}
          </Button>
          {editable && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ course: c })}>
              {t('common.edit')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('training.courses.title')}
        subtitle={t('training.courses.subtitle')}
        crumbs={[{ title: t('shell.menu.training') }, { title: t('training.courses.title') }]}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="course-create">
              {t('training.courses.create')}
            </Button>
          )
        }
      />
      <Card>
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('training.sessions.trackAll')}
            value={params.track}
            onChange={(value?: string) => setParams({ track: value })}
            options={TRACKS.map((k) => ({ value: k, label: t(`track.${k}`) }))}
            style={{ width: 170 }}
          />
        </Flex>
        {courses.isError ? (
          <LoadError error={courses.error} onRetry={() => void courses.refetch()} />
        ) : (
          <ResponsiveTable<Course>
            data-testid="courses-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={courses.isFetching}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 820 }}
            locale={{ emptyText: courses.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.courses.empty')} /> }}
          />
        )}
      </Card>
      {editable && <CourseDrawer open={!!editing} onClose={() => setEditing(null)} course={editing?.course} />}
      <MaterialsDrawer course={materialsOf} onClose={() => setMaterialsOf(null)} editable={editable || user.roles.includes('trainer')} deletable={editable} />
    </>
  );
}
