/** A brand for staff: its owner, series (add one), projects in the library and their results; registering a brand. */
import { App, Button, Descriptions, Drawer, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { useOrganisations } from '../../people/data.js';
import { type CreateBrandBody, type SeriesBody, useAddSeries, useBrand, useCreateBrand } from '../../projects/data.js';
import { ResultFigures } from '../../projects/ResultFigures.js';
import { PageError, PageLoading } from '../PageState.js';

export function BrandDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const brand = useBrand(id);
  const add = useAddSeries();
  const [form] = Form.useForm<SeriesBody>();
  const b = brand.data;
  return (
    <Drawer open onClose={onClose} size={640} title={b?.name}>
      {brand.isPending && <PageLoading />}
      {brand.isError && <PageError error={brand.error} onRetry={() => brand.refetch()} />}
      {b && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('projects.desk.brands.owner')}>{b.organisation.name}</Descriptions.Item>
            <Descriptions.Item label={t('projects.desk.brands.description')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{b.description || '—'}</span>
            </Descriptions.Item>
          </Descriptions>
          <ResultFigures results={b.results} />
          <div>
            <Typography.Title level={5}>{t('projects.desk.brands.series')}</Typography.Title>
            <List
              size="small"
              bordered
              dataSource={b.series}
              locale={{ emptyText: t('projects.brand.noSeries') }}
              renderItem={(s) => (
                <List.Item>
                  <List.Item.Meta title={s.name} description={s.description} />
                </List.Item>
              )}
            />
            <Form
              form={form}
              layout="inline"
              style={{ marginTop: 12 }}
              onFinish={(body) =>
                add.mutate(
                  { brandId: b.id, body },
                  {
                    onSuccess: () => {
                      form.resetFields();
                      void message.success(t('projects.desk.brands.saved'));
                    },
                    onError: (e) => void message.error(errorText(e)),
                  },
                )
              }
            >
              <Form.Item name="name" label={t('projects.desk.brands.seriesName')} rules={[{ required: true }]}>
                <Input maxLength={textLimits.brandSeriesName} />
              </Form.Item>
              <Form.Item name="description" label={t('projects.desk.brands.seriesDescription')}>
                <Input maxLength={textLimits.brandDescription} />
              </Form.Item>
              <Button htmlType="submit" loading={add.isPending}>
                {t('projects.desk.brands.addSeries')}
              </Button>
            </Form>
          </div>
          <div>
            <Typography.Title level={5}>{t('projects.brand.projects')}</Typography.Title>
            <List
              size="small"
              dataSource={b.libraryProjects}
              locale={{ emptyText: t('projects.brand.noProjects') }}
              renderItem={(p) => (
                <List.Item>
                  <a href={`/library/projects/${p.id}`} target="_blank" rel="noreferrer">
                    {p.name}
                  </a>
                  <span>{p.organisation.name}</span>
                </List.Item>
              )}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}

export function BrandModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateBrand();
  const [q, setQ] = useState('');
  const orgs = useOrganisations({ q });
  const [form] = Form.useForm<CreateBrandBody>();
  const options = (orgs.data?.pages.flatMap((p) => p.items) ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Modal
      open
      title={t('projects.desk.brands.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(body) =>
          create.mutate(body, {
            onSuccess: () => {
              void message.success(t('projects.desk.brands.saved'));
              onClose();
            },
            onError: (e) => void message.error(errorText(e)),
          })
        }
      >
        <Form.Item name="name" label={t('projects.desk.brands.name')} rules={[{ required: true }]}>
          <Input maxLength={textLimits.brandName} />
        </Form.Item>
        <Form.Item name="organisationId" label={t('projects.desk.brands.owner')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('projects.desk.brands.ownerSearch')}
            options={options}
          />
        </Form.Item>
        <Form.Item name="description" label={t('projects.desk.brands.description')}>
          <Input.TextArea rows={4} maxLength={textLimits.brandDescription} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
