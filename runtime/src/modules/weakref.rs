//! `_weakref`: references that do not keep their referent alive, under `lib/weakref.py`.
//!
//! A `_weakref.Cell` holds a [`crate::heap::WeakCell`]: the heap clears it in the collection
//! that frees the referent. krait frees objects only when it collects (not when the last
//! reference goes, as CPython's reference counting does), so a dead referent is seen as gone
//! after the next collection; callbacks are not supported.

use super::native;
use crate::heap::WeakCell;
use crate::object::Payload;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_weakref");
    native::new_class(runtime, module, "_weakref", "Cell", &[]);
    super::add_functions(runtime, module, "_weakref", &[("new", new), ("get", get)]);
    module
}

fn cell_class(runtime: &mut Runtime) -> Option<Value> {
    let name = runtime.intern("_weakref");
    let module = crate::types::dict::get_str_key(runtime, runtime.modules, name)?;
    let class_name = runtime.intern("Cell");
    match module.as_object().map(|object| &object.payload) {
        Some(Payload::Module { dict, .. }) => {
            crate::types::dict::get_str_key(runtime, *dict, class_name)
        }
        _ => None,
    }
}

/// Whether CPython lets `value` be weakly referenced: instances of classes (not of int, str,
/// tuple, list, dict and the like), functions, classes, sets, generators, native objects.
fn weakly_referenceable(value: Value) -> bool {
    matches!(
        value.as_object().map(|object| &object.payload),
        Some(
            Payload::Instance(_)
                | Payload::Function(_)
                | Payload::Type(_)
                | Payload::Set(_)
                | Payload::FrozenSet(_)
                | Payload::Generator(_)
                | Payload::BoundMethod { .. }
                | Payload::Code(_)
                | Payload::Property { .. }
                | Payload::Module { .. }
                | Payload::Native(_)
        )
    )
}

/// `new(object)`: a cell weakly referring to `object`.
fn new(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let referent = arguments.values.first().copied().unwrap_or(Value::NONE);
    if !weakly_referenceable(referent) {
        let runtime = host.runtime();
        let message = format!(
            "cannot create weak reference to '{}' object",
            crate::protocol::type_name(runtime, referent)
        );
        return Err(runtime.type_error(message));
    }
    let runtime = host.runtime();
    let Some(class) = cell_class(runtime) else {
        return Err(runtime.runtime_error("_weakref.Cell is missing"));
    };
    let cell = runtime.heap.new_weak_cell(referent);
    Ok(native::new_object(runtime, class, cell))
}

/// `get(cell)`: the referent, or None once it has been collected.
fn get(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let cell = arguments
        .values
        .first()
        .and_then(|&value| native::data::<WeakCell>(value));
    match cell {
        Some(cell) => {
            let referent = cell.get();
            Ok(if referent.is_null() {
                Value::NONE
            } else {
                referent
            })
        }
        None => Err(host.runtime().type_error("expected a _weakref.Cell")),
    }
}
