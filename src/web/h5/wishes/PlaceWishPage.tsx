/** 许个心愿: what (title, details, a photo, a rough value), where (community, address, seen only by the giver), until when, for whom. */
import { Button, Form, ImageUploader, type ImageUploadItem, Input, Selector, Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import { uploadPhoto } from '../../orders/data.js';
import { newIdempotencyKey } from '../../orders/format.js';
import { LimitedTextArea } from '../../shared/LimitedTextArea.js';
import { CommunityPicker } from '../CommunityPicker.js';
import { rememberCommunity, storedCommunity, useCommunities } from '../orders/communities.js';
import { SubPage } from '../people/states.js';
import { type PlaceWishBody, usePlaceWish } from './data.js';
import './wishes.css';

const groups = ['elderly', 'left_behind_child', 'disabled', 'low_income', 'other'] as const;
const spans = [7, 14, 30, 60] as const;
const DAY = 86_400_000;

interface Values {
  title?: string;
  description?: string;
  value?: string;
  regionCode?: string;
  address?: string;
  days?: number[];
  group?: (typeof groups)[number][];
}

export function PlaceWishPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const communities = useCommunities();
  const place = usePlaceWish();
  const [form] = Form.useForm<Values>();
  const [photo, setPhoto] = useState<ImageUploadItem[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());

  const upload = async (file: File): Promise<ImageUploadItem> => {
    setUploading(true);
    try {
      const stored = await uploadPhoto(file);
      return { key: stored.id, url: stored.url, extra: stored.id };
    } catch (err) {
      Toast.show({ icon: 'fail', content: errorText(err) });
      throw err;
    } finally {
      setUploading(false);
    }
  };

  const submit = (v: Values) => {
    setError(null);
    const value = Number.parseFloat(v.value ?? '');
    const body: PlaceWishBody = {
      title: (v.title ?? '').trim(),
      description: v.description?.trim() ?? '',
      regionCode: v.regionCode ?? '',
      address: (v.address ?? '').trim(),
      deadline: new Date(Date.now() + (v.days?.[0] ?? 30) * DAY).toISOString(),
      beneficiaryGroup: v.group?.[0] ?? 'other',
      ...(Number.isFinite(value) && value >= 0 ? { estimatedValueFen: Math.round(value * 100) } : {}),
      ...(photo[0] ? { photoFileId: String(photo[0].extra) } : {}),
    };
    if (v.regionCode) rememberCommunity(v.regionCode);
    place.mutate(
      { body, key: key.current },
      {
        onSuccess: (wish) => {
          Toast.show({ icon: 'success', content: t('wishes.place.submitted') });
          navigate(`/h5/wishes/${wish.id}`, { replace: true });
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status < 500) key.current = newIdempotencyKey();
          const fields = err instanceof ApiError ? err.fieldErrors() : {};
          const known = Object.entries(fields).filter(([name]) => name in form.getFieldsValue());
          form.setFields(known.map(([name, message]) => ({ name, errors: [message] })));
          setError(errorText(err));
        },
      },
    );
  };

  const required = (field: string) => [{ required: true, message: t('wishes.place.required', { field }) }];
  return (
    <SubPage title={t('wishes.place.title')} back="/h5/wishes">
      <Form
        form={form}
        layout="vertical"
        mode="card"
        onFinish={submit}
        initialValues={{ regionCode: storedCommunity() ?? undefined, days: [30], group: ['other'] }}
        footer={
          <>
            {error && (
              <div className="lf-h5-error" role="alert">
                {error}
              </div>
            )}
            <Button block type="submit" color="primary" size="large" loading={place.isPending} disabled={uploading}>
              {uploading ? t('wishes.place.uploading') : t('wishes.place.submit')}
            </Button>
          </>
        }
      >
        <Form.Item name="title" label={t('wishes.fields.title')} rules={required(t('wishes.fields.title'))}>
          <Input placeholder={t('wishes.place.titlePlaceholder')} maxLength={textLimits.wishTitle} clearable />
        </Form.Item>
        <Form.Item name="description" label={t('wishes.fields.description')}>
          <LimitedTextArea
            placeholder={t('wishes.place.descriptionPlaceholder')}
            limit={textLimits.wishDescription}
            rows={3}
          />
        </Form.Item>
        <Form.Item name="group" label={t('wishes.fields.group')}>
          <Selector columns={3} options={groups.map((g) => ({ value: g, label: t(`wishes.groups.${g}`) }))} />
        </Form.Item>
        <Form.Item name="value" label={t('wishes.fields.value')}>
          <Input type="number" inputMode="decimal" min={0} placeholder={t('wishes.place.valuePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('wishes.fields.community')}
          rules={required(t('wishes.fields.community'))}
        >
          <CommunityPicker communities={communities.list} />
        </Form.Item>
        <Form.Item name="address" label={t('wishes.fields.address')} rules={required(t('wishes.fields.address'))}>
          <Input placeholder={t('wishes.place.addressPlaceholder')} maxLength={textLimits.wishAddress} clearable />
        </Form.Item>
        <Form.Item name="days" label={t('wishes.fields.deadline')} description={t('wishes.place.deadlineHint')}>
          <Selector
            columns={4}
            options={spans.map((d) => ({ value: d, label: t('wishes.place.days', { count: d }) }))}
          />
        </Form.Item>
        <Form.Item label={t('wishes.fields.photo')}>
          <ImageUploader
            value={photo}
            onChange={setPhoto}
            upload={upload}
            maxCount={1}
            accept="image/jpeg,image/png,image/webp"
          />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
