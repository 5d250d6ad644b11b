import { Tag, Tooltip } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import type { Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';

/** 缺图片: a product the shop can only show as a drawing; pressing it opens its photos. */
export function MissingPhotoTag({ product, onClick }: { product: Product; onClick: () => void }) {
  const t = useT();
  if (product.photos.length > 0) return null;
  return (
    <Tooltip title={t('photos.missingHint')}>
      <Tag color="warning" icon={<PictureOutlined />} style={{ cursor: 'pointer', marginInlineEnd: 0 }} onClick={onClick} data-testid="photo-missing-tag">
        {t('photos.missing')}
      </Tag>
    </Tooltip>
  );
}
