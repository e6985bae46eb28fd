import { useId, useState } from 'react';

/** A masked box with a Show/Hide toggle; never autocompleted or spell-checked. */
export function SecretInput({
  label,
  value,
  onChange,
  secret,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  secret: boolean;
}) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <div className="secret-row">
        <input
          id={id}
          type={secret && !shown ? 'password' : 'text'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="mono"
        />
        {secret && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => setShown(!shown)}
            aria-pressed={shown}
            aria-label={`${shown ? 'Hide' : 'Show'} ${label}`}
          >
            {shown ? 'Hide' : 'Show'}
          </button>
        )}
      </div>
    </div>
  );
}
