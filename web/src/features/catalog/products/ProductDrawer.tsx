import { useEffect, useMemo, useState } from 'react';
import { App, Descriptions, Divider, Form, Input, Radio, Select, Table, Typography } from 'antd';
import { newIdempotencyKey } from '../../../api/http.js';
import { useQueryClient } from '@tanstack/react-query';
import { catalogKeys, useCreateProduct, useUpdateProduct, type Product } from '../../../api/catalog.js';
import { useDivisionNames } from '../../../api/network.js';
import type { Seller } from '../../../api/parties.js';
import { formatFen, formatGrams } from '../../../app/format.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { formRules } from '../../../app/ui/formRules.js';
import { PlaceFields } from '../../../app/ui/PlaceFields.js';
import { useServerErrors } from '../../../app/ui/useServerErrors.js';
import { useCategoryOptions } from '../shared/useCategoryOptions.js';
import { useSellerBrands } from '../shared/useSellerBrands.js';
import { isValidGtin } from '../shared/gtin.js';
import { emptyProduct, productChanges, productValues, toNewProduct, type ProductValues } from './productForm.js';
import { SkuListFields } from './SkuListFields.js';
import { NewPhotoPicker } from './NewPhotoPicker.js';
import { PhotoWall } from './PhotoWall.js';
import { uploadPhotos } from './uploadPhotos.js';
import { FormDrawer } from '../../../app/ui/FormDrawer.js';

interface Props {
  /** The product to edit, or null to add one. */
  product: Product | null;
  sellers: Seller[];
  open: boolean;
  onClose: () => void;
}

/**
 * 新增 / 编辑商品: seller, category, name, words, where it grows, regional brand (only one its seller is licensed for),
 * and, for a new product, its SKUs with prices and opening stock. One idempotency key per opened form.
 */
export function ProductDrawer({ product, sellers, open, onClose }: Props) {
  const t = useT();
  const rules = formRules(t);
  const [form] = Form.useForm<ProductValues>();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const { message } = App.useApp();
  const client = useQueryClient();
  const names = useDivisionNames();
  const categories = useCategoryOptions();
  const errors = useServerErrors(form, { fields: { originCode: ['townshipCode'] } });
  const { clear } = errors;
  const [idempotencyKey, setIdempotencyKey] = useState('');
  // Photos chosen for a new product go up once it is saved (they need its id).
  const [newPhotos, setNewPhotos] = useState<File[]>([]);
  const sellerId = Form.useWatch('sellerId', form) as string | undefined;
  const licensed = useSellerBrands(sellerId);
  const editing = !!product;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(product ? productValues(product) : emptyProduct(sellers.length === 1 ? sellers[0].id : undefined));
    clear();
    setIdempotencyKey(newIdempotencyKey());
    setNewPhotos([]);
  }, [open, product, sellers, form, clear]);

  const brandOptions = useMemo(() => {
    const options = licensed.brands.map((b) => ({ value: b.id, label: b.name }));
    // A brand the product carries stays shown, even if its licence has lapsed, so it can be taken off.
    if (product?.brand && !options.some((o) => o.value === product.brand!.id)) options.push({ value: product.brand.id, label: product.brand.name });
    return options;
  }, [licensed.brands, product]);

  const onFinish = (values: ProductValues) => {
    clear();
    const done = (text: string) => {
      void message.success(text);
      onClose();
    };
    if (product) {
      const changes = productChanges(product, values);
      if (Object.keys(changes).length === 0) return done(t('form.noChanges'));
      update.mutate({ id: product.id, changes }, { onSuccess: () => done(t('common.saved')), onError: errors.show });
    } else {
      create.mutate(
        { product: toNewProduct(values), idempotencyKey },
        {
          onSuccess: async (p) => {
            const { failed } = newPhotos.length ? await uploadPhotos(p.id, newPhotos) : { failed: [] };
            await client.invalidateQueries({ queryKey: catalogKeys.all });
            if (failed.length) void message.warning(t('photos.someFailed', { count: failed.length }), 8);
            done(t('products.created', { name: p.name }));
          },
          onError: errors.show,
        },
      );
    }
  };

  const field = (key: 'seller' | 'category' | 'name' | 'subtitle' | 'description' | 'brand' | 'status') => t(`product.field.${key}`);
  return (
    <FormDrawer title={product ? t('products.edit.title', { name: product.name }) : t('products.create.title')} open={open} onClose={onClose} width={720} saving={create.isPending || update.isPending} onSave={() => form.submit()} saveTestId="save-product">
      <Form<ProductValues> form={form} name="product" layout="vertical" onFinish={onFinish} scrollToFirstError autoComplete="off" initialValues={emptyProduct()}>
        {errors.banner}
        <Form.Item name="sellerId" label={field('seller')} rules={[rules.chosen(field('seller'))]}>
          <Select
            disabled={editing}
            showSearch={{ optionFilterProp: 'label' }}
            options={sellers.map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldValue('brandId', null)}
            data-testid="product-seller"
          />
        </Form.Item>
        <Form.Item name="categoryId" label={field('category')} rules={[rules.chosen(field('category'))]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={categories.loading} options={categories.options} data-testid="product-category" />
        </Form.Item>
        <Form.Item name="name" label={field('name')} rules={[rules.required(field('name')), rules.max(field('name'), 60)]}>
          <Input maxLength={60} showCount data-testid="product-name" />
        </Form.Item>
        <Form.Item name="subtitle" label={field('subtitle')} rules={[rules.max(field('subtitle'), 100)]}>
          <Input maxLength={100} placeholder={t('product.subtitleHint')} />
        </Form.Item>
        <Form.Item name="description" label={field('description')} rules={[rules.max(field('description'), 5000)]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {!editing && (
          <Form.Item label={t('photos.section')} extra={<span data-testid="new-photos-hint">{newPhotos.length ? t('photos.newHint') : t('photos.missingHint')}</span>}>
            <NewPhotoPicker value={newPhotos} onChange={setNewPhotos} />
          </Form.Item>
        )}
        {editing ? (
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }} items={[{ key: 'origin', label: t('product.field.origin'), children: names.place(product.originCode) ?? product.originCode }]} />
        ) : (
          <PlaceFields villageField="villageCode" townshipLabel={t('product.field.originTownship')} villageLabel={t('product.field.originVillage')} extra={t('product.originHint')} />
        )}
        <Form.Item name="brandId" label={field('brand')} extra={brandOptions.length ? t('product.brandHint') : t('product.noBrand')}>
          <Select allowClear disabled={!sellerId || brandOptions.length === 0} loading={licensed.pending && !!sellerId} options={brandOptions} data-testid="product-brand" />
        </Form.Item>
        <Form.Item
          name="gtin"
          label={t('product.field.gtin')}
          extra={t('product.gtinHint')}
          rules={[{ validator: (_: unknown, value?: string) => (!value?.trim() || isValidGtin(value.trim()) ? Promise.resolve() : Promise.reject(new Error(t('product.gtinInvalid')))) }]}
        >
          <Input inputMode="numeric" maxLength={14} style={{ width: 240 }} data-testid="product-gtin" />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item name="status" label={field('status')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'draft', label: t('productStatus.draft') },
                  { value: 'listed', label: t('product.listNow') },
                ]}
              />
            </Form.Item>
            <Divider titlePlacement="start">{t('sku.section')}</Divider>
            <SkuListFields />
          </>
        )}
      </Form>
      {product && (
        <>
          <Divider titlePlacement="start">{t('photos.section')}</Divider>
          <PhotoWall product={product} />
          <Divider titlePlacement="start">{t('sku.section')}</Divider>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={product.skus}
            columns={[
              { key: 'spec', title: t('sku.field.spec'), render: (_: unknown, s) => `${s.spec} / ${s.unit}` },
              { key: 'weight', title: t('sku.field.weight'), dataIndex: 'netWeightG', render: (g: number) => formatGrams(g) },
              { key: 'price', title: t('sku.field.price'), dataIndex: 'priceFen', render: (fen: number) => formatFen(fen) },
              { key: 'available', title: t('sku.available'), dataIndex: 'available' },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('sku.readOnly')}
          </Typography.Paragraph>
        </>
      )}
    </FormDrawer>
  );
}
