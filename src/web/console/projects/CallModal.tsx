/** Publishing or editing a call: title, window, level and issuing region (fixed once published), who may apply, what they must fill in. */
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { organisationKinds } from '../../../shared/organisation-kinds.js';
import { textLimits } from '../../../shared/text-limits.js';
import { ApiError, errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import { type CreateCallBody, levels, optionalFields, type ProjectCall, useSaveCall } from '../../projects/data.js';
import { fromTenantWallTime, tenantWallTime } from '../../shared/time.js';

type Values = Omit<CreateCallBody, 'requiredAttachments' | 'opensAt' | 'closesAt'> & {
  opensAt: string;
  closesAt: string;
  requiredAttachments?: string;
};

const DAY = 86_400_000;

export function CallModal({ call, onClose }: { call: ProjectCall | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const save = useSaveCall();
  const [form] = Form.useForm<Values>();
  const regions = (me.data?.roles ?? []).flatMap((r) => (r.region && r.region.code.length <= 9 ? [r.region] : []));
  const initial: Partial<Values> = call
    ? {
        ...call,
        opensAt: tenantWallTime(call.opensAt),
        closesAt: tenantWallTime(call.closesAt),
        requiredAttachments: call.requiredAttachments.join('\n'),
      }
    : {
        level: regions[0]?.code.length === 6 ? 'district' : 'subdistrict',
        regionCode: regions[0]?.code,
        year: new Date().getFullYear(),
        opensAt: tenantWallTime(new Date()),
        closesAt: tenantWallTime(new Date(Date.now() + 30 * DAY)),
        eligibleKinds: [],
        requiredFields: ['objectives', 'plan', 'budget'],
      };
  const submit = ({ requiredAttachments, opensAt, closesAt, ...v }: Values) => {
    const body: CreateCallBody = {
      ...v,
      opensAt: fromTenantWallTime(opensAt).toISOString(),
      closesAt: fromTenantWallTime(closesAt).toISOString(),
      requiredAttachments: (requiredAttachments ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    };
    save.mutate(
      { id: call?.id, body },
      {
        onSuccess: () => {
          void message.success(t('projects.desk.calls.saved'));
          onClose();
        },
        onError: (e) => {
          const fields = e instanceof ApiError ? e.fieldErrors() : {};
          form.setFields(Object.entries(fields).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
          void message.error(errorText(e));
        },
      },
    );
  };
  const label = (k: string) => t(`projects.desk.calls.${k}` as 'projects.desk.calls.title');
  return (
    <Modal
      open
      width={640}
      title={call ? label('edit') : label('new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="title" label={label('title')} rules={[{ required: true }]}>
          <Input maxLength={textLimits.projectCallTitle} />
        </Form.Item>
        <Form.Item name="description" label={label('description')}>
          <Input.TextArea rows={3} maxLength={textLimits.projectCallDescription} />
        </Form.Item>
        <Form.Item name="level" label={label('level')}>
          <Select
            disabled={Boolean(call)}
            options={levels.map((l) => ({ value: l, label: t(`projects.levels.${l}`) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={label('region')} rules={[{ required: true }]}>
          <Select disabled={Boolean(call)} options={regions.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="year" label={label('year')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="opensAt" label={label('opensAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="closesAt" label={label('closesAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="eligibleKinds" label={label('eligible')} extra={label('anyKind')}>
          <Select
            mode="multiple"
            allowClear
            options={organisationKinds.map((k) => ({ value: k, label: t(`people.orgKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="requiredFields" label={label('requiredFields')}>
          <Select
            mode="multiple"
            allowClear
            options={optionalFields.map((f) => ({ value: f, label: t(`projects.optional.${f}`) }))}
          />
        </Form.Item>
        <Form.Item name="requiredAttachments" label={label('requiredAttachments')} extra={label('attachmentsHint')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
