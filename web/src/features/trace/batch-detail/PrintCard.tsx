import { useState } from 'react';
import { Button, Card, Flex, InputNumber, Segmented, Select, Tooltip, Typography } from 'antd';
import { ExportOutlined, FilePdfOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { batchFiles, LABEL_LEVELS, MAX_LABELS_A_FILE, type BatchView, type LabelLevel } from '../../../api/trace-batches.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/**
 * 合格证与标签: the 承诺达标合格证 PDF, label sheets (A4 for office printers, 50×30 mm for thermal label printers) at
 * batch, carton or unit level, the EPCIS 2.0 export for partners' systems, and the public scan page. A labels file
 * holds at most 500: copies of the batch label, or one file (page) of the cartons' or units' own labels.
 */
export function PrintCard({ batch }: { batch: BatchView }) {
  const t = useT();
  // A recalled batch, or one held for the regulator's review, gets no certificate (the server answers 409).
  const recalled = batch.status === 'recalled' || batch.held;
  const levelOk = (level: LabelLevel) => level === 'batch' || (level === 'carton' ? batch.cartons > 0 : batch.units > 0);
  const [level, setLevel] = useState<LabelLevel>('batch');
  const [copies, setCopies] = useState(1);
  const [page, setPage] = useState(1);
  const chosen = levelOk(level) ? level : 'batch';
  const labelled = chosen === 'carton' ? batch.cartons : batch.units;
  const pages = Math.max(1, Math.ceil(labelled / MAX_LABELS_A_FILE));
  const file = Math.min(page, pages);
  const pick = chosen === 'batch' ? { copies } : { page: file };
  const choose = (next: LabelLevel) => {
    setLevel(next);
    setPage(1);
  };

  return (
    <Card title={t('traceBatch.print.title')} size="small" style={{ marginBottom: 16 }}>
      <Flex vertical gap={16}>
        <Flex gap={8} wrap>
          <Tooltip title={recalled ? t(batch.held ? 'traceBatch.heldHint' : 'traceBatch.print.noCertificate') : undefined}>
            <Button icon={<SafetyCertificateOutlined />} href={recalled ? undefined : batchFiles.certificate(batch.id)} target="_blank" disabled={recalled} data-testid="certificate-pdf">
              {t('traceBatch.print.certificate')}
            </Button>
          </Tooltip>
          <Button icon={<ExportOutlined />} href={batchFiles.epcis(batch.id)} download={`${batch.code}.epcis.jsonld`} data-testid="epcis-export">
            {t('traceBatch.print.epcis')}
          </Button>
          <Button type="link" href={batch.url} target="_blank" rel="noreferrer" data-testid="batch-scan-page">
            {t('traceBatch.print.scanPage')}
          </Button>
        </Flex>
        <Flex gap={12} wrap align="center">
          <Typography.Text>{t('traceBatch.print.level')}</Typography.Text>
          <Segmented<LabelLevel>
            value={chosen}
            onChange={choose}
            options={LABEL_LEVELS.map((l) => ({ value: l, label: t(`traceBatch.print.level.${l}`), disabled: !levelOk(l) }))}
            data-testid="labels-level"
          />
        </Flex>
        {chosen === 'batch' ? (
          <Flex gap={12} wrap align="center">
            <Typography.Text>{t('traceBatch.print.copies')}</Typography.Text>
            <InputNumber min={1} max={MAX_LABELS_A_FILE} precision={0} value={copies} onChange={(v) => setCopies(v ?? 1)} style={{ width: 96 }} data-testid="labels-copies" />
            <Typography.Text type="secondary">{t('traceBatch.print.count', { count: copies })}</Typography.Text>
          </Flex>
        ) : (
          <Flex gap={12} wrap align="center">
            <Typography.Text type="secondary" data-testid="labels-files">
              {t('traceBatch.print.files', { count: labelled, pages, max: MAX_LABELS_A_FILE })}
            </Typography.Text>
            {pages > 1 && (
              <Select
                value={file}
                onChange={setPage}
                style={{ minWidth: 200 }}
                aria-label={t('traceBatch.print.file')}
                options={Array.from({ length: pages }, (_, i) => ({ value: i + 1, label: t('traceBatch.print.fileRange', { page: i + 1, from: i * MAX_LABELS_A_FILE + 1, to: Math.min(labelled, (i + 1) * MAX_LABELS_A_FILE) }) }))}
                data-testid="labels-file"
              />
            )}
          </Flex>
        )}
        <Flex gap={8} wrap>
          <Button icon={<FilePdfOutlined />} href={batchFiles.labels(batch.id, 'a4', chosen, pick)} target="_blank" data-testid="labels-a4">
            {t('traceBatch.print.a4')}
          </Button>
          <Button icon={<PrinterOutlined />} href={batchFiles.labels(batch.id, 'thermal', chosen, pick)} target="_blank" data-testid="labels-thermal">
            {t('traceBatch.print.thermal')}
          </Button>
        </Flex>
        {chosen === 'batch' && batch.cartons === 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('traceBatch.print.packFirst')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
