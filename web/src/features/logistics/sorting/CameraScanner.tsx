import { useEffect, useRef, useState } from 'react';
import { Alert, Grid, Modal, Typography } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats?: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

/** The Shape Detection API where the browser has it (Chrome on Android, not desktop Firefox or iOS Safari). */
const Detector = (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
const WANTED = ['code_128', 'qr_code'];

/** A camera scan is offered only where the browser can detect codes and open the camera (a secure page). */
export const cameraScanAvailable = (): boolean => !!Detector && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

/** The phone's back camera in a dialog; the first Code 128 or QR code it reads is handed over and the dialog closes. */
export function CameraScanner({ open, onClose, onCode }: { open: boolean; onClose: () => void; onCode: (code: string) => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const video = useRef<HTMLVideoElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The latest callback without restarting the camera when the page re-renders.
  const deliver = useRef(onCode);
  useEffect(() => {
    deliver.current = onCode;
  });

  useEffect(() => {
    if (!open || !Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const start = async () => {
      try {
        const supported = (await Detector.getSupportedFormats?.()) ?? WANTED;
        const formats = WANTED.filter((f) => supported.includes(f));
        const detector = new Detector({ formats: formats.length ? formats : WANTED });
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        let busy = false;
        timer = setInterval(() => {
          if (busy || stopped || !video.current || video.current.readyState < 2) return;
          busy = true;
          detector
            .detect(video.current)
            .then((codes) => {
              const code = codes.find((c) => c.rawValue.trim())?.rawValue.trim();
              if (code && !stopped) {
                stopped = true;
                deliver.current(code);
              }
            })
            .catch(() => undefined)
            .finally(() => {
              busy = false;
            });
        }, 200);
      } catch (err) {
        setFailure(err instanceof Error ? err.message || err.name : String(err));
      }
    };
    setFailure(null);
    void start();
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open]);

  return (
    <Modal title={t('logistics.sorting.cameraTitle')} open={open} onCancel={onClose} footer={null} width={screens.md ? 560 : '100%'} destroyOnHidden centered>
      {failure ? (
        <Alert type="error" showIcon title={t('logistics.sorting.cameraFailed', { reason: failure })} />
      ) : (
        <>
          <video ref={video} muted playsInline style={{ width: '100%', borderRadius: 8, background: '#000', aspectRatio: '4 / 3', objectFit: 'cover' }} data-testid="sorting-camera-video" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, textAlign: 'center' }}>
            {t('logistics.sorting.cameraHint')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
