import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseDelimitedText } from './delimited-text';
import { labelDatasetFiles } from './label-dataset-files';
import { labelFile } from './label-file';
import { isManifestPath, parseLabelManifest } from './label-manifest';
import { ManifestIndex } from './manifest-index';

describe('parseDelimitedText', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'path,label\n"a, b.wav","say ""hi"""\n"multi\nline.wav",sad\r\nc.wav , angry \n\n';
    const { rows, unclosedQuoteLine } = parseDelimitedText(text, ',');
    expect(unclosedQuoteLine).toBeNull();
    expect(rows).toEqual([
      { line: 1, fields: ['path', 'label'] },
      { line: 2, fields: ['a, b.wav', 'say "hi"'] },
      { line: 3, fields: ['multi\nline.wav', 'sad'] },
      { line: 5, fields: ['c.wav', 'angry'] },
    ]);
  });

  it('drops a byte-order mark, keeps spaces inside quotes and ignores spaces around them', () => {
    const { rows } = parseDelimitedText('\uFEFF "  a.wav " , happy', ',');
    expect(rows).toEqual([{ line: 1, fields: ['  a.wav ', 'happy'] }]);
  });

  it('reports a quote that is never closed', () => {
    expect(parseDelimitedText('a.wav,angry\n"b.wav,sad\n', ',').unclosedQuoteLine).toBe(2);
  });

  it.each([
    ['a.wav\tangry', '\t'],
    ['a.wav;angry', ';'],
    ['a.wav,angry;x', ','],
    ['a.wav,angry', ','],
  ])('guesses the delimiter of %j', (text, delimiter) => expect(guessDelimiter(text)).toBe(delimiter));
});

describe('parseLabelManifest', () => {
  it.each([
    ['labels.csv', 'path,label,speaker\nx/a.wav,Angry,s1\nb.wav,ps,\n'],
    ['labels.csv', 'x/a.wav,Angry,s1\nb.wav,ps\n'],
    ['labels.tsv', 'file\temotion\tspeaker\nx/a.wav\tAngry\ts1\nb.wav\tps\t\n'],
    ['labels.txt.TSV', 'x/a.wav\tAngry\ts1\nb.wav\tps\n'],
    ['labels.csv', 'Speaker;File Name;Emotion\ns1;x/a.wav;Angry\n;b.wav;ps\n'],
    ['labels.csv', '"path","label","speaker"\n"x/a.wav","Angry","s1"\n"b.wav","ps",""\n'],
  ])('reads %s: %j', (path, text) => {
    const manifest = parseLabelManifest({ path: `data/${path}`, text });
    expect(manifest.problems).toEqual([]);
    expect(manifest.folder).toBe('data');
    expect(manifest.entries.map(({ filePath, label, speaker }) => ({ filePath, label, speaker }))).toEqual([
      { filePath: 'x/a.wav', label: 'anger', speaker: 'manifest:s1' },
      { filePath: 'b.wav', label: 'surprise', speaker: null },
    ]);
  });

  it('keeps labels it does not know, lower-cased', () => {
    const { entries } = parseLabelManifest({ path: 'm.csv', text: 'a.wav,Frustrated\nb.wav,Sarcastic\n' });
    expect(entries.map((entry) => entry.label)).toEqual(['frustration', 'sarcastic']);
  });

  it('says which rows it cannot use, by line', () => {
    const text = 'path,label\na.wav,angry\nb.wav\n,sad\nc.wav,  \na.wav,happy\na.wav,angry\n"d.wav,sad\n';
    const { entries, problems } = parseLabelManifest({ path: 'm.csv', text });
    expect(entries.map((entry) => entry.filePath)).toEqual(['a.wav']);
    expect(problems).toEqual([
      'm.csv, line 8: a quote is opened but never closed.',
      'm.csv, line 3: "b.wav" has no label.',
      'm.csv, line 4: expected a file path and a label, found ", sad".',
      'm.csv, line 5: "c.wav" has no label.',
      'm.csv, line 6: "a.wav" is listed again (first on line 2); the first is used.',
      'm.csv, line 8: "d.wav,sad" has no label.',
    ]);
  });

  it('leaves alone a table that is no manifest, saying so', () => {
    const demographics = parseLabelManifest({ path: 'VideoDemographics.csv', text: 'ActorID,Age,Sex\n1001,51,Male\n' });
    expect(demographics.entries).toEqual([]);
    expect(demographics.problems).toEqual([
      'VideoDemographics.csv is not read as a label manifest: its first row neither names path and label columns nor lists an audio file.',
    ]);
  });

  it.each([
    ['labels.csv', true],
    ['data/Labels.TSV', true],
    ['__MACOSX/data/._labels.csv', false],
    ['data/._labels.csv', false],
    ['data/a.wav', false],
    ['notes.txt', false],
  ])('isManifestPath(%s) is %s', (path, expected) => expect(isManifestPath(path)).toBe(expected));
});

describe('manifests label files', () => {
  const manifest = (path: string, text: string) => parseLabelManifest({ path, text });

  it('reads paths relative to the manifest folder or to the ZIP root, in any case', () => {
    const index = new ManifestIndex([manifest('corpus/labels.csv', 'clips/one.wav,sad\ncorpus/clips/two.wav,happy\nCLIPS/Three.WAV,fear\n')]);
    expect(labelFile('corpus/clips/one.wav', index)).toEqual({
      label: 'sadness',
      speaker: null,
      source: 'manifest',
      rule: 'manifest "corpus/labels.csv", line 1',
    });
    expect(labelFile('corpus/clips/two.wav', index)).toMatchObject({ label: 'happiness', source: 'manifest' });
    expect(labelFile('corpus/clips/three.wav', index)).toMatchObject({ label: 'fear', source: 'manifest' });
  });

  it('wins over file names and folders', () => {
    const index = new ManifestIndex([manifest('labels.csv', 'angry/03-01-05-01-01-01-01.wav,neutral,7\n')]);
    expect(labelFile('angry/03-01-05-01-01-01-01.wav', index)).toMatchObject({ label: 'neutral', speaker: 'manifest:7', source: 'manifest' });
    expect(labelFile('angry/03-01-04-01-01-01-01.wav', index)).toMatchObject({ label: 'sadness', source: 'ravdess' });
  });

  it('prefers the manifest nearest the file', () => {
    const index = new ManifestIndex([manifest('labels.csv', 'a/x.wav,happy\n'), manifest('a/labels.csv', 'x.wav,sad\n')]);
    expect(labelFile('a/x.wav', index)).toMatchObject({ label: 'sadness', rule: 'manifest "a/labels.csv", line 1' });
  });
});

describe('labelDatasetFiles', () => {
  it('labels every path in order and reports manifest rows that name no file', () => {
    const { files, manifestProblems } = labelDatasetFiles(
      ['data/one.wav', 'data/angry/two.wav', 'data/three.wav'],
      [{ path: 'data/labels.csv', text: 'path,label\none.wav,calm\nmissing.wav,sad\nbroken.wav\n' }],
    );
    expect(files.map((file) => file.path)).toEqual(['data/one.wav', 'data/angry/two.wav', 'data/three.wav']);
    expect(files.map((file) => file.labelling)).toMatchObject([
      { label: 'calm', source: 'manifest' },
      { label: 'anger', source: 'folder' },
      { problem: 'no label: the name follows no known convention, and no folder names an emotion.' },
    ]);
    expect(manifestProblems).toEqual([
      'data/labels.csv, line 4: "broken.wav" has no label.',
      'data/labels.csv, line 3: "missing.wav" is not among the audio files.',
    ]);
  });

  it('works without manifests', () => {
    expect(labelDatasetFiles(['Actor_01/03-01-05-01-01-01-01.wav'])).toEqual({
      files: [{ path: 'Actor_01/03-01-05-01-01-01-01.wav', labelling: labelFile('Actor_01/03-01-05-01-01-01-01.wav') }],
      manifestProblems: [],
    });
  });
});
