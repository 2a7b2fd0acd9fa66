/*
 * Constants and coefficient tables of libsoxr 0.1.3 that the HQ recipe uses, copied from its source
 * (src/soxr.h, src/half-coefs.h, src/cr-core.c) so the resampler makes soxr's choices, tap for tap.
 */

export const DB_PER_BIT = 20 * Math.log10(2);

/** SOXR_HQ = SOXR_20_BITQ (soxr.h): precision = 4 + 4·4 bits. */
export const HQ_PRECISION = 20;

/** runtime_spec.coef_size_kbytes default: the largest polyphase table soxr builds before it interpolates more coarsely. */
export const COEF_SIZE_KBYTES = 400;

/** soxr's float32 engine (precision <= 20 bits) sizes its tables in 4-byte reals. */
export const SIZEOF_REAL = 4;

/** The most phases soxr gives an exact rational polyphase stage (any mode but the quick one). */
export const MAX_RATIONAL_PHASES = 2048;

/**
 * soxr's half-band decimators (src/half-coefs.h), each with the rejection soxr credits it with; it
 * takes the first that meets the stage budget. (soxr's SIMD engine lacks the first; HQ never needs it:
 * a halving always comes with another stage, so the budget is at least 132.5 dB.)
 */
export const HALF_BAND_FIRS: readonly { readonly coefs: Float64Array; readonly att: number }[] = [
  {
    att: 120.65,
    coefs: new Float64Array([
      3.106265649665737e-1, -8.4998810699955796e-2, 3.40070446211235e-2, -1.2839903789829387e-2,
      3.9899380181723145e-3, -8.9355202017945374e-4, 1.0918292424806546e-4,
    ]),
  },
  {
    att: 136.51,
    coefs: new Float64Array([
      3.1154652365332069e-1, -8.7344917685739543e-2, 3.681445835363728e-2, -1.5189204581464479e-2,
      5.4540855610738801e-3, -1.5643862626630416e-3, 3.1816575906323303e-4, -3.4799449225005688e-5,
    ]),
  },
  {
    att: 152.32,
    coefs: new Float64Array([
      3.1227034755311189e-1, -8.9221517147969526e-2, 3.9139704015071934e-2, -1.7250558515852023e-2,
      6.8589440230476112e-3, -2.3045049636430419e-3, 6.0963740543348963e-4, -1.1323803957431231e-4,
      1.1197769991000046e-5,
    ]),
  },
];

/**
 * soxr's poly_firs table for its arbitrary-ratio stage (src/cr-core.c), as [phase-bits scalar,
 * interpolation order] per choice; all estimate beta and the tap count. Index:
 * 6·(upsample + preM) + mode - !upsample, with mode 3 for HQ, so HQ only uses rows 2, 8, 9 and 15.
 */
export const POLY_FIRS: readonly (readonly (readonly [number, number])[])[] = [
  [[0, 0], [7.2, 1], [5.0, 2]],
  [[0, 0], [9.4, 1], [6.7, 2]],
  [[0, 0], [12.4, 1], [7.8, 2]],
  [[0, 0], [13.6, 1], [9.3, 2]],
  [[0, 0], [10.5, 2], [8.4, 3]],
  [[0, 0], [11.85, 2], [9.0, 3]],
  [[0, 0], [8.0, 1], [5.3, 2]],
  [[0, 0], [8.6, 1], [5.7, 2]],
  [[0, 0], [10.6, 1], [6.75, 2]],
  [[0, 0], [12.6, 1], [8.6, 2]],
  [[0, 0], [9.6, 2], [7.6, 3]],
  [[0, 0], [11.4, 2], [8.65, 3]],
  [[0, 0]],
  [[0, 0], [8, 1], [6, 2]],
  [[0, 0], [9, 1], [6, 2]],
  [[0, 0], [11, 1], [7, 2]],
  [[0, 0], [13, 1], [8, 2]],
  [[0, 0], [10, 2], [8, 3]],
  [[0, 0], [12, 2], [9, 3]],
];
