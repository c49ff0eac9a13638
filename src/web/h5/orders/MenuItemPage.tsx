/** One service on the menu: what it is, who offers it, where, how long; and the button to order it. */
import { Button, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { currentLanguage } from '../../i18n/index.js';
import { useMenuItem } from '../../orders/data.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import './orders.css';

export function MenuItemPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const item = useMenuItem(id);
  const en = currentLanguage() === 'en';
  return (
    <SubPage title={item.data?.title ?? t('orders.menu.title')} back="/h5/menu">
      {item.isPending && <H5Loading />}
      {item.isError && <H5Error error={item.error} onRetry={() => item.refetch()} />}
      {item.data && (
        <>
          <section className="lf-h5-team-head">
            <h1>{item.data.title}</h1>
            <Tag color="primary" fill="outline">
              {en ? item.data.categoryNameEn : item.data.categoryName}
            </Tag>
            <p className="lf-h5-text lf-order-gap">{item.data.description}</p>
          </section>
          <List mode="card">
            <List.Item
              extra={
                item.data.organisationName ?? item.data.projectName ?? t(`orders.providers.${item.data.providerKind}`)
              }
            >
              {t('orders.fields.provider')}
            </List.Item>
            <List.Item extra={t('orders.fields.duration', { minutes: item.data.durationMinutes })}>
              {t('orders.fields.durationLabel')}
            </List.Item>
          </List>
          <div className="lf-h5-block">
            {item.data.active ? (
              <Button
                block
                color="primary"
                size="large"
                onClick={() => navigate(`/h5/orders/new?item=${item.data.id}`)}
              >
                {t('orders.menu.order')}
              </Button>
            ) : (
              <p className="lf-h5-note">{t('orders.menu.inactive')}</p>
            )}
          </div>
        </>
      )}
    </SubPage>
  );
}
