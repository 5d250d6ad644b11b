import { useState } from 'react';
import { App, Button, Flex, Typography, Upload } from 'antd';
import { CheckCircleFilled, CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import { newIdempotencyKey } from '../../../../api/http.js';
import { REPORT_FILE_ACCEPT, REPORT_FILE_MAX_BYTES, REPORT_FILE_TYPES, useUploadTraceFile } from '../../../../api/trace-farm.js';
import { useT } from '../../../../app/locale/LocaleContext.js';
import { errorText } from '../../../../app/ui/errorText.js';

interface Props {
  /** The uploaded file's id (Form.Item passes it). */
  value?: string;
  onChange?: (fileId: string | undefined) => void;
}

const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

/**
 * 检测报告: a photo or PDF of the lab's report, sent as soon as it is chosen (a phone can take the photo right
 * there); the form keeps the file's id.
 */
export function LabReportUpload({ value, onChange }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const upload = useUploadTraceFile();
  const [name, setName] = useState<string | null>(null);

  const choose = (file: File) => {
    const typeOk = (REPORT_FILE_TYPES as readonly string[]).includes(file.type) || EXTENSIONS.test(file.name);
    if (!typeOk) {
      void message.error(t('trace.farm.lab.report.badType'));
      return false;
    }
    if (file.size > REPORT_FILE_MAX_BYTES) {
      void message.error(t('trace.farm.lab.report.tooBig'));
      return false;
    }
    upload.mutate(
      { file, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: ({ fileId }) => {
          setName(file.name);
          onChange?.(fileId);
        },
        onError: (err) => void message.error(t('trace.farm.lab.report.failed', { reason: errorText(err, t) })),
      },
    );
    return false;
  };

  if (value) {
    return (
      <Flex align="center" gap={8} data-testid="lab-report-done">
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} />
        <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
          {name ?? t('trace.farm.lab.report.attached')}
        </Typography.Text>
        <Button
          type="text"
          icon={<CloseOutlined />}
          aria-label={t('trace.farm.lab.report.remove')}
          onClick={() => {
            setName(null);
            onChange?.(undefined);
          }}
          data-testid="lab-report-remove"
        />
      </Flex>
    );
  }
  return (
    <Upload accept={REPORT_FILE_ACCEPT} beforeUpload={choose} showUploadList={false} maxCount={1}>
      <Button icon={<PaperClipOutlined />} loading={upload.isPending} block data-testid="lab-report-upload">
        {upload.isPending ? t('trace.farm.lab.report.uploading') : t('trace.farm.lab.report.choose')}
      </Button>
    </Upload>
  );
}
