//! The garbage-collected heap: allocation and precise mark-sweep collection.
//!
//! Every heap object has the same size (a header and the `Payload` enum; variable-size data
//! such as list items lives in the payload's own buffers), so the heap is a slab allocator:
//! aligned chunks of object slots, each with bitmaps saying which slots are in use, marked,
//! or hold an object still to be dropped (`heap/chunk.rs`). Allocating takes the lowest free
//! bit of the current bitmap word — a bit scan and a store, no system allocator call — so
//! consecutive objects sit in consecutive slots. A collection marks from the roots into the
//! bitmaps, then sweeps by combining bitmap words: dead objects that own nothing are freed
//! without being touched, and the others are dropped when their slot is reused, when their
//! cache line is about to be written anyway (see [`Heap::sweep`]). Objects never move, so a
//! `Value` stays valid while it is reachable.
//!
//! **Rooting discipline.** Collections happen only at safepoints: instruction boundaries of the
//! interpreter (where every live value is in a frame, on the VM stack, or in a global structure)
//! — never inside an allocation. Rust code that keeps a freshly made value in a local variable
//! across a call into Python code (which reaches safepoints) must root it with
//! [`crate::Runtime::push_root`] first; values passed as arguments are already rooted by the
//! caller's stack.
//!
//! Collections are triggered by bytes allocated since the last one exceeding a threshold that
//! grows with the live heap (twice the live bytes, at least 16 MiB), so short-lived garbage is
//! reclaimed in bounded memory.

mod allocation_layout;
mod chunk;

pub use allocation_layout::{AllocationLayout, OBJECT_WORDS};

use std::cell::Cell;

use chunk::{Chunk, SLOT_BYTES, WORDS};

use crate::object::{DropKind, HeapObject, Payload};
use crate::value::Value;

/// The least allocation between two collections, in bytes.
const MINIMUM_THRESHOLD: usize = 16 << 20;
/// A collection runs once the bytes allocated since the last one reach this many times the live
/// bytes it left: the heap may grow to three times its live size, and marking (proportional to
/// the live heap) costs at most half a mark per allocated byte. Measured on the bench suite:
/// factor 1 spent 5–11% more CPU time in sorting and word_count for little memory saved.
const GROWTH_FACTOR: usize = 2;

/// Objects allocated owning more than this many bytes are dropped by the sweep (see
/// `Heap::allocate`).
const LARGE_OWNED_BYTES: usize = 256;

/// Counters the `gc` module reports.
#[derive(Clone, Copy, Debug, Default)]
pub struct HeapStatistics {
    /// Collections run so far.
    pub collections: u64,
    /// Objects freed by all collections.
    pub collected: u64,
    /// Objects live after the last collection.
    pub live_objects: usize,
    /// Total time spent collecting, in nanoseconds.
    pub pause_nanoseconds: u128,
    /// The longest single collection, in nanoseconds (`krait explain` shows it).
    pub longest_pause_nanoseconds: u128,
}

/// Calls the visitor it is given on every root value.
pub type RootVisitor<'a> = dyn FnMut(&mut dyn FnMut(Value)) + 'a;

/// The heap; see the module documentation.
pub struct Heap {
    /// Every chunk, in the order they were made (allocation fills them in this order).
    chunks: Vec<Chunk>,
    /// The free slots of the bitmap word allocation is handing out slots from. They are
    /// already set in that word's `in_use` (claimed all at once, so allocating is a bit scan
    /// and a store); a collection first gives back the ones not handed out.
    cursor_free: u64,
    /// The address of the first slot of that word.
    cursor_base: *mut u8,
    /// That word's `in_use` and `needs_drop` bits.
    cursor_in_use: *const Cell<u64>,
    cursor_needs_drop: *const Cell<u64>,
    /// Where `refill` looks for the next word with free slots: (chunk, word).
    scan: (usize, usize),
    /// The marker's stack, kept between collections so that its buffer is reused.
    mark_stack: Vec<*const HeapObject>,
    /// Number of objects allocated and not yet freed.
    live: usize,
    allocated_since_collection: usize,
    threshold: usize,
    /// Whether automatic collection is on (`gc.disable()` turns it off).
    pub enabled: bool,
    /// Collect at every safepoint (testing).
    pub stress: bool,
    /// Counters.
    pub statistics: HeapStatistics,
    /// Weak references: each cell holds a referent the collector does not trace; a
    /// collection empties (sets to NULL) the cells whose referent it frees, and forgets
    /// the cells no weak reference object holds any more (see `modules/weakref.rs`).
    weak_cells: Vec<WeakCell>,
    /// Empty slot buffers of dead instances, by capacity (1 to `SPARE_CAPACITIES`), that
    /// `refill` kept when it dropped them: a program that makes and drops many small
    /// instances (vectors, ray tracers) reuses their buffers instead of a free and an
    /// allocation per instance (see `take_instance_slots`).
    spare_slots: [Vec<Vec<Value>>; SPARE_CAPACITIES],
}

/// The largest slot buffer (in values) kept for reuse.
const SPARE_CAPACITIES: usize = 8;

/// The most buffers of one capacity kept: bounds the memory they hold (at most
/// 256 × (8 + 7 + … + 1) values, 72 KiB).
const SPARE_PER_CAPACITY: usize = 256;

/// A weak reference's target: NULL once the referent has been collected.
pub type WeakCell = std::rc::Rc<std::cell::Cell<Value>>;

/// A word of bits standing for nothing: the cursor's bitmap words before the first refill.
static NO_BITS: EmptyWord = EmptyWord(Cell::new(0));
struct EmptyWord(Cell<u64>);
// SAFETY: `NO_BITS` is never written: the cursor points at it only while `cursor_free` is 0,
// and the heap writes through the cursor's pointers only for slots taken from `cursor_free`.
unsafe impl Sync for EmptyWord {}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    /// An empty heap.
    pub fn new() -> Heap {
        Heap {
            weak_cells: Vec::new(),
            chunks: Vec::new(),
            cursor_free: 0,
            cursor_base: std::ptr::null_mut(),
            cursor_in_use: &NO_BITS.0,
            cursor_needs_drop: &NO_BITS.0,
            scan: (0, 0),
            mark_stack: Vec::new(),
            live: 0,
            allocated_since_collection: 0,
            threshold: MINIMUM_THRESHOLD,
            enabled: true,
            stress: false,
            statistics: HeapStatistics::default(),
            spare_slots: Default::default(),
        }
    }

    /// An empty slot buffer for a new instance with room for `capacity` values: a dead
    /// instance's, when one of that capacity was kept.
    #[inline]
    pub fn take_instance_slots(&mut self, capacity: usize) -> Vec<Value> {
        if let Some(spares) = capacity
            .checked_sub(1)
            .and_then(|index| self.spare_slots.get_mut(index))
        {
            if let Some(slots) = spares.pop() {
                return slots;
            }
        }
        Vec::with_capacity(capacity)
    }

    /// Allocates an object.
    ///
    /// Always inlined: at each call site the payload's variant is known, so its kind, drop
    /// kind and owned bytes fold to constants or a field read instead of three matches.
    #[inline(always)]
    pub fn allocate(&mut self, payload: Payload) -> Value {
        let kind = crate::layout::kind_of(&payload);
        let owned_bytes = payload.owned_bytes();
        let drop_kind = payload.drop_kind();
        let pointer = self.reserve(kind, owned_bytes, drop_kind);
        // SAFETY: `reserve` handed out this slot, with its kind byte written; the payload
        // goes after it (written apart from the kind byte: one copy of the whole object
        // spanned the padding after it with unaligned moves that missed store forwarding).
        unsafe { std::ptr::addr_of_mut!((*pointer).payload).write(payload) };
        // SAFETY: the object was just written there; a short tuple's item pointer must point
        // at its own items, whose address is only known now (`tuple_object.rs`).
        if let Payload::Tuple(tuple) = unsafe { &mut (*pointer).payload } {
            tuple.place();
        }
        Value::object(pointer)
    }

    /// Allocates a tuple of a copy of `items`, built in its slot.
    #[inline]
    pub fn allocate_tuple(&mut self, items: &[Value]) -> Value {
        let long = items.len() > crate::tuple_object::INLINE_ITEMS;
        let (owned_bytes, drop_kind) = if long {
            (std::mem::size_of_val(items), DropKind::Memory)
        } else {
            (0, DropKind::Nothing)
        };
        let pointer = self.reserve(crate::layout::Kind::Tuple, owned_bytes, drop_kind);
        // SAFETY: as in `allocate`; the tuple is written in place, then placed.
        unsafe {
            let payload = std::ptr::addr_of_mut!((*pointer).payload);
            payload.write(Payload::Tuple(
                crate::tuple_object::TupleObject::from_slice(items),
            ));
            if let Payload::Tuple(tuple) = &mut *payload {
                tuple.place();
            }
        }
        Value::object(pointer)
    }

    /// Allocates a plain instance of `class` with `shape` and a slot buffer for `capacity`
    /// values, built in its slot: a dead instance's buffer when one is kept
    /// (`take_instance_slots`). The buffer holds `length` NULL values: 0 for a new instance
    /// (the root shape), the shape's attribute count for one whose slots compiled code writes
    /// right after (`Runtime::new_shaped_instance`).
    #[inline]
    pub fn allocate_instance(
        &mut self,
        class: Value,
        shape: std::rc::Rc<crate::shape::Shape>,
        capacity: usize,
        length: usize,
    ) -> Value {
        let mut slots = self.take_instance_slots(capacity.max(length));
        slots.resize(length, Value::NULL);
        let owned_bytes = slots.capacity() * std::mem::size_of::<Value>();
        let pointer = self.reserve(crate::layout::Kind::Instance, owned_bytes, DropKind::Memory);
        // SAFETY: as in `allocate`.
        unsafe {
            std::ptr::addr_of_mut!((*pointer).payload).write(Payload::Instance(
                crate::object::InstanceObject {
                    class: crate::object::Mutable::new(class),
                    shape: crate::object::Mutable::new(shape),
                    slots: crate::object::Mutable::new(slots),
                    extra: std::cell::OnceCell::new(),
                },
            ))
        };
        Value::object(pointer)
    }

    /// Takes a free slot for an object of `kind` (writing its kind byte) that owns
    /// `owned_bytes` outside the slot and whose drop is `drop_kind`; the caller writes the
    /// payload before anything else reads the heap.
    #[inline(always)]
    fn reserve(
        &mut self,
        kind: crate::layout::Kind,
        owned_bytes: usize,
        mut drop_kind: DropKind,
    ) -> *mut HeapObject {
        // An object born owning a large buffer (a big int, long text, bytes) is dropped by the
        // sweep, not when its slot is reused: that would keep the buffer a collection longer
        // (pidigits' peak memory grew 11%), and one cache miss is little against such a free.
        if owned_bytes > LARGE_OWNED_BYTES && drop_kind == DropKind::Memory {
            drop_kind = DropKind::Finalize;
        }
        self.allocated_since_collection += SLOT_BYTES + owned_bytes;
        if self.cursor_free == 0 {
            self.refill();
        }
        let bit = self.cursor_free.trailing_zeros() as usize;
        self.cursor_free &= self.cursor_free - 1;
        let pointer = self.cursor_base.wrapping_add(bit * SLOT_BYTES) as *mut HeapObject;
        // SAFETY: `refill` left `cursor_base` at the first slot of a bitmap word of a live
        // chunk and `cursor_free` holding free slots of that word; this slot was one of them,
        // is now taken from `cursor_free`, and is aligned and large enough for an object.
        unsafe { std::ptr::addr_of_mut!((*pointer).kind).write(kind as u8) };
        if drop_kind != DropKind::Nothing {
            // SAFETY: `cursor_needs_drop` points at the word's bits in the live chunk's header
            // (it points at `NO_BITS` only while `cursor_free` is 0, and it was not).
            let word = unsafe { &*self.cursor_needs_drop };
            word.set(word.get() | 1 << bit);
            if drop_kind == DropKind::Finalize {
                mark_finalize(pointer);
            }
        }
        self.live += 1;
        pointer
    }

    /// Points the cursor at the next bitmap word with free slots, adding a chunk if none has
    /// any, and claims those slots.
    #[cold]
    #[inline(never)]
    fn refill(&mut self) {
        loop {
            let (chunk_index, word) = self.scan;
            let Some(chunk) = self.chunks.get(chunk_index) else {
                self.chunks.push(Chunk::new());
                continue;
            };
            self.scan = if word + 1 == WORDS {
                (chunk_index + 1, 0)
            } else {
                (chunk_index, word + 1)
            };
            let header = chunk.header();
            let free = !header.in_use[word].get() & chunk::usable(word);
            if free != 0 {
                // Drop the dead objects the sweep left in these slots: their memory is about to
                // be written, so this is when reading it costs least.
                let mut drops = free & header.needs_drop[word].get();
                header.needs_drop[word].set(header.needs_drop[word].get() & !free);
                while drops != 0 {
                    let bit = drops.trailing_zeros() as usize;
                    drops &= drops - 1;
                    let object = chunk.slot(word * 64 + bit);
                    // SAFETY: a free slot with its `needs_drop` bit set holds a dead object the
                    // sweep left undropped; nothing else refers to it any more.
                    if let Payload::Instance(instance) = unsafe { &(*object).payload } {
                        let slots = std::mem::take(instance.slots.get());
                        let capacity = slots.capacity();
                        if let Some(spares) = capacity
                            .checked_sub(1)
                            .and_then(|index| self.spare_slots.get_mut(index))
                        {
                            if spares.len() < SPARE_PER_CAPACITY {
                                let mut slots = slots;
                                slots.clear();
                                spares.push(slots);
                            }
                        }
                        if instance.extra.get().is_none() {
                            // A plain instance (most dead objects of object-heavy programs):
                            // with its buffer gone, only its count on the shape remains to
                            // release; its class is a value, its empty `slots` and `extra`
                            // own nothing. Cheaper than the whole payload's drop.
                            // SAFETY: the object is dead, its `needs_drop` bit is clear (so
                            // nothing drops it again), and the slot's memory is only written
                            // anew when handed out: the shape's `Rc` is dropped exactly once.
                            unsafe { std::ptr::drop_in_place(instance.shape.get() as *mut _) };
                            continue;
                        }
                    }
                    // SAFETY: as above; its bit is now clear, so it is dropped once.
                    unsafe { std::ptr::drop_in_place(object) };
                }
                header.in_use[word].set(header.in_use[word].get() | free);
                self.cursor_free = free;
                self.cursor_base = chunk.slot(word * 64) as *mut u8;
                self.cursor_in_use = &header.in_use[word];
                self.cursor_needs_drop = &header.needs_drop[word];
                return;
            }
        }
    }

    /// Gives back the slots the cursor claimed but did not hand out, so that `in_use` is
    /// exact.
    fn release_cursor(&mut self) {
        if self.cursor_free != 0 {
            // SAFETY: with free slots claimed, the cursor points at a live chunk's header word.
            let word = unsafe { &*self.cursor_in_use };
            word.set(word.get() & !self.cursor_free);
            self.cursor_free = 0;
        }
    }

    /// Calls `visitor` on every allocated object (live or not yet collected), in slot order.
    pub fn for_each_object(&mut self, visitor: &mut dyn FnMut(Value)) {
        self.release_cursor();
        for chunk in &self.chunks {
            let header = chunk.header();
            for word in 0..WORDS {
                let mut bits = header.in_use[word].get();
                while bits != 0 {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    visitor(Value::object(chunk.slot(word * 64 + bit)));
                }
            }
        }
    }

    /// Records memory an object acquired after its allocation (a list growing).
    #[inline]
    pub fn account(&mut self, bytes: usize) {
        self.allocated_since_collection += bytes;
    }

    /// Whether a safepoint should collect now.
    #[inline]
    pub fn wants_collection(&self) -> bool {
        self.enabled && (self.stress || self.allocated_since_collection >= self.threshold)
    }

    /// Byte offsets, within `Heap`, of the allocation counter and the threshold that
    /// `wants_collection` compares: compiled loops read them for their safepoint check and call
    /// into the vm only when a collection may be due.
    pub fn pressure_offsets() -> (usize, usize) {
        (
            std::mem::offset_of!(Heap, allocated_since_collection),
            std::mem::offset_of!(Heap, threshold),
        )
    }

    /// Number of objects currently allocated.
    pub fn object_count(&self) -> usize {
        self.live
    }

    /// Collects garbage. `roots` must call its argument on every root value. Returns the
    /// number of objects freed.
    pub fn collect(&mut self, roots: &mut RootVisitor<'_>) -> usize {
        let started = std::time::Instant::now();
        self.release_cursor();
        let live_bytes = self.mark(roots);
        // Weak references do not keep their referents: clear the ones about to be freed.
        self.weak_cells.retain(|cell| {
            let referent = cell.get();
            if referent.is_object() && !is_marked(referent) {
                cell.set(Value::NULL);
            }
            std::rc::Rc::strong_count(cell) > 1 && !cell.get().is_null()
        });
        let (freed, freed_class) = self.sweep();
        self.live -= freed;
        self.allocated_since_collection = 0;
        // A freed class's address may be reused: attribute caches must not match it. They
        // key on a class (with a shape, or an interned — immortal — name) and hold what its
        // namespaces held at an epoch; while the class lives and the epoch stands, all of that
        // lives too. So only a collection that freed a class (classes are dropped by the
        // sweep: `DropKind::Finalize`) empties the caches.
        if freed_class {
            crate::dict::bump_namespace_epoch();
        }
        self.threshold = MINIMUM_THRESHOLD.max(live_bytes * GROWTH_FACTOR);
        self.statistics.collections += 1;
        self.statistics.collected += freed as u64;
        self.statistics.live_objects = self.live;
        let pause = started.elapsed().as_nanos();
        self.statistics.pause_nanoseconds += pause;
        self.statistics.longest_pause_nanoseconds =
            self.statistics.longest_pause_nanoseconds.max(pause);
        freed
    }

    /// Drops at once every dead object the sweep left for lazy dropping, releasing its memory:
    /// `gc.collect()` does this, so that after it the memory of everything unreachable is
    /// freed, as under CPython.
    pub fn drop_dead(&mut self) {
        self.release_cursor();
        for chunk in &self.chunks {
            let header = chunk.header();
            for word in 0..WORDS {
                let mut drops = header.needs_drop[word].get() & !header.in_use[word].get();
                if drops == 0 {
                    continue;
                }
                header.needs_drop[word].set(header.needs_drop[word].get() & !drops);
                while drops != 0 {
                    let bit = drops.trailing_zeros() as usize;
                    drops &= drops - 1;
                    // SAFETY: a free slot with its `needs_drop` bit set holds a dead object
                    // not dropped yet; its bit is cleared above, so it is dropped once.
                    unsafe { std::ptr::drop_in_place(chunk.slot(word * 64 + bit)) };
                }
            }
        }
    }

    /// Marks every object reachable from the roots; returns the bytes they hold.
    fn mark(&mut self, roots: &mut RootVisitor<'_>) -> usize {
        let mut marker = Marker {
            pending: std::mem::take(&mut self.mark_stack),
            live_bytes: 0,
        };
        roots(&mut |value| marker.mark(value));
        while let Some(object) = marker.pending.pop() {
            // SAFETY: only addresses of live objects are pushed (see `Marker::mark`).
            let object = unsafe { &*object };
            marker.live_bytes += SLOT_BYTES + object.payload.owned_bytes();
            object.trace(&mut |value| marker.mark(value));
        }
        self.mark_stack = marker.pending;
        marker.live_bytes
    }

    /// Frees every object the marker did not reach and clears the marks; returns how many
    /// it freed and whether a class was among them.
    ///
    /// Sweeping is mostly lazy: a dead object that needs no drop is freed by clearing its
    /// bits, without touching its memory; one whose drop only releases memory keeps its
    /// `needs_drop` bit and is dropped when `refill` hands its slot out again (so its cache
    /// line is read once, just before it is written). Drops with effects run here. Dead
    /// objects still waiting from the previous collection are dropped here too, so memory is
    /// released at most one collection late.
    fn sweep(&mut self) -> (usize, bool) {
        let mut freed = 0;
        let mut freed_class = false;
        for chunk in &self.chunks {
            let header = chunk.header();
            for word in 0..WORDS {
                let marked = header.marked[word].get();
                let in_use = header.in_use[word].get();
                let needs_drop = header.needs_drop[word].get();
                // Waiting since the previous collection (free, yet not dropped), and dead
                // now with effects on drop.
                let mut drops =
                    (!in_use & needs_drop) | (in_use & !marked & header.finalize[word].get());
                let dead = in_use & !marked;
                if drops == 0 && dead == 0 {
                    header.marked[word].set(0);
                    continue;
                }
                freed += dead.count_ones() as usize;
                header.needs_drop[word].set(needs_drop & !drops);
                header.finalize[word].set(header.finalize[word].get() & marked);
                header.in_use[word].set(marked);
                header.marked[word].set(0);
                while drops != 0 {
                    let bit = drops.trailing_zeros() as usize;
                    drops &= drops - 1;
                    let slot = chunk.slot(word * 64 + bit);
                    // SAFETY: the slot holds an initialized object no root reaches (not
                    // marked, or already free and waiting), so nothing will use it again; its
                    // `needs_drop` bit is cleared above, so it is dropped exactly once.
                    unsafe {
                        freed_class |= matches!((*slot).payload, Payload::Type(_));
                        std::ptr::drop_in_place(slot)
                    };
                }
            }
        }
        // Allocate from the lowest free slots again.
        self.scan = (0, 0);
        (freed, freed_class)
    }
}

/// Records that the object at `pointer` (just allocated) must be dropped as soon as it dies.
#[cold]
fn mark_finalize(pointer: *mut HeapObject) {
    // SAFETY: `pointer` is an object the heap just allocated.
    let (header, word, bit) = unsafe { chunk::locate(pointer as usize) };
    header.finalize[word].set(header.finalize[word].get() | bit);
}

/// The marker's state: objects marked but not traced yet, and the bytes marked so far.
struct Marker {
    pending: Vec<*const HeapObject>,
    live_bytes: usize,
}

impl Marker {
    /// Marks `value`'s object, if it is one not marked yet, and pushes it for tracing — unless
    /// it references nothing (a str, a big int…), which is then done: queueing leaves made the
    /// mark stack as long as a large list of strs.
    #[inline(always)]
    fn mark(&mut self, value: Value) {
        if value.is_object() {
            let address = value.bits() as usize & ((1 << 48) - 1);
            // SAFETY: a value reachable from the roots refers to an object the heap allocated
            // and has not freed (the rooting discipline, module documentation).
            let (header, word, bit) = unsafe { chunk::locate(address) };
            let marks = &header.marked[word];
            if marks.get() & bit == 0 {
                marks.set(marks.get() | bit);
                // SAFETY: as above, the object is allocated and initialized.
                let object = unsafe { &*(address as *const HeapObject) };
                if object.may_reference() {
                    self.pending.push(object);
                } else {
                    self.live_bytes += SLOT_BYTES + object.payload.owned_bytes();
                }
            }
        }
    }
}

/// Whether the marker reached `value`'s object (during a collection, after marking).
fn is_marked(value: Value) -> bool {
    let address = value.bits() as usize & ((1 << 48) - 1);
    // SAFETY: weak cells hold objects that were live at the last collection or made since;
    // cells whose referent was freed were set to NULL then, so this object is allocated.
    let (header, word, bit) = unsafe { chunk::locate(address) };
    header.marked[word].get() & bit != 0
}

impl Heap {
    /// A new weak cell for `referent`, cleared by the collection that frees it.
    pub fn new_weak_cell(&mut self, referent: Value) -> WeakCell {
        let cell = std::rc::Rc::new(std::cell::Cell::new(referent));
        self.weak_cells.push(cell.clone());
        cell
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        self.release_cursor();
        for chunk in &self.chunks {
            let header = chunk.header();
            for word in 0..WORDS {
                // Live objects and dead ones waiting to be dropped; claimed slots not handed
                // out have no `needs_drop` bit (`refill` cleared it).
                let mut drops = header.needs_drop[word].get();
                while drops != 0 {
                    let bit = drops.trailing_zeros() as usize;
                    drops &= drops - 1;
                    // SAFETY: slots with a `needs_drop` bit hold initialized objects not yet
                    // dropped; at drop nothing uses them, and each is dropped once.
                    unsafe { std::ptr::drop_in_place(chunk.slot(word * 64 + bit)) };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::Mutable;

    fn list_of(heap: &mut Heap, n: i64) -> Value {
        let items = vec![Value::small_int(n).unwrap_or(Value::NONE); 3];
        heap.allocate(Payload::List(Mutable::new(items)))
    }

    /// Dead instances' slot buffers are handed to new instances empty, with their capacity;
    /// live instances keep theirs.
    #[test]
    fn dead_instance_slots_are_reused_empty() {
        let mut heap = Heap::new();
        let shape = crate::shape::Shape::root();
        let mut kept = Vec::new();
        for i in 0..5_000 {
            let slots = heap.take_instance_slots(3);
            assert!(slots.is_empty() && slots.capacity() >= 3);
            let instance =
                crate::object::InstanceObject::with_slots(Value::NONE, shape.clone(), None, slots);
            instance.push_slot(Value::small_int(i).unwrap_or(Value::NONE));
            let value = heap.allocate(Payload::Instance(instance));
            if i % 100 == 0 {
                kept.push(value);
            }
        }
        let roots = kept.clone();
        heap.collect(&mut |visit| roots.iter().for_each(|&value| visit(value)));
        for _ in 0..5_000 {
            let slots = heap.take_instance_slots(3);
            assert!(slots.is_empty() && slots.capacity() == 3);
            let instance =
                crate::object::InstanceObject::with_slots(Value::NONE, shape.clone(), None, slots);
            instance.push_slot(Value::TRUE);
            heap.allocate(Payload::Instance(instance));
        }
        assert!(heap.spare_slots[2].len() <= SPARE_PER_CAPACITY);
        for (index, &value) in kept.iter().enumerate() {
            let Some(Payload::Instance(instance)) = value.as_object().map(|object| &object.payload)
            else {
                panic!("a kept object changed kind");
            };
            assert_eq!(
                instance.slots.get().as_slice(),
                &[Value::small_int(index as i64 * 100).unwrap_or(Value::NONE)]
            );
        }
    }

    /// Survivors keep their contents through collections, the dead are freed (with and without
    /// drop code), and freed slots are reused instead of growing the heap.
    #[test]
    fn collections_keep_roots_and_reuse_slots() {
        let mut heap = Heap::new();
        let mut kept = Vec::new();
        for round in 0..3 {
            for i in 0..20_000 {
                let list = list_of(&mut heap, i);
                heap.allocate(Payload::Range {
                    start: 0,
                    stop: i,
                    step: 1,
                });
                if i % 1000 == 0 && round == 0 {
                    kept.push(list);
                }
            }
            let roots = kept.clone();
            heap.collect(&mut |visit| roots.iter().for_each(|&value| visit(value)));
            assert_eq!(heap.object_count(), kept.len());
        }
        let chunks = heap.chunks.len();
        for i in 0..20_000 {
            list_of(&mut heap, i);
        }
        assert_eq!(heap.chunks.len(), chunks, "freed slots are reused");
        heap.drop_dead();
        for (index, &list) in kept.iter().enumerate() {
            let Some(Payload::List(items)) = list.as_object().map(|object| &object.payload) else {
                panic!("a kept object changed kind");
            };
            assert_eq!(
                items.get()[2],
                Value::small_int(index as i64 * 1000).unwrap_or(Value::NONE)
            );
        }
        let mut seen = 0;
        heap.for_each_object(&mut |_| seen += 1);
        assert_eq!(seen, heap.object_count());
    }
}
