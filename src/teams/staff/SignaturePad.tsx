// Signature, drawn or typed. Drawing uses pointer events, so mouse, touch and
// pen all work with one code path (touch-action: none stops the page from
// scrolling under a finger). Typing is the keyboard and screen-reader route.
//
// Each control sits in its own Field: one Field around two controls gave both
// the Field's control id (a duplicate id) and named the radiogroup after the
// Field's label, overriding its own aria-label.
import { useImperativeHandle, useRef, useState, type PointerEvent, type Ref } from 'react';
import { Button, Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { strokesToPath, type Point, type Signature } from '../signature';

const WIDTH = 400;
const HEIGHT = 150;

const useStyles = makeStyles({
  // A bare fieldset: the group and its legend for assistive technology, no box.
  // min-width 0 because a fieldset defaults to min-content and would push a phone
  // screen sideways.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
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
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
    '@media (forced-colors: active)': { border: '1px solid CanvasText', color: 'CanvasText' },
  },
  typed: { fontStyle: 'italic' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export type SignatureMode = 'draw' | 'type';

export interface SignaturePadHandle {
  /** Takes focus to the control that holds the missing signature. */
  focus(): void;
}

export interface SignaturePadProps {
  readonly value: Signature | null;
  onChange(value: Signature | null): void;
  readonly disabled?: boolean;
  /** Shown beside, and describing, the drawing or the typed name; undefined when nothing is wrong. */
  readonly error?: string;
  readonly ref?: Ref<SignaturePadHandle>;
}

export function SignaturePad({ value, onChange, disabled = false, error, ref }: SignaturePadProps) {
  const styles = useStyles();
  const [mode, setMode] = useState<SignatureMode>(value?.kind === 'typed' ? 'type' : 'draw');
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef(false);
  const [path, setPath] = useState(value?.kind === 'drawn' ? value.path : '');
  const padRef = useRef<SVGSVGElement>(null);
  const typedRef = useRef<HTMLInputElement>(null);

  // The drawing takes focus (tabIndex -1: reachable by script only, since it cannot
  // be drawn with keys) so a screen reader reads the message and "or choose Type".
  useImperativeHandle(ref, () => ({ focus: () => (mode === 'draw' ? padRef.current : typedRef.current)?.focus() }), [mode]);

  const toPoint = (e: PointerEvent<SVGSVGElement>): Point => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / (box.width || WIDTH)) * WIDTH, y: ((e.clientY - box.top) / (box.height || HEIGHT)) * HEIGHT };
  };
  const publish = (): void => {
    const d = strokesToPath(strokes.current);
    setPath(d);
    onChange(d ? { kind: 'drawn', width: WIDTH, height: HEIGHT, path: d } : null);
  };
  const invalid = error !== undefined;

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>Signature</legend>
      <Field label="How to sign">
        <RadioGroup
          layout="horizontal"
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
      </Field>
      {mode === 'draw' ? (
        <>
          <Field validationMessage={error} validationState={invalid ? 'error' : 'none'}>
            {/* Only the description is taken from the Field: role="img" supports
                neither aria-invalid nor aria-required (ARIA 1.2), and the drawing
                names itself. */}
            {(field) => (
              <svg
                ref={padRef}
                className={styles.pad}
                viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
                role="img"
                tabIndex={-1}
                aria-label={path ? 'Your drawn signature' : 'Signature area: draw with a mouse, finger or pen, or choose Type'}
                aria-describedby={field['aria-describedby']}
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
            )}
          </Field>
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
        <Field label="Type your name as your signature" required validationMessage={error} validationState={invalid ? 'error' : 'none'}>
          <Input
            ref={typedRef}
            input={{ className: styles.typed }}
            disabled={disabled}
            value={value?.kind === 'typed' ? value.text : ''}
            onChange={(_, data) => onChange(data.value.trim() ? { kind: 'typed', text: data.value } : null)}
          />
        </Field>
      )}
    </fieldset>
  );
}
