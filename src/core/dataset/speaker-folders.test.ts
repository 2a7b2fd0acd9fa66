import { describe, expect, it } from 'vitest';
import { isLabelled } from './file-labelling';
import { labelDatasetFiles } from './label-dataset-files';

const speakersOf = (paths: readonly string[]) => labelDatasetFiles(paths).files.map(({ labelling }) => (isLabelled(labelling) ? labelling.speaker : undefined));

describe('speakers from a layout of speaker folders', () => {
  it('reads CASIA\'s <speaker>/<emotion>/<file> layout, namespaced by the folder above', () => {
    const paths = ['CASIA/liuchanhg/angry/201.wav', 'CASIA/liuchanhg/sad/202.wav', 'CASIA/wangzhe/angry/201.wav', 'CASIA/wangzhe/neutral/205.wav'];
    expect(speakersOf(paths)).toEqual(['CASIA:liuchanhg', 'CASIA:liuchanhg', 'CASIA:wangzhe', 'CASIA:wangzhe']);
    const [first] = labelDatasetFiles(paths).files;
    expect(first.labelling).toEqual({ label: 'anger', speaker: 'CASIA:liuchanhg', source: 'folder', rule: 'folder "CASIA/liuchanhg/angry", speaker folder "liuchanhg"' });
  });

  it('reads speaker folders at the ZIP\'s root', () => {
    expect(speakersOf(['anna/happy/1.wav', 'anna/sad/2.wav', 'ben/happy/1.wav', 'ben/sad/2.wav'])).toEqual(['folders:anna', 'folders:anna', 'folders:ben', 'folders:ben']);
  });

  it('takes no single folder, no folder of one emotion and no train/test folders for speakers', () => {
    expect(speakersOf(['MyData/angry/1.wav', 'MyData/sad/2.wav'])).toEqual([null, null]);
    expect(speakersOf(['data/train/angry/1.wav', 'data/train/sad/2.wav', 'data/test/angry/3.wav', 'data/test/sad/4.wav'])).toEqual([null, null, null, null]);
    expect(speakersOf(['x/anna/angry/1.wav', 'x/ben/angry/2.wav', 'x/ben/sad/3.wav'])).toEqual([null, null, null]);
  });

  it('leaves speakers that corpus names give as they are', () => {
    expect(speakersOf(['set/a/angry/03-01-05-01-01-01-07.wav', 'set/a/sad/03-01-04-01-01-01-07.wav', 'set/b/angry/03a01Wa.wav', 'set/b/sad/03a01Ta.wav'])).toEqual([
      'ravdess:07',
      'ravdess:07',
      'emodb:03',
      'emodb:03',
    ]);
  });
});
