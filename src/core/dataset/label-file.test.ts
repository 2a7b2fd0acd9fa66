import { describe, expect, it } from 'vitest';
import { foldLabel, THESIS_EMOTIONS } from './emotion-vocabulary';
import { isLabelled } from './file-labelling';
import { labelFile } from './label-file';

type Expected = readonly [label: string, speaker: string | null, source: string];

function expectLabel(path: string, [label, speaker, source]: Expected): void {
  expect(labelFile(path), path).toMatchObject({ label, speaker, source });
}

describe('labelFile: corpus file-name conventions', () => {
  it.each<[string, Expected]>([
    ['Actor_01/03-01-01-01-01-01-01.wav', ['neutral', 'ravdess:01', 'ravdess']],
    ['Actor_02/03-01-02-01-01-02-02.wav', ['calm', 'ravdess:02', 'ravdess']],
    ['03-01-03-02-02-01-12.wav', ['happiness', 'ravdess:12', 'ravdess']],
    ['03-01-04-01-01-01-07.flac', ['sadness', 'ravdess:07', 'ravdess']],
    ['x/03-01-05-01-01-01-01.wav', ['anger', 'ravdess:01', 'ravdess']],
    ['03-01-06-01-01-01-24.wav', ['fear', 'ravdess:24', 'ravdess']],
    ['03-01-07-01-01-01-24.wav', ['disgust', 'ravdess:24', 'ravdess']],
    ['03-01-08-01-01-01-24.wav', ['surprise', 'ravdess:24', 'ravdess']],
    // Audio-video (01) and video-only (02) modalities and song (02) are read alike.
    ['01-02-05-01-01-01-03.mp4', ['anger', 'ravdess:03', 'ravdess']],
    ['02-01-01-01-01-01-03.wav', ['neutral', 'ravdess:03', 'ravdess']],
    // Without an extension.
    ['03-01-05-01-01-01-01', ['anger', 'ravdess:01', 'ravdess']],
  ])('RAVDESS %s', expectLabel);

  it.each<[string, Expected]>([
    ['tess/OAF_angry/OAF_back_angry.wav', ['anger', 'tess:OAF', 'tess']],
    ['OAF_bean_disgust.wav', ['disgust', 'tess:OAF', 'tess']],
    ['YAF_bite_fear.wav', ['fear', 'tess:YAF', 'tess']],
    ['YAF_base_happy.wav', ['happiness', 'tess:YAF', 'tess']],
    ['YAF_base_neutral.wav', ['neutral', 'tess:YAF', 'tess']],
    ['YAF_base_ps.wav', ['surprise', 'tess:YAF', 'tess']],
    ['OAF_base_sad.wav', ['sadness', 'tess:OAF', 'tess']],
    ['oaf_Base_Sad.WAV', ['sadness', 'tess:OAF', 'tess']],
    ['YAF_base_pleasant_surprise.wav', ['surprise', 'tess:YAF', 'tess']],
    // The file name wins over a folder that says otherwise.
    ['happy/OAF_base_sad.wav', ['sadness', 'tess:OAF', 'tess']],
  ])('TESS %s', expectLabel);

  it.each<[string, Expected]>([
    ['DC_a01.wav', ['anger', 'savee:DC', 'savee']],
    ['JE_d03.wav', ['disgust', 'savee:JE', 'savee']],
    ['JK_f15.wav', ['fear', 'savee:JK', 'savee']],
    ['KL_h02.wav', ['happiness', 'savee:KL', 'savee']],
    ['dc_n30.wav', ['neutral', 'savee:DC', 'savee']],
    ['DC_sa01.wav', ['sadness', 'savee:DC', 'savee']],
    ['DC_su15.wav', ['surprise', 'savee:DC', 'savee']],
    ['AudioData/DC/a01.wav', ['anger', 'savee:DC', 'savee']],
    ['savee/kl/SU03.wav', ['surprise', 'savee:KL', 'savee']],
    ['AudioData/JE/sa10.wav', ['sadness', 'savee:JE', 'savee']],
  ])('SAVEE %s', expectLabel);

  it.each<[string, Expected]>([
    ['1001_DFA_ANG_XX.wav', ['anger', 'crema-d:1001', 'crema-d']],
    ['1002_IEO_DIS_HI.wav', ['disgust', 'crema-d:1002', 'crema-d']],
    ['AudioWAV/1091_TSI_FEA_LO.wav', ['fear', 'crema-d:1091', 'crema-d']],
    ['1050_ITS_HAP_MD.wav', ['happiness', 'crema-d:1050', 'crema-d']],
    ['1050_ITS_NEU_XX.wav', ['neutral', 'crema-d:1050', 'crema-d']],
    ['1050_ITS_sad_xx.wav', ['sadness', 'crema-d:1050', 'crema-d']],
  ])('CREMA-D %s', expectLabel);

  it.each<[string, Expected]>([
    ['emodb/wav/03a01Wa.wav', ['anger', 'emodb:03', 'emodb']],
    ['08a02La.wav', ['boredom', 'emodb:08', 'emodb']],
    ['09b03Eb.wav', ['disgust', 'emodb:09', 'emodb']],
    ['10a04Ac.wav', ['fear', 'emodb:10', 'emodb']],
    ['03a01Fa.wav', ['happiness', 'emodb:03', 'emodb']],
    ['16b10Td.wav', ['sadness', 'emodb:16', 'emodb']],
    ['13a05Nc.wav', ['neutral', 'emodb:13', 'emodb']],
  ])('EMO-DB %s', expectLabel);

  it.each<[string, Expected]>([
    ['a01.wav', ['anger', null, 'thesis']],
    ['d01.wav', ['disgust', null, 'thesis']],
    ['f01.wav', ['fear', null, 'thesis']],
    ['h01.wav', ['happiness', null, 'thesis']],
    ['n01.wav', ['neutral', null, 'thesis']],
    ['sa01.wav', ['sadness', null, 'thesis']],
    ['su01.wav', ['surprise', null, 'thesis']],
    ['recordings/SU112.WAV', ['surprise', null, 'thesis']],
    ['a1.wav', ['anger', null, 'thesis']],
  ])('thesis %s', expectLabel);
});

describe('labelFile: folders', () => {
  it.each<[string, Expected]>([
    ['Train/Angry/x.wav', ['anger', null, 'folder']],
    ['angry/x.wav', ['anger', null, 'folder']],
    ['data/set1/SAD/y.flac', ['sadness', null, 'folder']],
    ['MAD/y.wav', ['anger', null, 'folder']],
    ['Disgusted/1.wav', ['disgust', null, 'folder']],
    ['fearful/1.wav', ['fear', null, 'folder']],
    ['Afraid/1.wav', ['fear', null, 'folder']],
    ['happy/1.wav', ['happiness', null, 'folder']],
    ['JOY/1.wav', ['happiness', null, 'folder']],
    ['Neutral/1.wav', ['neutral', null, 'folder']],
    ['surprised/1.wav', ['surprise', null, 'folder']],
    ['Pleasant Surprise/1.wav', ['surprise', null, 'folder']],
    ['ps/1.wav', ['surprise', null, 'folder']],
    // Emotions the thesis has no class for keep their own name.
    ['calm/1.wav', ['calm', null, 'folder']],
    ['Boredom/1.wav', ['boredom', null, 'folder']],
    ['bored/1.wav', ['boredom', null, 'folder']],
    ['Contempt/1.wav', ['contempt', null, 'folder']],
    // The nearest folder that names an emotion, at any depth.
    ['angry/session 2/audio/clip.wav', ['anger', null, 'folder']],
    ['happy/sad/clip.wav', ['sadness', null, 'folder']],
    // TESS folders: <speaker>_<emotion>, which also gives the speaker.
    ['tess/OAF_angry/clip.wav', ['anger', 'tess:OAF', 'folder']],
    ['TESS/YAF_pleasant_surprise/clip.wav', ['surprise', 'tess:YAF', 'folder']],
    ['TESS/YAF_pleasant_surprised/clip.wav', ['surprise', 'tess:YAF', 'folder']],
    ['OAF_Fear/clip.wav', ['fear', 'tess:OAF', 'folder']],
    ['session1_happy/clip.wav', ['happiness', null, 'folder']],
    // A short-coded name is weaker than an emotion folder.
    ['happy/n01.wav', ['happiness', null, 'folder']],
  ])('%s', expectLabel);

  it('says which folder decided', () => {
    expect(labelFile('data/Train/Angry/x.wav')).toMatchObject({ rule: 'folder "data/Train/Angry"' });
    expect(labelFile('Actor_01/03-01-05-01-01-01-01.wav')).toMatchObject({ rule: 'RAVDESS name (emotion 05, actor 01)' });
  });

  it('reads Windows separators and dot segments', () => {
    expectLabel('data\\Train\\Angry\\x.wav', ['anger', null, 'folder']);
    expectLabel('./a/../sad/x.wav', ['sadness', null, 'folder']);
  });
});

describe('labelFile: names that give no label', () => {
  it.each([
    'audio/clip.wav',
    'Actor_01/clip.wav',
    'Train/recording.wav',
    'x.wav',
    'dataset/angry_face.wav',
    // Almost conventions: a SAVEE code with three digits is not SAVEE, and `z01` is no code.
    'recordings/z01.wav',
    'DC_a001x.wav',
  ])('%s', (path) => {
    const labelling = labelFile(path);
    expect(isLabelled(labelling)).toBe(false);
    expect(labelling).toEqual({ problem: 'no label: the name follows no known convention, and no folder names an emotion.' });
  });

  it.each([
    ['03-01-09-01-01-01-01.wav', 'RAVDESS', '"09"'],
    ['1001_DFA_XYZ_XX.wav', 'CREMA-D', '"XYZ"'],
    ['03a01Xa.wav', 'EMO-DB', '"X"'],
    ['OAF_back_hungry.wav', 'TESS', '"hungry"'],
  ])('%s has the shape of a %s name with an unknown code', (path, corpus, code) => {
    const labelling = labelFile(path);
    expect(isLabelled(labelling)).toBe(false);
    expect('problem' in labelling && labelling.problem).toContain(`shape of a ${corpus} name`);
    expect('problem' in labelling && labelling.problem).toContain(code);
  });

  it('falls back to an emotion folder when a corpus-shaped name has an unknown code', () => {
    expectLabel('angry/03-01-09-01-01-01-01.wav', ['anger', null, 'folder']);
  });
});

describe('labelFile: collisions between the short names and other conventions', () => {
  it.each<[string, Expected]>([
    // SAVEE only with a SAVEE speaker; otherwise the same name is the thesis's.
    ['DC/a01.wav', ['anger', 'savee:DC', 'savee']],
    ['AB/a01.wav', ['anger', null, 'thesis']],
    ['DC_a01.wav', ['anger', 'savee:DC', 'savee']],
    // An EMO-DB name contains a short code but starts with a speaker.
    ['03a01Fa.wav', ['happiness', 'emodb:03', 'emodb']],
    // `sa` and `su` are read before `a`.
    ['su05.wav', ['surprise', null, 'thesis']],
    ['sa05.wav', ['sadness', null, 'thesis']],
  ])('%s', expectLabel);

  it('does not take a word that merely starts with a code', () => {
    expect(isLabelled(labelFile('sad1x.wav'))).toBe(false);
    expect(isLabelled(labelFile('hello.wav'))).toBe(false);
    expect(isLabelled(labelFile('n.wav'))).toBe(false);
  });
});

describe('foldLabel', () => {
  it.each([
    ['Angry', 'anger'],
    ['MAD', 'anger'],
    ['disgusted', 'disgust'],
    ['afraid', 'fear'],
    ['Joy', 'happiness'],
    ['sad', 'sadness'],
    ['Pleasant Surprise', 'surprise'],
    ['pleasant-surprise', 'surprise'],
    ['PS', 'surprise'],
    ['Calm', 'calm'],
    ['Frustrated', 'frustration'],
    [' Something Else ', 'something_else'],
  ])('%s → %s', (text, label) => expect(foldLabel(text)).toBe(label));

  it('keeps every thesis emotion as it is', () => {
    for (const emotion of THESIS_EMOTIONS) expect(foldLabel(emotion)).toBe(emotion);
  });
});
