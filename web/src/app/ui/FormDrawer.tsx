import type { ReactNode } from 'react';
import { Button, Drawer, Flex, Grid } from 'antd';
import { useT } from '../locale/LocaleContext.js';

interface Props {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Width on wide screens; phones get the whole width. */
  width: number;
  saving: boolean;
  /** Submits the drawer's form. */
  onSave: () => void;
  saveTestId: string;
  saveLabel?: ReactNode;
  children: ReactNode;
}

/** The drawer every create and edit form uses: full width on phones, cancel and save at the bottom. */
export function FormDrawer({ title, open, onClose, width, saving, onSave, saveTestId, saveLabel, children }: Props) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={screens.md ? width : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={saveTestId}>
            {saveLabel ?? t('common.save')}
          </Button>
        </Flex>
      }
    >
      {children}
    </Drawer>
  );
}
