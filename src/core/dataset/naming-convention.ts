import type { EntryPath } from './entry-path';
import type { FileLabel, LabelSource } from './file-labelling';

/**
 * What a naming convention makes of a file: its label, a near miss (the name has the convention's
 * shape but a code it does not define; said to the user when no other rule applies), or null when
 * the name does not follow the convention at all.
 */
export type ConventionReading = FileLabel | { readonly nearMiss: string } | null;

/** A corpus's file-naming convention. */
export interface NamingConvention {
  readonly source: LabelSource;
  read(entry: EntryPath): ConventionReading;
}

/** A corpus whose names carry an emotion code and a speaker at fixed places (RAVDESS, CREMA-D, EMO-DB). */
export interface CodedConventionSpec {
  /** Also the namespace of its speakers: `ravdess:01`. */
  readonly source: LabelSource;
  /** The corpus as users know it: `RAVDESS`. */
  readonly corpus: string;
  readonly pattern: RegExp;
  readonly labelByCode: ReadonlyMap<string, string>;
  /** What the corpus calls a speaker: `actor`. */
  readonly speakerWord: string;
  /** The emotion code (as the table spells it) and the speaker in a name the pattern matched. */
  readonly fields: (match: RegExpExecArray) => { readonly code: string; readonly speaker: string };
}

export function codedConvention(spec: CodedConventionSpec): NamingConvention {
  return {
    source: spec.source,
    read({ stem }) {
      const match = spec.pattern.exec(stem);
      if (match === null) return null;
      const { code, speaker } = spec.fields(match);
      const label = spec.labelByCode.get(code);
      if (label === undefined) {
        const known = [...spec.labelByCode.keys()].join(', ');
        return { nearMiss: `it has the shape of a ${spec.corpus} name, but its emotion code "${code}" is not one of ${known}` };
      }
      const rule = `${spec.corpus} name (emotion ${code}, ${spec.speakerWord} ${speaker})`;
      return { label, speaker: `${spec.source}:${speaker}`, source: spec.source, rule };
    },
  };
}
