import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../shared/text-limits.js';
import { phonePattern } from '../../shared/phone.js';
import { formatDate } from '../../shared/time.js';
import {
  type Book,
  type BookState,
  type StaffSite,
  useBooks,
  useLendBook,
  useRegisterBook,
  useReturnBook,
} from './data.js';
import { showFieldErrors } from './SiteInfoTab.js';

const day = formatDate;

/** The book drift corner: register books, lend (30 days by default), take back, see what is overdue. */
export function BooksTab({ site }: { site: StaffSite }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<BookState>('all');
  const books = useBooks(site.id, state);
  const rows = useMemo(() => books.data?.pages.flatMap((p) => p.items) ?? [], [books.data]);
  const [registerForm] = Form.useForm<{ title: string; author?: string; isbn?: string; donor?: string }>();
  const [lendForm] = Form.useForm<{ phone: string; name?: string; days: number }>();
  const [lending, setLending] = useState<Book | null>(null);
  const register = useRegisterBook();
  const lend = useLendBook();
  const giveBack = useReturnBook();
  const notify = (text: string) => void message.error(text);

  if (!site.zones.includes('book_drift')) {
    return <Alert type="info" showIcon title={t('siteConsole.zoneClosed', { zone: t('siteZones.book_drift') })} />;
  }

  const columns: TableColumnsType<Book> = [
    { title: t('siteConsole.bookTitle'), dataIndex: 'title', key: 'title' },
    { title: t('siteConsole.author'), dataIndex: 'author', key: 'author', responsive: ['md'] },
    { title: t('siteConsole.donor'), dataIndex: 'donor', key: 'donor', responsive: ['lg'] },
    {
      title: t('siteConsole.status'),
      key: 'status',
      render: (_: unknown, b: Book) =>
        !b.currentLoan ? (
          <Tag color="green">{t('siteConsole.onShelf')}</Tag>
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag color={b.currentLoan.overdue ? 'red' : 'blue'}>
              {b.currentLoan.overdue ? t('siteConsole.overdue') : t('siteConsole.lent')}
            </Tag>
            <Typography.Text type="secondary">
              {b.currentLoan.borrowerName}
              {b.currentLoan.borrowerPhoneMasked ? ` ${b.currentLoan.borrowerPhoneMasked}` : ''} ·{' '}
              {t('siteConsole.dueOn', { date: day(b.currentLoan.dueAt) })}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, b: Book) =>
        b.currentLoan ? (
          <Button
            size="small"
            onClick={() =>
              giveBack.mutate(
                { params: { path: { siteId: site.id, bookId: b.id } } },
                {
                  onSuccess: () => void message.success(t('siteConsole.returned')),
                  onError: (e) => showFieldErrors(e, registerForm, notify),
                },
              )
            }
          >
            {t('siteConsole.return')}
          </Button>
        ) : (
          <Button size="small" type="primary" onClick={() => setLending(b)}>
            {t('siteConsole.lend')}
          </Button>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('siteConsole.registerBook')}>
        <Form
          form={registerForm}
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(v) =>
            register.mutate(
              {
                params: { path: { siteId: site.id } },
                body: {
                  title: v.title,
                  author: v.author || undefined,
                  isbn: v.isbn || undefined,
                  donor: v.donor || undefined,
                },
              },
              {
                onSuccess: () => {
                  registerForm.resetFields();
                  void message.success(t('siteConsole.saved'));
                },
                onError: (e) => showFieldErrors(e, registerForm, notify),
              },
            )
          }
        >
          <Form.Item name="title" label={t('siteConsole.bookTitle')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={textLimits.bookTitle} />
          </Form.Item>
          <Form.Item name="author" label={t('siteConsole.author')}>
            <Input maxLength={textLimits.bookAuthor} />
          </Form.Item>
          <Form.Item name="isbn" label="ISBN">
            <Input maxLength={13} />
          </Form.Item>
          <Form.Item name="donor" label={t('siteConsole.donor')}>
            <Input maxLength={textLimits.bookDonor} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={register.isPending}>
            {t('siteConsole.register')}
          </Button>
        </Form>
      </Card>
      <Card
        title={t('siteConsole.books')}
        extra={
          <Segmented<BookState>
            value={state}
            onChange={setState}
            options={(['all', 'available', 'lent', 'overdue'] as const).map((s) => ({
              value: s,
              label: t(`siteConsole.bookStates.${s}`),
            }))}
          />
        }
      >
        <Table<Book>
          className="lf-books-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={books.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        {books.hasNextPage && (
          <Button style={{ marginTop: 12 }} onClick={() => books.fetchNextPage()} loading={books.isFetchingNextPage}>
            {t('console.sites.loadMore')}
          </Button>
        )}
      </Card>
      <Modal
        open={lending !== null}
        title={t('siteConsole.lendTitle', { title: lending?.title ?? '' })}
        okText={t('siteConsole.lend')}
        confirmLoading={lend.isPending}
        onCancel={() => setLending(null)}
        onOk={() => lendForm.submit()}
        destroyOnHidden
      >
        <Form
          form={lendForm}
          layout="vertical"
          initialValues={{ days: 30 }}
          onFinish={(v) =>
            lending &&
            lend.mutate(
              {
                params: { path: { siteId: site.id, bookId: lending.id } },
                body: { phone: v.phone, name: v.name?.trim(), days: v.days },
              },
              {
                onSuccess: () => {
                  setLending(null);
                  lendForm.resetFields();
                  void message.success(t('siteConsole.lentOut'));
                },
                onError: (e) => showFieldErrors(e, lendForm, notify),
              },
            )
          }
        >
          <Form.Item
            name="phone"
            label={t('siteConsole.borrowerPhone')}
            rules={[{ required: true, pattern: phonePattern, message: t('auth.phoneInvalid') }]}
          >
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('siteConsole.borrowerName')}
            extra={t('siteConsole.borrowerNameHint')}
            rules={[{ required: true, whitespace: true, message: t('siteConsole.borrowerNameHint') }]}
          >
            <Input maxLength={textLimits.borrowerName} />
          </Form.Item>
          <Form.Item name="days" label={t('siteConsole.days')} rules={[{ required: true }]}>
            <InputNumber min={1} max={180} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
