/** Typed hooks of the H5 notification settings: channel preferences per topic and the WeChat binding. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.js';
import type { components } from '../../api/schema.js';

export type NotificationPreferences = components['schemas']['NotificationPreferences'];
export type TopicPreference = components['schemas']['NotificationTopicPreference'];

const key = ['me', 'notification-preferences'] as const;
export const SETTINGS_PATH = '/h5/settings/notifications';

export function useNotificationPreferences() {
  return useQuery({ queryKey: key, queryFn: () => call(api.GET('/api/v1/me/notification-preferences')) });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (topics: TopicPreference[]) =>
      call(api.PUT('/api/v1/me/notification-preferences', { body: { topics } })),
    // The switch moves at once; a refused change puts back what the server holds.
    onMutate: async (topics) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<NotificationPreferences>(key);
      if (before) client.setQueryData<NotificationPreferences>(key, { ...before, topics });
      return { before };
    },
    onError: (_err, _topics, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSuccess: (data) => client.setQueryData(key, data),
  });
}

/** Answers the address to send the browser to; WeChat (or the demo) comes back to this page with code and state. */
export function useStartWechatBinding() {
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/me/wechat/authorize', { body: { returnPath: SETTINGS_PATH } })),
  });
}

export function useBindWechat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; state: string }) => call(api.POST('/api/v1/me/wechat', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useUnbindWechat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/me/wechat')),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
