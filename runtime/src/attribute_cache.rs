//! The attribute cache: what looking a name up along a class's MRO found, without walking the
//! MRO's namespaces again.
//!
//! Like CPython's type attribute cache, it is a direct-mapped table keyed by (class, name).
//! Every entry records the namespace epoch (`dict::namespace_epoch`) it was filled in; any change
//! to any class namespace, any new class and every garbage collection (which may free a class
//! whose address is then reused) move the epoch on, so a stale entry can never be used. Class
//! namespaces change rarely once a program runs, so the cache stays warm where it matters: the
//! attribute and method lookups of hot code, including the many lookups that find nothing
//! (`__getattribute__`, `__setattr__` overrides on ordinary classes).

use crate::dict::namespace_epoch;
use crate::value::Value;

const SIZE: usize = 4096;

#[derive(Clone, Copy)]
struct Entry {
    epoch: u64,
    class: Value,
    name: Value,
    /// What the lookup found (NULL for nothing).
    found: Value,
}

/// The cache; see the module documentation.
pub struct AttributeCache {
    entries: Box<[Entry]>,
}

impl Default for AttributeCache {
    fn default() -> Self {
        let empty = Entry {
            epoch: 0,
            class: Value::NULL,
            name: Value::NULL,
            found: Value::NULL,
        };
        AttributeCache {
            entries: vec![empty; SIZE].into_boxed_slice(),
        }
    }
}

impl AttributeCache {
    #[inline]
    fn slot(class: Value, name: Value) -> usize {
        // Fibonacci hashing: the top bits of the 64-bit product mix every input bit.
        let mixed = class.bits() ^ name.bits().rotate_left(29);
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SIZE.trailing_zeros())) as usize
    }

    /// The cached result of looking `name` up on `class`, if the cache has a valid one:
    /// `Some(None)` means "not found".
    #[inline]
    pub fn get(&self, class: Value, name: Value) -> Option<Option<Value>> {
        let entry = &self.entries[Self::slot(class, name)];
        if entry.class == class && entry.name == name && entry.epoch == namespace_epoch() {
            Some((!entry.found.is_null()).then_some(entry.found))
        } else {
            None
        }
    }

    /// Records a lookup result.
    #[inline]
    pub fn put(&mut self, class: Value, name: Value, found: Option<Value>) {
        self.entries[Self::slot(class, name)] = Entry {
            epoch: namespace_epoch(),
            class,
            name,
            found: found.unwrap_or(Value::NULL),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_lookup_is_found_until_the_epoch_moves() {
        let mut cache = AttributeCache::default();
        let class = Value::from_bits(0xFFFA_0000_1234_5670);
        let name = Value::from_bits(0xFFFA_0000_7654_3210);
        assert!(cache.get(class, name).is_none());
        cache.put(class, name, Some(Value::TRUE));
        assert_eq!(cache.get(class, name), Some(Some(Value::TRUE)));
        cache.put(class, Value::NONE, None);
        assert_eq!(cache.get(class, Value::NONE), Some(None));
        crate::dict::bump_namespace_epoch();
        assert!(cache.get(class, name).is_none());
    }

    #[test]
    fn names_of_one_class_spread_over_slots() {
        let class = Value::from_bits(0xFFFA_7F53_8489_2910);
        let slots: std::collections::HashSet<usize> = (0..64u64)
            .map(|index| {
                AttributeCache::slot(class, Value::from_bits(0xFFFA_7F53_8400_0000 + index * 48))
            })
            .collect();
        assert!(
            slots.len() > 56,
            "{} distinct slots for 64 names",
            slots.len()
        );
    }
}
