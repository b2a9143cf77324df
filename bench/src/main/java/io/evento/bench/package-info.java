/** Benchmark drivers: each main prints its figures (method and results: docs/benchmarks.md). */
package io.evento.bench;
