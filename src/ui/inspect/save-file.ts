/** Offers `contents` to the user as a download named `fileName`; nothing leaves the machine. */
export function saveFile(fileName: string, contents: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([contents as string | Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoking at once can cancel the download in some browsers; a minute later it has long been read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
