//! `memoryview`: one-dimensional views (format `'B'`, item size 1) over bytes and bytearray,
//! with indexing, slicing (views of views share the exporter), item and slice assignment
//! through writable views, `tobytes`, `tolist`, `hex`, `release` and the context manager.
//!
//! Not supported: `cast`, other formats and multi-dimensional shapes, and the exporter's
//! "existing exports" lock (CPython raises BufferError when a bytearray with live views is
//! resized; here the view just sees the new contents, and reads past the end are cut short).

use std::borrow::Cow;
use std::cell::Cell;

use crate::object::Payload;
use crate::protocol::{str_value, type_name};
use crate::types::bytes::{buffer, bytearray_data, bytes_of, new_bytes, Kind};
use crate::types::sequence::{index_value, resolve_slice};
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// The payload of a memoryview.
pub struct MemoryView {
    /// The exporting object: bytes or bytearray (or an instance of a subclass of either).
    pub object: Value,
    /// The exporter's index of the view's first byte.
    pub start: usize,
    /// The distance between consecutive bytes of the view in the exporter.
    pub step: i64,
    /// The number of bytes in the view.
    pub length: usize,
    /// Whether writes are refused (always for bytes exporters).
    pub readonly: bool,
    /// Set by `release()` and by leaving a `with` block.
    pub released: Cell<bool>,
}

/// The memoryview methods.
pub const METHODS: crate::types::MethodTable = &[
    ("tobytes", tobytes),
    ("tolist", tolist),
    ("hex", hex),
    ("release", release),
    ("toreadonly", toreadonly),
    ("__enter__", enter),
    ("__exit__", exit),
    ("__len__", dunder_len),
    ("__getitem__", dunder_getitem),
    ("__setitem__", dunder_setitem),
];

/// The view behind a value.
fn view(value: Value) -> Option<&'static MemoryView> {
    match &value.as_object()?.payload {
        Payload::MemoryView(view) => Some(view),
        _ => None,
    }
}

/// Whether a value is a released memoryview.
pub fn is_released(value: Value) -> bool {
    view(value).is_some_and(|view| view.released.get())
}

/// The bytes a (not released) memoryview shows; `None` for other values.
pub fn contents(value: Value) -> Option<Cow<'static, [u8]>> {
    let view = view(value)?;
    if view.released.get() {
        return None;
    }
    let (data, _) = bytes_of(view.object)?;
    if view.step == 1 {
        let end = (view.start + view.length).min(data.len());
        return Some(Cow::Borrowed(
            data.get(view.start.min(end)..end).unwrap_or(&[]),
        ));
    }
    Some(Cow::Owned(
        indices(view)
            .filter_map(|index| data.get(index).copied())
            .collect(),
    ))
}

/// The exporter's indices of the view's bytes.
fn indices(view: &MemoryView) -> impl Iterator<Item = usize> {
    let (start, step) = (view.start as i64, view.step);
    (0..view.length as i64).map(move |offset| (start + offset * step) as usize)
}

/// The byte at `position` of a view (for iteration); `None` past the end.
pub fn item(value: Value, position: usize) -> Option<u8> {
    let view = view(value)?;
    if view.released.get() || position >= view.length {
        return None;
    }
    let (data, _) = bytes_of(view.object)?;
    data.get((view.start as i64 + position as i64 * view.step) as usize)
        .copied()
}

fn released_error(host: &mut dyn Host) -> crate::PyErr {
    host.runtime()
        .value_error("operation forbidden on released memoryview object")
}

/// The view of a memoryview value, raising ValueError when it has been released.
fn live(host: &mut dyn Host, value: Value) -> PyResult<&'static MemoryView> {
    match view(value) {
        Some(view) if view.released.get() => Err(released_error(host)),
        Some(view) => Ok(view),
        None => {
            let runtime = host.runtime();
            let message = format!(
                "descriptor requires a 'memoryview' object but received a '{}'",
                type_name(runtime, value)
            );
            Err(runtime.type_error(message))
        }
    }
}

fn new_view(runtime: &mut Runtime, view: MemoryView) -> Value {
    runtime.heap.allocate(Payload::MemoryView(view))
}

/// `memoryview(object)`.
pub fn construct(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let positionals = arguments.positionals();
    let mut object = positionals.first().copied();
    for (keyword, value) in arguments.keywords() {
        match str_value(keyword) {
            Some("object") if object.is_none() => object = Some(value),
            Some("object") => {
                return Err(host.runtime().type_error(
                    "argument for memoryview() given by name ('object') and position (1)",
                ));
            }
            other => {
                let message = format!(
                    "'{}' is an invalid keyword argument for memoryview()",
                    other.unwrap_or("?")
                );
                return Err(host.runtime().type_error(message));
            }
        }
    }
    let given = positionals.len() + arguments.keyword_names.len();
    let Some(object) = object.filter(|_| given == 1) else {
        let message = if given == 0 {
            "memoryview() missing required argument 'object' (pos 1)".to_string()
        } else {
            format!("memoryview() takes at most 1 argument ({given} given)")
        };
        return Err(host.runtime().type_error(message));
    };
    if let Some(source) = view(object) {
        if source.released.get() {
            return Err(released_error(host));
        }
        let copy = MemoryView {
            released: Cell::new(false),
            ..*source
        };
        return Ok(new_view(host.runtime(), copy));
    }
    let Some((data, kind)) = bytes_of(object) else {
        let runtime = host.runtime();
        let message = format!(
            "memoryview: a bytes-like object is required, not '{}'",
            type_name(runtime, object)
        );
        return Err(runtime.type_error(message));
    };
    let created = MemoryView {
        object,
        start: 0,
        step: 1,
        length: data.len(),
        readonly: kind == Kind::Bytes,
        released: Cell::new(false),
    };
    Ok(new_view(host.runtime(), created))
}

/// `len(view)`.
pub fn length(host: &mut dyn Host, value: Value) -> PyResult<usize> {
    live(host, value).map(|view| view.length)
}

/// `view[key]`: an int for an index, a new view for a slice.
pub fn get_item(host: &mut dyn Host, value: Value, key: Value) -> PyResult<Value> {
    let view = live(host, value)?;
    if let Some(position) = index_value(host, key, "memoryview")? {
        let resolved = resolve(host, view, position)?;
        let byte = item(value, resolved).unwrap_or(0);
        return Ok(host.runtime().new_int(i64::from(byte)));
    }
    if let Some(range) = resolve_slice(host, key, view.length)? {
        let sliced = MemoryView {
            object: view.object,
            start: (view.start as i64 + range.start * view.step).max(0) as usize,
            step: view.step * range.step,
            length: range.count,
            readonly: view.readonly,
            released: Cell::new(false),
        };
        let sliced = if range.count == 0 {
            MemoryView {
                start: 0,
                step: 1,
                ..sliced
            }
        } else {
            sliced
        };
        return Ok(new_view(host.runtime(), sliced));
    }
    Err(host.runtime().type_error("memoryview: invalid slice key"))
}

fn resolve(host: &mut dyn Host, view: &MemoryView, position: i64) -> PyResult<usize> {
    let resolved = if position < 0 {
        position + view.length as i64
    } else {
        position
    };
    if resolved < 0 || resolved >= view.length as i64 {
        return Err(host
            .runtime()
            .index_error("index out of bounds on dimension 1"));
    }
    Ok(resolved as usize)
}

/// `view[key] = value` for writable views.
pub fn set_item(host: &mut dyn Host, target: Value, key: Value, value: Value) -> PyResult<()> {
    let view = live(host, target)?;
    if view.readonly {
        return Err(host.runtime().type_error("cannot modify read-only memory"));
    }
    if let Some(position) = index_value(host, key, "memoryview")? {
        let resolved = resolve(host, view, position)?;
        let Some(int) = crate::types::int::as_int(value) else {
            return Err(host
                .runtime()
                .type_error("memoryview: invalid type for format 'B'"));
        };
        let Some(byte) = int.to_i64().and_then(|int| u8::try_from(int).ok()) else {
            return Err(host
                .runtime()
                .value_error("memoryview: invalid value for format 'B'"));
        };
        let index = (view.start as i64 + resolved as i64 * view.step) as usize;
        if let Some(slot) = bytearray_data(view.object).and_then(|data| data.get_mut(index)) {
            *slot = byte;
        }
        return Ok(());
    }
    let Some(range) = resolve_slice(host, key, view.length)? else {
        return Err(host.runtime().type_error("memoryview: invalid slice key"));
    };
    let Some(replacement) = buffer(value) else {
        let runtime = host.runtime();
        let message = format!(
            "a bytes-like object is required, not '{}'",
            type_name(runtime, value)
        );
        return Err(runtime.type_error(message));
    };
    if replacement.len() != range.count {
        return Err(host
            .runtime()
            .value_error("memoryview assignment: lvalue and rvalue have different structures"));
    }
    let replacement = replacement.into_owned();
    if let Some(data) = bytearray_data(view.object) {
        for (offset, byte) in range.indices().zip(replacement) {
            let index = (view.start as i64 + offset as i64 * view.step) as usize;
            if let Some(slot) = data.get_mut(index) {
                *slot = byte;
            }
        }
    }
    Ok(())
}

/// `hash(view)`: the hash of its bytes, for read-only views only.
pub fn hash(host: &mut dyn Host, value: Value) -> PyResult<i64> {
    let view = live(host, value)?;
    if !view.readonly {
        return Err(host
            .runtime()
            .value_error("cannot hash writable memoryview object"));
    }
    let data = contents(value).unwrap_or_default();
    Ok(crate::types::bytes::hash(&data))
}

/// `repr(view)`.
pub fn repr(value: Value) -> String {
    let address = value.bits() & ((1 << 48) - 1);
    if is_released(value) {
        format!("<released memory at {address:#x}>")
    } else {
        format!("<memory at {address:#x}>")
    }
}

/// The fixed attributes: `obj`, `nbytes`, `readonly`, `itemsize`, `format`, `ndim`, `shape`,
/// `strides`, `contiguous`, `c_contiguous`, `f_contiguous`.
pub fn attribute(host: &mut dyn Host, value: Value, name: Value) -> PyResult<Option<Value>> {
    let Some(name) = str_value(name) else {
        return Ok(None);
    };
    let known = [
        "obj",
        "nbytes",
        "readonly",
        "itemsize",
        "format",
        "ndim",
        "shape",
        "strides",
        "contiguous",
        "c_contiguous",
        "f_contiguous",
        "suboffsets",
    ];
    if !known.contains(&name) {
        return Ok(None);
    }
    let view = live(host, value)?;
    let runtime = host.runtime();
    let contiguous = view.step == 1 || view.length <= 1;
    Ok(Some(match name {
        "obj" => view.object,
        "nbytes" => runtime.new_int(view.length as i64),
        "readonly" => Value::bool(view.readonly),
        "itemsize" => runtime.new_int(1),
        "format" => runtime.new_str("B"),
        "ndim" => runtime.new_int(1),
        "shape" => {
            let length = runtime.new_int(view.length as i64);
            runtime.new_tuple_from(&[length])
        }
        "strides" => {
            let step = runtime.new_int(view.step);
            runtime.new_tuple_from(&[step])
        }
        "suboffsets" => runtime.new_tuple(Vec::new()),
        _ => Value::bool(contiguous),
    }))
}

fn receiver(
    host: &mut dyn Host,
    arguments: &Arguments,
    name: &str,
    maximum: usize,
) -> PyResult<Value> {
    let Some(&this) = arguments.values.first() else {
        let message = format!("descriptor '{name}' of 'memoryview' object needs an argument");
        return Err(host.runtime().type_error(message));
    };
    let given = arguments.values.len() - 1;
    if given > maximum {
        let message = if maximum == 0 {
            format!("memoryview.{name}() takes no arguments ({given} given)")
        } else {
            format!("memoryview.{name}() takes at most {maximum} arguments ({given} given)")
        };
        return Err(host.runtime().type_error(message));
    }
    live(host, this)?;
    Ok(this)
}

/// `view.tobytes(order=None)`.
fn tobytes(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = receiver(host, &arguments, "tobytes", 1)?;
    let data = contents(this).unwrap_or_default().into_owned();
    Ok(new_bytes(host.runtime(), data))
}

/// `view.tolist()`.
fn tolist(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = receiver(host, &arguments, "tolist", 0)?;
    let data = contents(this).unwrap_or_default();
    let items = data
        .iter()
        .map(|&byte| Value::small_int(i64::from(byte)).unwrap_or(Value::NONE))
        .collect();
    Ok(host.runtime().new_list(items))
}

/// `view.hex(sep=None, bytes_per_sep=1)`.
fn hex(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = receiver(host, &arguments, "hex", 2)?;
    let mut slots = [None, None];
    for (slot, &value) in slots.iter_mut().zip(&arguments.positionals()[1..]) {
        *slot = Some(value);
    }
    for (keyword, value) in arguments.keywords() {
        match str_value(keyword) {
            Some("sep") => slots[0] = Some(value),
            Some("bytes_per_sep") => slots[1] = Some(value),
            other => {
                let message = format!(
                    "'{}' is an invalid keyword argument for hex()",
                    other.unwrap_or("?")
                );
                return Err(host.runtime().type_error(message));
            }
        }
    }
    let data = contents(this).unwrap_or_default().into_owned();
    crate::types::bytes::hex_with(host, &data, slots[0], slots[1])
}

/// `view.release()` (releasing twice is allowed).
fn release(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    match arguments.values.first().and_then(|&value| view(value)) {
        Some(view) => {
            view.released.set(true);
            Ok(Value::NONE)
        }
        None => Err(host.runtime().type_error(
            "descriptor 'release' for 'memoryview' objects doesn't apply to this object",
        )),
    }
}

/// `view.toreadonly()`: a read-only view of the same bytes.
fn toreadonly(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = receiver(host, &arguments, "toreadonly", 0)?;
    let source = live(host, this)?;
    let copy = MemoryView {
        readonly: true,
        released: Cell::new(false),
        ..*source
    };
    Ok(new_view(host.runtime(), copy))
}

fn enter(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    receiver(host, &arguments, "__enter__", 0)
}

fn exit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    release(host, arguments)?;
    Ok(Value::NONE)
}

fn dunder_len(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = receiver(host, &arguments, "__len__", 0)?;
    let length = length(host, this)?;
    Ok(host.runtime().new_int(length as i64))
}

fn dunder_getitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = receiver(host, &arguments, "__getitem__", 1)?;
    let Some(&key) = arguments.values.get(1) else {
        return Err(host.runtime().type_error("expected 1 argument, got 0"));
    };
    get_item(host, this, key)
}

fn dunder_setitem(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let this = receiver(host, &arguments, "__setitem__", 2)?;
    let (Some(&key), Some(&value)) = (arguments.values.get(1), arguments.values.get(2)) else {
        return Err(host.runtime().type_error("expected 2 arguments"));
    };
    set_item(host, this, key, value)?;
    Ok(Value::NONE)
}
