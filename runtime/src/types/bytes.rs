//! `bytes` and `bytearray`: construction, the sequence operations the protocol layer dispatches
//! to (indexing, membership, comparison, hashing, `+`, `*`, `%`), and the methods.
//!
//! Both types share one implementation: every method reads its receiver as a byte slice and
//! builds its result with the receiver's [`Kind`], so `bytearray.upper()` returns a bytearray.
//! A bytearray's bytes live in a `Mutable<Vec<u8>>`; the methods borrow them only after their
//! arguments are converted (which may run Python code), never across such a call.
//!
//! The methods live in submodules by concern:
//!
//! - `arguments`: receiver and argument checking with CPython's messages;
//! - `case`: `upper`, `lower`, `title`, … and the `is…` predicates;
//! - `convert`: construction, `decode`, `hex`, `fromhex`, `translate`, `maketrans`;
//! - `layout`: `center`, `ljust`, `rjust`, `zfill`, `expandtabs`;
//! - `mutate`: the bytearray mutations (item and slice assignment, `append`, `pop`, …);
//! - `search`: `find`, `count`, `startswith`, `partition`, `replace`, …;
//! - `split`: `split`, `rsplit`, `splitlines`, `strip`, `join`.

mod arguments;
mod case;
mod convert;
mod layout;
mod mutate;
mod search;
mod split;
pub mod wide_codecs;

use std::borrow::Cow;
use std::hash::Hasher;

use krait_compiler::{BinaryOperator, Comparison};

use crate::object::{Mutable, Payload};
use crate::protocol::type_name;
use crate::types::sequence::{bad_index, index_value, resolve_slice};
use crate::value::Value;
use crate::{Host, PyResult, Runtime};

pub(crate) use convert::hex_with;
pub use convert::{construct, decode_text, from_object};
pub use mutate::{delete_item, set_item};

/// The methods `bytes` and `bytearray` share.
macro_rules! shared_methods {
    ($($extra:expr),* $(,)?) => {
        &[
            ("decode", convert::decode),
            ("hex", convert::hex),
            ("translate", convert::translate),
            ("join", split::join),
            ("split", split::split),
            ("rsplit", split::rsplit),
            ("splitlines", split::splitlines),
            ("strip", split::strip),
            ("lstrip", split::lstrip),
            ("rstrip", split::rstrip),
            ("find", search::find),
            ("rfind", search::rfind),
            ("index", search::index),
            ("rindex", search::rindex),
            ("count", search::count),
            ("startswith", search::startswith),
            ("endswith", search::endswith),
            ("partition", search::partition),
            ("rpartition", search::rpartition),
            ("replace", search::replace),
            ("removeprefix", search::removeprefix),
            ("removesuffix", search::removesuffix),
            ("upper", case::upper),
            ("lower", case::lower),
            ("capitalize", case::capitalize),
            ("title", case::title),
            ("swapcase", case::swapcase),
            ("isalpha", case::isalpha),
            ("isalnum", case::isalnum),
            ("isdigit", case::isdigit),
            ("isspace", case::isspace),
            ("islower", case::islower),
            ("isupper", case::isupper),
            ("istitle", case::istitle),
            ("isascii", case::isascii),
            ("center", layout::center),
            ("ljust", layout::ljust),
            ("rjust", layout::rjust),
            ("zfill", layout::zfill),
            ("expandtabs", layout::expandtabs),
            ("__len__", convert::dunder_len),
            ("__getitem__", convert::dunder_getitem),
            ("__contains__", convert::dunder_contains),
            ("__add__", convert::dunder_add),
            ("__mul__", convert::dunder_mul),
            ("__rmul__", convert::dunder_mul),
            ("__mod__", convert::dunder_mod),
            $($extra,)*
        ]
    };
}

/// The bytes methods.
pub const METHODS: crate::types::MethodTable =
    shared_methods!(("__bytes__", convert::dunder_bytes));

/// The bytearray methods: the shared ones plus the mutations.
pub const BYTEARRAY_METHODS: crate::types::MethodTable = shared_methods!(
    ("append", mutate::append),
    ("extend", mutate::extend),
    ("insert", mutate::insert),
    ("pop", mutate::pop),
    ("remove", mutate::remove),
    ("reverse", mutate::reverse),
    ("clear", mutate::clear),
    ("copy", mutate::copy),
    ("__init__", mutate::dunder_init),
    ("__setitem__", mutate::dunder_setitem),
    ("__delitem__", mutate::dunder_delitem),
    ("__iadd__", mutate::dunder_iadd),
    ("__imul__", mutate::dunder_imul),
);

/// `bytes.fromhex` and `bytearray.fromhex` (class methods).
pub const CLASS_METHODS: crate::types::MethodTable = &[("fromhex", convert::fromhex)];

/// `bytes.maketrans` and `bytearray.maketrans` (static methods).
pub const STATIC_METHODS: crate::types::MethodTable = &[("maketrans", convert::maketrans)];

/// Which of the two types a value or a result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `bytes`.
    Bytes,
    /// `bytearray`.
    ByteArray,
}

impl Kind {
    /// The Python type name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bytes => "bytes",
            Kind::ByteArray => "bytearray",
        }
    }
}

/// A new bytes object.
pub fn new_bytes(runtime: &mut Runtime, data: Vec<u8>) -> Value {
    runtime
        .heap
        .allocate(Payload::Bytes(data.into_boxed_slice()))
}

/// A new bytearray.
pub fn new_bytearray(runtime: &mut Runtime, data: Vec<u8>) -> Value {
    runtime
        .heap
        .allocate(Payload::ByteArray(Mutable::new(data)))
}

/// A new object of `kind`.
pub fn new_of(runtime: &mut Runtime, kind: Kind, data: Vec<u8>) -> Value {
    match kind {
        Kind::Bytes => new_bytes(runtime, data),
        Kind::ByteArray => new_bytearray(runtime, data),
    }
}

/// The bytes and kind of a bytes or bytearray value (or of an instance of a subclass).
pub fn bytes_of(value: Value) -> Option<(&'static [u8], Kind)> {
    match &value.as_object()?.payload {
        Payload::Bytes(bytes) => Some((bytes, Kind::Bytes)),
        Payload::ByteArray(bytes) => Some((bytes.get().as_slice(), Kind::ByteArray)),
        Payload::Instance(_) => bytes_of(crate::protocol::base_value(value)?),
        _ => None,
    }
}

/// The vector behind a bytearray (or an instance of a subclass).
pub fn bytearray_data(value: Value) -> Option<&'static mut Vec<u8>> {
    match &value.as_object()?.payload {
        Payload::ByteArray(bytes) => Some(bytes.get()),
        Payload::Instance(_) => bytearray_data(crate::protocol::base_value(value)?),
        _ => None,
    }
}

/// The contents of any bytes-like object: bytes, bytearray or a (not released) memoryview.
pub fn buffer(value: Value) -> Option<Cow<'static, [u8]>> {
    if let Some((bytes, _)) = bytes_of(value) {
        return Some(Cow::Borrowed(bytes));
    }
    crate::types::memoryview::contents(value)
}

/// CPython's hash of a byte string (equal to the hash of an equal ASCII str).
pub fn hash(bytes: &[u8]) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hasher.write(bytes);
    hasher.write_u8(0xff);
    let hash = hasher.finish() as i64;
    if hash == -1 {
        -2
    } else {
        hash
    }
}

/// `value[key]` for bytes and bytearray.
pub fn get_item(host: &mut dyn Host, value: Value, key: Value) -> PyResult<Value> {
    let Some((bytes, kind)) = bytes_of(value) else {
        return Ok(Value::NONE);
    };
    let what = match kind {
        Kind::Bytes => "byte",
        Kind::ByteArray => "bytearray",
    };
    if let Some(position) = index_value(host, key, what)? {
        let what = match kind {
            Kind::Bytes => "index",
            Kind::ByteArray => "bytearray index",
        };
        let resolved = resolve_index_message(host, position, bytes.len(), what)?;
        return Ok(host.runtime().new_int(i64::from(bytes[resolved])));
    }
    if let Some(range) = resolve_slice(host, key, bytes.len())? {
        let Some((bytes, kind)) = bytes_of(value) else {
            return Ok(Value::NONE);
        };
        let selected: Vec<u8> = if range.step == 1 {
            let start = range.start as usize;
            bytes[start..start + range.count].to_vec()
        } else {
            range.indices().map(|index| bytes[index]).collect()
        };
        return Ok(new_of(host.runtime(), kind, selected));
    }
    Err(bad_index(host, key, what))
}

/// Resolves an index with CPython's `"{what} out of range"` message.
fn resolve_index_message(
    host: &mut dyn Host,
    index: i64,
    length: usize,
    what: &str,
) -> PyResult<usize> {
    let resolved = if index < 0 {
        index + length as i64
    } else {
        index
    };
    if resolved < 0 || resolved >= length as i64 {
        return Err(host.runtime().index_error(format!("{what} out of range")));
    }
    Ok(resolved as usize)
}

/// `item in value` for bytes and bytearray: an int is a byte, a bytes-like object a substring.
pub fn contains(host: &mut dyn Host, value: Value, item: Value) -> PyResult<bool> {
    if let Some(byte) = arguments::byte_or_none(host, item)? {
        return Ok(bytes_of(value).is_some_and(|(bytes, _)| bytes.contains(&byte)));
    }
    let Some(needle) = buffer(item) else {
        let runtime = host.runtime();
        let message = format!(
            "a bytes-like object is required, not '{}'",
            type_name(runtime, item)
        );
        return Err(runtime.type_error(message));
    };
    let haystack = bytes_of(value).map_or(&[][..], |(bytes, _)| bytes);
    Ok(search::find_bytes(haystack, &needle).is_some())
}

/// Comparison between bytes-like objects: bytes and bytearray order, memoryviews only compare
/// for equality. `None` when `left` and `right` are not both bytes-like.
pub fn compare(left: Value, right: Value, operator: Comparison) -> Option<Option<bool>> {
    let is_view = |value: Value| {
        matches!(
            value.as_object().map(|object| &object.payload),
            Some(Payload::MemoryView(_))
        )
    };
    let equality = matches!(operator, Comparison::Equal | Comparison::NotEqual);
    if !equality && (is_view(left) || is_view(right)) {
        return Some(None);
    }
    if is_view(left) || is_view(right) {
        // A released view only equals itself.
        let released = crate::types::memoryview::is_released(left)
            || crate::types::memoryview::is_released(right);
        if released {
            return Some(Some((left == right) == (operator == Comparison::Equal)));
        }
    }
    let (a, b) = (buffer(left)?, buffer(right)?);
    let ordering = a.as_ref().cmp(b.as_ref());
    Some(Some(match operator {
        Comparison::Less => ordering.is_lt(),
        Comparison::LessEqual => ordering.is_le(),
        Comparison::Equal => ordering.is_eq(),
        Comparison::NotEqual => ordering.is_ne(),
        Comparison::Greater => ordering.is_gt(),
        Comparison::GreaterEqual => ordering.is_ge(),
    }))
}

/// The longest bytes object `*` and the padding methods build; longer raises MemoryError
/// (CPython would raise it on allocation).
pub(crate) const MAX_LENGTH: usize = isize::MAX as usize;

/// A byte vector of `capacity`, or MemoryError.
pub(crate) fn allocate(host: &mut dyn Host, capacity: usize) -> PyResult<Vec<u8>> {
    let mut data = Vec::new();
    if data.try_reserve_exact(capacity).is_err() {
        return Err(host.runtime().memory_error());
    }
    Ok(data)
}

/// `left op right` where `left` is bytes or bytearray: `+`, `*` and `%`; `None` when the
/// operator does not apply (so reflected dunders get their turn).
pub fn binary(
    host: &mut dyn Host,
    left: Value,
    right: Value,
    operator: BinaryOperator,
) -> PyResult<Option<Value>> {
    let Some((_, kind)) = bytes_of(left) else {
        return Ok(None);
    };
    match operator.plain() {
        BinaryOperator::Add => {
            let Some(other) = buffer(right) else {
                if matches!(
                    right.as_object().map(|object| &object.payload),
                    Some(Payload::Instance(_))
                ) {
                    return Ok(None);
                }
                let runtime = host.runtime();
                let message = format!(
                    "can't concat {} to {}",
                    type_name(runtime, right),
                    kind.name()
                );
                return Err(runtime.type_error(message));
            };
            if operator.is_in_place() && kind == Kind::ByteArray {
                let other = other.into_owned();
                return mutate::extend_in_place(host, left, &other).map(|()| Some(left));
            }
            let Some((bytes, _)) = bytes_of(left) else {
                return Ok(None);
            };
            let mut joined = allocate(host, bytes.len().saturating_add(other.len()))?;
            joined.extend_from_slice(bytes);
            joined.extend_from_slice(&other);
            Ok(Some(new_of(host.runtime(), kind, joined)))
        }
        BinaryOperator::Multiply => {
            let Some(count) = crate::types::repeat_count(host, right)? else {
                return crate::types::sequence_multiply_error(host, right);
            };
            let Some((bytes, _)) = bytes_of(left) else {
                return Ok(None);
            };
            let repeated = repeat(host, bytes, count, kind)?;
            if operator.is_in_place() && kind == Kind::ByteArray {
                if let Some(data) = bytearray_data(left) {
                    let before = data.capacity();
                    *data = repeated;
                    let grown = data.capacity().saturating_sub(before);
                    host.runtime().heap.account(grown);
                }
                return Ok(Some(left));
            }
            Ok(Some(new_of(host.runtime(), kind, repeated)))
        }
        BinaryOperator::Remainder => {
            let template = bytes_of(left)
                .map(|(bytes, _)| bytes.to_vec())
                .unwrap_or_default();
            let formatted = crate::types::format::printf::format_bytes(host, &template, right)?;
            Ok(Some(new_of(host.runtime(), kind, formatted)))
        }
        _ => Ok(None),
    }
}

/// `bytes * count`, with CPython's errors for results that cannot exist (OverflowError for
/// bytes, MemoryError for bytearray).
fn repeat(host: &mut dyn Host, bytes: &[u8], count: usize, kind: Kind) -> PyResult<Vec<u8>> {
    let Some(total) = bytes
        .len()
        .checked_mul(count)
        .filter(|&total| total <= MAX_LENGTH)
    else {
        return Err(match kind {
            Kind::Bytes => host.runtime().overflow_error("repeated bytes are too long"),
            Kind::ByteArray => host.runtime().memory_error(),
        });
    };
    let mut repeated = allocate(host, total)?;
    if !bytes.is_empty() {
        for _ in 0..count {
            repeated.extend_from_slice(bytes);
        }
    }
    Ok(repeated)
}
