/** The demo ZIPs that ship in public/demo/ (RAVDESS, CC BY-NC-SA 4.0). */
export const DEMO_TRAIN_ZIP = 'ravdess-demo-train.zip';
export const DEMO_TEST_ZIP = 'ravdess-demo-test.zip';

/** A demo ZIP as a File, as if the user had dropped it. */
export async function demoFile(name: string): Promise<File> {
  const response = await fetch(new URL(`demo/${name}`, document.baseURI));
  if (!response.ok) throw new Error(`The demo data could not be fetched (${response.status}); reload the page and try again.`);
  return new File([await response.blob()], name, { type: 'application/zip' });
}
