//! Where compiled code finds things inside heap objects.
//!
//! The JIT handles a few payloads inline — list and tuple items, range iterators — instead of
//! calling into the vm. Rust does not fix the layout of enums, `Vec` or boxed slices, so the
//! offsets are not written down anywhere: they are *measured* once, on real objects built for
//! the purpose, and handed to the JIT. `HeapObject` is `repr(C)`, so its `kind` byte (which
//! payload it is, for the few kinds the JIT knows) is always at offset 0.
//!
//! If a measurement is ambiguous (a `Vec` whose pointer, length and capacity words cannot be
//! told apart), `measure` returns `None` and compiled code calls the vm for everything.

use std::cell::Cell;

use crate::object::{GeneratorKind, HeapObject, IteratorKind, Mutable, Payload};
use crate::value::Value;

/// The payload kinds compiled code recognizes by `HeapObject::kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// Anything else.
    Other = 0,
    /// `list`.
    List = 1,
    /// `tuple`.
    Tuple = 2,
    /// A range iterator.
    RangeIterator = 3,
    /// An instance of a Python class.
    Instance = 4,
    /// A cell (a closure variable's box).
    Cell = 5,
    /// A Python function (compiled code calls one it did not expect inline, see
    /// `jit/src/translate/inline_call.rs`).
    Function = 6,
    /// An iterator over a list, tuple or str by index.
    SequenceIterator = 7,
    /// A generator (not a coroutine or an async generator: a generator's kind is fixed when it
    /// is made), which a compiled `for` resumes through its own helper.
    Generator = 8,
    /// `str` (exact: instances of str subclasses are instances).
    Str = 9,
    /// An iterator over a list or tuple backwards (`reversed`).
    ReversedSequenceIterator = 10,
    /// An `enumerate` iterator.
    EnumerateIterator = 11,
    /// A `zip` iterator.
    ZipIterator = 12,
}

/// The kind byte of a payload.
#[inline]
pub fn kind_of(payload: &Payload) -> Kind {
    match payload {
        Payload::List(_) => Kind::List,
        Payload::Tuple(_) => Kind::Tuple,
        Payload::Iterator(IteratorKind::Range { .. }) => Kind::RangeIterator,
        Payload::Instance(_) => Kind::Instance,
        Payload::Cell(_) => Kind::Cell,
        Payload::Function(_) => Kind::Function,
        Payload::Iterator(IteratorKind::Sequence { .. }) => Kind::SequenceIterator,
        Payload::Generator(generator) if generator.kind == GeneratorKind::Generator => {
            Kind::Generator
        }
        Payload::Str(_) => Kind::Str,
        Payload::Iterator(IteratorKind::ReversedSequence { .. }) => Kind::ReversedSequenceIterator,
        Payload::Iterator(IteratorKind::Enumerate { .. }) => Kind::EnumerateIterator,
        Payload::Iterator(IteratorKind::Zip { .. }) => Kind::ZipIterator,
        _ => Kind::Other,
    }
}

/// Byte offsets from the start of a `HeapObject`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Offsets {
    /// The kind byte.
    pub kind: i32,
    /// A list's item pointer.
    pub list_items: i32,
    /// A list's length.
    pub list_length: i32,
    /// A tuple's item pointer.
    pub tuple_items: i32,
    /// A tuple's length.
    pub tuple_length: i32,
    /// A range iterator's next value (an `i64`).
    pub range_next: i32,
    /// A range iterator's end (exclusive).
    pub range_stop: i32,
    /// A range iterator's step.
    pub range_step: i32,
    /// An instance's class (a value).
    pub instance_class: i32,
    /// An instance's shape (the `Rc<Shape>` pointer).
    pub instance_shape: i32,
    /// What to add to the word at `instance_shape` to get `Rc::as_ptr` of the shape (the
    /// pointer points at the reference counts before the shape).
    pub shape_pointer_adjust: i64,
    /// An instance's slot pointer.
    pub instance_slots: i32,
    /// An instance's slot count.
    pub instance_slot_count: i32,
    /// How many slots an instance's slot buffer has room for.
    pub instance_slot_capacity: i32,
    /// Where a shape's strong reference count is, from the word at `instance_shape` (the
    /// `Rc` pointer): compiled code that moves an instance to a child shape takes a count on
    /// the new shape and gives one back on the old, as `Rc` clone and drop would.
    pub shape_strong_count: i32,
    /// An instance's rarer state (exception data, builtin base, `__dict__`): a null pointer
    /// for a plain instance.
    pub instance_extra: i32,
    /// A cell's contents (a value, NULL when empty).
    pub cell_contents: i32,
    /// A sequence iterator's sequence (a value).
    pub sequence_iterator_sequence: i32,
    /// A sequence iterator's next index (a `usize`).
    pub sequence_iterator_index: i32,
    /// A str's length in characters (a `usize`).
    pub str_char_count: i32,
    /// A str's cached hash (an `i64`, 0 while not computed).
    pub str_hash: i32,
    /// The byte length of a str whose text is inline (a `u8`; see
    /// `str_object::SHORT_CHARS` for which strs have inline text).
    pub str_inline_length: i32,
    /// The first byte of a str's inline text (`INLINE_CAPACITY` bytes, zero past the length).
    pub str_inline_bytes: i32,
    /// A reversed iterator's sequence (a value).
    pub reversed_sequence: i32,
    /// A reversed iterator's count of items left (one past the next index, a `usize`).
    pub reversed_remaining: i32,
    /// An enumerate iterator's underlying iterator (a value).
    pub enumerate_iterator: i32,
    /// An enumerate iterator's next count (a value).
    pub enumerate_count: i32,
    /// A zip iterator's pointer to its underlying iterators.
    pub zip_iterators: i32,
    /// A zip iterator's number of underlying iterators.
    pub zip_length: i32,
    /// A zip iterator's `strict` flag (a byte).
    pub zip_strict: i32,
}

fn address<T>(value: &T) -> usize {
    value as *const T as usize
}

/// Which of the words of a two- or three-word container hold `pointer` and `length`.
fn find_words(words: &[usize], pointer: usize, length: usize) -> Option<(usize, usize)> {
    let pointer_at = words.iter().position(|&word| word == pointer)?;
    let length_at = words.iter().position(|&word| word == length)?;
    let unique = words.iter().filter(|&&word| word == pointer).count() == 1
        && words.iter().filter(|&&word| word == length).count() == 1;
    (unique && pointer_at != length_at).then_some((pointer_at, length_at))
}

/// The offset of an `Rc<Shape>`'s strong count from the word the `Rc` holds: the word of the
/// shape's allocation (one of the two before the shape) that cloning the `Rc` increments.
fn strong_count_offset() -> Option<i32> {
    let shape = crate::shape::Shape::root();
    let word = std::mem::size_of::<usize>();
    let pointer = std::rc::Rc::as_ptr(&shape) as usize;
    // SAFETY: an `Rc` is one pointer (checked by the caller); its word is what is measured.
    let rc_word = unsafe { *(address(&shape) as *const usize) };
    let adjust = pointer.checked_sub(rc_word)?;
    if adjust != 2 * word {
        return None;
    }
    // SAFETY: the two words from `rc_word` are the allocation's reference counts (the shape
    // starts right after them, `adjust` above); they are only read.
    let read = || unsafe { std::slice::from_raw_parts(rc_word as *const usize, 2).to_vec() };
    let before = read();
    let clone = shape.clone();
    let after = read();
    drop(clone);
    let changed: Vec<usize> = (0..2)
        .filter(|&index| after[index] == before[index] + 1)
        .collect();
    match changed.as_slice() {
        [index] if before[*index] == 1 => i32::try_from(index * word).ok(),
        _ => None,
    }
}

/// Measures the offsets on sample objects; `None` if any is ambiguous.
pub fn measure() -> Option<Offsets> {
    let word = std::mem::size_of::<usize>();
    // A list of 3 items with room for 7: pointer, length and capacity all differ.
    let mut items = Vec::with_capacity(7);
    items.extend([Value::NONE, Value::TRUE, Value::FALSE]);
    let list = HeapObject {
        kind: Kind::List as u8,
        payload: Payload::List(Mutable::new(items)),
    };
    let Payload::List(list_items) = &list.payload else {
        return None;
    };
    let vector: &Vec<Value> = list_items.get();
    if std::mem::size_of::<Vec<Value>>() != 3 * word {
        return None;
    }
    // SAFETY: a `Vec<Value>` is three words (checked above); reading them as plain words
    // only looks at its representation, which is what is being measured.
    let words = unsafe { std::slice::from_raw_parts(address(vector) as *const usize, 3) };
    let (pointer_word, length_word) = find_words(words, vector.as_ptr() as usize, 3)?;
    let list_base = address(vector) - address(&list);

    // A tuple too long to keep its items inline: its item pointer is valid unplaced (a short
    // tuple's points at its own items, which `Heap::allocate` sets; the word is the same).
    let long = crate::tuple_object::INLINE_ITEMS + 1;
    let tuple = HeapObject {
        kind: Kind::Tuple as u8,
        payload: Payload::Tuple(crate::object::TupleObject::from_vec(vec![
            Value::NONE;
            long
        ])),
    };
    let Payload::Tuple(tuple_items) = &tuple.payload else {
        return None;
    };
    // SAFETY: a `TupleObject` is `repr(C)`, item pointer and length first; see the list
    // case.
    let tuple_words =
        unsafe { std::slice::from_raw_parts(address(tuple_items) as *const usize, 2) };
    let (tuple_pointer_word, tuple_length_word) =
        find_words(tuple_words, tuple_items.as_ptr() as usize, long)?;
    let tuple_base = address(tuple_items) - address(&tuple);

    let range = HeapObject {
        kind: Kind::RangeIterator as u8,
        payload: Payload::Iterator(IteratorKind::Range {
            next: Cell::new(1),
            stop: 2,
            step: 3,
        }),
    };
    let Payload::Iterator(IteratorKind::Range { next, stop, step }) = &range.payload else {
        return None;
    };
    let shape = crate::shape::Shape::root();
    let mut slot_values = Vec::with_capacity(6);
    slot_values.extend([Value::NONE, Value::TRUE]);
    let instance = HeapObject {
        kind: Kind::Instance as u8,
        payload: Payload::Instance(crate::object::InstanceObject::new(
            Value::TRUE,
            shape.clone(),
            None,
            0,
        )),
    };
    let Payload::Instance(fields) = &instance.payload else {
        return None;
    };
    *fields.slots.get() = slot_values;
    // An instance with a `__dict__`: its extra-state word must not be null.
    let with_dict = crate::object::InstanceObject::new(Value::TRUE, shape.clone(), None, 0);
    with_dict.set_dict(Value::NONE);
    // SAFETY: `Rc<Shape>` and a `OnceCell<Box<_>>` are one pointer each (checked next), a
    // `Vec` three words (checked above); these reads only look at their representation.
    if std::mem::size_of::<std::rc::Rc<crate::shape::Shape>>() != word
        || std::mem::size_of::<std::cell::OnceCell<Box<crate::object::InstanceExtra>>>() != word
    {
        return None;
    }
    let shape_word = unsafe { *(address(&fields.shape) as *const usize) };
    let shape_pointer_adjust = (std::rc::Rc::as_ptr(&shape) as usize).wrapping_sub(shape_word);
    if shape_pointer_adjust > 64 {
        return None;
    }
    let extra_word = unsafe { *(address(&fields.extra) as *const usize) };
    let set_extra_word = unsafe { *(address(&with_dict.extra) as *const usize) };
    if extra_word != 0 || set_extra_word == 0 {
        return None;
    }
    let slot_vector: &Vec<Value> = fields.slots.get();
    let slot_words = unsafe { std::slice::from_raw_parts(address(slot_vector) as *const usize, 3) };
    let (slot_pointer_word, slot_length_word) =
        find_words(slot_words, slot_vector.as_ptr() as usize, 2)?;
    let slot_capacity_word =
        (0..3).find(|&word| word != slot_pointer_word && word != slot_length_word)?;
    if slot_words[slot_capacity_word] != slot_vector.capacity() {
        return None;
    }
    let shape_strong_count = strong_count_offset()?;
    let instance_base = address(&instance);
    let cell = HeapObject {
        kind: Kind::Cell as u8,
        payload: Payload::Cell(Cell::new(Value::NONE)),
    };
    let Payload::Cell(contents) = &cell.payload else {
        return None;
    };
    let sequence_iterator = HeapObject {
        kind: Kind::SequenceIterator as u8,
        payload: Payload::Iterator(IteratorKind::Sequence {
            sequence: Value::NONE,
            index: Cell::new(0),
        }),
    };
    let Payload::Iterator(IteratorKind::Sequence { sequence, index }) = &sequence_iterator.payload
    else {
        return None;
    };
    let text = HeapObject {
        kind: Kind::Str as u8,
        payload: Payload::Str(crate::str_object::StrObject::new("héllo")),
    };
    let Payload::Str(text_fields) = &text.payload else {
        return None;
    };
    let char_count_field = text_fields.char_count_field();
    if *char_count_field != 5 {
        return None;
    }
    let (inline_length, inline_bytes) = text_fields.inline_fields()?;
    if *inline_length != 6 || inline_bytes.get(..6) != Some("héllo".as_bytes()) {
        return None;
    }
    let reversed = HeapObject {
        kind: Kind::ReversedSequenceIterator as u8,
        payload: Payload::Iterator(IteratorKind::ReversedSequence {
            sequence: Value::NONE,
            remaining: Cell::new(0),
        }),
    };
    let Payload::Iterator(IteratorKind::ReversedSequence {
        sequence: reversed_sequence,
        remaining,
    }) = &reversed.payload
    else {
        return None;
    };
    let enumerate = HeapObject {
        kind: Kind::EnumerateIterator as u8,
        payload: Payload::Iterator(IteratorKind::Enumerate {
            iterator: Value::NONE,
            count: Cell::new(Value::NONE),
        }),
    };
    let Payload::Iterator(IteratorKind::Enumerate {
        iterator: enumerated,
        count,
    }) = &enumerate.payload
    else {
        return None;
    };
    // Three iterators, so that the length word differs from the item pointer and from 1.
    let zip = HeapObject {
        kind: Kind::ZipIterator as u8,
        payload: Payload::Iterator(IteratorKind::Zip {
            iterators: vec![Value::NONE; 3].into_boxed_slice(),
            strict: true,
        }),
    };
    let Payload::Iterator(IteratorKind::Zip { iterators, strict }) = &zip.payload else {
        return None;
    };
    if std::mem::size_of::<Box<[Value]>>() != 2 * word {
        return None;
    }
    // SAFETY: a boxed slice is two words (checked above): its pointer and its length; reading
    // them as plain words only looks at its representation.
    let zip_words = unsafe { std::slice::from_raw_parts(address(iterators) as *const usize, 2) };
    let (zip_pointer_word, zip_length_word) =
        find_words(zip_words, iterators.as_ptr() as usize, 3)?;
    let zip_base = address(iterators) - address(&zip);
    let to_offset = |value: usize| i32::try_from(value).ok();
    Some(Offsets {
        kind: to_offset(address(&list.kind) - address(&list))?,
        list_items: to_offset(list_base + pointer_word * word)?,
        list_length: to_offset(list_base + length_word * word)?,
        tuple_items: to_offset(tuple_base + tuple_pointer_word * word)?,
        tuple_length: to_offset(tuple_base + tuple_length_word * word)?,
        range_next: to_offset(address(next) - address(&range))?,
        range_stop: to_offset(address(stop) - address(&range))?,
        range_step: to_offset(address(step) - address(&range))?,
        instance_class: to_offset(address(&fields.class) - instance_base)?,
        instance_shape: to_offset(address(&fields.shape) - instance_base)?,
        shape_pointer_adjust: shape_pointer_adjust as i64,
        instance_slots: to_offset(address(slot_vector) - instance_base + slot_pointer_word * word)?,
        instance_slot_count: to_offset(
            address(slot_vector) - instance_base + slot_length_word * word,
        )?,
        instance_slot_capacity: to_offset(
            address(slot_vector) - instance_base + slot_capacity_word * word,
        )?,
        shape_strong_count,
        instance_extra: to_offset(address(&fields.extra) - instance_base)?,
        cell_contents: to_offset(address(contents) - address(&cell))?,
        sequence_iterator_sequence: to_offset(address(sequence) - address(&sequence_iterator))?,
        sequence_iterator_index: to_offset(address(index) - address(&sequence_iterator))?,
        str_char_count: to_offset(address(char_count_field) - address(&text))?,
        str_hash: to_offset(address(&text_fields.hash) - address(&text))?,
        str_inline_length: to_offset(address(inline_length) - address(&text))?,
        str_inline_bytes: to_offset(address(inline_bytes) - address(&text))?,
        reversed_sequence: to_offset(address(reversed_sequence) - address(&reversed))?,
        reversed_remaining: to_offset(address(remaining) - address(&reversed))?,
        enumerate_iterator: to_offset(address(enumerated) - address(&enumerate))?,
        enumerate_count: to_offset(address(count) - address(&enumerate))?,
        zip_iterators: to_offset(zip_base + zip_pointer_word * word)?,
        zip_length: to_offset(zip_base + zip_length_word * word)?,
        zip_strict: to_offset(address(strict) - address(&zip))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every heap object is one slab slot as large as the largest payload: keep it one cache
    /// line (box large, rare payload parts instead of growing this).
    #[test]
    fn heap_objects_fit_a_cache_line() {
        assert!(std::mem::size_of::<HeapObject>() <= 64);
        assert!(
            std::mem::size_of::<crate::object::TupleObject>()
                <= std::mem::size_of::<crate::object::InstanceObject>()
        );
    }

    /// The measured offsets read the right fields of real heap objects.
    #[test]
    fn offsets_read_real_objects() {
        let offsets = measure().expect("measurable layout");
        assert_eq!(offsets.kind, 0);
        let mut runtime = crate::Runtime::new();
        let list = runtime.new_list(vec![Value::NONE, Value::TRUE]);
        let tuple = runtime.new_tuple(vec![Value::FALSE; 4]);
        let read = |value: Value, offset: i32| -> usize {
            let base = value.bits() as usize & ((1 << 48) - 1);
            // SAFETY: the offsets were measured for these payload kinds; the objects are live.
            unsafe { *((base + offset as usize) as *const usize) }
        };
        let list_base = list.bits() as usize & ((1 << 48) - 1);
        // SAFETY: offset 0 of a live `repr(C)` heap object is its kind byte.
        let kind = unsafe { *(list_base as *const u8) };
        assert_eq!(kind, Kind::List as u8);
        assert_eq!(read(list, offsets.list_length), 2);
        let items = read(list, offsets.list_items) as *const Value;
        // SAFETY: the list has two items.
        assert_eq!(unsafe { *items.add(1) }, Value::TRUE);
        assert_eq!(read(tuple, offsets.tuple_length), 4);
        // A short tuple's item pointer points at its own items, a long one's at its buffer.
        for (tuple, items) in [
            (tuple, vec![Value::FALSE; 4]),
            (
                runtime.new_tuple_from(&[Value::TRUE, Value::NONE]),
                vec![Value::TRUE, Value::NONE],
            ),
            (
                runtime.new_tuple(vec![Value::NONE; 9]),
                vec![Value::NONE; 9],
            ),
        ] {
            let pointer = read(tuple, offsets.tuple_items) as *const Value;
            let length = read(tuple, offsets.tuple_length);
            // SAFETY: the measured item pointer and length of a live tuple.
            assert_eq!(
                unsafe { std::slice::from_raw_parts(pointer, length) },
                &items[..]
            );
        }
        let text = runtime.new_str("naïve café");
        assert_eq!(read(text, offsets.str_char_count), 10);
        let class = runtime.types.object;
        let instance = runtime.new_instance(class, crate::object::Layout::Object);
        if let Some(Payload::Instance(fields)) = instance.as_object().map(|object| &object.payload)
        {
            fields.slots.get().reserve_exact(5);
            fields.push_slot(Value::TRUE);
            assert_eq!(read(instance, offsets.instance_slot_count), 1);
            assert_eq!(
                read(instance, offsets.instance_slot_capacity),
                fields.slots.get().capacity()
            );
            let shape_word = read(instance, offsets.instance_shape);
            let strong = (shape_word + offsets.shape_strong_count as usize) as *const usize;
            let before = std::rc::Rc::strong_count(fields.shape.get());
            // SAFETY: the measured offset of the live shape's strong count.
            assert_eq!(unsafe { *strong }, before);
        }
        let cell = runtime.heap.allocate(Payload::Cell(Cell::new(Value::TRUE)));
        assert_eq!(read(cell, offsets.cell_contents) as u64, Value::TRUE.bits());
        let iterator = runtime
            .heap
            .allocate(Payload::Iterator(IteratorKind::Sequence {
                sequence: tuple,
                index: Cell::new(3),
            }));
        assert_eq!(
            read(iterator, offsets.sequence_iterator_sequence) as u64,
            tuple.bits()
        );
        assert_eq!(read(iterator, offsets.sequence_iterator_index), 3);
        let reversed = runtime
            .heap
            .allocate(Payload::Iterator(IteratorKind::ReversedSequence {
                sequence: tuple,
                remaining: Cell::new(2),
            }));
        assert_eq!(
            read(reversed, offsets.reversed_sequence) as u64,
            tuple.bits()
        );
        assert_eq!(read(reversed, offsets.reversed_remaining), 2);
        let enumerate = runtime
            .heap
            .allocate(Payload::Iterator(IteratorKind::Enumerate {
                iterator,
                count: Cell::new(Value::TRUE),
            }));
        assert_eq!(
            read(enumerate, offsets.enumerate_iterator) as u64,
            iterator.bits()
        );
        assert_eq!(
            read(enumerate, offsets.enumerate_count) as u64,
            Value::TRUE.bits()
        );
        let zip = runtime.heap.allocate(Payload::Iterator(IteratorKind::Zip {
            iterators: vec![iterator, reversed].into_boxed_slice(),
            strict: false,
        }));
        assert_eq!(read(zip, offsets.zip_length), 2);
        let parts = read(zip, offsets.zip_iterators) as *const Value;
        // SAFETY: the zip has two iterators.
        assert_eq!(unsafe { *parts.add(1) }, reversed);
        let base = zip.bits() as usize & ((1 << 48) - 1);
        // SAFETY: the measured offset of the live zip's `strict` byte.
        assert_eq!(
            unsafe { *((base + offsets.zip_strict as usize) as *const u8) },
            0
        );
        // SAFETY: offset 0 of a live `repr(C)` heap object is its kind byte.
        let zip_kind = unsafe { *(base as *const u8) };
        assert_eq!(zip_kind, Kind::ZipIterator as u8);
        let word = runtime.new_str("word");
        if let Some(Payload::Str(fields)) = word.as_object().map(|object| &object.payload) {
            fields
                .hash
                .set(crate::protocol::hash::hash_text(fields.text()));
            assert_eq!(read(word, offsets.str_hash) as i64, fields.hash.get());
        }
        assert_ne!(read(word, offsets.str_hash), 0);
        let word_base = word.bits() as usize & ((1 << 48) - 1);
        // SAFETY: the measured offsets of the live inline str's length and bytes.
        let (length, bytes) = unsafe {
            (
                *((word_base + offsets.str_inline_length as usize) as *const u8),
                std::slice::from_raw_parts(
                    (word_base + offsets.str_inline_bytes as usize) as *const u8,
                    crate::str_object::INLINE_CAPACITY,
                ),
            )
        };
        assert_eq!(length, 4);
        assert_eq!(&bytes[..4], b"word");
        assert!(bytes[4..].iter().all(|&byte| byte == 0));
    }
}
