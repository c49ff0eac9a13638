/** 我的资质: each qualification with its issuer, dates and whether it is valid, expiring, expired or awaiting verification. */
import { Empty, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/time.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';
import { qualificationColour, qualificationState, useMyQualifications } from './data.js';
import './academy.css';

export function MyQualificationsPage() {
  const { t } = useTranslation();
  const list = useMyQualifications();
  return (
    <SubPage title={t('academy.qualifications.title')} back="/h5/academy">
      {list.isPending ? (
        <H5Loading />
      ) : list.isError ? (
        <H5Error error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty description={t('academy.qualifications.empty')} />
      ) : (
        <List mode="card">
          {list.data.items.map((q) => {
            const state = qualificationState(q);
            return (
              <List.Item
                key={q.id}
                extra={<Tag color={qualificationColour[state]}>{t(`academy.qualifications.${state}`)}</Tag>}
                description={
                  <div className="lf-academy-meta">
                    <span>
                      {t('academy.qualifications.issuer')} {q.issuer}
                    </span>
                    <span>
                      {t('academy.qualifications.issuedAt')} {formatDate(q.issuedAt)}
                    </span>
                    <span>
                      {t('academy.qualifications.expiresAt')}{' '}
                      {q.expiresAt ? formatDate(q.expiresAt) : t('academy.qualifications.noExpiry')}
                    </span>
                    {q.certificateNo && (
                      <span>
                        {t('academy.qualifications.certificateNo')} {q.certificateNo}
                      </span>
                    )}
                    <span>
                      {q.source === 'course'
                        ? t('academy.qualifications.sourceCourse')
                        : t('academy.qualifications.sourceExternal')}
                    </span>
                  </div>
                }
              >
                <span className="lf-academy-title">{q.name}</span>
              </List.Item>
            );
          })}
        </List>
      )}
    </SubPage>
  );
}
