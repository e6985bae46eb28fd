import type { ButtonHTMLAttributes } from 'react';
import { Spinner } from './Spinner';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'normal' | 'small' | 'large';
  busy?: boolean;
};

/** A button that stays focusable and says it is working while `busy`. */
export function Button({
  variant = 'secondary',
  size = 'normal',
  busy = false,
  className,
  children,
  disabled,
  ...rest
}: Props) {
  return (
    <button
      type="button"
      {...rest}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={['btn', `btn-${variant}`, size !== 'normal' ? `btn-${size}` : '', className ?? ''].join(' ').trim()}
    >
      {busy && <Spinner small />}
      {children}
    </button>
  );
}
