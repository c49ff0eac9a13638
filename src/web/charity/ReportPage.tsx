/**
 * 爱心义卖善款公示 (public, no sign-in, phone first): `/charity/report` lists the published sales and
 * the year's report; `/charity/report/<id>` is one sale's. Every figure comes from the server's
 * ledger sums; beneficiaries appear by masked name and community. PDF and Excel downloads.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, List, NavBar, Selector } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client.js';
import type { operations } from '../api/schema.js';
import { H5Error, H5Loading } from '../h5/people/states.js';
import { MobileProviders } from '../shared/MobileProviders.js';
import { yuanOf } from './strings.js';
import '../h5/h5.css';
import './report.css';

type Report = operations['getCharityYearReport']['responses'][200]['content']['application/json'];

export function ReportPage() {
  return (
    <MobileProviders>
      <div className="lf-h5 lf-report">
        <Report />
      </div>
    </MobileProviders>
  );
}

function Report() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${t('charity.report.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <NavBar back={id ? t('charity.report.back') : null} onBack={() => navigate('/charity/report')}>
        {t('charity.report.title')}
      </NavBar>
      <main className="lf-h5-page">{id ? <EventReport id={id} /> : <Overview />}</main>
    </>
  );
}

function Overview() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const thisYear = Number(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
  const years = [thisYear, thisYear - 1, thisYear - 2];
  const [year, setYear] = useState(thisYear - 1);
  const events = useQuery({
    queryKey: ['charity', 'public', 'events'],
    queryFn: () => call(api.GET('/api/v1/public/charity/events', { params: { query: { limit: 50 } } })),
  });
  const report = useQuery({
    queryKey: ['charity', 'public', 'year', year],
    queryFn: () => call(api.GET('/api/v1/public/charity/report', { params: { query: { year } } })),
  });
  return (
    <>
      <p className="lf-report-intro">{t('charity.report.intro')}</p>
      <List header={t('charity.report.events')}>
        {events.isPending && <H5Loading />}
        {events.isError && <H5Error error={events.error} onRetry={() => events.refetch()} />}
        {events.data?.items.length === 0 && <List.Item>{t('charity.report.noEvents')}</List.Item>}
        {events.data?.items.map((e) => (
          <List.Item key={e.id} description={e.heldOn} onClick={() => navigate(`/charity/report/${e.id}`)}>
            {e.title}
          </List.Item>
        ))}
      </List>
      <Card title={t('charity.report.year')} className="lf-report-card">
        <Selector
          columns={3}
          value={[year]}
          onChange={(v) => v[0] && setYear(v[0])}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      </Card>
      {report.isPending && <H5Loading />}
      {report.isError && <H5Error error={report.error} onRetry={() => report.refetch()} />}
      {report.data && (
        <Figures report={report.data} files={`/api/v1/public/charity/report/export?year=${year}&format=`} />
      )}
    </>
  );
}

function EventReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['charity', 'public', 'event', id],
    retry: false,
    queryFn: () => call(api.GET('/api/v1/public/charity/events/{id}/report', { params: { path: { id } } })),
  });
  if (report.isPending) return <H5Loading />;
  if (report.isError) return <H5Error error={report.error} onRetry={() => report.refetch()} />;
  if (!report.data) return <p>{t('charity.report.notFound')}</p>;
  return <Figures report={report.data} files={`/api/v1/public/charity/events/${id}/report/export?format=`} />;
}

function Figures({ report, files }: { report: Report; files: string }) {
  const { t } = useTranslation();
  const money = (fen: number) => `¥${yuanOf(fen)}`;
  return (
    <section className="lf-report-figures" data-testid="charity-report">
      <h2>{report.title}</h2>
      {report.events.map((e) => (
        <p key={e.id} className="lf-report-muted">
          {e.heldOn} · {e.title} · {e.regionName}
        </p>
      ))}
      <div className="lf-report-totals">
        <div>
          <span>{t('charity.report.income')}</span>
          <strong data-testid="report-income">{money(report.incomeFen)}</strong>
        </div>
        <div>
          <span>{t('charity.report.outgoings')}</span>
          <strong data-testid="report-outgoings">{money(report.outgoingsFen)}</strong>
        </div>
        <div>
          <span>{t('charity.report.balance')}</span>
          <strong data-testid="report-balance">{money(report.balanceFen)}</strong>
        </div>
        <div>
          <span>{t('charity.report.families')}</span>
          <strong data-testid="report-families">
            {t('charity.report.familiesCount', { count: report.familiesHelped })}
          </strong>
        </div>
      </div>
      <List header={t('charity.report.byCategory')}>
        {report.incomeByCategory.map((c) => (
          <List.Item key={c.category} extra={money(c.amountFen)}>
            {c.label}
          </List.Item>
        ))}
        {report.donationsFen > 0 && (
          <List.Item extra={money(report.donationsFen)}>{t('charity.report.donations')}</List.Item>
        )}
      </List>
      <List header={t('charity.report.byPurpose')}>
        {report.outgoingsByPurpose.map((p) => (
          <List.Item key={p.purpose} extra={money(p.amountFen)}>
            {p.label}
          </List.Item>
        ))}
      </List>
      <List header={t('charity.report.beneficiaries')}>
        {report.beneficiaries.map((b, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: masked names repeat; the order is the server's
          <List.Item key={i} description={b.community} extra={money(b.amountFen)}>
            {b.maskedName}
          </List.Item>
        ))}
      </List>
      <div className="lf-report-files">
        <a href={`${files}pdf`} download>
          {t('charity.report.pdf')}
        </a>
        <a href={`${files}xlsx`} download>
          {t('charity.report.xlsx')}
        </a>
      </div>
    </section>
  );
}
