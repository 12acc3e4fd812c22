"""Test beds shared by the tests and the benchmarks (real daemons, built inputs)."""
