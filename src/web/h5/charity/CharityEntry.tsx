/** The line on 我的 that leads a stall keeper to their charity stall (shown only while they keep one). */
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import '../../charity/strings.js';
import { useMyStalls } from './data.js';

export function CharityEntry() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const stalls = useMyStalls(false);
  if (!stalls.data?.items.length) return null;
  return <List.Item onClick={() => navigate('/h5/charity')}>{t('charity.stall.title')}</List.Item>;
}
