/*
 * Sample-rate conversion that reproduces soxr's "HQ" recipe: what `librosa.load(path, sr=...)`
 * does by default (librosa >= 0.10 resamples with `soxr.resample(..., quality='soxr_hq')`; python-soxr
 * bundles libsoxr 0.1.3).
 *
 * What soxr HQ is (libsoxr 0.1.3 source, src/soxr.c `soxr_quality_spec` and src/cr.c `_soxr_init`):
 *  - SOXR_HQ = SOXR_20_BITQ (soxr.h): precision = 4 + 4·4 = 20 bits, so the rejection target is
 *    rej = 20 · 20·log10(2) = 120.4 dB;
 *  - passband_end = 1 - 0.05 / lsx_to_3dB(rej) = 0.91374 of the Nyquist frequency of the lower of the
 *    two rates (10074 Hz when the output is 22050 Hz), stopband_begin = 1 (exactly that Nyquist:
 *    11025 Hz), phase_response = 50 (linear phase), no "maintain 3 dB point", roll-off "small";
 *  - the filters are designed for (bits + 1)·6.02 = 126.4 dB, plus 6.02 dB when there is an
 *    arbitrary-ratio (polyphase) stage and 20·log10(number of other stages) more for the budget
 *    shared between stages: 132.5 dB for 48 kHz → 22.05 kHz;
 *  - every filter is a Kaiser-windowed sinc (see kaiser-lowpass.ts), linear phase, and the stages'
 *    delays are compensated: output sample k is the band-limited input evaluated at time
 *    k / toRate, with input sample 0 at time 0 and zeros outside the input.
 *
 * How soxr splits the work (stage-choice.ts), and so how this module does (same decisions, same
 * filters):
 *  1. `shr` exact halvings with soxr's fixed half-band FIRs while the ratio is >= 4;
 *  2. a "pre" FIR stage (soxr does it by FFT; so do we): up by L, low-pass, down by M, with L, M in
 *     {1, 2, 3, ...} small. For a non-trivial ratio it is the band-limiting filter (L = M = 1 at
 *     48 kHz → 22.05 kHz: ~445 taps at 48 kHz, pass band to 10074 Hz, stop band from 11025 Hz);
 *  3. an "arbitrary ratio" polyphase stage: a short (12-16 taps) interpolating filter with L phases
 *     when the ratio reduces to L/M with L <= 2048 (147 phases for 48 kHz → 22.05 kHz), or with
 *     2^k phases and linear/quadratic interpolation between them otherwise (TESS's 24414 Hz:
 *     3675/4069 → 128 phases, quadratic); its clock is soxr's 32.32 fixed point;
 *  4. for large up-sampling factors, a "post" FIR stage.
 * soxr computes in float32 and we in float64 from the same float64 designs, so the outputs agree
 * to float32 rounding (~135 dB SNR, max |Δ| ≈ 2e-7, on the fixtures of librosa.load's output).
 *
 * Speed (what costs): the band-limiting FIR runs by FFT overlap-save with two real blocks per
 * complex radix-4 FFT (~4096 points), and the polyphase stage is unrolled for its usual 16 taps;
 * designs are cached per rate pair. Both run on the float64 wasm SIMD kernel (src/core/dsp/wasm)
 * where it exists, with the same operations in the same order as the TypeScript path, so the output
 * is the same bits either way; the blocks stay in the kernel's memory from stage to stage. 4.2 s at
 * 48 kHz → 22.05 kHz takes ~2.5 ms of CPU in Node 20 on a busy shared 2-vCPU Xeon (TypeScript: ~7 ms).
 *
 * Length: soxr emits round(n · toRate / fromRate) samples and librosa pads (with zeros) or trims that
 * to ceil(n · toRate / fromRate); `resample` returns exactly librosa's array.
 */

export { resample, resamplerSpec } from './resample';
export type { ResamplerSpec, StageSpec } from './resampler-spec';
