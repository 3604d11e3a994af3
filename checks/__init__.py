"""Data-quality gate: Great Expectations suites, the gate and its report (import submodules)."""
