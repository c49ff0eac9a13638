/** 批量导入: download the template, choose the filled file, check it, read the per-row report, then import. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors.js';
import { $api } from '../api/queries.js';
import type { operations } from '../api/schema.js';
import { currentLanguage } from '../i18n/index.js';
import { volunteersChanged } from './volunteers-data.js';

type Report = operations['importVolunteers']['responses'][200]['content']['application/json'];
type Mode = Report['mode'];

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const run = $api.useMutation('post', '/api/v1/volunteers/imports', {
    onSuccess: (report) => {
      if (report.created > 0) void volunteersChanged(queryClient);
    },
  });
  const [reading, setReading] = useState<Mode | null>(null);
  const start = async (mode: Mode) => {
    if (!file) return;
    setReading(mode);
    try {
      run.mutate({ body: { fileBase64: await toBase64(file), mode } });
    } finally {
      setReading(null);
    }
  };
  const report = run.data;
  const busy = (mode: Mode) => reading === mode || (run.isPending && run.variables?.body.mode === mode);
  const en = currentLanguage() === 'en';
  const close = () => {
    setFile(null);
    run.reset();
    onClose();
  };

  return (
    <Modal open={open} onCancel={close} title={t('console.import.title')} footer={null} width={760} destroyOnHidden>
      <Steps
        orientation="vertical"
        size="small"
        items={[
          {
            title: t('console.import.step1'),
            status: 'process',
            description: (
              <Button href="/api/v1/volunteers/import-template" download>
                {t('console.import.download')}
              </Button>
            ),
          },
          {
            title: t('console.import.step2'),
            status: file ? 'finish' : 'process',
            description: (
              <Space wrap>
                <Upload
                  accept=".xlsx"
                  maxCount={1}
                  showUploadList={false}
                  beforeUpload={(f) => {
                    setFile(f);
                    run.reset();
                    return false;
                  }}
                >
                  <Button>{t('console.import.choose')}</Button>
                </Upload>
                {file && <Typography.Text>{file.name}</Typography.Text>}
                <Button type="primary" disabled={!file} loading={busy('validate')} onClick={() => start('validate')}>
                  {t('console.import.validate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {run.isError && <Alert type="error" showIcon title={errorText(run.error)} />}
      {report && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type={report.created > 0 ? 'success' : report.invalidRows ? 'warning' : 'info'}
            showIcon
            title={
              report.created > 0
                ? t('console.import.created', { count: report.created })
                : t('console.import.report', {
                    total: report.totalRows,
                    valid: report.validRows,
                    invalid: report.invalidRows,
                  })
            }
          />
          {report.errors.length > 0 ? (
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
              dataSource={report.errors}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              columns={[
                { title: t('console.import.row'), dataIndex: 'row', width: 70 },
                { title: t('console.import.column'), dataIndex: 'column', width: 120 },
                { title: t('console.import.reason'), key: 'reason', render: (_, e) => (en ? e.messageEn : e.message) },
              ]}
            />
          ) : (
            report.created === 0 && <Typography.Text type="success">{t('console.import.noErrors')}</Typography.Text>
          )}
          {report.created === 0 && report.validRows > 0 && (
            <Space wrap>
              <Button type="primary" loading={busy('apply-valid')} onClick={() => start('apply-valid')}>
                {t('console.import.applyValid')}
              </Button>
              <Button
                disabled={report.invalidRows > 0}
                loading={busy('all-or-nothing')}
                onClick={() => start('all-or-nothing')}
              >
                {t('console.import.allOrNothing')}
              </Button>
            </Space>
          )}
        </Space>
      )}
    </Modal>
  );
}
