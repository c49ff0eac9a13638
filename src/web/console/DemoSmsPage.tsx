/**
 * The demo phone (演示功能): text messages the demo SMS provider "sent", so that someone trying the
 * platform can read a verification code. Off in a real deployment, where the server answers 404.
 */
import { Alert, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from './OutboxPage.js';
import { useDemoSms } from './outbox-data.js';
import { PageLoading, usePageTitle } from './PageState.js';

export function DemoSmsPage() {
  const { t } = useTranslation();
  usePageTitle(t('console.demoSms.title'));
  const [phone, setPhone] = useState('');
  const filter = /^1\d{10}$/.test(phone) ? phone : undefined;
  const sms = useDemoSms(filter);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {t('console.demoSms.title')} <Tag color="orange">{t('console.demoSms.badge')}</Tag>
        </Typography.Title>
        <Typography.Text type="secondary">{t('console.demoSms.intro')}</Typography.Text>
      </div>
      <Input.Search
        allowClear
        style={{ maxWidth: 320 }}
        placeholder={t('console.demoSms.phone')}
        aria-label={t('console.demoSms.phone')}
        value={phone}
        onChange={(e) => setPhone(e.target.value.trim())}
      />
      {sms.isPending && <PageLoading />}
      {sms.isError && <Alert type="info" showIcon message={t('console.demoSms.off')} />}
      {sms.data &&
        (sms.data.items.length === 0 ? (
          <Empty description={t('console.demoSms.empty')} />
        ) : (
          <List
            bordered
            dataSource={sms.data.items}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta title={`${m.phone} · ${formatTime(m.createdAt)}`} description={m.text} />
              </List.Item>
            )}
          />
        ))}
    </Space>
  );
}
