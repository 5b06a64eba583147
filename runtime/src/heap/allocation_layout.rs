//! Where compiled code finds the allocator's state, and how it writes a new plain instance, so
//! that a construction folded into compiled code (`jit/src/translate/folded_init.rs`) takes
//! its heap slot and slot buffer inline and calls the vm only when either runs out.
//!
//! Object-heavy code makes an instance per operation; through a helper each allocation cost a
//! call (with every float register the caller kept alive spilled around it) and the general
//! `allocate_instance` (pool lookup, reserve, payload write, a resize to the slot count).
//! Compiled code repeats exactly what [`Heap::reserve`] and [`Heap::take_instance_slots`] do
//! for the common case — a free slot claimed in the cursor's word and a spare buffer of the
//! right capacity kept by `refill` — so the two must stay in step: **any change to how
//! `reserve` accounts for an object (the cursor, `needs_drop`, `live`, the bytes allocated)
//! or to the spare buffers must change `jit/src/translate/allocation.rs` too.**
//!
//! Rust fixes neither the layout of `Vec` nor that of the `Payload` enum, so everything is
//! measured on real values, as in `layout.rs`: the words of the `Vec`s involved, and the words
//! of an instance object that are not its fields (the kind byte's word and the payload's tag),
//! which compiled code copies from a template. The template is checked by building an
//! instance from it and reading it back as Rust sees it. Anything ambiguous gives `None`, and
//! compiled code then always calls the helper.

use super::{Heap, SPARE_CAPACITIES};
use crate::layout::Kind;
use crate::object::{HeapObject, InstanceObject, Payload};
use crate::value::Value;

/// The most words a heap object has.
pub const OBJECT_WORDS: usize = 8;

/// Byte offsets within a `Heap` (and within the `Vec`s it keeps) and the instance template;
/// see the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllocationLayout {
    /// The free slots of the cursor's bitmap word (a `u64`, already claimed in `in_use`).
    pub cursor_free: i32,
    /// The address of the cursor word's first slot.
    pub cursor_base: i32,
    /// A pointer to the cursor word's `needs_drop` bits.
    pub cursor_needs_drop: i32,
    /// The count of objects allocated and not freed (a `usize`).
    pub live: i32,
    /// The bytes allocated since the last collection (a `usize`).
    pub allocated: i32,
    /// Bytes per slot (an object's address is the cursor's base plus the slot's bit times this).
    pub slot_bytes: i64,
    /// The pool of spare slot buffers of capacity 1 (a `Vec<Vec<Value>>`); the pool of
    /// capacity `c` is `(c - 1) * spare_stride` further, up to `spare_capacities`.
    pub spare_slots: i32,
    /// See `spare_slots`.
    pub spare_stride: i32,
    /// See `spare_slots`.
    pub spare_capacities: usize,
    /// Within a pool (a `Vec<Vec<Value>>`): its data pointer and length.
    pub pool_pointer: i32,
    /// See `pool_pointer`.
    pub pool_length: i32,
    /// The size of a buffer (`Vec<Value>`) in a pool's storage, and where its data pointer is.
    pub buffer_stride: i32,
    /// See `buffer_stride`.
    pub buffer_pointer: i32,
    /// The words of a new plain instance object that are not its fields (class, shape, slot
    /// buffer, `extra`): the kind byte's word and the payload's tag. `None` for a field's
    /// word and past the object's end.
    pub instance_template: [Option<u64>; OBJECT_WORDS],
    /// The same for a short tuple (its fields: the item pointer, the length and the inline
    /// items).
    pub tuple_template: [Option<u64>; OBJECT_WORDS],
    /// Where a short tuple's inline items start (its item pointer points there), and how many
    /// there are room for.
    pub tuple_inline_items: i32,
    /// See `tuple_inline_items`.
    pub tuple_inline_capacity: usize,
}

/// The byte offsets of a `Vec<T>`'s data pointer and length words, from a sample with a
/// length other than its capacity.
fn vector_words<T>(sample: &Vec<T>) -> Option<(i32, i32)> {
    let word = std::mem::size_of::<usize>();
    if std::mem::size_of::<Vec<T>>() != 3 * word || sample.is_empty() {
        return None;
    }
    // SAFETY: a `Vec` is three initialized words (checked above); this only reads them.
    let words = unsafe { std::slice::from_raw_parts(sample as *const Vec<T> as *const usize, 3) };
    let pointer = sample.as_ptr() as usize;
    let length = sample.len();
    let pointer_at = words.iter().position(|&candidate| candidate == pointer)?;
    let length_at = words.iter().position(|&candidate| candidate == length)?;
    let unique = words
        .iter()
        .filter(|&&candidate| candidate == pointer)
        .count()
        == 1
        && words
            .iter()
            .filter(|&&candidate| candidate == length)
            .count()
            == 1;
    unique.then_some((
        i32::try_from(pointer_at * word).ok()?,
        i32::try_from(length_at * word).ok()?,
    ))
}

/// The template words of a plain instance (see `AllocationLayout::instance_template`), given
/// the measured offsets of its fields; checked by building an instance from them.
fn instance_template(offsets: &crate::layout::Offsets) -> Option<[Option<u64>; OBJECT_WORDS]> {
    let word = std::mem::size_of::<u64>();
    let size = std::mem::size_of::<HeapObject>();
    if !size.is_multiple_of(word) || size / word > OBJECT_WORDS || offsets.kind != 0 {
        return None;
    }
    let fields = [
        offsets.instance_class,
        offsets.instance_shape,
        offsets.instance_slots,
        offsets.instance_slot_count,
        offsets.instance_slot_capacity,
        offsets.instance_extra,
    ];
    if fields
        .iter()
        .any(|&field| field <= 0 || !(field as usize).is_multiple_of(word))
    {
        return None;
    }
    let field_word = |index: usize| fields.iter().any(|&field| field as usize == index * word);
    let shape = crate::shape::Shape::root();
    let sample = HeapObject {
        kind: Kind::Instance as u8,
        payload: Payload::Instance(InstanceObject::new(Value::TRUE, shape.clone(), None, 0)),
    };
    let mut template = [None; OBJECT_WORDS];
    for (index, entry) in template.iter_mut().enumerate().take(size / word) {
        if field_word(index) {
            continue;
        }
        // SAFETY: the word lies inside the live sample. It may hold padding, read as whatever
        // bytes are there (a volatile read, so the compiler assumes nothing of them): compiled
        // code copies them into the same padding of a new object, where nothing reads them.
        let bits = unsafe {
            std::ptr::read_volatile((&sample as *const HeapObject as *const u64).add(index))
        };
        *entry = Some(if index == 0 {
            // The kind byte's word: the kind, padding zeroed.
            Kind::Instance as u64
        } else {
            bits
        });
    }
    // Build an instance from the template and the fields, as compiled code does, and check
    // Rust reads it back as that instance.
    let mut buffer = [0u64; OBJECT_WORDS];
    for (index, entry) in template.iter().enumerate() {
        if let Some(bits) = entry {
            buffer[index] = *bits;
        }
    }
    let mut slots: Vec<Value> = Vec::with_capacity(3);
    slots.extend([Value::NONE, Value::FALSE]);
    let shape_word = std::rc::Rc::as_ptr(&shape) as i64 - offsets.shape_pointer_adjust;
    let put = |buffer: &mut [u64; OBJECT_WORDS], offset: i32, bits: u64| {
        buffer[offset as usize / word] = bits;
    };
    put(&mut buffer, offsets.instance_class, Value::TRUE.bits());
    put(&mut buffer, offsets.instance_shape, shape_word as u64);
    put(&mut buffer, offsets.instance_slots, slots.as_ptr() as u64);
    put(&mut buffer, offsets.instance_slot_count, slots.len() as u64);
    put(
        &mut buffer,
        offsets.instance_slot_capacity,
        slots.capacity() as u64,
    );
    put(&mut buffer, offsets.instance_extra, 0);
    // SAFETY: the buffer is as large as and aligned for a heap object (`[u64; 8]`, checked
    // size); it is only read through a shared reference here, never dropped, so the shape's
    // count and the slot buffer it names are not released through it.
    let built = unsafe { &*(buffer.as_ptr() as *const HeapObject) };
    let matches = built.kind == Kind::Instance as u8
        && match &built.payload {
            Payload::Instance(instance) => {
                *instance.class.get() == Value::TRUE
                    && std::rc::Rc::ptr_eq(instance.shape.get(), &shape)
                    && instance.slots.get().as_slice() == [Value::NONE, Value::FALSE]
                    && instance.slots.get().capacity() == slots.capacity()
                    && instance.extra.get().is_none()
            }
            _ => false,
        };
    matches.then_some(template)
}

/// The template words of a short tuple and where its inline items start (see
/// `AllocationLayout::tuple_template`); checked by building a tuple from them.
fn tuple_template(offsets: &crate::layout::Offsets) -> Option<([Option<u64>; OBJECT_WORDS], i32)> {
    use crate::tuple_object::{TupleObject, INLINE_ITEMS};
    let word = std::mem::size_of::<u64>();
    let size = std::mem::size_of::<HeapObject>();
    if !size.is_multiple_of(word) || size / word > OBJECT_WORDS || offsets.kind != 0 {
        return None;
    }
    let mut sample = HeapObject {
        kind: Kind::Tuple as u8,
        payload: Payload::Tuple(TupleObject::from_slice(&[Value::TRUE, Value::FALSE])),
    };
    if let Payload::Tuple(tuple) = &mut sample.payload {
        tuple.place();
    }
    let base = &sample as *const HeapObject as usize;
    let read = |offset: usize| -> u64 {
        // SAFETY: the word lies inside the live sample; see `instance_template` for padding.
        unsafe { std::ptr::read_volatile((base + offset) as *const u64) }
    };
    let inline_items = (read(offsets.tuple_items as usize) as usize).checked_sub(base)?;
    if !inline_items.is_multiple_of(word) || inline_items + INLINE_ITEMS * word > size {
        return None;
    }
    let fields: Vec<usize> = [offsets.tuple_items as usize, offsets.tuple_length as usize]
        .into_iter()
        .chain((0..INLINE_ITEMS).map(|item| inline_items + item * word))
        .collect();
    if fields
        .iter()
        .any(|&field| field == 0 || !field.is_multiple_of(word))
    {
        return None;
    }
    let mut template = [None; OBJECT_WORDS];
    for (index, entry) in template.iter_mut().enumerate().take(size / word) {
        if !fields.contains(&(index * word)) {
            *entry = Some(if index == 0 {
                Kind::Tuple as u64
            } else {
                read(index * word)
            });
        }
    }
    let mut buffer = [0u64; OBJECT_WORDS];
    for (index, entry) in template.iter().enumerate() {
        if let Some(bits) = entry {
            buffer[index] = *bits;
        }
    }
    let built_base = buffer.as_ptr() as u64;
    buffer[offsets.tuple_items as usize / word] = built_base + inline_items as u64;
    buffer[offsets.tuple_length as usize / word] = 3;
    for (item, value) in [Value::NONE, Value::TRUE, Value::FALSE, Value::NULL]
        .into_iter()
        .enumerate()
    {
        buffer[inline_items / word + item] = value.bits();
    }
    // SAFETY: as in `instance_template`; a tuple owns nothing a drop would release anyway.
    let built = unsafe { &*(buffer.as_ptr() as *const HeapObject) };
    let matches = built.kind == Kind::Tuple as u8
        && match &built.payload {
            Payload::Tuple(tuple) => {
                tuple.items() == [Value::NONE, Value::TRUE, Value::FALSE]
                    && tuple.as_ptr() as u64 == built_base + inline_items as u64
            }
            _ => false,
        };
    matches.then_some((template, i32::try_from(inline_items).ok()?))
}

impl Heap {
    /// The allocator's layout for compiled code (see the module documentation); `None` when
    /// any part of it cannot be measured unambiguously.
    pub fn allocation_layout() -> Option<AllocationLayout> {
        let offsets = crate::layout::measure()?;
        let offset = |bytes: usize| i32::try_from(bytes).ok();
        let mut pool: Vec<Vec<Value>> = Vec::with_capacity(7);
        pool.extend([Vec::new(), Vec::new(), Vec::new()]);
        let (pool_pointer, pool_length) = vector_words(&pool)?;
        let mut buffer: Vec<Value> = Vec::with_capacity(7);
        buffer.extend([Value::NONE, Value::TRUE, Value::FALSE]);
        let (buffer_pointer, _) = vector_words(&buffer)?;
        let (tuple_template, tuple_inline_items) = tuple_template(&offsets)?;
        Some(AllocationLayout {
            cursor_free: offset(std::mem::offset_of!(Heap, cursor_free))?,
            cursor_base: offset(std::mem::offset_of!(Heap, cursor_base))?,
            cursor_needs_drop: offset(std::mem::offset_of!(Heap, cursor_needs_drop))?,
            live: offset(std::mem::offset_of!(Heap, live))?,
            allocated: offset(std::mem::offset_of!(Heap, allocated_since_collection))?,
            slot_bytes: i64::try_from(super::SLOT_BYTES).ok()?,
            spare_slots: offset(std::mem::offset_of!(Heap, spare_slots))?,
            spare_stride: offset(std::mem::size_of::<Vec<Vec<Value>>>())?,
            spare_capacities: SPARE_CAPACITIES,
            pool_pointer,
            pool_length,
            buffer_stride: offset(std::mem::size_of::<Vec<Value>>())?,
            buffer_pointer,
            instance_template: instance_template(&offsets)?,
            tuple_template,
            tuple_inline_items,
            tuple_inline_capacity: crate::tuple_object::INLINE_ITEMS,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An instance written the way compiled code writes one — a slot from the cursor, a spare
    /// buffer from the pool, the template and the fields — is an instance the runtime reads,
    /// traces and drops like any other.
    #[test]
    fn instances_built_from_the_layout_are_real() {
        let layout = Heap::allocation_layout().expect("measurable allocation layout");
        let offsets = crate::layout::measure().expect("measurable layout");
        let mut runtime = crate::Runtime::new();
        let class = runtime.types.object;
        // Leave a spare buffer of capacity 2 in the pool and a claimed word at the cursor.
        let first = runtime.new_instance(class, crate::object::Layout::Object);
        let spare: Vec<Value> = Vec::with_capacity(2);
        let capacity = spare.capacity() as u64;
        assert_eq!(capacity, 2);
        runtime.heap.spare_slots[1].push(spare);
        let objects = runtime.heap.object_count();
        let heap = &mut runtime.heap as *mut Heap as *mut u8;
        let read = |offset: i32| -> u64 {
            // SAFETY: a measured offset of a `u64`/`usize`/pointer field of the live heap.
            unsafe { *(heap.add(offset as usize) as *const u64) }
        };
        let write = |offset: i32, bits: u64| {
            // SAFETY: as above.
            unsafe { *(heap.add(offset as usize) as *mut u64) = bits }
        };
        let free = read(layout.cursor_free);
        assert_ne!(free, 0);
        let bit = free.trailing_zeros() as u64;
        write(layout.cursor_free, free & (free - 1));
        let object = (read(layout.cursor_base) + bit * layout.slot_bytes as u64) as *mut u64;
        let needs_drop = read(layout.cursor_needs_drop) as *mut u64;
        // SAFETY: the cursor's `needs_drop` word in the live chunk's header.
        unsafe { *needs_drop |= 1 << bit };
        write(layout.live, read(layout.live) + 1);
        let pool = layout.spare_slots + layout.spare_stride;
        let length = read(pool + layout.pool_length);
        assert_eq!(length, 1);
        write(pool + layout.pool_length, length - 1);
        let storage = read(pool + layout.pool_pointer);
        // SAFETY: the pool's storage holds `length` buffers; the last one is taken over.
        let buffer = unsafe {
            *((storage + (length - 1) * layout.buffer_stride as u64 + layout.buffer_pointer as u64)
                as *const u64)
        } as *mut u64;
        let shape = runtime
            .root_shape
            .clone()
            .with_attribute(runtime.intern("a"));
        let shape = shape.with_attribute(runtime.intern("b"));
        let shape_word = std::rc::Rc::into_raw(shape.clone()) as i64 - offsets.shape_pointer_adjust;
        // SAFETY: the slot and the buffer are free memory the allocator handed over above.
        unsafe {
            for (index, entry) in layout.instance_template.iter().enumerate() {
                if let Some(bits) = entry {
                    *object.add(index) = *bits;
                }
            }
            let put = |offset: i32, bits: u64| *object.add(offset as usize / 8) = bits;
            put(offsets.instance_class, class.bits());
            put(offsets.instance_shape, shape_word as u64);
            put(offsets.instance_slots, buffer as u64);
            put(offsets.instance_slot_count, 2);
            put(offsets.instance_slot_capacity, 2);
            put(offsets.instance_extra, 0);
            *buffer = Value::TRUE.bits();
            *buffer.add(1) = first.bits();
        }
        let value = Value::object(object as *mut HeapObject);
        let Some(Payload::Instance(instance)) = value.as_object().map(|object| &object.payload)
        else {
            panic!("not an instance");
        };
        assert_eq!(instance.slots.get().as_slice(), &[Value::TRUE, first]);
        assert!(std::rc::Rc::ptr_eq(instance.shape.get(), &shape));
        assert_eq!(runtime.heap.object_count(), objects + 1);
        let mut seen = false;
        runtime
            .heap
            .for_each_object(&mut |object| seen |= object == value);
        assert!(seen);
        let mut traced = Vec::new();
        if let Some(object) = value.as_object() {
            object.trace(&mut |reached| traced.push(reached));
        }
        assert!(traced.contains(&first) && traced.contains(&class));
        // Dropping the runtime drops the instance: its count on the shape goes back.
        let counted = std::rc::Rc::strong_count(&shape);
        drop(runtime);
        assert!(std::rc::Rc::strong_count(&shape) < counted);
    }
}
