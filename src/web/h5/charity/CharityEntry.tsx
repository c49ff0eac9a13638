/** The lines on 我的 for charity: the stall keeper's stall (only while they keep one) and the public report for everyone. */
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import '../../charity/strings.js';
import { useMyStalls } from './data.js';

export function CharityEntry() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const stalls = useMyStalls(false);
  return (
    <>
      {Boolean(stalls.data?.items.length) && (
        <List.Item onClick={() => navigate('/h5/charity')}>{t('charity.stall.title')}</List.Item>
      )}
      <List.Item onClick={() => navigate('/charity/report')}>{t('sitePages.charityReport')}</List.Item>
    </>
  );
}
