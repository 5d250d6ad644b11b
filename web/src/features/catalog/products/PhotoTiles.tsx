import { Button, Flex, Image, Popconfirm, Tag, Tooltip } from 'antd';
import { DeleteOutlined, LeftOutlined, PlusOutlined, RightOutlined, StarOutlined } from '@ant-design/icons';
import { useT } from '../../../app/locale/LocaleContext.js';
import { MAX_PHOTOS, PHOTO_TYPES } from './uploadPhotos.js';

const SIDE = 96;

export interface Tile {
  key: string;
  /** What the tile shows (the 400 px copy, or a picked file's local address). */
  src: string;
  /** What the preview opens (the 1200 px copy). */
  preview?: string;
}

interface Props {
  tiles: Tile[];
  /** Moves a tile to a new place (0 is the main picture). */
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  onAdd: (files: File[]) => void;
  busy?: boolean;
}

/**
 * Photos as a row of squares: the first marked 主图; each can be previewed, moved left or right, made the main one
 * or removed; a last square adds more (several at once), up to nine.
 */
export function PhotoTiles({ tiles, onMove, onRemove, onAdd, busy = false }: Props) {
  const t = useT();
  return (
    <Image.PreviewGroup>
      <Flex wrap gap={12} data-testid="photo-tiles">
        {tiles.map((tile, i) => (
          <Flex key={tile.key} vertical gap={4} align="center" data-testid="photo-tile">
            <div style={{ position: 'relative', width: SIDE, height: SIDE, borderRadius: 8, overflow: 'hidden', border: '1px solid #f0f0f0' }}>
              <Image src={tile.src} preview={{ src: tile.preview ?? tile.src }} width={SIDE} height={SIDE} style={{ objectFit: 'cover' }} alt="" />
              {i === 0 && (
                <Tag color="red" style={{ position: 'absolute', top: 4, left: 4, marginInlineEnd: 0 }} data-testid="photo-main">
                  {t('photos.main')}
                </Tag>
              )}
            </div>
            <Flex gap={2}>
              <Tooltip title={t('photos.left')}>
                <Button size="small" type="text" icon={<LeftOutlined />} disabled={busy || i === 0} onClick={() => onMove(i, i - 1)} aria-label={t('photos.left')} />
              </Tooltip>
              {i > 0 && (
                <Tooltip title={t('photos.makeMain')}>
                  <Button size="small" type="text" icon={<StarOutlined />} disabled={busy} onClick={() => onMove(i, 0)} aria-label={t('photos.makeMain')} data-testid="photo-make-main" />
                </Tooltip>
              )}
              <Tooltip title={t('photos.right')}>
                <Button size="small" type="text" icon={<RightOutlined />} disabled={busy || i === tiles.length - 1} onClick={() => onMove(i, i + 1)} aria-label={t('photos.right')} />
              </Tooltip>
              <Popconfirm title={t('photos.removeConfirm')} onConfirm={() => onRemove(i)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={busy} aria-label={t('photos.remove')} data-testid="photo-remove" />
              </Popconfirm>
            </Flex>
          </Flex>
        ))}
        {tiles.length < MAX_PHOTOS && (
          <label
            style={{ width: SIDE, height: SIDE, border: '1px dashed #d9d9d9', borderRadius: 8, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', cursor: busy ? 'wait' : 'pointer', color: '#595959', background: '#fafafa' }}
            data-testid="photo-add"
          >
            <PlusOutlined />
            <span style={{ marginTop: 6, fontSize: 13 }}>{t('photos.add')}</span>
            <input
              type="file"
              accept={PHOTO_TYPES}
              multiple
              disabled={busy}
              style={{ display: 'none' }}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length) onAdd(files);
              }}
            />
          </label>
        )}
      </Flex>
    </Image.PreviewGroup>
  );
}
