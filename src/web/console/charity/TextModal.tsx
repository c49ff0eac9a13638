/** A modal asking for one line of text (a reason, a payment reference) before an action. */
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

export function TextModal(props: {
  open: boolean;
  title: string;
  label: string;
  limit: number;
  busy: boolean;
  onOk: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('charity.console.confirm')}
      cancelText={t('charity.console.cancel')}
      confirmLoading={props.busy}
      destroyOnHidden
      onOk={() => form.submit()}
      onCancel={props.onCancel}
    >
      <Form form={form} layout="vertical" onFinish={(v) => props.onOk(v.text.trim())} preserve={false}>
        <Form.Item name="text" label={props.label} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={props.limit} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
