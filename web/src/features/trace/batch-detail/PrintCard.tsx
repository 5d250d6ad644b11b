import { useState } from 'react';
import { Button, Card, Flex, InputNumber, Segmented, Tooltip, Typography } from 'antd';
import { ExportOutlined, FilePdfOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { batchFiles, LABEL_LEVELS, type BatchView, type LabelLevel } from '../../../api/trace-batches.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/**
 * 合格证与标签: the 承诺达标合格证 PDF, label sheets (A4 for office printers, 50×30 mm for thermal label printers) at
 * batch, carton or unit level, the EPCIS 2.0 export for partners' systems, and the public scan page.
 */
export function PrintCard({ batch }: { batch: BatchView }) {
  const t = useT();
  // A recalled batch, or one held for the regulator's review, gets no certificate (the server answers 409).
  const recalled = batch.status === 'recalled' || batch.held;
  const levelOk = (level: LabelLevel) => level === 'batch' || (level === 'carton' ? batch.cartons > 0 : batch.units > 0);
  const [level, setLevel] = useState<LabelLevel>('batch');
  const [copies, setCopies] = useState(1);
  const chosen = levelOk(level) ? level : 'batch';
  const count = chosen === 'batch' ? copies : (chosen === 'carton' ? batch.cartons : batch.units) * copies;

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
            onChange={setLevel}
            options={LABEL_LEVELS.map((l) => ({ value: l, label: t(`traceBatch.print.level.${l}`), disabled: !levelOk(l) }))}
            data-testid="labels-level"
          />
          <Typography.Text>{t('traceBatch.print.copies')}</Typography.Text>
          <InputNumber min={1} max={100} precision={0} value={copies} onChange={(v) => setCopies(v ?? 1)} style={{ width: 80 }} data-testid="labels-copies" />
          <Typography.Text type="secondary">{t('traceBatch.print.count', { count })}</Typography.Text>
        </Flex>
        <Flex gap={8} wrap>
          <Button icon={<FilePdfOutlined />} href={batchFiles.labels(batch.id, 'a4', chosen, copies)} target="_blank" data-testid="labels-a4">
            {t('traceBatch.print.a4')}
          </Button>
          <Button icon={<PrinterOutlined />} href={batchFiles.labels(batch.id, 'thermal', chosen, copies)} target="_blank" data-testid="labels-thermal">
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
