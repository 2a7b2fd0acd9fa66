/** A colour per emotion, told apart by hue and lightness; classes beyond the seven take the spare ones. */
const NAMED: Readonly<Record<string, string>> = {
  anger: '#c62828',
  disgust: '#558b2f',
  fear: '#6a1b9a',
  happiness: '#f9a825',
  neutral: '#78909c',
  sadness: '#1565c0',
  surprise: '#d81b60',
};
const SPARE = ['#00838f', '#ef6c00', '#4e342e', '#283593', '#9e9d24'];

export function emotionColour(label: string, index: number): string {
  return NAMED[label] ?? SPARE[index % SPARE.length];
}

export const SILENCE_COLOUR = '#e3e6ea';
