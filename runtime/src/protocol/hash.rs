//! `hash()`: Python's numeric hash (ints, floats and bools that are equal hash equally),
//! cached str hashes, CPython's tuple hash, and user `__hash__` (with the rule that a class
//! defining `__eq__` without `__hash__` is unhashable).

use std::hash::Hasher;

use num_traits::ToPrimitive;

use crate::object::Payload;
use crate::protocol::attribute::call_bound;
use crate::protocol::{lookup_in_type, type_name, type_of};
use crate::types::int::{as_int, hash_int};
use crate::value::Value;
use crate::{Host, PyResult};

/// The hash of a str's text (stable within and across runs).
///
/// FxHash's byte hash: a str's hash is computed once and cached, but every str made at run
/// time and then used as a key (a word split out of a text) is hashed once, so it must be
/// cheap for short text. CPython randomizes str hashes per process, so no program output may
/// depend on their values (set iteration order of strs included).
pub fn hash_text(text: &str) -> i64 {
    // As in CPython, the empty string hashes to 0 (as does `b""`).
    if text.is_empty() {
        return 0;
    }
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.as_bytes());
    let hash = hasher.finish() as i64;
    if hash == -1 {
        -2
    } else {
        hash
    }
}

/// `hash(value)`.
pub fn hash(host: &mut dyn Host, value: Value) -> PyResult<i64> {
    if let Some(float) = value.as_float() {
        return Ok(crate::types::float::hash(float));
    }
    if let Some(int) = as_int(value) {
        return Ok(hash_int(&int));
    }
    let Some(object) = value.as_object() else {
        return Ok((value.bits() >> 4) as i64 & 0x7fff_ffff);
    };
    match &object.payload {
        Payload::Str(text) => {
            let cached = text.hash.get();
            if cached != 0 {
                return Ok(cached);
            }
            let hash = hash_text(text.text());
            text.hash.set(hash);
            Ok(hash)
        }
        Payload::Tuple(items) => {
            // CPython's xxHash-based tuple hash.
            const PRIME_1: u64 = 11400714785074694791;
            const PRIME_2: u64 = 14029467366897019727;
            const PRIME_5: u64 = 2870177450012600261;
            // Copied out: hashing an item can run Python code (the rule in `object.rs`).
            let mut short = [Value::NULL; crate::tuple_object::INLINE_ITEMS];
            let long;
            let items: &[Value] = if items.owns_memory() {
                long = items.to_vec();
                &long
            } else {
                short[..items.len()].copy_from_slice(items);
                &short[..items.len()]
            };
            let mut accumulator = PRIME_5;
            for &item in items.iter() {
                let lane = hash(host, item)? as u64;
                accumulator = accumulator.wrapping_add(lane.wrapping_mul(PRIME_2));
                accumulator = accumulator.rotate_left(31);
                accumulator = accumulator.wrapping_mul(PRIME_1);
            }
            accumulator = accumulator.wrapping_add((items.len() as u64) ^ (PRIME_5 ^ 3527539));
            let result = if accumulator == u64::MAX {
                1546275796
            } else {
                accumulator as i64
            };
            Ok(result)
        }
        Payload::FrozenSet(_) => crate::types::set::hash_frozenset(host, value),
        Payload::GenericAlias { .. } | Payload::Union(_) => {
            crate::types::generic_alias::hash(host, value)
        }
        Payload::Bytes(bytes) => Ok(crate::types::bytes::hash(bytes)),
        Payload::MemoryView(_) => crate::types::memoryview::hash(host, value),
        Payload::Complex(real, imaginary) => {
            let combined = crate::types::float::hash(*real)
                .wrapping_add(1000003i64.wrapping_mul(crate::types::float::hash(*imaginary)));
            Ok(if combined == -1 { -2 } else { combined })
        }
        Payload::List(_)
        | Payload::Dict(_)
        | Payload::Set(_)
        | Payload::Slice { .. }
        | Payload::ByteArray(_)
        | Payload::DictView(
            _,
            crate::object::DictViewKind::Keys | crate::object::DictViewKind::Items,
        ) => Err(unhashable(host, value)),
        Payload::Instance(instance) => {
            let class = *instance.class.get();
            let runtime = host.runtime();
            let names = runtime.names;
            let hash_method = lookup_in_type(runtime, class, names.__hash__);
            match hash_method {
                Some(Value::NONE) => Err(unhashable(host, value)),
                Some(method)
                    if !matches!(
                        method.as_object().map(|object| &object.payload),
                        Some(Payload::NativeFunction(_))
                    ) =>
                {
                    let result = call_bound(host, method, value, &[])?;
                    match as_int(result) {
                        Some(int) => Ok(match int {
                            crate::types::int::IntValue::Small(small) => {
                                if small == -1 {
                                    -2
                                } else {
                                    small
                                }
                            }
                            // As CPython: a result that fits a machine word is the hash
                            // (the hash of a str is such a word), a larger one is hashed.
                            crate::types::int::IntValue::Big(big) => match big.to_i64() {
                                Some(-1) => -2,
                                Some(word) => word,
                                None => hash_int(&crate::types::int::IntValue::Big(big)),
                            },
                        }),
                        None => Err(host
                            .runtime()
                            .type_error("__hash__ method should return an integer")),
                    }
                }
                _ => match crate::protocol::base_value(value) {
                    Some(base) => hash(host, base),
                    None => Ok(identity_hash(value)),
                },
            }
        }
        _ => Ok(identity_hash(value)),
    }
}

fn identity_hash(value: Value) -> i64 {
    (value.bits() >> 4) as i64 & 0x0fff_ffff_ffff
}

fn unhashable(host: &mut dyn Host, value: Value) -> crate::PyErr {
    let runtime = host.runtime();
    let message = format!("unhashable type: '{}'", type_name(runtime, value));
    runtime.type_error(message)
}

/// Whether a value's class is hashable (for error messages before hashing).
pub fn is_hashable(host: &mut dyn Host, value: Value) -> bool {
    let runtime = host.runtime();
    let class = type_of(runtime, value);
    let name = runtime.names.__hash__;
    lookup_in_type(runtime, class, name) != Some(Value::NONE)
}
