import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'antd-mobile';

/**
 * A signature drawn with a finger on the screen, handed back as a PNG (transparent, dark strokes) each time a
 * stroke ends; null once cleared. The API keeps the PNG with what was signed.
 */
export function SignaturePad({ label, onChange }: { label: string; onChange: (png: Blob | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [signed, setSigned] = useState(false);

  useEffect(() => {
    const element = canvas.current!;
    const ratio = window.devicePixelRatio || 1;
    element.width = element.clientWidth * ratio;
    element.height = element.clientHeight * ratio;
    const context = element.getContext('2d')!;
    context.scale(ratio, ratio);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111';
  }, []);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top] as const;
  };

  const start = (event: React.PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const context = event.currentTarget.getContext('2d')!;
    context.beginPath();
    context.moveTo(...point(event));
  };

  const move = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d')!;
    context.lineTo(...point(event));
    context.stroke();
  };

  const end = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setSigned(true);
    event.currentTarget.toBlob((png) => onChange(png), 'image/png');
  };

  const clear = useCallback(() => {
    const element = canvas.current!;
    element.getContext('2d')!.clearRect(0, 0, element.width, element.height);
    setSigned(false);
    onChange(null);
  }, [onChange]);

  return (
    <div>
      <canvas
        ref={canvas}
        role="img"
        aria-label={label}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
        style={{
          width: '100%',
          height: 180,
          touchAction: 'none',
          background: '#fff',
          border: '1px dashed #8c8c8c',
          borderRadius: 8,
        }}
      />
      <div className="row" style={{ marginTop: 4 }}>
        <span className="muted">{signed ? '已签名' : '请零售户在框内手写签名'}</span>
        <Button size="mini" onClick={clear} disabled={!signed}>
          清除签名
        </Button>
      </div>
    </div>
  );
}
