//! Chunks: the aligned blocks of object slots the heap allocates from, with their bitmaps.
//!
//! A chunk is [`CHUNK_BYTES`] of memory aligned to its own size. Its first slots hold a
//! [`ChunkHeader`] — three bitmaps with one bit per slot — and the rest are object slots. The
//! alignment is what makes the bitmaps cheap: the collector finds an object's chunk by masking
//! the low bits of its address, and its bit from the slot index, without reading the object.
//! So marking tests "already marked?" in a small bitmap instead of the object's cache line, and
//! sweeping frees dead objects that own nothing (ranges, iterators, bound methods, slices) by
//! clearing bits, never touching their memory, and leaves the others to be dropped when their
//! slot is reused.

use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

use crate::object::HeapObject;

/// Bytes per chunk (and its alignment).
pub(super) const CHUNK_BYTES: usize = 256 << 10;
/// Bytes per object slot: a heap object rounded up to a power of two, so that slot indices are
/// shifts.
pub(super) const SLOT_BYTES: usize = std::mem::size_of::<HeapObject>().next_power_of_two();
/// Slots per chunk, counting those the header occupies.
pub(super) const SLOTS: usize = CHUNK_BYTES / SLOT_BYTES;
/// Bitmap words per chunk.
pub(super) const WORDS: usize = SLOTS / 64;
/// Slots at the start of a chunk taken by its header.
const HEADER_SLOTS: usize = std::mem::size_of::<ChunkHeader>().div_ceil(SLOT_BYTES);

const _: () = assert!(SLOTS.is_multiple_of(64) && HEADER_SLOTS < 64);
const _: () = assert!(std::mem::align_of::<HeapObject>() <= SLOT_BYTES);

/// The bitmaps at the start of every chunk; bit `i % 64` of word `i / 64` is slot `i`.
#[repr(C)]
pub(super) struct ChunkHeader {
    /// Set by the marker for each object reached; all clear outside a collection.
    pub marked: [Cell<u64>; WORDS],
    /// Slots that hold an object — or that the allocator has claimed for the word it hands
    /// out slots from (see `Heap::cursor_free`).
    pub in_use: [Cell<u64>; WORDS],
    /// Slots whose object must be dropped in place (`DropKind::Memory` or `Finalize`) and has
    /// not been yet. Set for a free slot whose dead object is waiting to be dropped when the
    /// slot is reused (lazy sweeping, see `Heap::sweep`).
    pub needs_drop: [Cell<u64>; WORDS],
    /// Slots whose object's drop has effects that must not wait (`DropKind::Finalize`).
    pub finalize: [Cell<u64>; WORDS],
}

/// One chunk: a pointer to its (aligned) memory, which starts with the header.
pub(super) struct Chunk(NonNull<ChunkHeader>);

fn chunk_layout() -> Layout {
    // `CHUNK_BYTES` is a nonzero power of two, so the layout is valid.
    Layout::from_size_align(CHUNK_BYTES, CHUNK_BYTES).unwrap_or_else(|_| unreachable!())
}

impl Chunk {
    /// A new chunk, all slots free. The slot memory is left untouched (so the pages behind
    /// slots never used are never made resident); only the header is written.
    pub fn new() -> Chunk {
        let layout = chunk_layout();
        // SAFETY: the layout has a nonzero size.
        let memory = unsafe { std::alloc::alloc(layout) } as *mut ChunkHeader;
        let Some(header) = NonNull::new(memory) else {
            std::alloc::handle_alloc_error(layout)
        };
        // SAFETY: the block is at least as large as the header and aligned for it (to
        // `CHUNK_BYTES`); all-zero bitmaps mean "nothing marked, nothing in use".
        unsafe {
            header.write(ChunkHeader {
                marked: [const { Cell::new(0) }; WORDS],
                in_use: [const { Cell::new(0) }; WORDS],
                needs_drop: [const { Cell::new(0) }; WORDS],
                finalize: [const { Cell::new(0) }; WORDS],
            });
        }
        Chunk(header)
    }

    /// The header.
    #[inline]
    pub fn header(&self) -> &ChunkHeader {
        // SAFETY: the header was initialized by `new` and lives until the chunk is dropped; it
        // is only ever accessed through shared references (its words are `Cell`s).
        unsafe { self.0.as_ref() }
    }

    /// The address of slot `slot`.
    #[inline]
    pub fn slot(&self, slot: usize) -> *mut HeapObject {
        (self.0.as_ptr() as usize + slot * SLOT_BYTES) as *mut HeapObject
    }
}

impl Drop for Chunk {
    fn drop(&mut self) {
        // SAFETY: the memory was allocated by `new` with this layout; the heap drops the
        // objects inside first (the header needs no drop).
        unsafe { std::alloc::dealloc(self.0.as_ptr() as *mut u8, chunk_layout()) }
    }
}

/// The slots of word `word` that may hold objects (not the header's).
#[inline]
pub(super) fn usable(word: usize) -> u64 {
    if word == 0 {
        !0u64 << HEADER_SLOTS
    } else {
        !0
    }
}

/// The header of the chunk holding the object at `address`, and the object's word and bit.
///
/// # Safety
/// `address` must be the address of an object the heap allocated and has not freed.
#[inline]
pub(super) unsafe fn locate(address: usize) -> (&'static ChunkHeader, usize, u64) {
    let base = address & !(CHUNK_BYTES - 1);
    let slot = (address - base) / SLOT_BYTES;
    // SAFETY: by the caller's promise the object is in a live chunk, whose header starts at the
    // chunk's aligned base.
    let header = unsafe { &*(base as *const ChunkHeader) };
    (header, slot / 64, 1u64 << (slot % 64))
}
