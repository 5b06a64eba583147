//! The garbage-collected heap: allocation and precise mark-sweep collection.
//!
//! Every heap object has the same size (a header and the `Payload` enum; variable-size data
//! such as list items lives in the payload's own buffers), so the heap is a slab allocator:
//! chunks of object slots and a free list. Allocating pops a free slot — no system allocator
//! call — and a collection marks from the roots, then sweeps every chunk, dropping unmarked
//! objects and pushing their slots back on the free list. Objects never move, so a `Value`
//! stays valid while it is reachable.
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

use std::cell::Cell;
use std::mem::MaybeUninit;

use crate::object::{HeapObject, Payload};
use crate::value::Value;

const MINIMUM_THRESHOLD: usize = 16 << 20;
/// A collection runs once the bytes allocated since the last one reach this many times the live
/// bytes it left: the heap may grow to three times its live size, and marking (proportional to
/// the live heap) costs at most half a mark per allocated byte. Measured on the bench suite:
/// factor 1 spent 5–11% more CPU time in sorting and word_count for little memory saved.
const GROWTH_FACTOR: usize = 2;
/// Object slots per chunk.
const CHUNK_SLOTS: usize = 4096;
const HEADER_BYTES: usize = std::mem::size_of::<HeapObject>();

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

/// A block of object slots; `in_use[i]` says whether `slots[i]` holds a live object.
struct Chunk {
    slots: Box<[MaybeUninit<HeapObject>]>,
    in_use: Box<[bool]>,
}

/// The heap; see the module documentation.
pub struct Heap {
    chunks: Vec<Chunk>,
    /// Free slots, as (chunk, slot) indices.
    free: Vec<(u32, u32)>,
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
}

/// A weak reference's target: NULL once the referent has been collected.
pub type WeakCell = std::rc::Rc<std::cell::Cell<Value>>;

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
            free: Vec::new(),
            live: 0,
            allocated_since_collection: 0,
            threshold: MINIMUM_THRESHOLD,
            enabled: true,
            stress: false,
            statistics: HeapStatistics::default(),
        }
    }

    /// Allocates an object.
    #[inline]
    pub fn allocate(&mut self, payload: Payload) -> Value {
        let object = HeapObject {
            marked: Cell::new(false),
            kind: crate::layout::kind_of(&payload) as u8,
            payload,
        };
        self.allocated_since_collection += HEADER_BYTES + object.owned_bytes();
        let (chunk_index, slot_index) = match self.free.pop() {
            Some(free) => free,
            None => self.grow(),
        };
        let chunk = &mut self.chunks[chunk_index as usize];
        chunk.in_use[slot_index as usize] = true;
        let slot = &mut chunk.slots[slot_index as usize];
        let pointer = slot.write(object) as *mut HeapObject;
        self.live += 1;
        Value::object(pointer)
    }

    /// Adds a chunk of free slots; returns one of them.
    #[cold]
    fn grow(&mut self) -> (u32, u32) {
        let chunk_index = self.chunks.len() as u32;
        let mut slots = Vec::with_capacity(CHUNK_SLOTS);
        slots.resize_with(CHUNK_SLOTS, MaybeUninit::uninit);
        self.chunks.push(Chunk {
            slots: slots.into_boxed_slice(),
            in_use: vec![false; CHUNK_SLOTS].into_boxed_slice(),
        });
        // Hand out low slots first.
        self.free.extend(
            (1..CHUNK_SLOTS as u32)
                .rev()
                .map(|slot| (chunk_index, slot)),
        );
        (chunk_index, 0)
    }

    /// Calls `visitor` on every allocated object (live or not yet collected), in slot order.
    pub fn for_each_object(&self, visitor: &mut dyn FnMut(Value)) {
        for chunk in &self.chunks {
            for (slot, &in_use) in chunk.slots.iter().zip(chunk.in_use.iter()) {
                if in_use {
                    // SAFETY: in-use slots hold initialized objects (see `collect`).
                    let object = unsafe { slot.assume_init_ref() };
                    visitor(Value::object(
                        object as *const HeapObject as *mut HeapObject,
                    ));
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
        let mut pending: Vec<&'static HeapObject> = Vec::new();
        let mut mark = |value: Value| {
            if let Some(object) = value.as_object() {
                if !object.marked.get() {
                    object.marked.set(true);
                    pending.push(object);
                }
            }
        };
        roots(&mut mark);
        while let Some(object) = pending.pop() {
            object.trace(&mut |value: Value| {
                if let Some(child) = value.as_object() {
                    if !child.marked.get() {
                        child.marked.set(true);
                        // Leaves (strs, big ints…) are done once marked: queueing them made
                        // the mark stack as long as a large list of strs, in fresh pages.
                        if child.may_reference() {
                            pending.push(child);
                        }
                    }
                }
            });
        }
        // Weak references do not keep their referents: clear the ones about to be freed.
        self.weak_cells.retain(|cell| {
            if let Some(object) = cell.get().as_object() {
                if !object.marked.get() {
                    cell.set(Value::NULL);
                }
            }
            std::rc::Rc::strong_count(cell) > 1 && !cell.get().is_null()
        });
        let mut live_bytes = 0;
        let mut freed = 0;
        for (chunk_index, chunk) in self.chunks.iter_mut().enumerate() {
            for (slot_index, slot) in chunk.slots.iter_mut().enumerate() {
                if !chunk.in_use[slot_index] {
                    continue;
                }
                // SAFETY: `in_use` is true exactly for slots written by `allocate` and not yet
                // dropped here, so the slot holds an initialized object.
                let object = unsafe { slot.assume_init_ref() };
                if object.marked.get() {
                    object.marked.set(false);
                    live_bytes += HEADER_BYTES + object.owned_bytes();
                } else {
                    // SAFETY: the object is initialized (as above) and unreachable from every
                    // root (it was not marked), so no live value refers to it; it is dropped
                    // exactly once because its slot is marked free right after.
                    unsafe { slot.assume_init_drop() };
                    chunk.in_use[slot_index] = false;
                    self.free.push((chunk_index as u32, slot_index as u32));
                    freed += 1;
                }
            }
        }
        self.live -= freed;
        self.allocated_since_collection = 0;
        // A freed class's address may be reused: attribute caches must not match it.
        crate::dict::bump_namespace_epoch();
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
        for chunk in &mut self.chunks {
            for (slot, &in_use) in chunk.slots.iter_mut().zip(chunk.in_use.iter()) {
                if in_use {
                    // SAFETY: in-use slots hold initialized objects; at drop nothing uses them.
                    unsafe { slot.assume_init_drop() };
                }
            }
        }
    }
}
