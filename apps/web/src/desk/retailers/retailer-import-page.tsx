import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
import { api, ask, type Schemas } from '@/lib/api';
import { ApiError, sentenceOf } from '@/lib/errors';
import { saveDownload } from '@/lib/download';
import { fileForm } from '@/lib/images';

type Imported = Schemas['RetailerImportResponse'];
interface RowError {
  row: number;
  column: string;
  value: string | null;
  reason: string;
}

function importRetailers(file: File): Promise<Imported> {
  return ask(
    api.POST('/api/retailers/import', {
      body: fileForm(file, file.name) as never,
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}

/**
 * Retailers from a workbook 零售户导入 (department heads, admins): the template to fill, then the upload. Every row
 * is checked first: one bad row and nothing is written, the problems are listed (row, column, value, reason) and
 * the workbook comes back annotated to fix.
 */
export default function RetailerImportPage() {
  const [file, setFile] = useState<File>();
  const upload = useMutation({ mutationFn: importRetailers });
  const { message } = App.useApp();
  const download = (...args: Parameters<typeof saveDownload>) =>
    void saveDownload(...args).catch((error: unknown) => void message.error(sentenceOf(error)));
  const refusal =
    upload.error instanceof ApiError && upload.error.code === 'IMPORT_ROWS_INVALID' ? upload.error : null;
  const details = refusal && !Array.isArray(refusal.details) ? refusal.details : undefined;
  const errors = (details?.errors ?? []) as RowError[];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        零售户导入
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Button
            onClick={() =>
              download(
                (fetch) => api.GET('/api/retailers/import-template', { parseAs: 'blob', fetch }),
                '零售户导入模板.xlsx',
              )
            }
          >
            下载导入模板
          </Button>
          <label>
            <span style={{ marginRight: 8 }}>选择工作簿</span>
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                upload.reset();
              }}
            />
          </label>
          <Button
            type="primary"
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            导入
          </Button>
        </Space>
      </Card>
      {upload.isSuccess && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={`已导入 ${upload.data.rows} 行：新建 ${upload.data.created} 户，更新 ${upload.data.updated} 户，未变 ${upload.data.unchanged} 户`}
        />
      )}
      {upload.isError && !refusal && (
        <Alert type="error" showIcon role="alert" title={sentenceOf(upload.error)} />
      )}
      {refusal && (
        <Card size="small" title="导入未执行：以下行有误">
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`共 ${String(details?.rowCount ?? '')} 行，其中 ${String(details?.invalidRows ?? '')} 行有误；未写入任何数据，请改正后重新导入。`}
            action={
              <Button
                size="small"
                onClick={() =>
                  file &&
                  download(
                    (fetch) =>
                      api.POST('/api/retailers/import', {
                        params: { query: { format: 'xlsx' } },
                        body: fileForm(file, file.name) as never,
                        bodySerializer: (body) => body as unknown as FormData,
                        parseAs: 'blob',
                        fetch,
                      }),
                    '零售户导入错误.xlsx',
                  )
                }
              >
                下载标注错误的工作簿
              </Button>
            }
          />
          <Table<RowError>
            aria-label="有误的行"
            rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
            size="small"
            dataSource={errors}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: '行', dataIndex: 'row', align: 'right' },
              { title: '列', dataIndex: 'column' },
              { title: '值', render: (_, e) => e.value ?? '（空）' },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
    </>
  );
}
