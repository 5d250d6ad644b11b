import { App, Button, Dropdown, Flex, Space } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useUpdateProduct, type Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';

export type ProductTask = 'edit' | 'stock' | 'cert' | 'photos';

/** Edit; list or unlist; and under 更多: count stock, add a certificate, photos (the page opens the form). */
/**
 * `spread` (a phone's card): every action a button of its own, big enough for a thumb, instead of links and 更多⌄
 * that shrink to nothing in a table cell.
 */
export function ProductActions({ product, onTask, spread = false }: { product: Product; onTask: (task: ProductTask, product: Product) => void; spread?: boolean }) {
  const t = useT();
  const update = useUpdateProduct();
  const { message } = App.useApp();
  const listed = product.status === 'listed';
  const toggle = () =>
    update.mutate(
      { id: product.id, changes: { status: listed ? 'unlisted' : 'listed' } },
      {
        onSuccess: () => void message.success(t(listed ? 'products.unlisted' : 'products.listed')),
        onError: (error) => void message.error(errorText(error, t)),
      },
    );
  if (spread) {
    const tasks: [ProductTask, string][] = [['stock', t('stock.button')], ['cert', t('cert.button')], ['photos', t('photos.button')]];
    return (
      <Flex wrap gap={8}>
        <Button onClick={() => onTask('edit', product)} data-testid="edit-product">
          {t('common.edit')}
        </Button>
        <Button loading={update.isPending} onClick={toggle} data-testid={listed ? 'unlist-product' : 'list-product'}>
          {t(listed ? 'products.unlist' : 'products.list')}
        </Button>
        {tasks.map(([task, label]) => (
          <Button key={task} onClick={() => onTask(task, product)} data-testid={`product-${task}`}>
            {label}
          </Button>
        ))}
      </Flex>
    );
  }
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onTask('edit', product)} data-testid="edit-product">
        {t('common.edit')}
      </Button>
      <Button type="link" size="small" loading={update.isPending} onClick={toggle} data-testid={listed ? 'unlist-product' : 'list-product'}>
        {t(listed ? 'products.unlist' : 'products.list')}
      </Button>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'stock', label: t('stock.button'), onClick: () => onTask('stock', product) },
            { key: 'cert', label: t('cert.button'), onClick: () => onTask('cert', product) },
            { key: 'photos', label: t('photos.button'), onClick: () => onTask('photos', product) },
          ],
        }}
      >
        <Button type="link" size="small" data-testid="more-product">
          {t('products.more')} <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
