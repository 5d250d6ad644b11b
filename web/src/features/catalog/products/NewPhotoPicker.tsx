import { useEffect, useMemo } from 'react';
import { App } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';
import { PhotoTiles } from './PhotoTiles.js';
import { moved } from './PhotoWall.js';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from './uploadPhotos.js';

/** Photos chosen for a product not yet saved: kept on the phone or PC, in order, and sent once it is saved. */
export function NewPhotoPicker({ value = [], onChange }: { value?: File[]; onChange?: (files: File[]) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const urls = useMemo(() => value.map((file) => URL.createObjectURL(file)), [value]);
  useEffect(() => () => urls.forEach((url) => URL.revokeObjectURL(url)), [urls]);
  return (
    <PhotoTiles
      tiles={value.map((file, i) => ({ key: `${file.name}-${file.size}-${file.lastModified}-${i}`, src: urls[i] }))}
      onAdd={(files) => {
        const fitting = files.filter((f) => f.size <= MAX_PHOTO_BYTES);
        if (fitting.length < files.length) void message.warning(t('photos.tooLarge'));
        onChange?.([...value, ...fitting].slice(0, MAX_PHOTOS));
      }}
      onMove={(from, to) => onChange?.(moved(value, from, to))}
      onRemove={(index) => onChange?.(value.filter((_, i) => i !== index))}
    />
  );
}
