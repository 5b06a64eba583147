//! `Value`: every Python value in 64 bits (NaN boxing).
//!
//! Floats are stored as themselves, so float arithmetic never allocates. All other values live
//! in the unused NaN space: real NaNs are canonicalized to the quiet NaN of their sign with a
//! zero payload (`0x7FF8 << 48` or `0xFFF8 << 48`), which frees every pattern from
//! `0xFFF9 << 48` upwards for tags:
//!
//! | high 16 bits | meaning                                       |
//! |--------------|-----------------------------------------------|
//! | `< 0xFFF9`   | an `f64`                                      |
//! | `0xFFF9`     | a small `int`: 48-bit two's complement        |
//! | `0xFFFA`     | a heap reference: a 48-bit `*mut HeapObject`  |
//! | `0xFFFB`     | a special: NULL, None, False, True, …         |
//!
//! Ints outside the 48-bit range are heap big integers; the int type hides the difference.
//!
//! Keeping the sign matters twice. `math.copysign(1.0, inf - inf)` is -1.0 on x86-64 CPython
//! (the hardware's default NaN is negative), and it is here too. And IEEE arithmetic on floats
//! whose NaNs are all quiet with a zero payload gives a number or such a NaN again (an operand
//! NaN passes through, an invalid operation makes the default NaN) — never a tag pattern — so
//! compiled code boxes the result of `+ - * /` and negation without checking it.

use std::fmt;

use crate::object::HeapObject;

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
const TAG_INT: u64 = 0xFFF9 << TAG_SHIFT;
const TAG_OBJECT: u64 = 0xFFFA << TAG_SHIFT;
const TAG_SPECIAL: u64 = 0xFFFB << TAG_SHIFT;
const FIRST_TAG: u64 = TAG_INT;
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;
const SIGN_BIT: u64 = 1 << 63;

/// The smallest int stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// The largest int stored inline.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// A Python value; see the module documentation for the encoding.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value(u64);

impl Value {
    /// A marker no Python code can observe: an unbound local, "no self" in calls.
    pub const NULL: Value = Value(TAG_SPECIAL);
    /// `None`.
    pub const NONE: Value = Value(TAG_SPECIAL | 1);
    /// `False`.
    pub const FALSE: Value = Value(TAG_SPECIAL | 2);
    /// `True`.
    pub const TRUE: Value = Value(TAG_SPECIAL | 3);
    /// `NotImplemented`.
    pub const NOT_IMPLEMENTED: Value = Value(TAG_SPECIAL | 4);
    /// `Ellipsis` (`...`).
    pub const ELLIPSIS: Value = Value(TAG_SPECIAL | 5);

    /// The raw bits (for hashing by identity and for the JIT).
    #[inline]
    pub fn bits(self) -> u64 {
        self.0
    }

    /// Rebuilds a value from [`Value::bits`].
    #[inline]
    pub fn from_bits(bits: u64) -> Value {
        Value(bits)
    }

    /// A float value.
    #[inline]
    pub fn float(value: f64) -> Value {
        if value.is_nan() {
            Value(CANONICAL_NAN | (value.to_bits() & SIGN_BIT))
        } else {
            Value(value.to_bits())
        }
    }

    /// A small int, if `value` fits in 48 bits.
    #[inline]
    pub fn small_int(value: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&value) {
            Some(Value(TAG_INT | (value as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }

    /// A bool value.
    #[inline]
    pub fn bool(value: bool) -> Value {
        if value {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    /// A reference to a heap object.
    #[inline]
    pub fn object(pointer: *mut HeapObject) -> Value {
        debug_assert!((pointer as u64) & !PAYLOAD_MASK == 0);
        Value(TAG_OBJECT | pointer as u64)
    }

    /// Whether this is a float.
    #[inline]
    pub fn is_float(self) -> bool {
        self.0 < FIRST_TAG
    }

    /// The float, if this is one.
    #[inline]
    pub fn as_float(self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }

    /// Whether this is a small (inline) int. Bools are not.
    #[inline]
    pub fn is_small_int(self) -> bool {
        self.0 & !PAYLOAD_MASK == TAG_INT
    }

    /// The small int, if this is one.
    #[inline]
    pub fn as_small_int(self) -> Option<i64> {
        if self.is_small_int() {
            // Sign-extend the 48-bit payload.
            Some(((self.0 << 16) as i64) >> 16)
        } else {
            None
        }
    }

    /// Whether this is a heap reference.
    #[inline]
    pub fn is_object(self) -> bool {
        self.0 & !PAYLOAD_MASK == TAG_OBJECT
    }

    /// The heap object, if this is a reference.
    #[inline]
    pub fn as_object(self) -> Option<&'static HeapObject> {
        if self.is_object() {
            // SAFETY: values tagged as objects are only made by `Value::object` from pointers
            // the heap allocated. The heap frees an object only when no root reaches it, and a
            // value being used is reachable (the rooting discipline of `heap.rs`), so the pointer
            // is live for as long as the value is in use. The `'static` lifetime is a promise
            // kept by that discipline, not by the type system.
            Some(unsafe { &*((self.0 & PAYLOAD_MASK) as *const HeapObject) })
        } else {
            None
        }
    }

    /// The heap pointer, if this is a reference.
    #[inline]
    pub fn as_pointer(self) -> Option<*mut HeapObject> {
        if self.is_object() {
            Some((self.0 & PAYLOAD_MASK) as *mut HeapObject)
        } else {
            None
        }
    }

    /// Whether this is the NULL marker.
    #[inline]
    pub fn is_null(self) -> bool {
        self == Value::NULL
    }

    /// Whether this is `None`.
    #[inline]
    pub fn is_none(self) -> bool {
        self == Value::NONE
    }

    /// Whether this is `True` or `False`.
    #[inline]
    pub fn is_bool(self) -> bool {
        self == Value::TRUE || self == Value::FALSE
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(float) = self.as_float() {
            write!(formatter, "Float({float})")
        } else if let Some(int) = self.as_small_int() {
            write!(formatter, "Int({int})")
        } else if let Some(pointer) = self.as_pointer() {
            write!(formatter, "Object({pointer:p})")
        } else {
            let name = match *self {
                Value::NULL => "NULL",
                Value::NONE => "None",
                Value::TRUE => "True",
                Value::FALSE => "False",
                Value::NOT_IMPLEMENTED => "NotImplemented",
                Value::ELLIPSIS => "Ellipsis",
                _ => "?",
            };
            formatter.write_str(name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_trip() {
        for value in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(
                Value::float(value).as_float().map(f64::to_bits),
                Some(value.to_bits())
            );
        }
        assert!(Value::float(f64::NAN).as_float().is_some_and(f64::is_nan));
        assert!(Value::float(-f64::NAN).is_float());
        // Any NaN becomes the quiet NaN of its sign with no payload, outside the tag space.
        for bits in [
            0xFFF9_0000_0000_0001_u64,
            0xFFFF_FFFF_FFFF_FFFF,
            0x7FF0_0000_0000_0001,
        ] {
            let boxed = Value::float(f64::from_bits(bits));
            assert!(boxed.is_float());
            assert_eq!(boxed.bits() & !SIGN_BIT, CANONICAL_NAN);
            assert_eq!(boxed.bits() & SIGN_BIT, bits & SIGN_BIT);
        }
    }

    #[test]
    fn small_ints_round_trip() {
        for value in [0, 1, -1, SMALL_INT_MAX, SMALL_INT_MIN, 12345678] {
            assert_eq!(
                Value::small_int(value).and_then(Value::as_small_int),
                Some(value)
            );
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
        assert!(!Value::TRUE.is_small_int());
        assert!(!Value::NONE.is_float());
    }
}
