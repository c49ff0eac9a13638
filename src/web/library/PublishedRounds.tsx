/** The published evaluation rounds (评选结果), newest first, as links above the library's search. */
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublishedRounds } from '../projects/evaluation-data.js';

export function PublishedRounds() {
  const { t } = useTranslation();
  const rounds = usePublishedRounds();
  const items = rounds.data?.items ?? [];
  if (!items.length) return null;
  return (
    <List header={t('projects.evaluation.published')} data-testid="published-rounds">
      {items.map((r) => (
        <List.Item key={r.id} description={`${t(`projects.levels.${r.level}`)} · ${r.year}`}>
          <Link to={`/library/evaluations/${r.id}`}>{r.title}</Link>
        </List.Item>
      ))}
    </List>
  );
}
