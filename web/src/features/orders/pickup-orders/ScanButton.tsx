import { useState } from 'react';
import { Button } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { useT } from '../../../app/locale/LocaleContext.js';
import { cameraScanAvailable, CameraScanner } from '../../logistics/sorting/CameraScanner.js';

/** 扫码: reads an order's QR code with the phone's back camera where the browser can; elsewhere nothing (the point types). */
export function ScanButton({ onResult }: { onResult: (text: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!cameraScanAvailable()) return null;
  return (
    <>
      <Button icon={<ScanOutlined />} size="large" onClick={() => setOpen(true)} data-testid="scan-order">
        {t('pickup.scan.button')}
      </Button>
      <CameraScanner
        open={open}
        onClose={() => setOpen(false)}
        onCode={(text) => {
          setOpen(false);
          onResult(text);
        }}
      />
    </>
  );
}
