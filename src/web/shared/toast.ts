import type { ToastShowProps } from 'antd-mobile';

/**
 * Shows an antd-mobile toast, loading it on first use: Toast brings react-spring (≈ 20 KiB gzip),
 * too much for the first load of a page on the H5 budget that only toasts after a submit.
 */
export async function showToast(props: ToastShowProps): Promise<void> {
  const [{ show }] = await Promise.all([
    import('antd-mobile/es/components/toast/methods.js'),
    import('antd-mobile/es/components/toast/toast.css'),
  ]);
  show(props);
}
