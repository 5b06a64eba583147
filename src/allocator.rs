//! krait's global allocator: mimalloc for ordinary allocations, the system allocator for huge
//! ones.
//!
//! Why mimalloc: heap objects own many small buffers (str text, list and instance storage) that
//! a collection frees in bulk; glibc's malloc spent 15–20% of string-heavy programs in
//! malloc/free and its consolidation passes.
//!
//! Why not for huge blocks: mimalloc reserves address space without asking the kernel to
//! account for it, so an impossible request such as `[0] * 10**12` (8 TB) "succeeds" and the
//! process is killed when the pages are touched. glibc maps large blocks with the kernel's
//! overcommit check, so such a request fails and Python code sees a `MemoryError`, as in
//! CPython. Which allocator owns a block is decided by its size alone, so `dealloc` and
//! `realloc` — which are given the block's layout — always reach the allocator that made it.

use std::alloc::{GlobalAlloc, Layout, System};

use mimalloc::MiMalloc;

/// Blocks at least this large come from the system allocator.
const HUGE: usize = 64 << 20;

/// The global allocator; see the module documentation.
pub struct KraitAllocator;

fn is_huge(size: usize) -> bool {
    size >= HUGE
}

// SAFETY: every method forwards to exactly one of two allocators that implement `GlobalAlloc`,
// chosen by the block's size; a block is always freed or resized by the allocator chosen for
// its size when it was made (the size is part of the layout the caller passes back), and a
// block that changes allocator on `realloc` is copied and freed by its old one.
unsafe impl GlobalAlloc for KraitAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees (non-zero size).
        unsafe {
            if is_huge(layout.size()) {
                System.alloc(layout)
            } else {
                MiMalloc.alloc(layout)
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        unsafe {
            if is_huge(layout.size()) {
                System.alloc_zeroed(layout)
            } else {
                MiMalloc.alloc_zeroed(layout)
            }
        }
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: `pointer` was made with `layout`, so by the allocator its size selects.
        unsafe {
            if is_huge(layout.size()) {
                System.dealloc(pointer, layout)
            } else {
                MiMalloc.dealloc(pointer, layout)
            }
        }
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same-allocator resizes are forwarded as given; otherwise a new block is made
        // by the allocator for `new_size`, the common prefix copied (both blocks hold at least
        // that many bytes and are distinct), and the old block freed by its own allocator.
        unsafe {
            match (is_huge(layout.size()), is_huge(new_size)) {
                (false, false) => MiMalloc.realloc(pointer, layout, new_size),
                (true, true) => System.realloc(pointer, layout, new_size),
                _ => {
                    let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                    let new_pointer = self.alloc(new_layout);
                    if !new_pointer.is_null() {
                        std::ptr::copy_nonoverlapping(
                            pointer,
                            new_pointer,
                            layout.size().min(new_size),
                        );
                        self.dealloc(pointer, layout);
                    }
                    new_pointer
                }
            }
        }
    }
}
