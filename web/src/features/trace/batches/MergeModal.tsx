import { useState } from 'react';
import { Alert, App, Modal, Table, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { newIdempotencyKey } from '../../../api/http.js';
import { useMergeBatches, type BatchView } from '../../../api/trace-batches.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { cropName, mono, quantityText } from './batchLabels.js';

interface Props {
  batches: BatchView[];
  open: boolean;
  onClose: () => void;
}

/** 合并批次: the chosen batches become one new batch (one crop, one unit); the new one opens. */
export function MergeModal({ batches, open, onClose }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const merge = useMergeBatches();
  const { message } = App.useApp();
  // One key per opening: a double click merges once.
  const [key] = useState(newIdempotencyKey);
  // The server merges one crop in one unit only.
  const mixed = new Set(batches.map((b) => `${b.crop}|${b.unit}`)).size > 1;
  const recalled = batches.some((b) => b.status === 'recalled' || b.held);

  const submit = () =>
    merge.mutate(
      { batchIds: batches.map((b) => b.id), idempotencyKey: key },
      {
        onSuccess: (made) => {
          void message.success(t('traceBatch.merge.done', { code: made.code }));
          onClose();
          void navigate(`/trace/batches/${made.id}`);
        },
        onError: (error) => void message.error(errorText(error, t)),
      },
    );

  return (
    <Modal
      title={t('traceBatch.merge.title', { count: batches.length })}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('traceBatch.merge.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: merge.isPending, disabled: batches.length < 2 || recalled, 'data-testid': 'merge-submit' }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('traceBatch.merge.hint')}
      </Typography.Paragraph>
      {mixed && <Alert type="warning" showIcon title={t('traceBatch.merge.mixed')} style={{ marginBottom: 12 }} />}
      {recalled && <Alert type="error" showIcon title={t('traceBatch.merge.recalled')} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        expandable={{ childrenColumnName: 'treeChildren' }}
        dataSource={batches}
        columns={[
          { key: 'code', title: t('traceBatch.col.code'), render: (_: unknown, b: BatchView) => <span style={mono}>{b.code}</span> },
          { key: 'crop', title: t('traceBatch.col.crop'), render: (_: unknown, b: BatchView) => cropName(t, b.crop) },
          { key: 'producer', title: t('traceBatch.col.producer'), dataIndex: 'producerName', ellipsis: true },
          { key: 'left', title: t('traceBatch.col.quantity'), align: 'right', render: (_: unknown, b: BatchView) => quantityText(t, b.quantityLeft, b.unit) },
        ]}
      />
    </Modal>
  );
}
