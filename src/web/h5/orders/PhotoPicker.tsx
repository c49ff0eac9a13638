/** Photos for an order or a completed service: each uploaded through /api/v1/files as it is chosen. */
import { ImageUploader, type ImageUploadItem, Toast } from 'antd-mobile';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors.js';
import { uploadPhoto } from '../../orders/data.js';

export interface Photo {
  id: string;
  url: string;
}

export function PhotoPicker({
  value,
  onChange,
  onBusy,
}: {
  value: Photo[];
  onChange: (photos: Photo[]) => void;
  onBusy?: (busy: boolean) => void;
}) {
  const { t } = useTranslation();
  const pending = useRef(0);
  const upload = async (file: File): Promise<ImageUploadItem> => {
    pending.current++;
    onBusy?.(true);
    try {
      const stored = await uploadPhoto(file);
      return { key: stored.id, url: stored.url, extra: stored.id };
    } catch (err) {
      Toast.show({ icon: 'fail', content: t('orders.place.photoFailed', { message: errorText(err) }) });
      throw err;
    } finally {
      pending.current--;
      if (pending.current === 0) onBusy?.(false);
    }
  };
  return (
    <ImageUploader
      value={value.map((p) => ({ key: p.id, url: p.url, extra: p.id }))}
      onChange={(items) => onChange(items.map((i) => ({ id: String(i.extra), url: i.url })))}
      upload={upload}
      maxCount={9}
      accept="image/jpeg,image/png,image/webp"
      multiple
    />
  );
}
