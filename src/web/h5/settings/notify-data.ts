/** Typed hooks of the H5 notification settings: channel preferences per topic and the WeChat binding. */
import { useQueryClient } from '@tanstack/react-query';
import { $api } from '../../api/queries.js';
import type { components } from '../../api/schema.js';

export type NotificationPreferences = components['schemas']['NotificationPreferences'];
export type TopicPreference = components['schemas']['NotificationTopicPreference'];

const { queryKey: key } = $api.queryOptions('get', '/api/v1/me/notification-preferences');
export const SETTINGS_PATH = '/h5/settings/notifications';

export function useNotificationPreferences() {
  return $api.useQuery('get', '/api/v1/me/notification-preferences');
}

export function useSavePreferences() {
  const client = useQueryClient();
  return $api.useMutation('put', '/api/v1/me/notification-preferences', {
    // The switch moves at once; a refused change puts back what the server holds.
    onMutate: async ({ body }) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<NotificationPreferences>(key);
      if (before) client.setQueryData<NotificationPreferences>(key, { ...before, topics: body.topics });
      return { before };
    },
    onError: (_err, _vars, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSuccess: (data) => client.setQueryData(key, data),
  });
}

/** Answers the address to send the browser to; WeChat (or the demo) comes back to this page with code and state. */
export function useStartWechatBinding() {
  return $api.useMutation('post', '/api/v1/me/wechat/authorize');
}

export function useBindWechat() {
  const client = useQueryClient();
  return $api.useMutation('post', '/api/v1/me/wechat', {
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useUnbindWechat() {
  const client = useQueryClient();
  return $api.useMutation('delete', '/api/v1/me/wechat', {
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
