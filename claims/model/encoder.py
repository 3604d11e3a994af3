"""A fine-tuned MiniLM sentence classifier run with onnxruntime and ``tokenizers``.

No torch here.  The graph is int8 with *dynamic* quantization, whose activation
scales are computed over the whole input tensor: a padded batch would make one
sentence's score depend on its neighbours.  So each sentence runs on its own
(no padding, so no wasted work either), and ``threads`` sentences run in
parallel on single-threaded sessions: scores are batch-independent and the
throughput matches padded batches on 2 cores.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np


def _can_pin(threads: int) -> bool:
    """Whether each of ``threads`` workers can have a CPU of its own (Linux only)."""
    return hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) >= threads


def _pin_thread(k: int) -> set[int] | None:
    """Pin the calling thread to the k-th allowed CPU; return the previous CPU set."""
    try:
        saved = os.sched_getaffinity(0)
        cpus = sorted(saved)
        os.sched_setaffinity(0, {cpus[k % len(cpus)]})
        return saved
    except OSError:
        return None


class OnnxClassifier:
    """ONNX graph ``(input_ids, attention_mask) -> logit`` plus its tokenizer."""

    def __init__(self, onnx_path: Path, tokenizer_path: Path, max_len: int, threads: int = 2) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(tokenizer_path))
        self.tok.no_padding()
        self.tok.enable_truncation(max_length=max_len)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.enable_mem_pattern = False  # every call has its own shape
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.sess = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        self.threads = max(1, threads)
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def _run_slice(self, ids: list[list[int]], out: np.ndarray, start: int, step: int, pin: bool = False) -> None:
        """Logits of ``ids[start::step]`` into ``out`` (one unpadded sentence per call).

        With ``pin``, the calling worker thread is pinned to one CPU for the slice
        (restored after): the two workers stop migrating between the cores, which
        measured ~10-20% faster and steadier on 2 cores.  Scores are unchanged.
        """
        saved = _pin_thread(start) if pin else None
        try:
            run = self.sess.run
            for i in range(start, len(ids), step):
                x = np.asarray([ids[i]], dtype=np.int64)
                out[i] = run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})[0].reshape(-1)[0]
        finally:
            if saved is not None:
                os.sched_setaffinity(0, saved)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """One raw logit per text, in input order; each text's value does not depend on the others."""
        out = np.zeros(len(texts), dtype=np.float64)
        if not texts:
            return out
        ids = [e.ids for e in self.tok.encode_batch(list(texts))]
        if self.threads == 1 or len(ids) < 8:
            self._run_slice(ids, out, 0, 1)
            return out
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="claimflow-onnx")
        pin = _can_pin(self.threads)
        futures = [self._pool.submit(self._run_slice, ids, out, k, self.threads, pin) for k in range(self.threads)]
        for f in futures:
            f.result()
        return out
