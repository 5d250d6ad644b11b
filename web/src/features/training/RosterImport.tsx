import { useState } from 'react';
import { Alert, Button, Flex, Radio, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ROSTER_TEMPLATE_URL, useImportRoster, type ImportResult, type RowProblem } from '../../api/training.js';
import { useT } from '../../app/locale/LocaleContext.js';
import { errorText } from '../../app/ui/errorText.js';
import { refusedRows } from '../../app/ui/importRows.js';

function ProblemTable({ rows }: { rows: RowProblem[] }) {
  const t = useT();
  return (
    <Table<RowProblem>
      data-testid="roster-import-errors"
      rowKey={(r) => `${r.row}|${r.column}|${r.message}`}
      size="small"
      pagination={rows.length > 20 ? { pageSize: 20, hideOnSinglePage: true } : false}
      dataSource={rows}
      scroll={{ x: 480 }}
      columns={[
        { key: 'row', title: t('rosterImport.col.row'), dataIndex: 'row', width: 70 },
        { key: 'column', title: t('rosterImport.col.column'), dataIndex: 'column', width: 130 },
        { key: 'message', title: t('rosterImport.col.message'), dataIndex: 'message' },
      ]}
    />
  );
}

/**
 * 导入花名册: the template, the mode (全部正确才导入 refuses the file on one bad row; 只导入正确的行 imports the rest),
 * and every bad row by row number and column.
 */
export function RosterImport({ sessionId }: { sessionId: string }) {
  const t = useT();
  const upload = useImportRoster(sessionId);
  const [mode, setMode] = useState<'all' | 'valid'>('all');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const refused = refusedRows(failure);
  const skipped = result?.badRows ?? [];

  const send = async (file: File) => {
    setResult(null);
    setFailure(null);
    try {
      setResult(await upload.mutateAsync({ file, mode }));
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{t('rosterImport.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap align="center">
        <Typography.Text>{t('rosterImport.mode')}</Typography.Text>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as 'all' | 'valid')}
          optionType="button"
          data-testid="roster-import-mode"
          options={[
            { value: 'all', label: t('rosterImport.modeAll') },
            { value: 'valid', label: t('rosterImport.modeValid') },
          ]}
        />
      </Flex>
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined />} href={ROSTER_TEMPLATE_URL} data-testid="roster-template">
          {t('rosterImport.template')}
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="roster-import-choose">
            {t('rosterImport.choose')}
          </Button>
        </Upload>
      </Flex>
      {result && (
        <Alert
          type={skipped.length > 0 ? 'warning' : 'success'}
          showIcon
          title={skipped.length > 0 ? t('rosterImport.doneWithBad', { imported: result.imported, count: skipped.length }) : t('rosterImport.done', { imported: result.imported })}
          data-testid="roster-import-done"
        />
      )}
      {skipped.length > 0 && <ProblemTable rows={skipped} />}
      {failure !== null && !refused && <Alert type="error" showIcon title={errorText(failure, t)} data-testid="roster-import-error" />}
      {refused && (
        <>
          <Alert type="error" showIcon title={t('rosterImport.failed', { count: refused.length })} data-testid="roster-import-error" />
          <ProblemTable rows={refused} />
        </>
      )}
    </Flex>
  );
}
