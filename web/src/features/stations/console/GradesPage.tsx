import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Divider, Empty, Flex, Form, Input, InputNumber, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useGradeStandards, useSaveGradeStandard, type Grade, type GradeCriterion, type GradeStandard } from '../../../api/stations.js';
import { formatDateTime, todayInShanghai, yuanToFen } from '../../../app/format.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { useUser } from '../../../app/session.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';
import { LoadError } from '../../../app/ui/LoadError.js';
import { PageHeader } from '../../../app/ui/PageHeader.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { mayEditStationConfig } from './access.js';
import { fenPerKg } from './common.js';

/** 含水率 ≤ 12%, 果径 ≥ 28mm, 单薯重 100–300g. */
export function criterionText(c: GradeCriterion): string {
  const has = (v: number | undefined) => v !== undefined && v !== null;
  if (has(c.min) && has(c.max)) return `${c.label} ${c.min}–${c.max}${c.unit}`;
  if (has(c.min)) return `${c.label} ≥ ${c.min}${c.unit}`;
  if (has(c.max)) return `${c.label} ≤ ${c.max}${c.unit}`;
  return c.label;
}

/** A price in yuan as the form holds it, from fen. */
const yuan = (fen: number) => fen / 100;

function StandardCard({ current, scheduled, editable, onEdit, t }: { current: GradeStandard; scheduled: GradeStandard[]; editable: boolean; onEdit: () => void; t: Translate }) {
  const columns: TableColumnsType<Grade> = [
    { key: 'name', title: t('stations.console.grades.grade'), dataIndex: 'name', render: (v: string) => <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text> },
    {
      key: 'criteria',
      title: t('stations.console.grades.criteria'),
      dataIndex: 'criteria',
      render: (cs: GradeCriterion[]) => (
        <Flex wrap gap="2px 12px">
          {cs.map((c) => (
            <span key={c.key} style={{ whiteSpace: 'nowrap' }}>
              {criterionText(c)}
            </span>
          ))}
        </Flex>
      ),
    },
    { key: 'price', title: t('stations.console.grades.priceShort'), dataIndex: 'priceFenPerKg', align: 'right', render: (v: number) => <span data-testid="grade-price" style={{ whiteSpace: 'nowrap' }}>{fenPerKg(v)}</span> },
  ];
  return (
    <Card
      size="small"
      data-testid={`standard-${current.produce}`}
      title={
        <Flex gap={8} align="baseline" wrap>
          <span>{current.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {t('stations.console.grades.version', { version: current.version, date: formatDateTime(current.validFrom).slice(0, 16) })}
          </Typography.Text>
        </Flex>
      }
      extra={
        editable && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid={`standard-edit-${current.produce}`}>
            {t('stations.console.grades.edit')}
          </Button>
        )
      }
    >
      <Table<Grade> rowKey="key" size="small" pagination={false} columns={columns} dataSource={current.grades} />
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('stations.console.grades.offGrade')}</Typography.Text>
        <span data-testid="offgrade-price">{current.offGradePriceFenPerKg === null ? t('stations.console.grades.offGradeNone') : fenPerKg(current.offGradePriceFenPerKg)}</span>
      </Flex>
      {scheduled.map((s) => (
        <Flex key={s.version} gap={8} style={{ marginTop: 8 }} wrap>
          <Tag color="gold">{t('stations.console.grades.scheduled')}</Tag>
          <Typography.Text type="secondary">
            {t('stations.console.grades.version', { version: s.version, date: formatDateTime(s.validFrom).slice(0, 16) })}：{s.grades.map((g) => `${g.name} ${fenPerKg(g.priceFenPerKg)}`).join('，')}
          </Typography.Text>
        </Flex>
      ))}
      {current.note && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {current.note}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

interface CriterionForm {
  key: string;
  label: string;
  unit: string;
  min?: number | null;
  max?: number | null;
}
interface GradeForm {
  key: string;
  name: string;
  price: number;
  criteria: CriterionForm[];
}
interface StandardForm {
  name: string;
  when: 'now' | 'date';
  date?: Dayjs;
  grades: GradeForm[];
  offGrade?: number | null;
  note?: string;
}

const toForm = (s: GradeStandard): StandardForm => ({
  name: s.name,
  when: 'now',
  grades: s.grades.map((g) => ({ key: g.key, name: g.name, price: yuan(g.priceFenPerKg), criteria: g.criteria.map((c) => ({ ...c })) })),
  offGrade: s.offGradePriceFenPerKg === null ? null : yuan(s.offGradePriceFenPerKg),
});

/** Midnight (Beijing) of a picked day, as the server's ISO time. */
const shanghaiMidnight = (d: Dayjs) => new Date(`${d.format('YYYY-MM-DD')}T00:00:00+08:00`).toISOString();

function StandardDrawer({ standard, onClose }: { standard: GradeStandard | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<StandardForm>();
  const errors = useServerErrors(form, { fields: { offGradePriceFenPerKg: ['offGrade'] } });
  const save = useSaveGradeStandard();
  const rules = formRules(t);
  const when = Form.useWatch('when', form);
  useEffect(() => {
    if (!standard) return;
    errors.clear();
    form.resetFields();
    form.setFieldsValue(toForm(standard));
  }, [standard]);
  const submit = async () => {
    if (!standard) return;
    await form.validateFields();
    // Every value, with the grades' and criteria's keys, which have no field of their own.
    const v = form.getFieldsValue(true) as StandardForm;
    const num = (x: number | null | undefined) => (x === null || x === undefined ? undefined : x);
    try {
      await save.mutateAsync({
        produce: standard.produce,
        standard: {
          name: v.name.trim(),
          grades: v.grades.map((g) => ({
            key: g.key,
            name: g.name.trim(),
            priceFenPerKg: yuanToFen(g.price),
            criteria: g.criteria.map((c) => ({ key: c.key, label: c.label.trim(), unit: c.unit.trim(), min: num(c.min), max: num(c.max) })),
          })),
          offGradePriceFenPerKg: v.offGrade === null || v.offGrade === undefined ? null : yuanToFen(v.offGrade),
          validFrom: v.when === 'date' && v.date ? shanghaiMidnight(v.date) : undefined,
          note: v.note?.trim() || undefined,
        },
      });
      void message.success(t('stations.console.grades.saved'));
      onClose();
    } catch (error) {
      errors.show(error);
    }
  };
  const today = todayInShanghai();
  return (
    <FormDrawer
      title={t('stations.console.grades.editTitle', { name: standard?.name ?? '' })}
      open={!!standard}
      onClose={onClose}
      width={720}
      saving={save.isPending}
      onSave={() => void submit()}
      saveTestId="standard-save"
    >
      {errors.banner}
      <Form form={form} layout="vertical" onValuesChange={errors.clear}>
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item name="name" label={t('stations.console.grades.produce')} rules={[rules.required(t('stations.console.grades.produce'))]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item label={t('stations.console.grades.validFrom')} required>
              <Space wrap>
                <Form.Item name="when" noStyle>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'now', label: t('stations.console.grades.now') },
                      { value: 'date', label: t('stations.console.grades.fromDate') },
                    ]}
                  />
                </Form.Item>
                {when === 'date' && (
                  <Form.Item name="date" noStyle rules={[rules.chosen(t('stations.console.grades.validFrom'))]}>
                    <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= today} />
                  </Form.Item>
                )}
              </Space>
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="grades">
          {(grades, gradeOps) => (
            <>
              {grades.map((g, gi) => (
                <Card key={g.key} size="small" style={{ marginBottom: 12 }} styles={{ body: { paddingBottom: 0 } }}>
                  <Row gutter={12} align="bottom">
                    <Col xs={12} sm={8}>
                      <Form.Item name={[g.name, 'name']} label={t('stations.console.grades.gradeName')} rules={[rules.required(t('stations.console.grades.gradeName'))]}>
                        <Input maxLength={10} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item name={[g.name, 'price']} label={t('stations.console.grades.price')} rules={[rules.chosen(t('stations.console.grades.price'))]}>
                        <InputNumber min={0.01} max={100000} precision={2} style={{ width: '100%' }} data-testid={`grade-price-${gi}`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={8} style={{ textAlign: 'right' }}>
                      <Form.Item>
                        <Button danger type="text" icon={<DeleteOutlined />} disabled={grades.length <= 1} onClick={() => gradeOps.remove(g.name)}>
                          {t('stations.console.grades.removeGrade')}
                        </Button>
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.List name={[g.name, 'criteria']}>
                    {(criteria) => (
                      <>
                        {criteria.map((c) => (
                          <Row key={c.key} gutter={8}>
                            <Col xs={8} sm={8}>
                              <Form.Item name={[c.name, 'label']} label={t('stations.console.grades.criterion')}>
                                <Input maxLength={20} disabled />
                              </Form.Item>
                            </Col>
                            <Col xs={4} sm={4}>
                              <Form.Item name={[c.name, 'unit']} label={t('stations.console.grades.unit')}>
                                <Input maxLength={8} disabled />
                              </Form.Item>
                            </Col>
                            <Col xs={6} sm={6}>
                              <Form.Item name={[c.name, 'min']} label={t('stations.console.grades.min')}>
                                <InputNumber style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                            <Col xs={6} sm={6}>
                              <Form.Item name={[c.name, 'max']} label={t('stations.console.grades.max')}>
                                <InputNumber style={{ width: '100%' }} />
                              </Form.Item>
                            </Col>
                          </Row>
                        ))}
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                disabled={grades.length >= 10}
                onClick={() => {
                  const all = form.getFieldValue('grades') as GradeForm[];
                  const last = all[all.length - 1];
                  const used = new Set(all.map((x) => x.key));
                  let n = all.length + 1;
                  while (used.has(`grade${n}`)) n++;
                  gradeOps.add({ key: `grade${n}`, name: '', price: undefined, criteria: (last?.criteria ?? []).map((c) => ({ key: c.key, label: c.label, unit: c.unit })) });
                }}
                style={{ marginBottom: 16 }}
              >
                {t('stations.console.grades.addGrade')}
              </Button>
            </>
          )}
        </Form.List>
        <Divider style={{ margin: '4px 0 16px' }} />
        <Form.Item name="offGrade" label={t('stations.console.grades.offGradePrice')}>
          <InputNumber min={0.01} max={100000} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t('stations.console.grades.note')}>
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 分级标准: each produce's standard in force (grades best first, criteria, price per kg), versions to come, and the county's edit. */
export function GradesPage() {
  const t = useT();
  const user = useUser();
  const editable = mayEditStationConfig(user);
  const standards = useGradeStandards();
  const [editing, setEditing] = useState<GradeStandard | null>(null);
  const byProduce = useMemo(() => {
    const groups = new Map<string, { current: GradeStandard | null; scheduled: GradeStandard[] }>();
    for (const s of standards.data ?? []) {
      const g = groups.get(s.produce) ?? { current: null, scheduled: [] };
      if (s.status === 'in_force') g.current = s;
      else if (s.status === 'scheduled') g.scheduled.push(s);
      groups.set(s.produce, g);
    }
    return [...groups.values()].map((g) => ({ current: g.current ?? g.scheduled[0], scheduled: g.current ? g.scheduled : g.scheduled.slice(1) })).filter((g): g is { current: GradeStandard; scheduled: GradeStandard[] } => !!g.current);
  }, [standards.data]);

  return (
    <>
      <PageHeader title={t('stations.console.grades.title')} subtitle={t('stations.console.grades.subtitle')} />
      {standards.isError ? (
        <LoadError error={standards.error} onRetry={() => void standards.refetch()} />
      ) : standards.data && byProduce.length === 0 ? (
        <Empty description={t('stations.console.grades.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {byProduce.map((g) => (
            <Col key={g.current.produce} xs={24} xl={12}>
              <StandardCard current={g.current} scheduled={g.scheduled} editable={editable} onEdit={() => setEditing(g.scheduled[g.scheduled.length - 1] ?? g.current)} t={t} />
            </Col>
          ))}
        </Row>
      )}
      <StandardDrawer standard={editing} onClose={() => setEditing(null)} />
    </>
  );
}
