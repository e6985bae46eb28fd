/** Saves a Blob as a file through a link (works in Electron and the browser). */
function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves text as a file. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM so Excel opens UTF-8 CSVs (names with accents, £) correctly.
  saveBlob(filename, new Blob(['\ufeff', text], { type }));
}

/**
 * Saves a file the core made, byte for byte (no byte-order mark added): the export's recorded SHA-256 is of
 * exactly these bytes, and a BOM would spoil the first heading of a payroll import.
 */
export function downloadBase64(filename: string, base64: string, type: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(filename, new Blob([bytes], { type }));
}
