import { csvText } from '../../core/csv/csv-text';
import { answerText } from '../../core/predict/clip-answer';
import type { LiveEntry } from './live-entry';

const round = (value: number, digits: number) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

/**
 * The session log: one line per update, with the window (in seconds, and in frames of the session
 * WAV, which holds exactly the samples the updates were computed from), level, voice, the raw and
 * smoothed prediction and timings.
 */
export function liveLogCsv(entries: readonly LiveEntry[], labels: readonly string[], sampleRate: number): string {
  const header = ['update', 'window_start_s', 'window_end_s', 'window_start_frame', 'window_end_frame', 'level_dbfs', 'voice', 'answer', 'predicted', 'confidence', 'smoothed_predicted', ...labels.map((label) => `p_${label}`), 'compute_ms', 'latency_ms'];
  return csvText(
    header,
    entries.map(({ update, smoothed, latencyMs }) => {
      const raw = update.probabilities;
      const top = raw ? raw.indexOf(Math.max(...raw)) : -1;
      const smoothedTop = smoothed ? smoothed.indexOf(Math.max(...smoothed)) : -1;
      return [
        update.index,
        round(update.windowStart / sampleRate, 3),
        round(update.windowEnd / sampleRate, 3),
        update.windowStart,
        update.windowEnd,
        round(update.levelDb, 1),
        update.voiced ? 'yes' : 'no',
        update.answer ? answerText(update.answer) : 'silence',
        raw ? labels[top] : 'silence',
        raw ? round(raw[top], 6) : null,
        smoothed ? labels[smoothedTop] : 'silence',
        ...labels.map((_, c) => (raw ? round(raw[c], 6) : null)),
        round(update.computeMs, 2),
        latencyMs === null ? null : round(latencyMs, 1),
      ];
    }),
  );
}
