// Volume average: the simple moving average of bar volume, drawn under the volume histogram.
import { z } from 'zod';
import { smaKernel } from './sma';
import { defineStudy, Period } from './study';

export const VolumeAverageParams = z.strictObject({ period: Period.default(20) });
export type VolumeAverageParams = z.infer<typeof VolumeAverageParams>;

export const volumeAverage = defineStudy('volume-average', VolumeAverageParams, ['value'], (p) =>
  smaKernel(p.period, (bar) => bar.volume),
);
