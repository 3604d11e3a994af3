"""The shipped check-worthiness model: artifact files plus the numpy/onnxruntime code that runs them.

Files here: ``checkworthiness.json`` (metadata: name, version, threshold, metrics,
sha256 of every file) and the weights it lists (``.npz``, ``.onnx``, ``.json``).
Rebuild them with ``claimflow train --data DIR --out claims/model``.
"""
