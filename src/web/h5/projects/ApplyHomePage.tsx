/** 项目申报 for one organisation its manager runs: the calls open now (and whether it may apply), and its projects. */
import { Button, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useOrganisation } from '../../people/data.js';
import { pick, useCalls, useMyProjects } from '../../projects/data.js';
import { formatShortDateTime } from '../../shared/time.js';
import { H5Error, H5Loading, SubPage } from '../people/states.js';

export function ApplyHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orgId = useSearchParams()[0].get('org') ?? '';
  const org = useOrganisation(orgId);
  const calls = useCalls(true);
  const mine = useMyProjects();
  const projects = (mine.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => p.organisation.id === orgId);
  const kind = org.data?.kind;
  return (
    <SubPage title={t('projects.apply.title')} back={`/h5/teams/${orgId}`}>
      {org.data && <h1 className="lf-h5-heading">{org.data.name}</h1>}
      {(calls.isPending || mine.isPending) && <H5Loading />}
      {calls.isError && <H5Error error={calls.error} onRetry={() => calls.refetch()} />}
      {mine.isError && <H5Error error={mine.error} onRetry={() => mine.refetch()} />}
      {calls.data && (
        <List header={t('projects.apply.openCalls')} mode="card">
          {calls.data.items.length === 0 && <List.Item>{t('projects.apply.noOpenCalls')}</List.Item>}
          {calls.data.items.map((c) => {
            const eligible = !kind || c.eligibleKinds.length === 0 || c.eligibleKinds.includes(kind);
            return (
              <List.Item
                key={c.id}
                description={
                  <>
                    <div>
                      {t(`projects.levels.${c.level}`)} ·{' '}
                      {t('projects.apply.deadline', { at: formatShortDateTime(c.closesAt) })}
                    </div>
                    {!eligible && (
                      <div className="lf-h5-error">
                        {t('projects.apply.notEligible', {
                          kinds: c.eligibleKinds.map((k) => t(`people.orgKinds.${k}`)).join('、'),
                        })}
                      </div>
                    )}
                  </>
                }
                extra={
                  <Button
                    size="small"
                    color="primary"
                    disabled={!eligible}
                    onClick={() => navigate(`/h5/projects/new?org=${orgId}&call=${c.id}`)}
                  >
                    {t('projects.apply.start')}
                  </Button>
                }
              >
                {c.title}
              </List.Item>
            );
          })}
        </List>
      )}
      {mine.data && (
        <List header={t('projects.apply.mine')} mode="card">
          {projects.length === 0 && <List.Item>{t('projects.apply.noProjects')}</List.Item>}
          {projects.map((p) => (
            <List.Item
              key={p.id}
              onClick={() => navigate(`/h5/projects/${p.id}`)}
              description={`${t(`projects.categories.${p.category}`)} · ${p.year}`}
              extra={<Tag color={p.state === 'returned' ? 'warning' : 'primary'}>{pick(p.stateLabel)}</Tag>}
            >
              {p.name}
            </List.Item>
          ))}
        </List>
      )}
    </SubPage>
  );
}
