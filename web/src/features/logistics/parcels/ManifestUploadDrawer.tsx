import { useState } from 'react';
import { Alert, Button, Drawer, Flex, Form, Grid, List, Result, Select, Statistic, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { ApiError, newIdempotencyKey } from '../../../api/http.js';
import { PARCEL_CARRIERS } from '../../../api/logistics.js';
import { MANIFEST_MAX_BYTES, manifestRowErrors, useCarriers, useUploadManifest, type Manifest, type ManifestRowError } from '../../../api/logistics-parcels.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { carrierLabel } from './parcelLabels.js';

interface Props {
  open: boolean;
  onClose: () => void;
  /** After an upload with unmatched parcels: show the queue. */
  onShowUnmatched: () => void;
}

const ACCEPT = '.csv,.xlsx';
/** The template's name for each field the server names (manifest-file.ts). */
const COLUMN: Record<string, string> = { waybillNo: '运单号', recipientName: '收件人', recipientPhone: '电话', address: '地址', weightG: '重量(kg)', weightKg: '重量(kg)', orderId: '订单号' };

/**
 * 上传运单清单: a carrier's manifest as CSV or .xlsx. The server matches every address to a village; the result says
 * how many matched; a refused file lists the rows to fix. The caller gives it a new `key` for each opening.
 */
export function ManifestUploadDrawer({ open, onClose, onShowUnmatched }: Props) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const carriers = useCarriers();
  const upload = useUploadManifest();
  const [carrier, setCarrier] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  // One key per chosen file: a double click takes the file in once, a new file is a new upload.
  const [key, setKey] = useState(newIdempotencyKey);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [carrierProblem, setCarrierProblem] = useState(false);
  const [result, setResult] = useState<Manifest | null>(null);
  const { reset } = upload;

  const start = () => {
    setFile(null);
    setFileProblem(null);
    setCarrierProblem(false);
    setResult(null);
    setKey(newIdempotencyKey());
    reset();
  };

  const choose = (f: File) => {
    reset();
    setKey(newIdempotencyKey());
    if (!/\.(csv|xlsx)$/i.test(f.name)) {
      setFile(null);
      setFileProblem(t('logistics.parcels.upload.badType'));
    } else if (f.size > MANIFEST_MAX_BYTES) {
      setFile(null);
      setFileProblem(t('logistics.parcels.upload.tooBig'));
    } else {
      setFile(f);
      setFileProblem(null);
    }
  };

  const submit = () => {
    setCarrierProblem(!carrier);
    if (!file) setFileProblem((p) => p ?? t('logistics.parcels.upload.chooseFile'));
    if (!carrier || !file) return;
    upload.mutate({ carrier, file, idempotencyKey: key }, { onSuccess: (manifest) => setResult(manifest) });
  };

  const codes = carriers.data?.map((c) => c.code) ?? [...PARCEL_CARRIERS];
  const carrierOptions = codes.map((code) => ({ value: code, label: carrierLabel(t, code, carriers.data?.find((c) => c.code === code)?.name) }));

  return (
    <Drawer
      title={t('logistics.parcels.upload.title')}
      open={open}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      data-testid="manifest-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          {result ? (
            <>
              <Button onClick={start} data-testid="manifest-another">
                {t('logistics.parcels.upload.another')}
              </Button>
              <Button type="primary" onClick={onClose}>
                {t('logistics.parcels.upload.close')}
              </Button>
            </>
          ) : (
            <>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="primary" loading={upload.isPending} onClick={submit} data-testid="manifest-submit">
                {t('logistics.parcels.upload.submit')}
              </Button>
            </>
          )}
        </Flex>
      }
    >
      {result ? (
        <ManifestResult manifest={result} fileName={file?.name ?? result.fileName ?? ''} onShowUnmatched={onShowUnmatched} />
      ) : (
        <Form layout="vertical" onFinish={submit} requiredMark>
          {upload.isError && <UploadError error={upload.error} />}
          <Form.Item label={t('logistics.parcels.upload.carrier')} required validateStatus={carrierProblem ? 'error' : undefined} help={carrierProblem ? t('logistics.parcels.upload.chooseCarrier') : undefined}>
            <Select
              data-testid="manifest-carrier"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('logistics.parcels.upload.chooseCarrier')}
              value={carrier}
              onChange={(c: string) => {
                setCarrier(c);
                setCarrierProblem(false);
                setKey(newIdempotencyKey());
              }}
              options={carrierOptions}
            />
          </Form.Item>
          <Form.Item label={t('logistics.parcels.upload.file')} required validateStatus={fileProblem ? 'error' : undefined} help={fileProblem ?? undefined} extra={t('logistics.parcels.upload.hint')}>
            <Upload.Dragger
              data-testid="manifest-file"
              accept={ACCEPT}
              multiple={false}
              maxCount={1}
              fileList={file ? [{ uid: key, name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(f) => {
                choose(f);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                reset();
                return true;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('logistics.parcels.upload.pick')}</p>
            </Upload.Dragger>
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}

function ManifestResult({ manifest, fileName, onShowUnmatched }: { manifest: Manifest; fileName: string; onShowUnmatched: () => void }) {
  const t = useT();
  return (
    <div data-testid="manifest-result">
      <Result
        status={manifest.unmatched > 0 ? 'warning' : 'success'}
        title={t('logistics.parcels.upload.done')}
        subTitle={t('logistics.parcels.upload.doneDetail', { file: fileName, carrier: carrierLabel(t, manifest.carrier) })}
        style={{ paddingBlock: 16 }}
      />
      <Flex justify="space-around" wrap gap={16}>
        <Statistic title={t('logistics.parcels.upload.total')} value={manifest.total} data-testid="manifest-total" />
        <Statistic title={t('logistics.parcels.upload.matched')} value={manifest.matched} styles={{ content: { color: '#389e0d' } }} data-testid="manifest-matched" />
        <Statistic title={t('logistics.parcels.upload.unmatched')} value={manifest.unmatched} styles={{ content: { color: manifest.unmatched ? '#d46b08' : undefined } }} data-testid="manifest-unmatched" />
        <Statistic title={t('logistics.parcels.upload.updated')} value={manifest.updated} data-testid="manifest-updated" />
      </Flex>
      {manifest.unmatched > 0 && (
        <Flex justify="center" style={{ marginTop: 24 }}>
          <Button type="primary" onClick={onShowUnmatched} data-testid="manifest-view-unmatched">
            {t('logistics.parcels.upload.viewUnmatched', { count: manifest.unmatched })}
          </Button>
        </Flex>
      )}
    </div>
  );
}

/** A refused file: the reason, and each row to fix (the server lists the first 100). */
function UploadError({ error }: { error: unknown }) {
  const t = useT();
  const rows = manifestRowErrors(error);
  // A problem found across rows (a waybill listed twice) names one row in its field: file.row.4.waybillNo.
  const named = error instanceof ApiError ? error.field?.match(/^file\.row(?:\[(\d+)\]|\.(\d+))\.(\w+)$/) : null;
  const listed: ManifestRowError[] = rows.length
    ? rows
    : named && error instanceof ApiError
      ? [{ row: Number(named[1] ?? named[2]), column: COLUMN[named[3]] ?? named[3], message: error.message.replace(/^[^:]+: /, '') }]
      : [];
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="manifest-error"
      title={t('logistics.parcels.upload.failed')}
      description={
        <Flex vertical gap={8}>
          {listed.length === 0 && <span data-testid="manifest-error-message">{fileErrorText(error, t)}</span>}
          {listed.length === 0 && error instanceof ApiError && error.status === 400 && fileErrorText(error, t) !== error.message && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {error.message}
            </Typography.Text>
          )}
          {listed.length > 0 && (
            <>
              <Typography.Text strong>{t('logistics.parcels.upload.rows', { count: listed.length })}</Typography.Text>
              <List
                size="small"
                data-testid="manifest-row-errors"
                style={{ maxHeight: 320, overflow: 'auto', background: '#fff' }}
                bordered
                dataSource={listed}
                renderItem={(r) => (
                  <List.Item style={{ paddingInline: 12 }}>
                    <span>
                      <Typography.Text strong>{t('logistics.parcels.upload.row', { row: r.row })}</Typography.Text> · {t('logistics.parcels.upload.rowProblem', { column: r.column, message: rowErrorText(r.message, t) })}
                    </span>
                  </List.Item>
                )}
              />
              {rows.length >= 100 && <Typography.Text type="secondary">{t('logistics.parcels.upload.rowsCapped')}</Typography.Text>}
            </>
          )}
        </Flex>
      }
    />
  );
}

/** The server's row messages (manifest-file.ts) in the reader's words; a message not known here as it came. */
function rowErrorText(message: string, t: Translate): string {
  const known: Record<string, Parameters<Translate>[0]> = {
    'must be 6–32 letters or digits': 'logistics.parcels.upload.err.waybill',
    'must be 1–50 characters': 'logistics.parcels.upload.err.name',
    'must be an 11-digit mobile number': 'logistics.parcels.upload.err.phone',
    'must be 2–200 characters': 'logistics.parcels.upload.err.address',
    'must be a weight between 1 g and 100 kg': 'logistics.parcels.upload.err.weight',
  };
  const twice = message.match(/^waybill (\S+) is listed twice/);
  if (twice) return t('logistics.parcels.upload.err.twice', { waybill: twice[1] });
  // Text that did not decode, or decoded into characters no name or address holds (text-check.ts).
  const undecodable = message.match(/^is not valid (UTF-8|GBK) text/);
  if (undecodable) return t('logistics.parcels.upload.err.undecodable', { encoding: undecodable[1] });
  const notGbk = message.match(/^holds "(.+?)" \(U\+[0-9A-F]+\), which a GBK/u);
  if (notGbk) return t('logistics.parcels.upload.err.notGbk', { char: notGbk[1] });
  if (message.startsWith('holds U+FFFD')) return t('logistics.parcels.upload.err.garbled');
  const notText = message.match(/^holds (U\+[0-9A-F]+), which is not text/);
  if (notText) return t('logistics.parcels.upload.err.notText', { code: notText[1] });
  return known[message] ? t(known[message]) : message;
}

/** A refusal of the whole file (no header, empty, not a workbook…) in the reader's words. */
function fileErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError) || error.status !== 400) return errorText(error, t);
  const text = error.message.replace(/^(body\.)?file: /, '');
  const missing = (error.details as { missing?: unknown } | undefined)?.missing;
  if (text.startsWith('the first row must name the columns')) {
    const names = text.match(/missing (.+)$/)?.[1] ?? (Array.isArray(missing) ? missing.join(', ') : '');
    return t('logistics.parcels.upload.err.columns', { columns: names.split(', ').join('、') });
  }
  const known: Record<string, Parameters<Translate>[0]> = {
    'is empty': 'logistics.parcels.upload.err.empty',
    'has no parcels under its header row': 'logistics.parcels.upload.err.noRows',
    'at most 10 000 parcels a manifest; split the file': 'logistics.parcels.upload.err.tooMany',
    'is not an Excel .xlsx workbook': 'logistics.parcels.upload.err.notXlsx',
    'the workbook has no sheet': 'logistics.parcels.upload.err.noSheet',
    'is larger than 16 MB': 'logistics.parcels.upload.err.tooBig',
  };
  return known[text] ? t(known[text]) : error.message;
}
