/** Creating or editing a course: the catalogue text, training time, the qualification it grants and the quiz settings. */
import { App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { errorText } from '../../api/errors.js';
import { useMe } from '../../api/session.js';
import { type CourseDetail, categories } from '../../h5/academy/data.js';
import type { academyZhCN } from '../../i18n/academy.zh-CN.js';
import { type CourseBody, idempotent, useCreateCourse, usePartners, useUpdateCourse } from './data.js';

type Values = Omit<CourseBody, 'teachers' | 'materials'> & { teachers?: string; videos?: string };

const lines = (text = '') =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function CourseModal({ course, onClose }: { course: CourseDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const partners = usePartners();
  const create = useCreateCourse();
  const update = useUpdateCourse();
  const [form] = Form.useForm<Values>();
  const regions = (me.data?.roles ?? []).flatMap((r) => (r.region ? [r.region] : []));
  const initial: Partial<Values> = course
    ? {
        ...course,
        partnerId: course.partner?.id ?? null,
        qualificationCode: course.qualification?.code ?? null,
        teachers: course.teachers.join('\n'),
      }
    : {
        category: 'skills',
        trainingMinutes: 120,
        passingScore: 60,
        questionsPerAttempt: 10,
        maxAttempts: 3,
        requiresAttendance: true,
        regionCode: regions[0]?.code,
      };
  const submit = ({ teachers, videos, ...v }: Values) => {
    const body: CourseBody = {
      ...v,
      qualificationCode: v.qualificationCode || null,
      validMonths: v.qualificationCode ? (v.validMonths ?? null) : null,
      teachers: lines(teachers),
      ...(course
        ? {}
        : {
            materials: lines(videos).map((l) => {
              const at = l.lastIndexOf(' ');
              return { kind: 'video' as const, title: l.slice(0, at).trim() || l, url: l.slice(at + 1) };
            }),
          }),
    };
    const done = {
      onSuccess: () => {
        void message.success(t('academy.desk.saved'));
        onClose();
      },
      onError: (e: unknown) => void message.error(errorText(e)),
    };
    if (course) update.mutate({ params: { path: { id: course.id } }, body }, done);
    else create.mutate({ body, headers: idempotent() }, done);
  };
  const label = (k: keyof typeof academyZhCN.desk.fields) => t(`academy.desk.fields.${k}`);
  return (
    <Modal
      open
      width={640}
      title={course ? t('academy.desk.editCourse') : t('academy.desk.newCourse')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="title" label={label('title')} rules={[{ required: true }]}>
          <Input maxLength={textLimits.academyCourseTitle} />
        </Form.Item>
        <Form.Item name="category" label={label('category')}>
          <Select options={categories.map((c) => ({ value: c, label: t(`academy.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={label('region')} rules={[{ required: true }]}>
          <Select options={regions.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="partnerId" label={label('partner')}>
          <Select allowClear options={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="description" label={label('description')}>
          <Input.TextArea rows={3} maxLength={textLimits.academyCourseDescription} />
        </Form.Item>
        <Form.Item name="teachers" label={label('teachers')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {!course && (
          <Form.Item name="videos" label={label('videos')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        <Form.Item name="trainingMinutes" label={label('minutes')}>
          <InputNumber min={0} max={6000} />
        </Form.Item>
        <Form.Item name="qualificationCode" label={label('qualification')}>
          <Input placeholder="first_aid" />
        </Form.Item>
        <Form.Item name="validMonths" label={label('validMonths')}>
          <InputNumber min={1} max={240} />
        </Form.Item>
        <Form.Item name="requiresAttendance" valuePropName="checked">
          <Checkbox>{label('requiresAttendance')}</Checkbox>
        </Form.Item>
        <Form.Item name="passingScore" label={label('passingScore')}>
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="questionsPerAttempt" label={label('questionsPerAttempt')}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item name="maxAttempts" label={label('maxAttempts')}>
          <InputNumber min={1} max={10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
