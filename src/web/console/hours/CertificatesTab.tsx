/** 证明出具 (console): certificate requests in scope, issued, refused with a reason, revoked; each issued one links to its public verification. */
import { App, Button, Input, Modal, Segmented, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { dateTime } from '../../activities/format.js';
import { errorText } from '../../api/errors.js';
import {
  type Certificate,
  type CertificateState,
  useIssueCertificate,
  useRefuseCertificate,
  useRevokeCertificate,
  useStaffCertificates,
} from '../../hours/data.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { PageError } from '../PageState.js';

const states: CertificateState[] = ['requested', 'issued', 'refused', 'revoked'];
const hours = (minutes: number) => (minutes / 60).toFixed(1);
const period = (c: Certificate) =>
  c.periodFrom || c.periodTo ? `${c.periodFrom?.slice(0, 10) ?? '…'} – ${c.periodTo?.slice(0, 10) ?? '…'}` : null;

export function CertificatesTab() {
  const { t } = useTranslation();
  const [state, setState] = useState<CertificateState>('requested');
  const list = useStaffCertificates(state);
  const [issuing, setIssuing] = useState<Certificate | null>(null);
  const [deciding, setDeciding] = useState<{ certificate: Certificate; action: 'refuse' | 'revoke' } | null>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<Certificate> = [
    { title: t('hours.console.volunteer'), dataIndex: 'volunteerName', key: 'volunteer' },
    {
      title: t('hours.certificates.period'),
      key: 'period',
      render: (_, c) => period(c) ?? t('hours.certificates.allService'),
    },
    { title: t('hours.certificates.purpose'), key: 'purpose', render: (_, c) => c.purpose ?? '—' },
    { title: t('hours.certificates.requestedAt'), key: 'requestedAt', render: (_, c) => dateTime(c.requestedAt) },
    {
      title: t('hours.certificates.outcome'),
      key: 'outcome',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Tag color={c.state === 'issued' ? 'green' : c.state === 'requested' ? 'blue' : 'default'}>
            {t(`hours.certState.${c.state}`)}
          </Tag>
          {c.number && (
            <a href={`/verify/${c.number}`} target="_blank" rel="noreferrer">
              {c.number}
            </a>
          )}
          {c.totalMinutes !== null && (
            <span className="lf-muted">{t('hours.certificates.total', { hours: hours(c.totalMinutes) })}</span>
          )}
          {c.reason && <span className="lf-muted">{t('hours.certificates.because', { reason: c.reason })}</span>}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, c) => (
        <Space wrap>
          {c.state === 'requested' && (
            <>
              <Button size="small" type="primary" onClick={() => setIssuing(c)}>
                {t('hours.certificates.issue')}
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ certificate: c, action: 'refuse' })}>
                {t('hours.certificates.refuse')}
              </Button>
            </>
          )}
          {c.state === 'issued' && (
            <>
              <Button size="small" href={`/api/v1/certificates/${c.id}/pdf`}>
                {t('hours.certificates.pdf')}
              </Button>
              <Button size="small" danger onClick={() => setDeciding({ certificate: c, action: 'revoke' })}>
                {t('hours.certificates.revoke')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Segmented<CertificateState>
        value={state}
        onChange={setState}
        options={states.map((s) => ({ value: s, label: t(`hours.certState.${s}`) }))}
        style={{ marginBottom: 12 }}
      />
      {list.isError && <PageError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Certificate>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={list.isPending}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(`hours.certificates.empty.${state}`) }}
      />
      {list.hasNextPage && (
        <Button
          block
          style={{ marginTop: 12 }}
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          {t('hours.certificates.more')}
        </Button>
      )}
      {issuing && <IssueModal certificate={issuing} onClose={() => setIssuing(null)} />}
      {deciding && <ReasonModal {...deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

const ISSUER_KEY = 'lf-certificate-issuer';

/** 出具: the issuer's name, person in charge and contact are printed on the certificate; the last ones used are offered again. */
function IssueModal({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issue = useIssueCertificate();
  const remembered = (() => {
    try {
      return JSON.parse(localStorage.getItem(ISSUER_KEY) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  })();
  const [form, setForm] = useState({
    organisation: remembered.organisation ?? '',
    personInCharge: remembered.personInCharge ?? '',
    contact: remembered.contact ?? '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const submit = () => {
    if (form.organisation.trim().length < 2 || !form.personInCharge.trim() || form.contact.trim().length < 5) {
      setProblem(t('hours.certificates.issuerRequired'));
      return;
    }
    issue.mutate(
      { params: { path: { id: certificate.id } }, body: form, headers: { 'Idempotency-Key': key } },
      {
        onSuccess: (issued) => {
          localStorage.setItem(ISSUER_KEY, JSON.stringify(form));
          void message.success(t('hours.certificates.issued', { number: issued.number ?? '' }));
          onClose();
        },
        onError: (err) => setProblem(errorText(err)),
      },
    );
  };
  const field = (name: keyof typeof form, limit: number) => (
    <div style={{ marginBottom: 12 }}>
      <label htmlFor={`lf-issue-${name}`}>{t(`hours.certificates.${name}`)}</label>
      <Input
        id={`lf-issue-${name}`}
        value={form[name]}
        maxLength={limit}
        onChange={(e) => {
          setForm({ ...form, [name]: e.target.value });
          setProblem(null);
        }}
      />
    </div>
  );
  return (
    <Modal
      open
      title={t('hours.certificates.issueTitle')}
      okText={t('hours.certificates.issue')}
      okButtonProps={{ loading: issue.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <p>
        {certificate.volunteerName} · {period(certificate) ?? t('hours.certificates.allService')}
      </p>
      <p className="lf-muted">{t('hours.certificates.issueExplain')}</p>
      {field('organisation', textLimits.certificateOrganisation)}
      {field('personInCharge', textLimits.certificatePersonInCharge)}
      {field('contact', textLimits.certificateContact)}
      {problem && <div style={{ color: '#ff4d4f' }}>{problem}</div>}
    </Modal>
  );
}

/** 不予出具 / 撤销: both need a reason the volunteer reads (and the audit log keeps). */
function ReasonModal({
  certificate,
  action,
  onClose,
}: {
  certificate: Certificate;
  action: 'refuse' | 'revoke';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refuse = useRefuseCertificate();
  const revoke = useRevokeCertificate();
  const mutation = action === 'refuse' ? refuse : revoke;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    if (reason.trim().length < 2) {
      setProblem(t('hours.certificates.reasonRequired'));
      return;
    }
    mutation.mutate(
      { params: { path: { id: certificate.id } }, body: { reason: reason.trim() } },
      {
        onSuccess: () => {
          void message.success(t(`hours.certificates.${action}d`));
          onClose();
        },
        onError: (err) => setProblem(errorText(err)),
      },
    );
  };
  return (
    <Modal
      open
      title={t(`hours.certificates.${action}Title`)}
      okText={t(`hours.certificates.${action}`)}
      okButtonProps={{ danger: true, loading: mutation.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <p>
        {certificate.volunteerName}
        {certificate.number ? ` · ${certificate.number}` : ''}
      </p>
      <label htmlFor="lf-certificate-reason">{t('hours.certificates.reason')}</label>
      <Input.TextArea
        id="lf-certificate-reason"
        value={reason}
        maxLength={action === 'refuse' ? textLimits.certificateRefuseReason : textLimits.certificateRevokeReason}
        showCount
        status={problem ? 'error' : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setProblem(null);
        }}
      />
      {problem && <div style={{ color: '#ff4d4f' }}>{problem}</div>}
    </Modal>
  );
}
