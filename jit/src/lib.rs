//! krait's JIT: hot bytecode plus the interpreter's type feedback, through Cranelift, to native
//! code in executable pages, with guards, deoptimization metadata and OSR entries.
//!
//! This crate is a placeholder in the dependency graph (`compiler` ← `runtime` ← `jit` ← `vm`)
//! so the layering is fixed from the start; the compiler itself arrives with the JIT issue.
//! Until then `krait --jit=on|eager` is refused and everything runs in the interpreter.

#![deny(missing_docs)]

/// Whether this build of krait can compile to native code.
pub const AVAILABLE: bool = false;
