/** The camera, read a few times a second by jsQR until a QR code is found. */
import jsQRModule from 'jsqr';
import { useEffect, useRef } from 'react';
import { defaultExport } from '../../shared/interop.js';

const jsQR = defaultExport<typeof jsQRModule.default>(jsQRModule);

export function QrScanner({ onFound, onError }: { onFound: (text: string) => void; onError: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const found = useRef(onFound);
  found.current = onFound;
  const failed = useRef(onError);
  failed.current = onError;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const read = () => {
      const v = video.current;
      if (stopped || !v) return;
      if (v.readyState >= v.HAVE_CURRENT_DATA && v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        const g = canvas.getContext('2d', { willReadFrequently: true });
        if (g) {
          g.drawImage(v, 0, 0);
          const image = g.getImageData(0, 0, canvas.width, canvas.height);
          const qr = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (qr?.data) {
            found.current(qr.data);
            return;
          }
        }
      }
      timer = window.setTimeout(read, 250);
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        void video.current.play();
        read();
      })
      .catch(() => failed.current());
    if (!navigator.mediaDevices) failed.current();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return <video ref={video} className="lf-checkin-video" muted playsInline />;
}
