// Signature, drawn or typed. Drawing uses pointer events, so mouse, touch and
// pen all work with one code path (touch-action: none stops the page from
// scrolling under a finger). Typing is the keyboard and screen-reader route.
import { useRef, useState, type PointerEvent } from 'react';
import { Button, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { strokesToPath, type Point, type Signature } from '../signature';

const WIDTH = 400;
const HEIGHT = 150;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pad: {
    width: '100%',
    maxWidth: `${WIDTH}px`,
    aspectRatio: `${WIDTH} / ${HEIGHT}`,
    touchAction: 'none',
    cursor: 'crosshair',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    '@media (forced-colors: active)': { border: '1px solid CanvasText', color: 'CanvasText' },
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export type SignatureMode = 'draw' | 'type';

export interface SignaturePadProps {
  readonly value: Signature | null;
  onChange(value: Signature | null): void;
  readonly disabled?: boolean;
  /** Id of the validation message, for aria-describedby. */
  readonly describedBy?: string;
  readonly invalid?: boolean;
}

export function SignaturePad({ value, onChange, disabled = false, describedBy, invalid = false }: SignaturePadProps) {
  const styles = useStyles();
  const [mode, setMode] = useState<SignatureMode>(value?.kind === 'typed' ? 'type' : 'draw');
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef(false);
  const [path, setPath] = useState(value?.kind === 'drawn' ? value.path : '');

  const toPoint = (e: PointerEvent<SVGSVGElement>): Point => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / (box.width || WIDTH)) * WIDTH, y: ((e.clientY - box.top) / (box.height || HEIGHT)) * HEIGHT };
  };
  const publish = (): void => {
    const d = strokesToPath(strokes.current);
    setPath(d);
    onChange(d ? { kind: 'drawn', width: WIDTH, height: HEIGHT, path: d } : null);
  };

  return (
    <div className={styles.root}>
      <RadioGroup
        layout="horizontal"
        aria-label="How to sign"
        value={mode}
        disabled={disabled}
        onChange={(_, data) => {
          setMode(data.value as SignatureMode);
          strokes.current = [];
          setPath('');
          onChange(null);
        }}
      >
        <Radio value="draw" label="Draw" />
        <Radio value="type" label="Type" />
      </RadioGroup>
      {mode === 'draw' ? (
        <>
          <svg
            className={styles.pad}
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            // No aria-invalid here: role="img" does not support it (ARIA 1.2). The
            // enclosing Field marks the radiogroup, its control, invalid and required.
            role="img"
            aria-label={path ? 'Your drawn signature' : 'Signature area: draw with a mouse, finger or pen, or choose Type'}
            aria-describedby={describedBy}
            data-testid="signature-pad"
            onPointerDown={(e) => {
              if (disabled) return;
              e.currentTarget.setPointerCapture(e.pointerId);
              drawing.current = true;
              strokes.current.push([toPoint(e)]);
              publish();
            }}
            onPointerMove={(e) => {
              if (!drawing.current) return;
              strokes.current[strokes.current.length - 1]?.push(toPoint(e));
              publish();
            }}
            onPointerUp={() => { drawing.current = false; }}
            onPointerCancel={() => { drawing.current = false; }}
          >
            <path d={path} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <div className={styles.row}>
            <Button
              size="small"
              disabled={disabled || !path}
              onClick={() => {
                strokes.current = [];
                publish();
              }}
            >
              Clear signature
            </Button>
          </div>
        </>
      ) : (
        <Input
          aria-label="Type your name as your signature"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          disabled={disabled}
          value={value?.kind === 'typed' ? value.text : ''}
          onChange={(_, data) => onChange(data.value.trim() ? { kind: 'typed', text: data.value } : null)}
          style={{ fontStyle: 'italic' }}
        />
      )}
    </div>
  );
}
