import { Button, Card, Col, Descriptions, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { certificatePdfUrl, useCertificates, useTrainee } from '../../api/training.js';
import { formatDateTime, formatFen } from '../../app/format.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { FullPageSpin } from '../../app/ui/FullPageSpin.js';
import { LoadError } from '../../app/ui/LoadError.js';
import { PageHeader } from '../../app/ui/PageHeader.js';
import { FlagTags } from './labels.js';

/**
 * 学员详情: the (masked) record and its certificates; its person-times and outcomes when GET /training/trainees/{id}
 * carries them (it does not yet: the cards are left out rather than shown empty).
 */
export function TraineeDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const trainee = useTrainee(id);
  const certificates = useCertificates({ traineeId: id });
  if (trainee.isPending) return <FullPageSpin />;
  if (trainee.isError) return <LoadError error={trainee.error} onRetry={() => void trainee.refetch()} />;
  const r = trainee.data;
  const history = r.personTimes ?? [];
  const outcomes = r.outcomes ?? [];

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
        {r.personTimes && (
          <Col xs={24} lg={14}>
            <Card title={t('trainee.history')}>
              <List
                data-testid="trainee-history"
                dataSource={history}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainee.historyEmpty')} /> }}
                renderItem={(p) => (
                  <List.Item>
                    <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
                      <Flex gap={8} align="center">
                        <Tag color={p.mode === 'online' ? 'cyan' : 'blue'} style={{ marginInlineEnd: 0 }}>
                          {t(`trainee.mode.${p.mode}`)}
                        </Tag>
                        {p.sessionId ? <Link to={`/training/sessions/${p.sessionId}`}>{p.title ?? ''}</Link> : <span>{p.title ?? ''}</span>}
                      </Flex>
                      <Typography.Text type="secondary">{formatDateTime(p.countedAt)}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={r.personTimes ? 10 : 24}>
          <Flex vertical gap={16}>
            {r.outcomes && (
              <Card title={t('trainee.outcomes')}>
                {outcomes.length ? (
                  <List
                    dataSource={outcomes}
                    renderItem={(o) => (
                      <List.Item>
                        <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
                          <span>
                            <Tag>{o.kindName}</Tag>
                            {o.name}
                          </span>
                          {o.salesSinceFen !== null && <Typography.Text type="secondary">{formatFen(o.salesSinceFen)}</Typography.Text>}
                        </Flex>
                      </List.Item>
                    )}
                  />
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
