import type { ReactNode } from 'react';
import { Flex, Tag, Timeline, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Genealogy } from '../../../api/trace-batches.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { mono, OriginTag } from '../batches/batchLabels.js';

type Backward = Genealogy['backward'];

/** Where it came from: unit → carton → batches → plots → the inputs used there, each with its pre-harvest interval kept ✓ or broken ✗. */
export function BackwardChain({ backward }: { backward: Backward }) {
  const t = useT();
  const pkg = backward.package;
  const plots = [...new Map(backward.batches.filter((b) => b.plotName).map((b) => [b.plotId ?? b.plotName, b.plotName!])).values()];
  const broken = backward.inputs.filter((i) => !i.intervalKept).length;

  const items: { key: string; title: string; content: ReactNode; color?: string }[] = [];
  if (pkg?.level === 'unit') {
    items.push({ key: 'unit', title: t('traceBatch.chain.unit'), content: <span style={mono}>{pkg.serial}</span> });
  }
  const carton = pkg?.level === 'carton' ? pkg.serial : pkg?.carton;
  if (carton) items.push({ key: 'carton', title: t('traceBatch.chain.carton'), content: <span style={mono}>{carton}</span> });
  items.push({
    key: 'batches',
    title: t('traceBatch.chain.batch'),
    content: (
      <Flex vertical gap={4}>
        {backward.batches.map((b) => (
          <Flex key={b.id} gap={6} align="center" wrap>
            <Link to={`/trace/batches/${b.id}`} style={mono}>
              {b.code}
            </Link>
            <OriginTag origin={b.origin} />
          </Flex>
        ))}
      </Flex>
    ),
  });
  items.push({ key: 'plots', title: t('traceBatch.chain.plot'), content: plots.length > 0 ? plots.join('、') : '—' });
  items.push({
    key: 'inputs',
    title: t('traceBatch.chain.inputs'),
    color: broken > 0 ? 'red' : 'green',
    content:
      backward.inputs.length === 0 ? (
        <Typography.Text type="secondary">{t('traceBatch.chain.noInputs')}</Typography.Text>
      ) : (
        <Flex vertical gap={6} data-testid="genealogy-inputs">
          {backward.inputs.map((i) => (
            <Flex key={i.recordId} gap={8} align="center" wrap data-testid="genealogy-input">
              {i.intervalKept ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
              <Typography.Text type="secondary">{i.occurredOn}</Typography.Text>
              <span>{i.productName}</span>
              <Tag>{i.category === 'pesticide' || i.category === 'fertiliser' ? t(`traceBatch.chain.category.${i.category}`) : i.category}</Tag>
              <Typography.Text type="secondary">{i.plotName}</Typography.Text>
              {i.intervalDays !== null && (
                <Typography.Text type={i.intervalKept ? 'success' : 'danger'}>
                  {t(i.intervalKept ? 'traceBatch.chain.intervalKept' : 'traceBatch.chain.intervalBroken', { days: i.intervalDays })}
                </Typography.Text>
              )}
            </Flex>
          ))}
        </Flex>
      ),
  });
  // The step's name above its content: a left-hand title column would squeeze the codes.
  const steps = items.map(({ key, title, content, color }) => ({
    key,
    color,
    content: (
      <Flex vertical gap={2}>
        <Typography.Text strong>{title}</Typography.Text>
        {content}
      </Flex>
    ),
  }));
  return <Timeline items={steps} data-testid="genealogy-backward" />;
}
