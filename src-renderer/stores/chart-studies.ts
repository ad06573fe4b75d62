// The studies a chart shows, as saved in its pane config (so they survive a reload with the workspace): each a
// parsed StudySpec with a stable id; the rules for adding, changing and removing one.
import { z } from 'zod';
import { parseStudySpec, StudySpec } from '../../src-shared/domain/studies';

export const ChartStudy = z.object({ id: z.string().min(1), spec: StudySpec });
export type ChartStudy = z.infer<typeof ChartStudy>;

/**
 * The studies of a pane config. A saved file may be damaged or older than a study's params: an entry that no
 * longer parses is dropped alone (the chart still opens with the rest), as are repeated ids.
 */
export function studiesOf(config: Readonly<Record<string, unknown>> | undefined): ChartStudy[] {
  const raw = config?.studies;
  if (!Array.isArray(raw)) return [];
  const out: ChartStudy[] = [];
  for (const item of raw) {
    const r = ChartStudy.safeParse(item);
    if (r.success && !out.some((s) => s.id === r.data.id)) out.push(r.data);
  }
  return out;
}

/** Pure: the list with a study added (params validated: throws AppError('VALIDATION') with field issues). */
export function withStudy(studies: readonly ChartStudy[], input: unknown): ChartStudy[] {
  const spec = parseStudySpec(input);
  let n = 1;
  while (studies.some((s) => s.id === `${spec.kind}-${n}`)) n++;
  return [...studies, { id: `${spec.kind}-${n}`, spec }];
}

/** Pure: the list with one study's params replaced, or without it when `input` is null. */
export function withStudyChanged(studies: readonly ChartStudy[], id: string, input: unknown): ChartStudy[] {
  if (input === null) return studies.filter((s) => s.id !== id);
  const spec = parseStudySpec(input);
  return studies.map((s) => (s.id === id ? { id, spec } : s));
}
