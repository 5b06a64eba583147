//! krait's benchmark harness (its own issue): runs the programs in `bench/programs/` under
//! `krait --jit=off`, `krait`, CPython, PyPy and native builds, interleaved, and prints ratios.
//!
//! Until it lands, this binary says so instead of pretending to measure anything.

fn main() {
    eprintln!("krait-bench: the benchmark harness is not built yet (see the benchmark issue)");
    std::process::exit(2);
}
