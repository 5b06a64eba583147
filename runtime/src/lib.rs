//! krait's runtime: values, the heap and its garbage collector, the object model, every
//! builtin type and function, and the native modules.
//!
//! The interpreter lives in `krait-vm`; the runtime reaches it only through [`Host`].
//!
//! - [`value`]: the 64-bit NaN-boxed `Value`;
//! - [`object`], [`heap`]: heap object layout and the mark-sweep collector;
//! - [`runtime`]: the shared state and object constructors;
//! - [`loader`]: compiled code objects to runtime code values;
//! - [`protocol`]: the abstract object protocol (attributes, calls, operators, iteration…);
//! - [`types`]: each builtin type's methods; [`builtins`]: the builtin functions;
//! - [`modules`]: `sys`, `math`, `time`, `gc`.

#![deny(missing_docs)]

pub mod attribute_cache;
pub mod attribute_site;
pub mod bootstrap;
pub mod builtins;
pub mod dict;
pub mod error;
pub mod global_cache;
pub mod heap;
pub mod host;
pub mod layout;
pub mod loader;
pub mod modules;
pub mod names;
pub mod object;
pub mod profile;
pub mod protocol;
pub mod runtime;
pub mod shape;
pub mod signals;
pub mod str_object;
pub mod stream;
pub mod tuple_object;
pub mod types;
pub mod types_table;
pub mod value;

pub use error::{PyErr, PyResult};
pub use host::{allow_threads, Arguments, GeneratorStep, Host};
pub use runtime::Runtime;
pub use value::Value;
