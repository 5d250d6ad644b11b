import { Modal } from 'antd';
import type { Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { PhotoWall } from './PhotoWall.js';

/** 商品图片: up to nine photos (JPEG, PNG or WebP, 8 MB each), put in order, the first is the main one; the server resizes them. */
export function PhotosModal({ product, open, onClose }: { product: Product; open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal title={t('photos.title', { name: product.name })} open={open} onCancel={onClose} footer={null}>
      <PhotoWall product={product} />
    </Modal>
  );
}
