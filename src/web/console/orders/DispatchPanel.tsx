/** 派单: to a named volunteer, a team, the level below (层层派单), or open for grabbing (抢单). */

import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Input, List, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { api, call } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import { currentLanguage } from '../../i18n/index.js';
import { type DispatchTarget, type OrderDetail, useCandidates, useDispatch } from '../../orders/data.js';
import { useOrganisations } from '../../people/data.js';

type Kind = DispatchTarget['kind'];

export function DispatchPanel({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dispatch = useDispatch();
  const [kind, setKind] = useState<Kind>('volunteer');
  const [volunteerId, setVolunteerId] = useState<string>();
  const [teamId, setTeamId] = useState<string>();
  const [q, setQ] = useState('');
  const [note, setNote] = useState('');
  const volunteers = useQuery({
    queryKey: ['volunteers', 'dispatch', q],
    queryFn: () =>
      call(api.GET('/api/v1/volunteers', { params: { query: { limit: 50, status: 'active', q: q || undefined } } })),
    enabled: kind === 'volunteer',
  });
  const teams = useOrganisations({ kind: 'team' });
  const candidates = useCandidates(order.id, kind === 'volunteer');
  const en = currentLanguage() === 'en';
  const atLowest = order.handlerRegionCode === order.regionCode;

  const target: DispatchTarget | null =
    kind === 'volunteer'
      ? volunteerId
        ? { kind, volunteerId }
        : null
      : kind === 'team'
        ? teamId
          ? { kind, organisationId: teamId }
          : null
        : { kind };

  const submit = (to: DispatchTarget | null = target) =>
    to &&
    dispatch.mutate(
      { id: order.id, target: to, note: note.trim() || undefined },
      {
        onSuccess: () => void message.success(t('orders.actions.dispatched')),
        onError: (err) => void message.error(errorText(err)),
      },
    );

  return (
    <Card size="small" title={t('orders.console.dispatchTitle')} className="lf-orders-dispatch">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} optionType="button">
          <Radio value="volunteer">{t('orders.targets.volunteer')}</Radio>
          <Radio value="team">{t('orders.targets.team')}</Radio>
          <Radio value="level" disabled={atLowest}>
            {t('orders.targets.level')}
          </Radio>
          <Radio value="open">{t('orders.targets.open')}</Radio>
        </Radio.Group>
        {kind === 'volunteer' && (
          <List
            className="lf-orders-candidates"
            size="small"
            bordered
            header={<Typography.Text strong>{t('orders.console.candidates')}</Typography.Text>}
            loading={candidates.isPending}
            locale={{
              emptyText: candidates.isError ? errorText(candidates.error) : t('orders.console.noCandidates'),
            }}
            dataSource={candidates.data?.items ?? []}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Button
                    key="send"
                    size="small"
                    type="primary"
                    ghost
                    loading={dispatch.isPending && dispatch.variables?.target.kind === 'volunteer'}
                    onClick={() => submit({ kind: 'volunteer', volunteerId: c.volunteerId })}
                  >
                    {t('orders.console.sendTo')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={c.name} description={en ? c.reasonsEn : c.reasons} />
              </List.Item>
            )}
          />
        )}
        {kind === 'volunteer' && (
          <Select<string>
            showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim()) }}
            aria-label={t('orders.console.chooseVolunteer')}
            placeholder={t('orders.console.chooseVolunteer')}
            value={volunteerId}
            onChange={setVolunteerId}
            loading={volunteers.isFetching}
            notFoundContent={volunteers.isError ? errorText(volunteers.error) : t('orders.console.noVolunteers')}
            options={(volunteers.data?.items ?? []).map((v) => ({
              value: v.id,
              label: `${v.name} · ${v.region.name}${v.skills.length ? ` · ${v.skills.map((s) => s.name).join('、')}` : ''}`,
            }))}
            style={{ width: '100%' }}
          />
        )}
        {kind === 'team' && (
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('orders.console.chooseTeam')}
            placeholder={t('orders.console.chooseTeam')}
            value={teamId}
            onChange={setTeamId}
            loading={teams.isFetching}
            options={(teams.data?.pages.flatMap((p) => p.items) ?? []).map((o) => ({
              value: o.id,
              label: `${o.name} · ${o.region.name}`,
            }))}
            style={{ width: '100%' }}
          />
        )}
        {kind === 'level' && <span className="lf-orders-hint">{t('orders.console.levelHint')}</span>}
        {kind === 'open' && <span className="lf-orders-hint">{t('orders.console.openHint')}</span>}
        <Input
          aria-label={t('orders.console.note')}
          placeholder={t('orders.console.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={textLimits.orderDispatchNote}
        />
        <Button type="primary" disabled={!target} loading={dispatch.isPending} onClick={() => submit()}>
          {t('orders.actions.dispatch')}
        </Button>
      </Space>
    </Card>
  );
}
