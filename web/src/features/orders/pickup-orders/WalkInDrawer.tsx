import { useMemo, useState } from 'react';
import { App, Button, Empty, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useProductSearch } from '../../../api/catalog.js';
import { newIdempotencyKey } from '../../../api/http.js';
import { useWalkInOrder } from '../../../api/orders.js';
import { formatFen } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';
import { formRules } from '../../../app/ui/formRules.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { shortOrderNo } from '../shared/orderLabels.js';

interface Line {
  skuId: string;
  label: string;
  priceFen: number;
  quantity: number;
}

interface Villager {
  name: string;
  phone: string;
}

/**
 * 代下单: the point picks products for a villager without an account and enters the villager's name and phone. The
 * order is cash at this point; the villager is texted the order number. One idempotency key per opened form, so a
 * second tap on a slow link places nothing twice.
 */
export function WalkInDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<Villager>();
  const errors = useServerErrors(form);
  const { message, modal } = App.useApp();
  const place = useWalkInOrder();
  const [key, setKey] = useState(newIdempotencyKey);
  const [q, setQ] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [noLines, setNoLines] = useState(false);
  const search = useProductSearch({ q: q || undefined, sort: 'sales' }, 20);
  const options = useMemo(
    () =>
      (search.data?.pages[0]?.items ?? []).flatMap((p) =>
        p.skus
          .filter((s) => s.active && s.available > 0)
          .map((s) => ({ value: s.id, label: `${p.name} · ${s.spec} ${formatFen(s.priceFen)}（${t('pickup.walkIn.stock', { count: s.available })}）`, name: `${p.name} · ${s.spec}`, priceFen: s.priceFen })),
      ),
    [search.data, t],
  );

  const add = (skuId: string) => {
    const option = options.find((o) => o.value === skuId);
    if (!option) return;
    setNoLines(false);
    setLines((now) => (now.some((l) => l.skuId === skuId) ? now.map((l) => (l.skuId === skuId ? { ...l, quantity: l.quantity + 1 } : l)) : [...now, { skuId, label: option.name, priceFen: option.priceFen, quantity: 1 }]));
  };

  const close = () => {
    form.resetFields();
    errors.clear();
    setLines([]);
    setQ('');
    setKey(newIdempotencyKey());
    onClose();
  };

  const onFinish = (values: Villager) => {
    if (lines.length === 0) return setNoLines(true);
    errors.clear();
    place.mutate(
      { walkIn: { items: lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })), name: values.name.trim(), phone: values.phone.trim() }, idempotencyKey: key },
      {
        onSuccess: (orders) => {
          void message.success(t('pickup.walkIn.done'));
          modal.success({
            title: t('pickup.walkIn.done'),
            content: (
              <Flex vertical gap={4} data-testid="walk-in-placed">
                {orders.map((o) => (
                  <span key={o.id}>{t('pickup.walkIn.doneNo', { no: shortOrderNo(o), amount: formatFen(o.totalFen) })}</span>
                ))}
              </Flex>
            ),
          });
          close();
        },
        onError: (error) => errors.show(error),
      },
    );
  };

  const total = lines.reduce((n, l) => n + l.priceFen * l.quantity, 0);
  return (
    <FormDrawer title={t('pickup.walkIn.title')} open={open} onClose={close} width={560} saving={place.isPending} onSave={() => form.submit()} saveTestId="walk-in-submit" saveLabel={t('pickup.walkIn.submit')}>
      <Form<Villager> form={form} name="walk-in" layout="vertical" onFinish={onFinish} initialValues={{ name: '', phone: '' }}>
        {errors.banner}
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('pickup.walkIn.intro')}
        </Typography.Paragraph>
        <Form.Item label={t('pickup.walkIn.search')} validateStatus={noLines ? 'error' : undefined} help={noLines ? t('pickup.walkIn.pickOne') : undefined}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            value={null}
            placeholder={t('pickup.walkIn.searchHint')}
            options={options}
            onChange={(skuId: string | null) => skuId && add(skuId)}
            loading={search.isFetching}
            notFoundContent={search.isFetching ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
            data-testid="walk-in-product"
          />
        </Form.Item>
        <Typography.Text strong>{t('pickup.walkIn.lines')}</Typography.Text>
        <Flex vertical gap={8} style={{ margin: '8px 0 16px' }} data-testid="walk-in-lines">
          {lines.length === 0 && <Typography.Text type="secondary">{t('pickup.walkIn.noLines')}</Typography.Text>}
          {lines.map((l) => (
            <Flex key={l.skuId} align="center" gap={8}>
              <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis>
                {l.label}
              </Typography.Text>
              <Typography.Text type="secondary">{formatFen(l.priceFen)}</Typography.Text>
              <InputNumber min={1} max={999} value={l.quantity} style={{ width: 72 }} onChange={(n) => setLines((now) => now.map((x) => (x.skuId === l.skuId ? { ...x, quantity: Number(n ?? 1) } : x)))} />
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('pickup.walkIn.remove')} onClick={() => setLines((now) => now.filter((x) => x.skuId !== l.skuId))} />
            </Flex>
          ))}
          {lines.length > 0 && (
            <Typography.Text strong style={{ textAlign: 'right' }}>
              {t('order.itemsFen')} {formatFen(total)}
            </Typography.Text>
          )}
        </Flex>
        <Form.Item name="name" label={t('pickup.walkIn.name')} rules={[rules.required(t('pickup.walkIn.name')), rules.max(t('pickup.walkIn.name'), 50)]}>
          <Input maxLength={50} autoComplete="off" data-testid="walk-in-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('pickup.walkIn.phone')} rules={[rules.required(t('pickup.walkIn.phone')), { pattern: /^1\d{10}$/, message: t('pickup.walkIn.phoneInvalid') }]}>
          <Input maxLength={11} inputMode="tel" autoComplete="off" data-testid="walk-in-phone" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
