"""A fine-tuned MiniLM sentence classifier run with onnxruntime and ``tokenizers``.

No torch here.  Sentences are sorted by token length and padded per batch, so
short sentences do not pay for long ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np


class OnnxClassifier:
    """ONNX graph ``(input_ids, attention_mask) -> logit`` plus its tokenizer."""

    def __init__(self, onnx_path: Path, tokenizer_path: Path, max_len: int, batch_size: int = 64,
                 threads: int = 2) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(tokenizer_path))
        self.tok.no_padding()
        self.tok.enable_truncation(max_length=max_len)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.sess = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        self.batch_size = batch_size

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """One raw logit per text, in input order."""
        out = np.zeros(len(texts), dtype=np.float64)
        if not texts:
            return out
        ids = [e.ids for e in self.tok.encode_batch([t or " " for t in texts])]
        order = np.argsort([len(x) for x in ids], kind="stable")
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            width = max(len(ids[i]) for i in chunk)
            input_ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for r, i in enumerate(chunk):
                n = len(ids[i])
                input_ids[r, :n] = ids[i]
                mask[r, :n] = 1
            res = self.sess.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]
            out[chunk] = res.reshape(-1)
        return out
