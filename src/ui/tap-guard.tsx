import { useRef, type ButtonHTMLAttributes, type MouseEvent, type PointerEvent } from 'react';

/** A finger landing again this soon, this close, on the next screen is the same double tap (5–500 ms apart). */
const doubleTap = { ms: 500, px: 32 };

/** Where and when the last tap taken from a finger landed (shared: each step mounts new buttons). */
let lastFingerTap: { x: number; y: number; at: number } | null = null;

function isSecondFingerTap(event: PointerEvent): boolean {
  if (event.pointerType !== 'touch' || !lastFingerTap) return false;
  const { x, y, at } = lastFingerTap;
  return event.timeStamp - at < doubleTap.ms && Math.hypot(event.clientX - x, event.clientY - y) < doubleTap.px;
}

interface Press {
  readonly finger: boolean;
  readonly second: boolean;
}

/**
 * A tap these buttons should not take: the second tap of a double tap (the browser counts it in `detail`; a finger's
 * second tap up to 500 ms later at the same spot), or a pointer click whose press began before these buttons were
 * on screen (it was meant for the previous step). Keyboard and assistive-technology clicks (detail 0) count.
 */
function isStrayTap(event: MouseEvent, press: Press | null): boolean {
  if (event.detail === 0) return false;
  return event.detail > 1 || press === null || press.second;
}

/**
 * Guards buttons that mount with a new step against the rest of a double tap meant for the last one: put
 * `onPointerDown` on them (or a container of them) and act on a click only when `accept` says so. Mount it with the
 * step (a keyed element), so a press on the last step's buttons is not counted.
 */
export function useTapGuard() {
  const press = useRef<Press | null>(null);
  return {
    onPointerDown(event: PointerEvent) {
      press.current = { finger: event.pointerType === 'touch', second: isSecondFingerTap(event) };
    },
    accept(event: MouseEvent): boolean {
      if (isStrayTap(event, press.current)) return false;
      if (press.current?.finger) lastFingerTap = { x: event.clientX, y: event.clientY, at: event.timeStamp };
      return true;
    },
  };
}

type GuardedButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'onPointerDown' | 'type'> & {
  onClick: () => void;
};

/** A button on a step's screen that ignores the second half of a double tap on the previous step's answer. */
export function GuardedButton({ onClick, ...props }: GuardedButtonProps) {
  const guard = useTapGuard();
  return (
    <button
      {...props}
      type="button"
      onPointerDown={guard.onPointerDown}
      onClick={(event) => {
        if (guard.accept(event)) onClick();
      }}
    />
  );
}
