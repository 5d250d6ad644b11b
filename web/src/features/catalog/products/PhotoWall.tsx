import { useState } from 'react';
import { Alert, App, Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { catalogKeys, useManagedProduct, useRemovePhoto, useReorderPhotos, type Product } from '../../../api/catalog.js';
import { useT } from '../../../app/locale/LocaleContext.js';
import { errorText } from '../../../app/ui/errorText.js';
import { PhotoTiles } from './PhotoTiles.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, uploadPhotos } from './uploadPhotos.js';

/** Moves one item of a list to another place. */
export const moved = <T,>(list: T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
};

/**
 * 商品图片 of a saved product: upload (several at once), preview, put in order (the first is the main picture in
 * the shop), remove. Without any photo it says plainly that the shop shows a drawing instead.
 */
export function PhotoWall({ product: given }: { product: Product }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useQueryClient();
  const remove = useRemovePhoto();
  const reorder = useReorderPhotos();
  const [uploading, setUploading] = useState(0);
  // The product as it is now: the page may hold a copy from before the last upload.
  const product = useManagedProduct(given.id, given).data ?? given;
  const photos = product.photos;

  const add = async (files: File[]) => {
    const fitting = files.filter((f) => f.size <= MAX_PHOTO_BYTES).slice(0, MAX_PHOTOS - photos.length);
    if (fitting.length < files.length) void message.warning(t('photos.tooLarge'));
    if (fitting.length === 0) return;
    setUploading(fitting.length);
    const { sent, failed } = await uploadPhotos(product.id, fitting);
    setUploading(0);
    await client.invalidateQueries({ queryKey: catalogKeys.all });
    if (sent.length) void message.success(t('photos.uploaded'));
    for (const { error } of failed) void message.error(errorText(error, t));
  };

  return (
    <Flex vertical gap={12} data-testid="photo-wall">
      <Typography.Text type="secondary">{t('photos.hint')}</Typography.Text>
      {photos.length === 0 && uploading === 0 && <Alert type="warning" showIcon title={t('photos.missingHint')} data-testid="photo-missing" />}
      <PhotoTiles
        tiles={photos.map((p) => ({ key: p.id, src: p.thumbUrl, preview: p.url }))}
        busy={uploading > 0 || reorder.isPending || remove.isPending}
        onAdd={(files) => void add(files)}
        onMove={(from, to) =>
          reorder.mutate(
            { productId: product.id, photoIds: moved(photos, from, to).map((p) => p.id) },
            { onSuccess: () => void message.success(t('photos.reordered')), onError: (error) => void message.error(errorText(error, t)) },
          )
        }
        onRemove={(index) => remove.mutate(photos[index].id, { onSuccess: () => void message.success(t('photos.removed')), onError: (error) => void message.error(errorText(error, t)) })}
      />
      {uploading > 0 && <Typography.Text type="secondary">{t('photos.uploading', { count: uploading })}</Typography.Text>}
    </Flex>
  );
}
