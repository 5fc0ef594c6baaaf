"""Speed and memory benchmark: ``python -m benchmarks.run --scale country``."""
