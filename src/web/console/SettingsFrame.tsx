/**
 * The frame of a tenant settings page (订单时限, 注册年龄): title and intro, loading and error
 * states, and a card whose form staff without the right role see read-only, with a note saying so.
 */
import { Alert, App, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../api/errors.js';
import { PageError, PageLoading, usePageTitle } from './PageState.js';

interface Loaded<T> {
  data?: T;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** The mutation a settings form saves through (a `PUT` of the whole form). */
interface SaveMutation<B> {
  mutate(vars: { body: B }, options: { onSuccess: () => void; onError: (err: unknown) => void }): void;
}

/** The form's submit: saves the body, then says so, or shows why the server refused it. */
export function useSettingsSave<B>(save: SaveMutation<B>, savedText: string) {
  const { message } = App.useApp();
  return (body: B) =>
    save.mutate(
      { body },
      {
        onSuccess: () => void message.success(savedText),
        onError: (err) => void message.error(errorText(err)),
      },
    );
}

export function SettingsFrame<T>(props: {
  title: string;
  intro: string;
  settings: Loaded<T>;
  /** Shown above the form to those who may not change it; null for those who may. */
  readOnly: string | null;
  children: (data: T) => ReactNode;
}) {
  const { title, intro, settings, readOnly, children } = props;
  usePageTitle(title);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: '0 0 4px' }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{intro}</Typography.Text>
      </div>
      {settings.isPending && <PageLoading />}
      {settings.isError && <PageError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <Card style={{ maxWidth: 640 }}>
          {readOnly && <Alert type="info" showIcon title={readOnly} style={{ marginBottom: 16 }} />}
          {children(settings.data)}
        </Card>
      )}
    </Space>
  );
}
