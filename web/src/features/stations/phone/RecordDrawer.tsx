import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Drawer, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Consignor, Desk, GradeStandard, OpenProxyBuy, RecordType } from '../../../api/station-phone.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import type { MessageKey } from '../../../app/locale/messages.js';
// The phone grades offline, and checks a close's reason, with the very rule files the server uses (SHARED_WITH_WEB in tools/eslint-module-boundaries.js).
import { reasonExplains } from '../../../../../src/modules/stations/close-reason.js';
import { criteriaOf, gradeLines, standardInForce, type GradeStandard as RuleStandard } from '../../../../../src/modules/stations/grading.js';
// A bill's account is checked before it is queued with the providers' shapes the server refuses by (ACCOUNT_INVALID).
import { ACCOUNT_RULES, accountProblem } from '../../../../../src/modules/stations/providers/account-rules.js';
import { BIG, CustomerItems, customerOf, fenOf, gramsOf, kgRule, PaidByItem, ProviderItem, TextItem, YuanItem, type CustomerValues } from './fields.js';
import { closingTimeOf, dayName, kg, yuan, type TillTotals } from './till.js';
import type { TillCash } from './stationQueue.js';

/** What the drawer is open for: a service's form, a next step of an open 代买, a payout, or the till. */
export type DrawerKind =
  | { kind: 'proxy_buy' | 'consignment' | 'purchase' | 'bill' | 'ticket' | 'cash_withdrawal' | 'loan_referral' | 'farm_input' | 'stock_in' | 'open' | 'close' }
  | { kind: 'close_day'; day: string; expectedCashFen: number }
  | { kind: 'proxy_step'; step: 'ordered' | 'parcel' | 'handover' | 'cancel'; buy: OpenProxyBuy }
  | { kind: 'payout'; consignor: Consignor };

export interface Submit {
  (type: RecordType, fields: Record<string, unknown>, opts: { label: string; receipt?: boolean; cash?: TillCash; at?: string }): Promise<boolean>;
}

const BILL_SERVICES = ['electricity', 'water', 'phone', 'broadband'] as const;
const TICKET_MODES = ['train', 'bus', 'plane', 'hotel'] as const;
const PLATFORMS = ['countyhub', 'taobao', 'tmall', 'jd', 'pinduoduo', 'douyin', 'kuaishou', 'other'] as const;

type Values = CustomerValues & Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The title of the drawer, in the operator's words. */
function titleOf(t: (k: MessageKey) => string, d: DrawerKind): string {
  if (d.kind === 'proxy_step') return `${t(`station.type.proxy_buy.${d.step}` as MessageKey)} · ${d.buy.item}`;
  if (d.kind === 'payout') return `${t('station.type.consignment.payout')} · ${d.consignor.name}`;
  if (d.kind === 'open') return t('station.till.openButton');
  if (d.kind === 'close') return t('station.till.closeButton');
  if (d.kind === 'close_day') return `${t('station.till.closeButton')} · ${dayName(t, d.day)}`;
  return t(`station.service.${d.kind}` as MessageKey);
}

/**
 * One short form a bottom drawer: the villager, the service's fields, 记账. Amounts are typed in yuan as text and
 * sent in fen, weights in kg as text and sent in grams, exactly. A 收购 grades every weighed lot with the county's
 * standard as the phone holds it (the same rule the server applies) and shows grade, price and total before it is
 * recorded.
 */
export function RecordDrawer({ open, onClose, desk, totals, submit }: { open: DrawerKind | null; onClose: () => void; desk: Desk; totals: TillTotals; submit: Submit }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  if (!open) return null;

  const finish = async (values: Values) => {
    setBusy(true);
    try {
      if (await record(values)) onClose();
    } finally {
      setBusy(false);
    }
  };

  const customers = desk.customers;
  const providers = desk.providers ?? [];
  const providerName = (id: unknown) => providers.find((p) => p.id === id)?.name ?? '';

  async function record(v: Values): Promise<boolean> {
    const d = open!;
    const who = () => customerOf(v, customers);
    switch (d.kind) {
      case 'open':
        return submit('day.open', { openingCashFen: fenOf(text(v.opening)) }, { label: `${t('station.till.opening')} ${yuan(fenOf(text(v.opening)))}` });
      case 'close': {
        const counted = fenOf(text(v.counted));
        return submit('day.close', { countedCashFen: counted, expectedCashFen: totals.expectedFen, ...(text(v.reason) && { reason: text(v.reason) }) }, { label: `${t('station.till.counted')} ${yuan(counted)}` });
      }
      case 'close_day': {
        const counted = fenOf(text(v.counted));
        return submit(
          'day.close',
          { countedCashFen: counted, expectedCashFen: d.expectedCashFen, ...(text(v.reason) && { reason: text(v.reason) }) },
          { label: `${dayName(t, d.day)} · ${t('station.till.counted')} ${yuan(counted)}`, at: closingTimeOf(d.day) },
        );
      }
      case 'proxy_buy': {
        const c = who();
        const deposit = fenOf(text(v.deposit) || '0');
        return submit(
          'proxy_buy.request',
          { ...c.fields, item: text(v.item), ...(text(v.quantityText) && { quantityText: text(v.quantityText) }), ...(text(v.budget) && { budgetFen: fenOf(text(v.budget)) }), depositFen: deposit },
          { label: `${c.name} · ${text(v.item)}${deposit ? ` · ${t('station.proxy.deposit', { amount: yuan(deposit) })}` : ''}`, receipt: true },
        );
      }
      case 'proxy_step': {
        const ref = { proxyBuyClientId: d.buy.clientId };
        const name = d.buy.customer?.name ?? d.buy.customerName ?? '';
        if (d.step === 'ordered') {
          return submit('proxy_buy.ordered', { ...ref, platform: v.platform, ...(text(v.platformName) && { platformName: text(v.platformName) }), externalOrderNo: text(v.orderNo), costFen: fenOf(text(v.cost)) }, { label: `${name} · ${d.buy.item} · ${text(v.orderNo)}` });
        }
        if (d.step === 'parcel') return submit('proxy_buy.parcel', { ...ref, waybillNo: text(v.waybill), ...(text(v.carrier) && { carrier: text(v.carrier) }) }, { label: `${name} · ${d.buy.item} · ${text(v.waybill)}` });
        if (d.step === 'handover') {
          const collected = fenOf(text(v.collected));
          return submit('proxy_buy.handover', { ...ref, feeFen: fenOf(text(v.fee) || '0'), collectedFen: collected }, { label: `${name} · ${d.buy.item} · ${yuan(collected)}`, receipt: true });
        }
        return submit('proxy_buy.cancel', { ...ref, refundFen: fenOf(text(v.refund) || '0'), reason: text(v.reason) }, { label: `${name} · ${d.buy.item}`, receipt: true });
      }
      case 'bill': {
        const c = who();
        const amount = fenOf(text(v.amount));
        return submit(
          'bill.pay',
          { ...c.fields, service: v.service, providerId: v.providerId, accountNo: text(v.accountNo), amountFen: amount, feeFen: fenOf(text(v.fee) || '0'), paidBy: v.paidBy ?? 'cash' },
          { label: `${t(`station.bill.${String(v.service)}` as MessageKey)} · ${c.name} · ${yuan(amount)}`, receipt: true },
        );
      }
      case 'ticket': {
        const c = who();
        const amount = fenOf(text(v.amount));
        return submit(
          'ticket.book',
          { ...c.fields, mode: v.mode, providerId: v.providerId, description: text(v.description), travelDate: text(v.travelDate), amountFen: amount, feeFen: fenOf(text(v.fee) || '0'), paidBy: v.paidBy ?? 'cash' },
          { label: `${t(`station.ticket.${String(v.mode)}` as MessageKey)} · ${c.name} · ${text(v.description)}`, receipt: true },
        );
      }
      case 'cash_withdrawal': {
        const c = who();
        const amount = fenOf(text(v.amount));
        return submit('cash.withdraw', { ...c.fields, providerId: v.providerId, cardTail: text(v.cardTail), amountFen: amount, feeFen: fenOf(text(v.fee) || '0') }, { label: `${providerName(v.providerId)} · ${c.name} · ${yuan(amount)}`, receipt: true });
      }
      case 'loan_referral': {
        const c = who();
        const amount = fenOf(text(v.amount));
        return submit('loan.refer', { ...c.fields, providerId: v.providerId, amountFen: amount, purpose: text(v.purpose) }, { label: `${providerName(v.providerId)} · ${c.name} · ${yuan(amount)}`, receipt: true });
      }
      case 'consignment': {
        const c = who();
        const standard = standards.find((s) => s.produce === v.produce);
        const grade = standard?.grades.find((g) => g.key === v.grade);
        const weight = gramsOf(text(v.weight));
        return submit(
          'consignment.intake',
          { ...c.fields, produce: v.produce, grade: v.grade, weightG: weight, priceFenPerKg: fenOf(text(v.price)) },
          { label: `${c.name} · ${standard?.name ?? ''}${grade ? ` ${grade.name}` : ''} · ${kg(weight)}`, receipt: true },
        );
      }
      case 'purchase': {
        const c = who();
        const standard = standards.find((s) => s.produce === v.produce);
        if (!standard) return false;
        const lines = ((v.lines as LineValues[] | undefined) ?? []).map((l) => lineInput(standard, l));
        const graded = gradeLines(standard as RuleStandard, lines);
        const total = graded.ok ? graded.totalFen : 0;
        const paidBy = (v.paidBy as string) ?? 'cash';
        return submit(
          'purchase.receipt',
          { ...c.fields, produce: standard.produce, standardVersion: standard.version, lines, paidBy },
          { label: `${c.name} · ${standard.name} · ${graded.ok ? kg(graded.netG) : ''} · ${yuan(total)}`, receipt: true, cash: { inFen: 0, outFen: paidBy === 'cash' ? total : 0 } },
        );
      }
      case 'farm_input': {
        const c = who();
        const input = (desk.farmInputs ?? []).find((i) => i.id === v.inputId);
        const quantity = Number(v.quantity);
        return submit('farm_input.sale', { ...c.fields, inputId: v.inputId, quantity }, { label: `${c.name} · ${input?.name ?? ''} × ${quantity} · ${yuan((input?.priceFen ?? 0) * quantity)}`, receipt: true });
      }
      case 'stock_in': {
        const input = (desk.farmInputs ?? []).find((i) => i.id === v.inputId);
        return submit('farm_input.stock_in', { inputId: v.inputId, quantity: Number(v.quantity) }, { label: `${input?.name ?? ''} × ${Number(v.quantity)}` });
      }
      case 'payout': {
        const amount = fenOf(text(v.amount));
        return submit('consignment.payout', { customerId: d.consignor.id, amountFen: amount }, { label: `${d.consignor.name} · ${yuan(amount)}`, receipt: true });
      }
    }
  }

  const standards = standardsNow(desk);
  return (
    <Drawer
      open
      placement="bottom"
      size="92%"
      onClose={onClose}
      title={titleOf(t, open)}
      destroyOnHidden
      styles={{ body: { padding: 16 } }}
      data-testid="station-drawer"
      extra={
        <Button type="primary" size="large" loading={busy} onClick={() => form.submit()} data-testid="record-submit">
          {t('station.form.submit')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)} requiredMark={false} style={{ maxWidth: 560, margin: '0 auto' }} data-testid={`form-${open.kind}`}>
        <Fields open={open} desk={desk} totals={totals} form={form} />
        <Button type="primary" size="large" block htmlType="submit" loading={busy} data-testid="record-submit-bottom">
          {t('station.form.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}

/** The version of each produce's standard in force now (the desk also holds those scheduled and, for a while, superseded). */
function standardsNow(desk: Desk): GradeStandard[] {
  const all = desk.gradeStandards ?? [];
  const now = new Date().toISOString();
  const produces = [...new Set(all.map((s) => s.produce))];
  return produces.map((p) => standardInForce(all, p, now)).filter((s): s is GradeStandard => !!s);
}

interface LineValues {
  gross?: string;
  tare?: string;
  m?: Record<string, number | null | undefined>;
}

function lineInput(standard: { grades: { criteria: { key: string; label: string; unit: string }[] }[] }, l: LineValues) {
  const measurements: Record<string, number> = {};
  for (const c of criteriaOf(standard as RuleStandard)) {
    const value = l.m?.[c.key];
    if (typeof value === 'number') measurements[c.key] = value;
  }
  return { grossG: gramsOf(l.gross), tareG: gramsOf(l.tare || '0'), measurements };
}

function Fields({ open, desk, totals, form }: { open: DrawerKind; desk: Desk; totals: TillTotals; form: ReturnType<typeof Form.useForm<Values>>[0] }) {
  const t = useT();
  const customers = <CustomerItems customers={desk.customers} form={form} />;
  const providers = desk.providers ?? [];
  const billService = Form.useWatch('service', form) as string | undefined;
  const ticketMode = Form.useWatch('mode', form) as string | undefined;
  const produce = Form.useWatch('produce', form) as string | undefined;
  const platform = Form.useWatch('platform', form) as string | undefined;
  const counted = Form.useWatch('counted', form) as string | undefined;
  const standards = standardsNow(desk);
  const standard = standards.find((s) => s.produce === produce);
  const inputs = desk.farmInputs ?? [];

  switch (open.kind) {
    case 'open':
      // The previous day's counted cash (or, left open, its expected cash), as the server would open the day with it.
      return <YuanItem name="opening" label={t('station.form.openingCash')} testId="field-opening" initial={(totals.openingFen / 100).toFixed(2)} />;
    case 'close':
    case 'close_day': {
      // An earlier day left open is closed against what the server expects of it (from the desk).
      const expectedFen = open.kind === 'close_day' ? open.expectedCashFen : totals.expectedFen;
      const countedFen = fenOf(counted);
      const difference = counted ? countedFen - expectedFen : 0;
      return (
        <>
          <Typography.Paragraph type="secondary">{t('station.till.closeHint')}</Typography.Paragraph>
          <Flex justify="space-between" style={{ fontSize: 16, marginBottom: 12 }}>
            <span>{t('station.till.expected')}</span>
            <strong data-testid="close-expected">{yuan(expectedFen)}</strong>
          </Flex>
          <YuanItem name="counted" label={t('station.till.counted')} testId="field-counted" />
          <Flex justify="space-between" style={{ fontSize: 16, marginBottom: 12 }}>
            <span>{t('station.till.difference')}</span>
            <strong style={{ color: difference === 0 ? undefined : '#cf1322' }} data-testid="close-difference">
              {yuan(difference)}
            </strong>
          </Flex>
          <Form.Item
            name="reason"
            label={t('station.till.reason')}
            dependencies={['counted']}
            rules={[
              {
                validator: async (_r, value?: string) => {
                  if (fenOf(form.getFieldValue('counted') as string) !== expectedFen && !reasonExplains(value)) throw new Error(t('station.till.reasonRequired'));
                },
              },
            ]}
          >
            <Input.TextArea rows={2} maxLength={200} data-testid="field-reason" />
          </Form.Item>
        </>
      );
    }
    case 'proxy_buy':
      return (
        <>
          {customers}
          <TextItem name="item" label={t('station.form.item')} max={100} testId="field-item" />
          <TextItem name="quantityText" label={t('station.form.quantityText')} max={50} required={false} testId="field-quantity-text" />
          <YuanItem name="budget" label={t('station.form.budget')} required={false} testId="field-budget" />
          <YuanItem name="deposit" label={t('station.form.deposit')} required={false} testId="field-deposit" />
        </>
      );
    case 'proxy_step':
      if (open.step === 'ordered') {
        return (
          <>
            <Form.Item name="platform" label={t('station.form.platform')} initialValue="countyhub">
              <Select {...BIG} options={PLATFORMS.map((p) => ({ value: p, label: t(`station.platform.${p}` as MessageKey) }))} data-testid="field-platform" />
            </Form.Item>
            {platform === 'other' && <TextItem name="platformName" label={t('station.form.platformName')} max={30} testId="field-platform-name" />}
            <TextItem name="orderNo" label={t('station.form.orderNo')} max={64} testId="field-order-no" />
            <YuanItem name="cost" label={t('station.form.cost')} testId="field-cost" />
          </>
        );
      }
      if (open.step === 'parcel') {
        return (
          <>
            <TextItem name="waybill" label={t('station.form.waybill')} max={32} testId="field-waybill" />
            <TextItem name="carrier" label={t('station.form.carrier')} max={20} required={false} testId="field-carrier" />
          </>
        );
      }
      if (open.step === 'handover') {
        return (
          <>
            {open.buy.depositFen ? <Typography.Paragraph>{t('station.proxy.deposit', { amount: yuan(open.buy.depositFen) })}</Typography.Paragraph> : null}
            <YuanItem name="fee" label={t('station.form.fee')} required={false} testId="field-fee" />
            <YuanItem name="collected" label={t('station.form.collected')} testId="field-collected" />
          </>
        );
      }
      return (
        <>
          <YuanItem name="refund" label={t('station.form.refund')} required={false} testId="field-refund" />
          <TextItem name="reason" label={t('station.form.reason')} max={200} testId="field-reason" />
        </>
      );
    case 'bill':
      return (
        <>
          {customers}
          <Form.Item name="service" label={t('station.form.billService')} initialValue="electricity">
            <Select {...BIG} options={BILL_SERVICES.map((s) => ({ value: s, label: t(`station.bill.${s}` as MessageKey) }))} data-testid="field-bill-service" />
          </Form.Item>
          <ProviderItem providers={providers} kind="bill" service={billService} label={t('station.form.provider')} testId="field-provider" />
          <Form.Item
            name="accountNo"
            label={t('station.form.accountNo')}
            dependencies={['service']}
            rules={[
              { required: true, whitespace: true, message: t('station.form.required') },
              {
                validator: async (_r, v?: string) => {
                  const problem = v?.trim() && billService && billService in ACCOUNT_RULES ? accountProblem(billService as keyof typeof ACCOUNT_RULES, v.trim()) : null;
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            <Input {...BIG} maxLength={40} autoComplete="off" placeholder={billService && billService in ACCOUNT_RULES ? ACCOUNT_RULES[billService as keyof typeof ACCOUNT_RULES].hint : undefined} data-testid="field-account-no" />
          </Form.Item>
          <YuanItem name="amount" label={t('station.form.amount')} testId="field-amount" />
          <YuanItem name="fee" label={t('station.form.fee')} required={false} testId="field-fee" />
          <PaidByItem />
        </>
      );
    case 'ticket':
      return (
        <>
          {customers}
          <Form.Item name="mode" label={t('station.form.mode')} initialValue="train">
            <Select {...BIG} options={TICKET_MODES.map((m) => ({ value: m, label: t(`station.ticket.${m}` as MessageKey) }))} data-testid="field-mode" />
          </Form.Item>
          <ProviderItem providers={providers} kind="ticket" service={ticketMode} label={t('station.form.provider')} testId="field-provider" />
          <TextItem name="description" label={t('station.form.description')} max={100} testId="field-description" />
          <Form.Item name="travelDate" label={t('station.form.travelDate')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('station.form.required') }]}>
            <Input {...BIG} type="date" data-testid="field-travel-date" />
          </Form.Item>
          <YuanItem name="amount" label={t('station.form.amount')} testId="field-amount" />
          <YuanItem name="fee" label={t('station.form.fee')} required={false} testId="field-fee" />
          <PaidByItem />
        </>
      );
    case 'cash_withdrawal':
      return (
        <>
          {customers}
          <ProviderItem providers={providers} kind="cash_withdrawal" label={t('station.form.bank')} testId="field-provider" />
          <Form.Item name="cardTail" label={t('station.form.cardTail')} rules={[{ required: true, pattern: /^\d{4}$/, message: t('station.form.cardTail') }]}>
            <Input {...BIG} inputMode="numeric" maxLength={4} data-testid="field-card-tail" />
          </Form.Item>
          <YuanItem name="amount" label={t('station.form.amount')} testId="field-amount" extra={t('station.form.cashLimit')} />
          <YuanItem name="fee" label={t('station.form.bankFee')} required={false} testId="field-fee" />
        </>
      );
    case 'loan_referral':
      return (
        <>
          {customers}
          <ProviderItem providers={providers} kind="loan_referral" label={t('station.form.bank')} testId="field-provider" />
          <YuanItem name="amount" label={t('station.form.amount')} testId="field-amount" />
          <TextItem name="purpose" label={t('station.form.purpose')} max={100} testId="field-purpose" />
        </>
      );
    case 'consignment':
      return (
        <>
          {customers}
          <ProduceItem standards={standards} />
          <Form.Item name="grade" label={t('station.form.grade')} rules={[{ required: true, message: t('station.form.required') }]}>
            <Select {...BIG} options={[...(standard?.grades ?? []).map((g) => ({ value: g.key, label: g.name })), ...(standard && standard.offGradePriceFenPerKg !== null ? [{ value: 'off', label: '等外' }] : [])]} data-testid="field-grade" />
          </Form.Item>
          <Form.Item name="weight" label={t('station.form.weight')} rules={[kgRule(t)]}>
            <Input {...BIG} inputMode="decimal" suffix="kg" data-testid="field-weight" />
          </Form.Item>
          <YuanItem name="price" label={t('station.form.pricePerKg')} testId="field-price" />
        </>
      );
    case 'purchase':
      return (
        <>
          {customers}
          <ProduceItem standards={standards} />
          {standard && <PurchaseLines standard={standard} form={form} />}
          <PaidByItem />
        </>
      );
    case 'farm_input':
    case 'stock_in':
      return (
        <>
          {open.kind === 'farm_input' && customers}
          <Form.Item name="inputId" label={t('station.form.input')} rules={[{ required: true, message: t('station.form.required') }]}>
            <Select
              {...BIG}
              showSearch={{ optionFilterProp: 'label' }}
              options={inputs.map((i) => ({ value: i.id, label: `${i.name}${i.spec ? ` ${i.spec}` : ''} · ${yuan(i.priceFen)}${i.unit ? `/${i.unit}` : ''}${i.stock !== undefined ? ` · ${t('station.form.stock', { count: i.stock })}` : ''}` }))}
              data-testid="field-input"
            />
          </Form.Item>
          <Form.Item name="quantity" label={t('station.form.quantity')} rules={[{ required: true, type: 'integer', min: 1, message: t('station.form.required') }]}>
            <InputNumber size="large" min={1} precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="field-quantity" />
          </Form.Item>
        </>
      );
    case 'payout':
      return (
        <>
          <Typography.Paragraph>{t('station.balance', { amount: yuan(open.consignor.balanceFen) })}</Typography.Paragraph>
          <Form.Item name="amount" label={t('station.form.payoutAmount')} initialValue={(open.consignor.balanceFen / 100).toFixed(2)} rules={[{ validator: async (_r, v?: string) => void (fenOf(v) > 0 || Promise.reject(new Error(t('station.form.yuanInvalid')))) }]}>
            <Input {...BIG} inputMode="decimal" prefix="¥" data-testid="field-amount" />
          </Form.Item>
        </>
      );
  }
}

function ProduceItem({ standards }: { standards: GradeStandard[] }) {
  const t = useT();
  return (
    <Form.Item name="produce" label={t('station.form.produce')} rules={[{ required: true, message: t('station.form.required') }]} extra={standards.length === 0 ? t('station.form.noStandard') : undefined}>
      <Select {...BIG} options={standards.map((s) => ({ value: s.produce, label: s.name }))} data-testid="field-produce" />
    </Form.Item>
  );
}

/** 过磅: every lot's gross and tare and the standard's measurements; the grade, price and amount as the rule gives them. */
function PurchaseLines({ standard, form }: { standard: NonNullable<Desk['gradeStandards']>[number]; form: ReturnType<typeof Form.useForm<Values>>[0] }) {
  const t = useT();
  const criteria = useMemo(() => criteriaOf(standard as RuleStandard), [standard]);
  const lines = (Form.useWatch('lines', form) as LineValues[] | undefined) ?? [];
  const graded = lines.map((l, i) => (gramsOf(l?.gross) > 0 ? gradeLines(standard as RuleStandard, [lineInput(standard, l ?? {})], `lines[${i}]`) : null));
  const ok = graded.every((g) => g?.ok);
  const netG = graded.reduce((n, g) => n + (g?.ok ? g.netG : 0), 0);
  const total = graded.reduce((n, g) => n + (g?.ok ? g.totalFen : 0), 0);
  return (
    <Form.List name="lines" initialValue={[{}]}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => {
            const g = graded[i];
            return (
              <Card key={field.key} size="small" style={{ marginBottom: 12 }} title={t('station.form.line', { n: i + 1 })} extra={fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('station.form.removeLine')} />} data-testid="purchase-line">
                <Flex gap={8}>
                  <Form.Item name={[field.name, 'gross']} label={t('station.form.gross')} rules={[kgRule(t)]} style={{ flex: 1 }}>
                    <Input {...BIG} inputMode="decimal" data-testid="field-gross" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'tare']} label={t('station.form.tare')} style={{ flex: 1 }}>
                    <Input {...BIG} inputMode="decimal" data-testid="field-tare" />
                  </Form.Item>
                </Flex>
                <Flex gap={8} wrap>
                  {criteria.map((c) => (
                    <Form.Item key={c.key} name={[field.name, 'm', c.key]} label={`${c.label}（${c.unit}）`} rules={[{ required: true, message: t('station.form.required') }]} style={{ flex: '1 1 40%' }}>
                      <InputNumber size="large" inputMode="decimal" style={{ width: '100%' }} data-testid={`field-m-${c.key}`} />
                    </Form.Item>
                  ))}
                </Flex>
                {g && (g.ok ? (
                  <Typography.Text strong data-testid="purchase-line-grade">
                    {g.lines[0].gradeName} · {kg(g.netG)} × {yuan(g.lines[0].priceFenPerKg)}/kg = {yuan(g.totalFen)}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="danger">{g.refusal.message}</Typography.Text>
                ))}
              </Card>
            );
          })}
          <Button block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }} data-testid="purchase-add-line">
            {t('station.form.addLine')}
          </Button>
          {lines.length > 0 && ok && (
            <Alert type="info" showIcon={false} style={{ marginBottom: 12, fontSize: 16 }} title={t('station.form.total', { weight: kg(netG), amount: yuan(total) })} data-testid="purchase-total" />
          )}
        </>
      )}
    </Form.List>
  );
}
