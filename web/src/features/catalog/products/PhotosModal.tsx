import { App, Modal, Typography, Upload, type UploadFile } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { catalogKeys, useRemovePhoto, type Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';

const MAX_PHOTOS = 9;
const MAX_BYTES = 8 * 1024 * 1024;

/** 商品图片: up to nine photos (JPEG, PNG or WebP, 8 MB each), the first is the main one; the server resizes them. */
export function PhotosModal({ product, open, onClose }: { product: Product; open: boolean; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const remove = useRemovePhoto();
  const { message } = App.useApp();
  const files: UploadFile[] = product.photos.map((p) => ({ uid: p.id, name: p.id, status: 'done', url: p.url, thumbUrl: p.thumbUrl }));

  return (
    <Modal title={t('photos.title', { name: product.name })} open={open} onCancel={onClose} footer={null}>
      <Typography.Paragraph type="secondary">{t('photos.hint')}</Typography.Paragraph>
      <Upload
        name="photo"
        listType="picture-card"
        accept="image/jpeg,image/png,image/webp"
        action={`/api/v1/catalog/products/${encodeURIComponent(product.id)}/photos`}
        withCredentials
        fileList={files}
        beforeUpload={(file) => {
          if (file.size > MAX_BYTES) {
            void message.error(t('photos.tooLarge'));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        onChange={({ file }) => {
          if (file.status === 'done') void client.invalidateQueries({ queryKey: catalogKeys.all }).then(() => message.success(t('photos.uploaded')));
          if (file.status === 'error') void message.error((file.response as { error?: { message?: string } } | undefined)?.error?.message ?? t('photos.failed'));
        }}
        onRemove={(file) =>
          new Promise<boolean>((resolve) => {
            remove.mutate(file.uid, {
              onSuccess: () => resolve(true),
              onError: (error) => {
                void message.error(errorText(error, t));
                resolve(false);
              },
            });
          })
        }
        showUploadList={{ showPreviewIcon: false }}
      >
        {files.length < MAX_PHOTOS && (
          <div>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('photos.add')}</div>
          </div>
        )}
      </Upload>
    </Modal>
  );
}
