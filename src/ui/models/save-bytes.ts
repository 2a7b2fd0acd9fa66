import { saveFile } from '../inspect/save-file';

/** Offers `bytes` to the user as a download named `fileName`; nothing leaves the machine. */
export function saveBytes(fileName: string, bytes: Uint8Array, type: string): void {
  saveFile(fileName, bytes, type);
}
