"""Benchmarks at the scale of the federation: a seeded corpus generator and `python -m bench`.

Every figure that matters is reported as a ratio to a baseline measured in the same run,
because the machine is shared and noisy.
"""
