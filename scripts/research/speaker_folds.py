#!/usr/bin/python3
"""Speaker-independent 5-fold cross-validation of SER Studio models on the app's own features.

Reads the dump of scripts/research/dump-features.ts (/tmp/ser-research: index.json, mfcc.npy,
logmel.npy) and writes per-fold and summary JSON to /tmp/ser-research/results/.

    /usr/bin/python3 scripts/research/speaker_folds.py --model thesis --tag thesis
    /usr/bin/python3 scripts/research/speaker_folds.py --model tdnn --tag tdnn [--folds 0,1] [--tess 0.5]
        [--copies 2] [--seeds 1,2,3] [--max-epochs 30] [--patience 0]
    /usr/bin/python3 scripts/research/speaker_folds.py --table      # every summary, paired against thesis

Fold k tests on RAVDESS actors {k+1, k+6, k+11, k+16} and EMO-DB speakers male[k], female[k];
inner validation (epoch and temperature are chosen there, never on the test speakers) is RAVDESS
actors {(k+1)%5+1, (k+1)%5+6} and EMO-DB male[(k+1)%5]; everything else, TESS always, trains.
With --patience 0 every epoch is trained and a second result, TAG_last, scores the last epoch.
Per-epoch test UAR is kept in 'trajectories_log_only' for information; nothing is chosen on it.
"""
import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = os.environ.get('SER_RESEARCH', '/tmp/ser-research')
RESULTS = os.path.join(DATA, 'results')
LABELS = ['anger', 'disgust', 'fear', 'happiness', 'neutral', 'sadness', 'surprise']
EMODB_MALE = ['03', '10', '11', '12', '15']
EMODB_FEMALE = ['08', '09', '13', '14', '16']


def fold_speakers(k):
    test = {('ravdess', f'{a:02d}') for a in (k + 1, k + 6, k + 11, k + 16)}
    test |= {('emodb', EMODB_MALE[k]), ('emodb', EMODB_FEMALE[k])}
    n = (k + 1) % 5
    val = {('ravdess', f'{a:02d}') for a in (n + 1, n + 6)} | {('emodb', EMODB_MALE[n])}
    return test, val


# ---------------------------------------------------------------- models (Keras-buildable only)

def keras_bn(channels, dims=1):
    # Keras BatchNormalization defaults: momentum 0.99 (torch 0.01), epsilon 1e-3.
    cls = nn.BatchNorm1d if dims == 1 else nn.BatchNorm2d
    return cls(channels, eps=1e-3, momentum=0.01)


class Thesis(nn.Module):
    """src/core/model/thesis-cnn.ts: Conv1D(relu) -> BN -> MaxPool(2, same), dropout only after block 2 and the dense."""
    feature = 'mfcc'

    def __init__(self, bins=40, frames=182, classes=7):
        super().__init__()
        self.c1, self.b1 = nn.Conv1d(bins, 256, 5, padding=2), keras_bn(256)
        self.c2, self.b2 = nn.Conv1d(256, 128, 5, padding=2), keras_bn(128)
        self.c3, self.b3 = nn.Conv1d(128, 64, 5, padding=2), keras_bn(64)
        t = frames
        for _ in range(3):
            t = math.ceil(t / 2)
        self.dense = nn.Linear(64 * t, 64)
        self.out = nn.Linear(64, classes)
        self.drop = nn.Dropout(0.3)

    def forward(self, x):
        pool = lambda v: F.max_pool1d(v, 2, ceil_mode=True)  # Keras padding 'same': 182 -> 91 -> 46 -> 23
        x = pool(self.b1(F.relu(self.c1(x))))
        x = self.drop(pool(self.b2(F.relu(self.c2(x)))))
        x = pool(self.b3(F.relu(self.c3(x))))
        x = x.transpose(1, 2).flatten(1)  # Keras flattens time-major
        x = self.drop(F.relu(self.dense(x)))
        return self.out(x)

    def regularisation(self):
        return 0.01 * (self.dense.weight ** 2).sum()  # kernel_regularizer l2(0.01) on the dense layer


class Tdnn(nn.Module):
    """Conv1D over time with the feature bins as channels, then mean+max pooling over time (or the mean alone: a chain of layers)."""

    def __init__(self, bins=128, width=128, hidden=64, classes=7, feature='logmel', pooling='mean+max'):
        super().__init__()
        self.feature = feature
        self.pooling = pooling
        self.convs = nn.ModuleList([
            nn.Conv1d(bins, width, 5, padding=2),
            nn.Conv1d(width, width, 3, padding=1),
            nn.Conv1d(width, width, 3, padding=2, dilation=2),
        ])
        self.bns = nn.ModuleList([keras_bn(width) for _ in self.convs])
        self.drop = nn.Dropout(0.3)
        self.dense = nn.Linear((2 if pooling == 'mean+max' else 1) * width, hidden)
        self.out = nn.Linear(hidden, classes)

    def forward(self, x):
        for i, (conv, bn) in enumerate(zip(self.convs, self.bns)):
            x = F.relu(bn(conv(x)))
            if i < len(self.convs) - 1:
                x = F.max_pool1d(x, 2, ceil_mode=True)
        x = torch.cat([x.mean(2), x.amax(2)], 1) if self.pooling == 'mean+max' else x.mean(2)  # GlobalAveragePooling1D (++ GlobalMaxPooling1D)
        x = self.drop(F.relu(self.dense(self.drop(x))))
        return self.out(x)

    def regularisation(self):
        return 0.0


class Cnn2d(nn.Module):
    """Four Conv2D 3x3 blocks on the log-mel image, global mean+max pooling over frequency and time."""
    feature = 'logmel'

    def __init__(self, widths=(8, 16, 32, 64), hidden=64, classes=7):
        super().__init__()
        chans = (1,) + tuple(widths)
        self.convs = nn.ModuleList([nn.Conv2d(chans[i], chans[i + 1], 3, padding=1) for i in range(len(widths))])
        self.bns = nn.ModuleList([keras_bn(w, 2) for w in widths])
        self.drop = nn.Dropout(0.3)
        self.dense = nn.Linear(2 * widths[-1], hidden)
        self.out = nn.Linear(hidden, classes)

    def forward(self, x):
        x = x.unsqueeze(1)  # (batch, 1, mels, frames)
        for i, (conv, bn) in enumerate(zip(self.convs, self.bns)):
            x = F.relu(bn(conv(x)))
            if i < len(self.convs) - 1:
                x = F.max_pool2d(x, 2, ceil_mode=True)
        x = torch.cat([x.mean((2, 3)), x.amax((2, 3))], 1)
        x = self.drop(F.relu(self.dense(self.drop(x))))
        return self.out(x)

    def regularisation(self):
        return 0.0


MODELS = {
    'thesis': lambda: Thesis(),
    'tdnn': lambda: Tdnn(128, feature='logmel'),
    'tdnn_mfcc': lambda: Tdnn(40, feature='mfcc'),
    'tdnn_mean': lambda: Tdnn(128, feature='logmel', pooling='mean'),
    'cnn2d': lambda: Cnn2d(),
}


def keras_init(model):
    for m in model.modules():
        if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)


# ---------------------------------------------------------------- metrics

def uar(y, pred):
    return float(np.mean([np.mean(pred[y == c] == c) for c in np.unique(y)]))


def ece(probs, y, bins=10):
    conf, pred = probs.max(1), probs.argmax(1)
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (conf > lo) & (conf <= hi)
        if inside.any():
            total += inside.mean() * abs((pred[inside] == y[inside]).mean() - conf[inside].mean())
    return float(total)


def softmax(logits, t=1.0):
    z = logits / t
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def fit_temperature(logits, y):
    """The one scalar T that minimises the NLL of the inner-validation logits (grid over log T)."""
    grid = np.exp(np.linspace(np.log(0.05), np.log(20), 600))
    nll = [-np.log(softmax(logits, t)[np.arange(len(y)), y] + 1e-12).mean() for t in grid]
    return float(grid[int(np.argmin(nll))])


# ---------------------------------------------------------------- training

class Ema:
    """Average of every weight and BN statistic: decay min(d, (1+t)/(10+t)) per step, as the app's WeightAverage."""

    def __init__(self, model, decay):
        self.decay, self.steps = decay, 0
        self.state = {k: v.detach().clone().float() for k, v in model.state_dict().items()}

    @torch.no_grad()
    def update(self, model):
        d = min(self.decay, (1 + self.steps) / (10 + self.steps))
        self.steps += 1
        for k, v in model.state_dict().items():
            if v.dtype.is_floating_point:
                self.state[k].mul_(d).add_(v.detach(), alpha=1 - d)
            else:
                self.state[k].copy_(v)


def predict(model, x, batch=256):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(x[i:i + batch]) for i in range(0, len(x), batch)]).numpy()


def class_weights(y):
    counts = np.bincount(y, minlength=len(LABELS)).astype(np.float64)
    return np.where(counts > 0, len(y) / (len(LABELS) * np.maximum(counts, 1)), 0.0)  # Keras 'balanced'


def train_one(args, seed, model_name, xtr, ytr, rows_per_epoch, xval, yval, xte, yte):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = MODELS[model_name]()
    keras_init(model)
    averaged = MODELS[model_name]()
    ema = Ema(model, args.averaging)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    weights = torch.tensor(class_weights(ytr.numpy()), dtype=torch.float32)
    epochs, best, since_best, seconds, samples = [], None, 0, 0.0, 0
    for epoch in range(1, args.max_epochs + 1):
        model.train()
        order = rows_per_epoch(rng)
        started = time.perf_counter()
        for i in range(0, len(order), args.batch):
            idx = torch.from_numpy(order[i:i + args.batch])
            xb, yb = xtr[idx], ytr[idx]
            loss = (F.cross_entropy(model(xb), yb, reduction='none') * weights[yb]).mean() + model.regularisation()
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            ema.update(model)
        seconds += time.perf_counter() - started
        samples += len(order)
        averaged.load_state_dict(ema.state)
        val_logits, test_logits = predict(averaged, xval), predict(averaged, xte)
        val_uar = uar(yval.numpy(), val_logits.argmax(1))
        epochs.append({'epoch': epoch, 'loss': float(loss), 'val_uar': val_uar, 'test_uar_log_only': uar(yte.numpy(), test_logits.argmax(1))})
        last = {'epoch': epoch, 'val_uar': val_uar, 'val_logits': val_logits, 'test_logits': test_logits}
        if best is None or val_uar > best['val_uar']:
            best, since_best = last, 0
        else:
            since_best += 1
        print(f'    seed {seed} epoch {epoch:2d} loss {float(loss):.3f} val UAR {val_uar:.3f} ({samples / seconds:.0f} samples/s)', flush=True)
        if args.patience and epoch >= args.min_epochs and since_best >= args.patience:
            break
    params = sum(p.numel() for p in model.parameters())
    return {'val': best, 'last': last}, epochs, samples / seconds, params


def load():
    index = json.load(open(os.path.join(DATA, 'index.json')))
    files = index['files']
    feats = {'mfcc': np.load(os.path.join(DATA, 'mfcc.npy'), mmap_mode='r'), 'logmel': np.load(os.path.join(DATA, 'logmel.npy'), mmap_mode='r')}
    return files, index['variants'], feats


def run_fold(args, k, files, variants, feats):
    test_spk, val_spk = fold_speakers(k)
    corpus = np.array([f['corpus'] for f in files])
    speaker = [(f['corpus'], f['speaker']) for f in files]
    label = np.array([LABELS.index(f['label']) for f in files])
    is_test = np.array([s in test_spk for s in speaker])
    is_val = np.array([s in val_spk for s in speaker])
    train_files = np.where(~is_test & ~is_val)[0]
    feature = MODELS[args.model]().feature
    data = feats[feature]

    train_rows = (train_files[:, None] * variants + np.arange(args.copies + 1)[None, :]).ravel()
    xtr = np.asarray(data[np.sort(train_rows)], dtype=np.float32)
    rows_file = np.sort(train_rows) // variants
    mean = xtr.reshape(-1, xtr.shape[2]).mean(0, dtype=np.float64)
    std = xtr.reshape(-1, xtr.shape[2]).std(0, dtype=np.float64)
    std[std == 0] = 1
    norm = lambda a: torch.from_numpy(((a - mean) / std).astype(np.float32).transpose(0, 2, 1).copy())  # (n, bins, frames)
    xtr = norm(xtr)
    ytr = torch.from_numpy(label[rows_file])
    tess_rows = np.where(corpus[rows_file] == 'tess')[0]
    other_rows = np.where(corpus[rows_file] != 'tess')[0]

    def rows_per_epoch(rng):
        if args.tess >= 1:
            return rng.permutation(len(ytr))
        keep = rng.choice(tess_rows, int(round(args.tess * len(tess_rows))), replace=False)
        return rng.permutation(np.concatenate([other_rows, keep]))

    sel = lambda mask: np.where(mask)[0] * variants
    val_idx, test_idx = np.where(is_val)[0], np.where(is_test)[0]
    xval, yval = norm(np.asarray(data[sel(is_val)], dtype=np.float32)), torch.from_numpy(label[val_idx])
    xte, yte = norm(np.asarray(data[sel(is_test)], dtype=np.float32)), torch.from_numpy(label[test_idx])

    runs = []
    for seed in args.seeds:
        print(f'  fold {k} seed {seed}: train {len(train_files)} files / {len(ytr)} rows, val {len(val_idx)}, test {len(test_idx)}', flush=True)
        runs.append(train_one(args, seed + 1000 * k, args.model, xtr, ytr, rows_per_epoch, xval, yval, xte, yte))
    common = {'fold': k, 'model': args.model, 'feature': feature,
              'test_speakers': sorted(f'{c}:{s}' for c, s in test_spk), 'val_speakers': sorted(f'{c}:{s}' for c, s in val_spk),
              'train_files': int(len(train_files)), 'train_rows': int(len(ytr)), 'val_files': int(len(val_idx)), 'test_files': int(len(test_idx)),
              'samples_per_second': float(np.mean([r[2] for r in runs])), 'params': runs[0][3],
              'trajectories_log_only': [r[1] for r in runs]}
    rav = corpus[test_idx] == 'ravdess'
    # 'val': the epoch with the best inner-validation UAR; 'last': the last epoch trained (a fixed count when patience is 0).
    return {choice: {**common, 'selection': choice, **score([r[0][choice] for r in runs], yval.numpy(), yte.numpy(), rav)} for choice in ('val', 'last')}


def score(chosen, yv, y, rav):
    if len(chosen) == 1:
        val_logits, test_logits = chosen[0]['val_logits'], chosen[0]['test_logits']
    else:  # ensemble: average the probabilities; its log is the logit the temperature scales
        val_logits = np.log(np.mean([softmax(c['val_logits']) for c in chosen], 0) + 1e-12)
        test_logits = np.log(np.mean([softmax(c['test_logits']) for c in chosen], 0) + 1e-12)
    pred = test_logits.argmax(1)
    t = fit_temperature(val_logits, yv)
    confusion = np.zeros((len(LABELS), len(LABELS)), dtype=int)
    np.add.at(confusion, (y, pred), 1)
    return {
        'uar': uar(y, pred), 'uar_ravdess': uar(y[rav], pred[rav]), 'uar_emodb': uar(y[~rav], pred[~rav]),
        'accuracy': float((pred == y).mean()), 'val_uar': uar(yv, val_logits.argmax(1)),
        'best_epochs': [c['epoch'] for c in chosen], 'temperature': t,
        'ece_before': ece(softmax(test_logits), y), 'ece_after': ece(softmax(test_logits, t), y),
        'recall': {LABELS[c]: float(np.mean(pred[y == c] == c)) for c in np.unique(y)},
        'confusion': confusion.tolist(),
    }


def summarise(tag):
    folds = [json.load(open(os.path.join(RESULTS, f'{tag}-fold{k}.json'))) for k in range(5)
             if os.path.exists(os.path.join(RESULTS, f'{tag}-fold{k}.json'))]
    if not folds:
        return None
    arr = lambda key: np.array([f[key] for f in folds])
    summary = {'tag': tag, 'folds': [f['fold'] for f in folds], 'uar': arr('uar').tolist(),
               'uar_mean': float(arr('uar').mean()), 'uar_sd': float(arr('uar').std(ddof=1)) if len(folds) > 1 else 0.0,
               'uar_ravdess_mean': float(arr('uar_ravdess').mean()), 'uar_emodb_mean': float(arr('uar_emodb').mean()),
               'ece_before_mean': float(arr('ece_before').mean()), 'ece_after_mean': float(arr('ece_after').mean()),
               'temperature_mean': float(arr('temperature').mean()), 'best_epochs': [f['best_epochs'] for f in folds],
               'samples_per_second': float(arr('samples_per_second').mean()), 'params': folds[0]['params']}
    base = {k: json.load(open(os.path.join(RESULTS, f'thesis-fold{k}.json')))['uar'] for k in range(5)
            if os.path.exists(os.path.join(RESULTS, f'thesis-fold{k}.json'))}
    pairs = [f['uar'] - base[f['fold']] for f in folds if f['fold'] in base]
    if pairs:
        summary['paired_diff_mean'] = float(np.mean(pairs))
        summary['paired_diff_sd'] = float(np.std(pairs, ddof=1)) if len(pairs) > 1 else 0.0
        summary['paired_folds'] = len(pairs)
    json.dump(summary, open(os.path.join(RESULTS, f'{tag}-summary.json'), 'w'), indent=1)
    return summary


def table():
    tags = sorted({n.rsplit('-fold', 1)[0] for n in os.listdir(RESULTS) if '-fold' in n})
    print(f"{'recipe':24s} {'per-fold UAR':36s} {'mean+-sd':13s} {'RAV':5s} {'EMO':5s} {'diff vs thesis':15s} {'ECE->T':11s} {'smp/s':6s} params")
    for tag in tags:
        s = summarise(tag)
        folds = ' '.join(f'{u:.3f}' for u in s['uar'])
        diff = f"{s['paired_diff_mean']:+.3f}+-{s['paired_diff_sd']:.3f}" if 'paired_diff_mean' in s else ''
        print(f"{tag:24s} {folds:36s} {s['uar_mean']:.3f}+-{s['uar_sd']:.3f} {s['uar_ravdess_mean']:.3f} {s['uar_emodb_mean']:.3f} {diff:15s} "
              f"{s['ece_before_mean']:.3f}->{s['ece_after_mean']:.3f} {s['samples_per_second']:6.0f} {s['params']}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--model', choices=sorted(MODELS), default='thesis')
    p.add_argument('--tag')
    p.add_argument('--folds', default='0,1,2,3,4')
    p.add_argument('--seeds', default='1')
    p.add_argument('--copies', type=int, default=4, help='augmented copies per training clip: the first N of the dumped 4 (noise, stretch, pitch, shift); the app draws 2 copies with other noise seeds')
    p.add_argument('--tess', type=float, default=1.0, help='fraction of TESS training rows drawn afresh each epoch')
    p.add_argument('--max-epochs', type=int, default=30)
    p.add_argument('--min-epochs', type=int, default=10)
    p.add_argument('--patience', type=int, default=8, help='0 trains every epoch (choice still by inner validation)')
    p.add_argument('--batch', type=int, default=32)
    p.add_argument('--averaging', type=float, default=0.999)
    p.add_argument('--threads', type=int, default=2)
    p.add_argument('--table', action='store_true')
    args = p.parse_args()
    if args.table:
        return table()
    torch.set_num_threads(args.threads)
    args.seeds = [int(s) for s in args.seeds.split(',')]
    tag = args.tag or args.model
    os.makedirs(RESULTS, exist_ok=True)
    files, variants, feats = load()
    for k in [int(f) for f in args.folds.split(',')]:
        started = time.time()
        results = run_fold(args, k, files, variants, feats)
        for choice, result in results.items():
            result['args'] = {k2: v for k2, v in vars(args).items()}
            result['seconds'] = time.time() - started
            if choice == 'val' or args.patience == 0:
                json.dump(result, open(os.path.join(RESULTS, f"{tag}{'' if choice == 'val' else '_last'}-fold{k}.json"), 'w'), indent=1)
        result = results['val']
        print(f"{tag} fold {k}: UAR {result['uar']:.3f} (RAVDESS {result['uar_ravdess']:.3f}, EMO-DB {result['uar_emodb']:.3f}), "
              f"best epochs {result['best_epochs']}, T {result['temperature']:.2f}, ECE {result['ece_before']:.3f}->{result['ece_after']:.3f}, "
              f"{result['seconds']:.0f} s", flush=True)
    s = summarise(tag)
    if args.patience == 0:
        summarise(tag + '_last')
    print(json.dumps({k2: v for k2, v in s.items()}, indent=None))


if __name__ == '__main__':
    main()
