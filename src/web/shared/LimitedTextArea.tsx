import { TextArea, type TextAreaProps } from 'antd-mobile';
import { clipText } from '../../shared/text-limits.js';

/**
 * antd-mobile's TextArea with a limit counted as the server counts it (UTF-16 code units, see
 * src/shared/text-limits.ts). Its own `maxLength` counts grapheme clusters, so its counter let
 * through text the server refused (an emoji is one cluster but two units).
 */
export function LimitedTextArea({
  limit,
  value,
  onChange,
  ...rest
}: Omit<TextAreaProps, 'maxLength' | 'showCount'> & { limit: number }) {
  const text = value ?? '';
  return (
    <TextArea
      {...rest}
      value={text}
      onChange={(next) => onChange?.(clipText(next, limit))}
      showCount={() => <div className="adm-text-area-count">{`${text.length}/${limit}`}</div>}
    />
  );
}
