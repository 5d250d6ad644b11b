import { Button, Card, Col, Descriptions, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { certificatePdfUrl, useCertificates, useTrainee, useTraineeOutcomes, type Outcome, type OutcomeKind, type SessionStatus } from '../../api/training.js';
import { formatDateTime, formatFen } from '../../app/format.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { useUser } from '../../app/session.js';
import { FullPageSpin } from '../../app/ui/FullPageSpin.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { maySeeFollowUp } from './access.js';
import { FlagTags, SessionStatusTag } from './labels.js';

interface HistoryLine {
  key: string;
  online: boolean;
  sessionId: string | null;
  title: string;
  sub: string;
  when: string;
  present: boolean;
  status: SessionStatus | null;
}

const OUTCOME_COLOURS: Record<OutcomeKind, string> = { seller: 'green', shop: 'blue', point_operator: 'orange', employed: 'purple' };

/** One outcome: its kind, the seller / shop / point / firm by name, since when (or when recorded), and the sales since the first training. */
function OutcomeLine({ o }: { o: Outcome }) {
  const t = useT();
  return (
    <List.Item>
      <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Flex gap={8} align="center" wrap>
            <Tag color={OUTCOME_COLOURS[o.kind]} style={{ marginInlineEnd: 0 }}>
              {t(`outcome.${o.kind}`)}
            </Tag>
            <span>{o.name}</span>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(o.beganAt ?? o.recordedAt).slice(0, 10)}
            {o.note ? ` · ${o.note}` : ''}
          </Typography.Text>
        </Flex>
        {o.salesSinceFen !== null && (
          <Flex vertical align="end" gap={2}>
            <Typography.Text strong>{formatFen(o.salesSinceFen)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('followUp.col.sales')}</Typography.Text>
          </Flex>
        )}
      </Flex>
    </List.Item>
  );
}

/** 学员详情: the (masked) record, the sessions and online courses it took, its outcomes (for the follow-up's readers) and certificates. */
export function TraineeDetailPage() {
  const t = useT();
  const user = useUser();
  const { id = '' } = useParams();
  const trainee = useTrainee(id);
  const certificates = useCertificates({ traineeId: id });
  const showOutcomes = maySeeFollowUp(user);
  const followUp = useTraineeOutcomes(id, showOutcomes);
  if (trainee.isPending) return <FullPageSpin />;
  if (trainee.isError) return <LoadError error={trainee.error} onRetry={() => void trainee.refetch()} />;
  const r = trainee.data;
  // Sessions enrolled in (present or not) and online courses completed, newest first.
  const history: HistoryLine[] = [
    ...r.enrolments.map((e) => ({ key: `s:${e.sessionId}`, online: false, sessionId: e.sessionId, title: e.title, sub: [e.townshipName, e.organiserName].filter(Boolean).join(' · '), when: e.startsAt, present: e.present, status: e.status })),
    ...r.personTimes.filter((p) => p.mode === 'online').map((p) => ({ key: `p:${p.id}`, online: true, sessionId: null, title: p.title, sub: '', when: p.countedAt, present: true, status: null })),
  ].sort((a, b) => b.when.localeCompare(a.when));
  const outcomes = followUp.data?.outcomes ?? [];

  return (
    <>
      <PageHeader
        title={r.name}
        crumbs={[{ title: t('shell.menu.training') }, { title: t('training.trainees.title'), to: '/training/trainees' }, { title: r.name }]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            { key: 'id', label: t('roster.col.idNumber'), children: <Typography.Text style={{ fontFamily: 'monospace' }}>{r.idNumber}</Typography.Text> },
            { key: 'phone', label: t('roster.col.phone'), children: r.phone ?? '—' },
            { key: 'place', label: t('roster.col.place'), children: [r.townshipName, r.villageName].filter(Boolean).join(' ') || '—' },
            { key: 'flags', label: t('roster.col.flags'), children: <FlagTags of={r} /> },
            { key: 'account', label: t('trainee.account'), children: r.claimed ? t('trainee.accountClaimed') : t('trainee.accountNone') },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('trainee.history')} extra={<Typography.Text type="secondary">{t('trainee.personTimesCount', { count: r.personTimes.length })}</Typography.Text>}>
            <List
              data-testid="trainee-history"
              dataSource={history}
              rowKey="key"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainee.historyEmpty')} /> }}
              renderItem={(h) => (
                <List.Item>
                  <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <Flex gap={8} align="center" wrap>
                        <Tag color={h.online ? 'cyan' : 'blue'} style={{ marginInlineEnd: 0 }}>
                          {t(h.online ? 'trainee.mode.online' : 'trainee.mode.onsite')}
                        </Tag>
                        {h.sessionId ? <Link to={`/training/sessions/${h.sessionId}`}>{h.title}</Link> : <span>{h.title}</span>}
                      </Flex>
                      {h.sub && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{h.sub}</Typography.Text>}
                    </Flex>
                    <Flex gap={8} align="center">
                      <Typography.Text type="secondary">{formatDateTime(h.when)}</Typography.Text>
                      {h.status === 'cancelled' ? (
                        <SessionStatusTag status="cancelled" />
                      ) : (
                        <Tag color={h.present ? 'success' : 'default'} style={{ marginInlineEnd: 0 }}>
                          {h.online ? t('training.session.done') : h.present ? t('roster.present') : t('roster.absent')}
                        </Tag>
                      )}
                    </Flex>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            {showOutcomes && (
              <Card
                title={t('trainee.outcomes')}
                data-testid="trainee-outcomes"
                extra={outcomes.length > 1 && followUp.data ? <Typography.Text type="secondary">{formatFen(followUp.data.salesSinceFen)}</Typography.Text> : null}
              >
                {followUp.isError ? (
                  <LoadError error={followUp.error} onRetry={() => void followUp.refetch()} />
                ) : followUp.isPending ? null : outcomes.length ? (
                  <List dataSource={outcomes} rowKey="id" renderItem={(o) => <OutcomeLine o={o} />} />
                ) : (
                  <Typography.Text type="secondary">{t('trainee.outcomesEmpty')}</Typography.Text>
                )}
              </Card>
            )}
            <Card title={t('trainee.certificates')}>
              {certificates.isError ? (
                <LoadError error={certificates.error} />
              ) : (certificates.data ?? []).length ? (
                <List
                  data-testid="trainee-certificates"
                  dataSource={certificates.data ?? []}
                  renderItem={(c) => (
                    <List.Item
                      actions={[
                        <Button key="pdf" size="small" icon={<FilePdfOutlined />} href={certificatePdfUrl(c.id)} target="_blank">
                          {t('certificate.pdf')}
                        </Button>,
                      ]}
                    >
                      <Flex vertical>
                        <span>
                          {c.courseTitle} {c.status === 'revoked' ? <Tag color="error">{t('certificate.revoked')}</Tag> : null}
                        </span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {c.number} · {c.issuedOn}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Text type="secondary">{t('trainee.certificatesEmpty')}</Typography.Text>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}
