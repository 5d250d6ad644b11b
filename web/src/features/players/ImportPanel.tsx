import { useState } from 'react';
import { Alert, Button, Flex, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/http.js';
import { TEMPLATE_URL, useImportReports, type ImportResult } from '../../api/players.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { errorText } from '../../app/ui/errorText.js';
import { refusedRows, type ImportRowProblem } from '../../app/ui/importRows.js';

/** Excel 导入: the template, the upload, and either what was imported or every bad row by row and column. */
export function ImportPanel() {
  const t = useT();
  const upload = useImportReports();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const bad = refusedRows(failure);
  const count = (failure instanceof ApiError && (failure.details as { count?: number } | undefined)?.count) || bad?.length || 0;

  const send = async (file: File) => {
    setResult(null);
    setFailure(null);
    try {
      setResult(await upload.mutateAsync(file));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('import.intro')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined />} href={TEMPLATE_URL} data-testid="import-template">
          {t('import.template')}
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="import-choose">
            {t('import.choose')}
          </Button>
        </Upload>
      </Flex>
      {result && <Alert type="success" showIcon title={t('import.done', result)} data-testid="import-done" />}
      {failure !== null && !bad && <Alert type="error" showIcon title={errorText(failure, t)} data-testid="import-error" />}
      {bad && (
        <>
          <Alert type="error" showIcon title={t('import.failed', { count })} data-testid="import-error" />
          <Table<ImportRowProblem>
            data-testid="import-errors"
            rowKey={(r) => `${r.row}|${r.column}|${r.message}`}
            size="small"
            pagination={false}
            dataSource={bad}
            scroll={{ x: 560 }}
            columns={[
              { key: 'row', title: t('import.col.row'), dataIndex: 'row', width: 70 },
              { key: 'column', title: t('import.col.column'), dataIndex: 'column', width: 150 },
              { key: 'message', title: t('import.col.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
