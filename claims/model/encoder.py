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


def _worker_cpus(threads: int) -> list[int] | None:
    """The CPUs to give the ``threads`` workers one each, or None to leave scheduling alone.

    Only when this process may run on exactly ``threads`` CPUs (Linux): then each
    worker keeps one core for its lifetime and the two stop migrating, which measured
    about 10% faster on 2 cores.  With more CPUs visible (a shared host, a container
    with a CPU quota) pinning could pile several processes onto the same cores, so it
    is not done.  Scores are the same either way.
    """
    if not hasattr(os, "sched_getaffinity"):
        return None
    cpus = sorted(os.sched_getaffinity(0))
    return cpus if len(cpus) == threads else None


class OnnxRunner:
    """An ONNX graph over ``(input_ids, attention_mask)`` plus its tokenizer, run one text per call."""

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

    def _run_slice(self, ids: list[list[int]], out: list, start: int, step: int) -> None:
        """Raw outputs of ``ids[start::step]`` into ``out`` (one unpadded text per call)."""
        run = self.sess.run
        for i in range(start, len(ids), step):
            x = np.asarray([ids[i]], dtype=np.int64)
            out[i] = run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})[0][0]

    def _workers(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                cpus = _worker_cpus(self.threads)
                if cpus is None:
                    self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="claimflow-onnx")
                else:
                    free = iter(cpus)
                    lock = threading.Lock()

                    def pin_worker() -> None:  # runs once in each new worker thread
                        with lock:
                            cpu = next(free, None)
                        if cpu is not None:
                            try:
                                os.sched_setaffinity(0, {cpu})
                            except OSError:
                                pass  # a restricted container: run unpinned

                    self._pool = ThreadPoolExecutor(self.threads, thread_name_prefix="claimflow-onnx", initializer=pin_worker)
            return self._pool

    def run_each(self, ids: list[list[int]]) -> list[np.ndarray]:
        """The graph's first output for each token-id list, in order, each independent of the others."""
        out: list = [None] * len(ids)
        if self.threads == 1 or len(ids) < 8:
            self._run_slice(ids, out, 0, 1)
            return out
        pool = self._workers()
        futures = [pool.submit(self._run_slice, ids, out, k, self.threads) for k in range(self.threads)]
        for f in futures:
            f.result()
        return out


class OnnxClassifier(OnnxRunner):
    """ONNX graph ``(input_ids, attention_mask) -> logit`` plus its tokenizer."""

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """One raw logit per text, in input order; each text's value does not depend on the others."""
        if not texts:
            return np.zeros(0, dtype=np.float64)
        ids = [e.ids for e in self.tok.encode_batch(list(texts))]
        return np.asarray([float(np.asarray(o).reshape(-1)[0]) for o in self.run_each(ids)], dtype=np.float64)
