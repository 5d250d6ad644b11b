import { useEffect, useMemo, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { newIdempotencyKey } from '../../api/http.js';
import { useDivisions, useSites } from '../../api/network.js';
import { LEVELS, TRACKS, useCourses, useOrganisers, useSaveSession, useTrainerAccounts, type NewSession, type Session, type Track } from '../../api/training.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { FormDrawer } from '../../app/ui/FormDrawer.js';
import { formRules } from '../../app/ui/formRules.js';
import { useServerErrors } from '../../app/ui/useServerErrors.js';

interface Values {
  title: string;
  courseId?: string;
  track: Track;
  level?: string;
  organiserId: string;
  trainerId?: string;
  placeKind: 'site' | 'other';
  siteId?: string;
  placeText?: string;
  townshipCode?: string;
  time: [Dayjs, Dayjs];
  capacity: number;
}

/**
 * 新建 / 编辑班次: the place is a service site found by name (its township comes with it) or a named place in a
 * township; a trainer's own sessions have the trainer fixed to them, and only their organisers are offered.
 */
export function SessionDrawer({ open, onClose, session, onSaved }: { open: boolean; onClose: () => void; session?: Session; onSaved?: (s: Session) => void }) {
  const t = useT();
  const rules = formRules(t);
  const user = useUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form, { fields: { trainerUserId: ['trainerId'], startsAt: ['time'], endsAt: ['time'] } });
  const save = useSaveSession();
  const [key, setKey] = useState('');
  const isAdmin = user.roles.includes('county_admin');
  const organisers = useOrganisers(open);
  const courses = useCourses(open);
  const sites = useSites({}, open);
  const townships = useDivisions('township', open);
  const trainers = useTrainerAccounts(open && isAdmin);
  const placeKind = Form.useWatch('placeKind', form);
  const track = Form.useWatch('track', form);
  const courseId = Form.useWatch('courseId', form);

  useEffect(() => {
    if (!open) return;
    setKey(newIdempotencyKey());
    errors.clear();
    form.resetFields();
    if (session) {
      form.setFieldsValue({
        title: session.title,
        courseId: session.courseId ?? undefined,
        track: session.track,
        level: session.level ?? undefined,
        organiserId: session.organiserId,
        trainerId: session.trainerUserId ?? undefined,
        placeKind: session.siteId ? 'site' : 'other',
        siteId: session.siteId ?? undefined,
        placeText: session.siteId ? undefined : session.placeName,
        townshipCode: session.townshipCode ?? undefined,
        time: [dayjs(session.startsAt), dayjs(session.endsAt)],
        capacity: session.capacity,
      });
    } else {
      form.setFieldsValue({ placeKind: 'site', capacity: 50, ...(isAdmin ? {} : { trainerId: user.id }) });
    }
  }, [open]);

  // A course brings its track and level.
  useEffect(() => {
    const course = courses.data?.find((c) => c.id === courseId);
    if (course) form.setFieldsValue({ track: course.track, level: course.level ?? undefined });
  }, [courseId, courses.data]);

  const trainerOptions = useMemo(() => {
    const list = (trainers.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
    if (!isAdmin) return [{ value: user.id, label: user.displayName }];
    if (session?.trainerUserId && !list.some((o) => o.value === session.trainerUserId)) list.unshift({ value: session.trainerUserId, label: session.trainerName });
    return list;
  }, [trainers.data, isAdmin, session]);
  const organiserOptions = (organisers.data ?? [])
    .filter((o) => isAdmin || o.memberUserIds.includes(user.id))
    .map((o) => ({ value: o.id, label: o.name }));

  const submit = async () => {
    const v = await form.validateFields();
    const body: NewSession = {
      title: v.title.trim(),
      courseId: v.courseId ?? null,
      track: v.track,
      level: v.track === 'sellers' ? ((v.level as NewSession['level']) ?? null) : null,
      organiserId: v.organiserId,
      trainerUserId: v.trainerId ?? user.id,
      trainerName: trainerOptions.find((o) => o.value === (v.trainerId ?? user.id))?.label ?? user.displayName,
      siteId: v.placeKind === 'site' ? (v.siteId ?? null) : null,
      ...(v.placeKind === 'other' ? { placeText: v.placeText?.trim() } : {}),
      townshipCode: v.placeKind === 'other' ? (v.townshipCode ?? null) : null,
      startsAt: v.time[0].second(0).format(),
      endsAt: v.time[1].second(0).format(),
      capacity: v.capacity,
    };
    try {
      const saved = await save.mutateAsync({ id: session?.id, session: body, idempotencyKey: key });
      void message.success(t('training.sessions.saved'));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };

  return (
    <FormDrawer title={t(session ? 'training.sessions.edit' : 'training.sessions.create')} open={open} onClose={onClose} width={600} saving={save.isPending} onSave={() => void submit()} saveTestId="session-save">
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Form.Item name="title" label={t('training.form.title')} rules={[rules.required(t('training.form.title')), rules.max(t('training.form.title'), 100)]}>
          <Input maxLength={100} data-testid="session-title" />
        </Form.Item>
        <Form.Item name="courseId" label={t('training.form.course')}>
          <Select
            allowClear
            placeholder={t('training.form.courseNone')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={courses.isPending}
            options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            data-testid="session-course"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={14}>
            <Form.Item name="track" label={t('training.form.track')} rules={[rules.chosen(t('training.form.track'))]}>
              <Select options={TRACKS.map((k) => ({ value: k, label: t(`track.${k}`) }))} data-testid="session-track" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="level" label={t('training.form.level')} rules={track === 'sellers' ? [rules.chosen(t('training.form.level'))] : []}>
              <Select allowClear disabled={track !== 'sellers'} options={LEVELS.map((k) => ({ value: k, label: t(`level.${k}`) }))} data-testid="session-level" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="organiserId" label={t('training.form.organiser')} rules={[rules.chosen(t('training.form.organiser'))]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={organisers.isPending} options={organiserOptions} data-testid="session-organiser" />
        </Form.Item>
        <Form.Item name="trainerId" label={t('training.form.trainer')} extra={isAdmin ? t('training.form.trainerHelp') : undefined} rules={[rules.chosen(t('training.form.trainer'))]}>
          <Select showSearch={{ optionFilterProp: 'label' }} disabled={!isAdmin} loading={trainers.isPending} options={trainerOptions} data-testid="session-trainer" />
        </Form.Item>
        <Form.Item name="placeKind" label={t('training.form.placeKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'site', label: t('training.form.placeSite') },
              { value: 'other', label: t('training.form.placeOther') },
            ]}
          />
        </Form.Item>
        {placeKind === 'other' ? (
          <Row gutter={16}>
            <Col xs={24} sm={14}>
              <Form.Item name="placeText" label={t('training.form.placeText')} rules={[rules.required(t('training.form.placeText'))]}>
                <Input maxLength={100} data-testid="session-place-text" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item name="townshipCode" label={t('training.form.township')} rules={[rules.chosen(t('training.form.township'))]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={(townships.data ?? []).map((d) => ({ value: d.code, label: d.name }))} data-testid="session-township" />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item name="siteId" label={t('training.form.site')} rules={[rules.chosen(t('training.form.site'))]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('training.form.siteSearch')}
              loading={sites.isPending}
              options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              data-testid="session-site"
            />
          </Form.Item>
        )}
        <Form.Item name="time" label={t('training.form.time')} rules={[rules.chosen(t('training.form.time'))]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="session-time" />
        </Form.Item>
        <Form.Item name="capacity" label={t('training.form.capacity')} rules={[rules.chosen(t('training.form.capacity'))]}>
          <InputNumber min={1} max={2000} precision={0} style={{ width: 160 }} data-testid="session-capacity" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
