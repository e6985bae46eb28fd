import { useEffect, useState } from 'react';
import { api } from '../../../lib/bridge';
import { Button } from '../../../ui/Button';

let canChoose: Promise<boolean> | null = null;

/** Whether the system's folder dialog exists here (the desktop app); browser mode types paths instead. */
export function useCanChooseFolder(): boolean {
  const [can, setCan] = useState(false);
  useEffect(() => {
    canChoose ??= api['app.info']({}).then((r) => r.ok && r.value.canChooseFolder);
    let live = true;
    void canChoose.then((v) => live && setCan(v));
    return () => {
      live = false;
    };
  }, []);
  return can;
}

/** "Choose…" opens the system's folder dialog in the desktop app; it is not shown in browser mode. */
export function ChooseFolderButton({ onChosen }: { onChosen(dir: string): void }) {
  const can = useCanChooseFolder();
  const [busy, setBusy] = useState(false);
  if (!can) return null;
  return (
    <Button
      type="button"
      busy={busy}
      onClick={async () => {
        setBusy(true);
        const r = await api['app.chooseFolder']({ title: 'Choose the folder with the payslip PDFs' });
        setBusy(false);
        if (r.ok && r.value.path) onChosen(r.value.path);
      }}
    >
      Choose…
    </Button>
  );
}
