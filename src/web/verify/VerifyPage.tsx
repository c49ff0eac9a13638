/**
 * 证明核验 `/verify/<number>` (public, phone first): what the register says about a service
 * certificate's number — valid with what it proves (the name masked), revoked, altered or unknown.
 * The QR code on the PDF opens it.
 */
import { Button, Card, List, NavBar, Result } from 'antd-mobile';
import { type CSSProperties, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../api/errors.js';
import { $api } from '../api/queries.js';
import { H5Error, H5Loading } from '../h5/people/states.js';
import { hours } from '../hours/data.js';
import { currentLanguage, setLanguage } from '../i18n/index.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import '../h5/h5.css';

const NUMBER = /^[A-Z0-9]{4,40}$/;

export function VerifyPage() {
  return (
    <MobileProviders>
      <div className="lf-h5">
        <VerifyCertificate />
      </div>
    </MobileProviders>
  );
}

function useVerification(number: string) {
  return $api.useQuery(
    'get',
    '/api/v1/public/certificates/{number}',
    { params: { path: { number } } },
    { enabled: NUMBER.test(number), retry: false },
  );
}

function VerifyCertificate() {
  const { t } = useTranslation();
  const number = (useParams().number ?? '').toUpperCase();
  const verification = useVerification(number);
  useEffect(() => {
    document.title = `${t('hours.verify.title')} · ${t('app.name')}`;
  }, [t]);
  const other = currentLanguage() === 'en' ? 'zh-CN' : 'en';
  const status = NUMBER.test(number) ? verification.data?.status : 'unknown';
  const content = verification.data?.content;
  return (
    <>
      <NavBar
        back={null}
        right={
          <Button size="mini" fill="none" onClick={() => void setLanguage(other)}>
            {other === 'en' ? 'English' : '中文'}
          </Button>
        }
      >
        {t('hours.verify.title')}
      </NavBar>
      {status === undefined && verification.isPending && <H5Loading />}
      {verification.isError && !(verification.error instanceof ApiError && verification.error.status === 400) && (
        <H5Error error={verification.error} onRetry={() => verification.refetch()} />
      )}
      {status && (
        <Result
          status={status === 'valid' ? 'success' : status === 'revoked' ? 'warning' : 'error'}
          // antd-mobile draws success in the primary colour (red here): a valid certificate is green.
          style={
            status === 'valid' ? ({ '--adm-color-primary': 'var(--adm-color-success)' } as CSSProperties) : undefined
          }
          title={<span data-testid="verify-status">{t(`hours.verify.status.${status}`)}</span>}
          description={
            <>
              <div>{t('hours.verify.number', { number })}</div>
              <div>{t(`hours.verify.explain.${status}`, { day: content?.revokedOn ?? '' })}</div>
            </>
          }
        />
      )}
      {content && (
        <Card className="lf-h5-card" title={t('hours.verify.proves')}>
          <List>
            <List.Item extra={content.volunteerName}>{t('hours.verify.volunteer')}</List.Item>
            <List.Item extra={content.idNumberMasked}>{t('hours.verify.idNumber')}</List.Item>
            <List.Item extra={content.volunteerNumber}>{t('hours.verify.volunteerNumber')}</List.Item>
            <List.Item extra={t('hours.mine.hoursValue', { hours: hours(content.totalMinutes) })}>
              {t('hours.verify.totalHours')}
            </List.Item>
            <List.Item extra={content.recordCount}>{t('hours.verify.records')}</List.Item>
            <List.Item
              extra={
                content.periodFrom || content.periodTo
                  ? `${content.periodFrom ?? '…'} – ${content.periodTo ?? '…'}`
                  : t('hours.verify.allService')
              }
            >
              {t('hours.verify.period')}
            </List.Item>
            <List.Item extra={content.issuer}>{t('hours.verify.issuer')}</List.Item>
            <List.Item extra={content.issuedOn}>{t('hours.verify.issuedOn')}</List.Item>
          </List>
          <p className="lf-h5-muted">{t('hours.verify.privacy')}</p>
        </Card>
      )}
    </>
  );
}
