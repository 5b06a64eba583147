//! The garbage-collected heap: allocation and precise mark-sweep collection.
//!
//! Objects are allocated individually and registered in one list; a collection marks from the
//! roots and frees what is unmarked. Objects never move, so a `Value` stays valid while it is
//! reachable.
//!
//! **Rooting discipline.** Collections happen only at safepoints: instruction boundaries of the
//! interpreter (where every live value is in a frame, on the VM stack, or in a global structure)
//! — never inside an allocation. Rust code that keeps a freshly made value in a local variable
//! across a call into Python code (which reaches safepoints) must root it with
//! [`crate::Runtime::push_root`] first; values passed as arguments are already rooted by the
//! caller's stack.
//!
//! Collections are triggered by bytes allocated since the last one exceeding a threshold that
//! grows with the live heap, so short-lived garbage is reclaimed in bounded memory.

use std::cell::Cell;

use crate::object::{HeapObject, Payload};
use crate::value::Value;

const MINIMUM_THRESHOLD: usize = 8 << 20;
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
}

/// Calls the visitor it is given on every root value.
pub type RootVisitor<'a> = dyn FnMut(&mut dyn FnMut(Value)) + 'a;

/// The heap; see the module documentation.
pub struct Heap {
    objects: Vec<*mut HeapObject>,
    allocated_since_collection: usize,
    threshold: usize,
    /// Whether automatic collection is on (`gc.disable()` turns it off).
    pub enabled: bool,
    /// Collect at every safepoint (testing).
    pub stress: bool,
    /// Counters.
    pub statistics: HeapStatistics,
}

impl Default for Heap {
    fn default() -> Self {
        Heap::new()
    }
}

impl Heap {
    /// An empty heap.
    pub fn new() -> Heap {
        Heap {
            objects: Vec::new(),
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
        let object = Box::new(HeapObject { marked: Cell::new(false), payload });
        self.allocated_since_collection += HEADER_BYTES + object.owned_bytes();
        let pointer = Box::into_raw(object);
        self.objects.push(pointer);
        Value::object(pointer)
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

    /// Number of objects currently allocated.
    pub fn object_count(&self) -> usize {
        self.objects.len()
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
                        pending.push(child);
                    }
                }
            });
        }
        let before = self.objects.len();
        let mut live_bytes = 0;
        self.objects.retain(|&pointer| {
            // SAFETY: every pointer in `objects` came from `Box::into_raw` in `allocate` and is
            // freed only here, after which it is removed from the list.
            let object = unsafe { &*pointer };
            if object.marked.get() {
                object.marked.set(false);
                live_bytes += HEADER_BYTES + object.owned_bytes();
                true
            } else {
                // SAFETY: the object is unreachable from every root (it was not marked), so
                // no live value refers to it; it is freed exactly once.
                drop(unsafe { Box::from_raw(pointer) });
                false
            }
        });
        let freed = before - self.objects.len();
        self.allocated_since_collection = 0;
        self.threshold = MINIMUM_THRESHOLD.max(live_bytes);
        self.statistics.collections += 1;
        self.statistics.collected += freed as u64;
        self.statistics.live_objects = self.objects.len();
        self.statistics.pause_nanoseconds += started.elapsed().as_nanos();
        freed
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &pointer in &self.objects {
            // SAFETY: the heap owns every registered object; at drop nothing uses them.
            drop(unsafe { Box::from_raw(pointer) });
        }
    }
}
