//! Raised Python exceptions as a Rust error type.
//!
//! A `PyErr` is a Python exception object in flight. Internal bugs are not `PyErr`s: they
//! panic, and the command line reports the panic as an internal error.

use crate::value::Value;

/// A raised Python exception (the exception instance).
#[derive(Clone, Copy, Debug)]
pub struct PyErr {
    /// The exception instance.
    pub exception: Value,
}

/// The result of anything that can raise.
pub type PyResult<T> = Result<T, PyErr>;
