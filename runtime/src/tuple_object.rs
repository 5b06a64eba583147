//! A tuple's payload: short tuples keep their items inside their heap slot.
//!
//! Most tuples a program makes are short and short-lived: pairs returned and unpacked, the
//! nodes of binary_trees, dict items. With the items in a separate buffer, each such tuple
//! cost an allocator call to make, a lazy drop and an allocator free to die, and every read
//! of an item a second cache line. A heap slot has room for four values beside the length
//! and the item pointer, so a tuple of up to [`INLINE_ITEMS`] items is one slab slot and
//! nothing else: it is made by a slot allocation and a few stores, and dies without being
//! touched (`DropKind::Nothing`: the sweep clears its bits).
//!
//! Compiled code reads every tuple the same way — the item pointer and the length at fixed
//! offsets (`layout.rs`) — so the item pointer of a short tuple points at its own inline
//! items. That address is only known once the tuple sits in its slot: `Heap::allocate`
//! calls [`TupleObject::place`] right after writing it (objects never move afterwards).
//! Rust code never reads the pointer of a short tuple: [`TupleObject::items`] picks the
//! storage by the length, so a tuple not placed yet (or never, like `layout.rs`'s sample)
//! is still safe to read.

use crate::value::Value;

/// The most items a tuple keeps inside its slot.
pub const INLINE_ITEMS: usize = 4;

/// A tuple's items (see the module documentation).
#[repr(C)]
pub struct TupleObject {
    /// The first item's address: the inline items once placed (short tuples), else the
    /// boxed buffer the tuple owns. Read by compiled code.
    pointer: *const Value,
    /// The number of items. Read by compiled code.
    length: usize,
    /// The items of a short tuple (the rest NULL); unused for longer ones.
    inline: [Value; INLINE_ITEMS],
}

impl TupleObject {
    /// A tuple of `items`.
    #[inline]
    pub fn from_slice(items: &[Value]) -> TupleObject {
        if items.len() <= INLINE_ITEMS {
            let mut inline = [Value::NULL; INLINE_ITEMS];
            inline[..items.len()].copy_from_slice(items);
            TupleObject {
                pointer: std::ptr::null(),
                length: items.len(),
                inline,
            }
        } else {
            Self::boxed(items.into())
        }
    }

    /// A tuple of `items`, keeping the vector's buffer when the tuple is long.
    #[inline]
    pub fn from_vec(items: Vec<Value>) -> TupleObject {
        if items.len() <= INLINE_ITEMS {
            Self::from_slice(&items)
        } else {
            Self::boxed(items.into_boxed_slice())
        }
    }

    fn boxed(items: Box<[Value]>) -> TupleObject {
        let length = items.len();
        TupleObject {
            pointer: Box::into_raw(items) as *const Value,
            length,
            inline: [Value::NULL; INLINE_ITEMS],
        }
    }

    /// Points a short tuple's item pointer at its inline items. `Heap::allocate` calls it
    /// once the tuple is in its slot, where it stays.
    #[inline]
    pub(crate) fn place(&mut self) {
        if self.length <= INLINE_ITEMS {
            self.pointer = self.inline.as_ptr();
        }
    }

    /// Whether the items live in a buffer of their own (which the tuple frees when dropped).
    #[inline]
    pub fn owns_memory(&self) -> bool {
        self.length > INLINE_ITEMS
    }

    /// The items.
    #[inline]
    pub fn items(&self) -> &[Value] {
        if self.length <= INLINE_ITEMS {
            &self.inline[..self.length]
        } else {
            // SAFETY: a long tuple's pointer and length are those of the boxed slice it was
            // made from (`boxed`), which it owns until it is dropped.
            unsafe { std::slice::from_raw_parts(self.pointer, self.length) }
        }
    }
}

impl std::ops::Deref for TupleObject {
    type Target = [Value];

    #[inline]
    fn deref(&self) -> &[Value] {
        self.items()
    }
}

impl Drop for TupleObject {
    fn drop(&mut self) {
        if self.length > INLINE_ITEMS {
            // SAFETY: a long tuple owns the boxed slice `boxed` made of exactly this pointer
            // and length; it is dropped once, here.
            drop(unsafe {
                Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                    self.pointer as *mut Value,
                    self.length,
                ))
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_tuples_keep_their_items() {
        for length in 0..10 {
            let values: Vec<Value> = (0..length)
                .map(|index| Value::small_int(index).unwrap_or(Value::NONE))
                .collect();
            let mut tuple = TupleObject::from_vec(values.clone());
            assert_eq!(tuple.items(), values.as_slice());
            tuple.place();
            assert_eq!(&*tuple, values.as_slice());
            assert_eq!(tuple.owns_memory(), length as usize > INLINE_ITEMS);
            assert_eq!(TupleObject::from_slice(&values).items(), values.as_slice());
        }
    }
}
