import { useEffect, useState } from 'react';
import { App, Form, Input, Radio, Select } from 'antd';
import { newIdempotencyKey, type ApiError } from '../../../api/http.js';
import { useApprovedSellers, type Seller } from '../../../api/parties.js';
import { useCreateProducer, type ProducerKind, type ProducerView } from '../../../api/trace-farm.js';
import { normalizeIdentifier } from '../../../app/identifiers.js';
import { useT, type Translate } from '../../../app/locale/LocaleContext.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';
import { formRules } from '../../../app/ui/formRules.js';
import { identifierVerdict } from '../../../app/ui/identifierVerdict.js';
import { PlaceFields } from '../../../app/ui/PlaceFields.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { emptyProducer, toProducerInput, type ProducerValues } from './producerForm.js';

interface Props {
  open: boolean;
  /** The kind the form starts with: a merchant is a seller, a service point works for farmers. */
  defaultKind: ProducerKind;
  /** The kinds this user may register (a merchant: its own seller only). */
  kinds: readonly ProducerKind[];
  /** Sellers already registered as producers: shown, but not chosen twice. */
  registered: ReadonlySet<string>;
  onClose: () => void;
  onCreated: (producer: ProducerView) => void;
}

/**
 * The trace API refuses a bad ID number as a plain 400 on body.idNumber (parties answers ID_NUMBER_INVALID), so its
 * English reason is put in our words here.
 */
function idNumberVerdict(error: ApiError, t: Translate): string | undefined {
  if (error.field !== 'body.idNumber') return undefined;
  if (/check character/.test(error.message)) return t('identifier.checkCharacter');
  if (/birth date/.test(error.message)) return t('identifier.birthDate');
  return t('error.ID_NUMBER_INVALID');
}

/** Where a seller is registered, as the form's township and village (a township-level seller still picks its village). */
function placeOf(seller: Seller): Pick<ProducerValues, 'townshipCode' | 'divisionCode'> {
  const code = seller.divisionCode;
  return code.length === 12 ? { townshipCode: code.slice(0, 9), divisionCode: code } : { townshipCode: code.slice(0, 9), divisionCode: undefined };
}

/**
 * 新增生产主体: a marketplace seller (chosen from the sellers one may see), or a farmer by name, village, phone and
 * ID number. One idempotency key per opened form.
 */
export function ProducerCreateDrawer({ open, defaultKind, kinds, registered, onClose, onCreated }: Props) {
  const t = useT();
  const rules = formRules(t);
  const { message } = App.useApp();
  const [form] = Form.useForm<ProducerValues>();
  const create = useCreateProducer();
  const errors = useServerErrors(form, { describe: (error) => identifierVerdict(error, t) ?? idNumberVerdict(error, t) });
  const { clear } = errors;
  const [key, setKey] = useState('');
  const kind = Form.useWatch('kind', form) ?? defaultKind;
  const sellers = useApprovedSellers(open && kind === 'seller');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(emptyProducer(defaultKind));
    clear();
    setKey(newIdempotencyKey());
  }, [open, defaultKind, form, clear]);

  const onFinish = (values: ProducerValues) => {
    clear();
    create.mutate(
      { input: toProducerInput(values), idempotencyKey: key },
      {
        onSuccess: (producer) => {
          void message.success(t('trace.producers.created', { name: producer.name }));
          onClose();
          onCreated(producer);
        },
        onError: errors.show,
      },
    );
  };

  const seller = t('trace.producers.field.seller');
  const name = t('trace.producers.field.name');
  const idNumber = t('trace.producers.field.idNumber');
  return (
    <FormDrawer
      title={t('trace.producers.create.title')}
      open={open}
      onClose={onClose}
      width={560}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="producer-save"
      saveLabel={t('common.create')}
    >
      <Form<ProducerValues> form={form} name="producer-create" layout="vertical" onFinish={onFinish} scrollToFirstError autoComplete="off">
        {errors.banner}
        <Form.Item name="kind" label={t('trace.producers.field.kind')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={kinds.map((k) => ({ value: k, label: t(`trace.producerKind.${k}`) }))} data-testid="producer-kind" />
        </Form.Item>
        {kind === 'seller' ? (
          <Form.Item name="sellerId" label={seller} extra={t('trace.producers.field.sellerHint')} rules={[rules.chosen(seller)]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={sellers.isPending}
              options={(sellers.data ?? []).map((s) => ({
                value: s.id,
                label: registered.has(s.id) ? `${s.name}（${t('trace.producers.field.sellerRegistered')}）` : s.name,
                disabled: registered.has(s.id),
              }))}
              onChange={(id: string) => {
                const chosen = sellers.data?.find((s) => s.id === id);
                if (chosen) form.setFieldsValue(placeOf(chosen));
              }}
              notFoundContent={sellers.isPending ? undefined : t('trace.producers.field.noSellers')}
              data-testid="producer-seller"
            />
          </Form.Item>
        ) : (
          <Form.Item name="name" label={name} rules={[rules.required(name), rules.max(name, 60)]}>
            <Input maxLength={60} data-testid="producer-name" />
          </Form.Item>
        )}
        <PlaceFields
          villageField="divisionCode"
          villageRequired
          townshipLabel={t('trace.producers.field.township')}
          villageLabel={t('trace.producers.field.village')}
          testIds={{ township: 'producer-township', village: 'producer-village' }}
        />
        {kind === 'farmer' && (
          <>
            <Form.Item name="phone" label={t('trace.producers.field.phone')} rules={[rules.phone]}>
              <Input inputMode="tel" maxLength={11} data-testid="producer-phone" />
            </Form.Item>
            <Form.Item name="idNumber" label={idNumber} extra={t('trace.producers.field.idNumberHint')} normalize={normalizeIdentifier} rules={[rules.idNumber]}>
              <Input maxLength={18} showCount spellCheck={false} styles={{ input: { fontFamily: 'monospace' } }} data-testid="producer-id-number" />
            </Form.Item>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
