//! Deep recursion without native stack overflow.
//!
//! The parser accepts arbitrarily deep nesting (it grows its stack as it recurses), so the
//! compiler's recursive walks over the AST must too: a long chain like `a+a+…+a` or nested
//! lambdas would otherwise overflow the native stack, which is an abort, not an error. The
//! walks call [`grow`] at each level. Dropping such a tree is recursive too (the AST's own drop
//! glue), so whole compilations run under [`with_room_for`], which guarantees a stack
//! proportional to the source: nesting can never be deeper than the source is long.

/// Space that must remain on the stack before recursing further.
const RED_ZONE: usize = 128 * 1024;
/// Size of each additional stack segment.
const GROWTH: usize = 2 * 1024 * 1024;
/// Stack reserved per source byte for dropping the AST (a generous bound on one nesting level's
/// drop frames, debug builds included).
const BYTES_PER_SOURCE_BYTE: usize = 256;
/// Stack always reserved for a compilation, beyond the per-byte part.
const BASE: usize = 1024 * 1024;
/// The largest stack reserved (address space only: pages are committed as they are touched).
const LIMIT: usize = 1024 * 1024 * 1024;

/// Runs `body`, first moving to a fresh stack segment if the current one is nearly full.
pub(crate) fn grow<R>(body: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, GROWTH, body)
}

/// Runs `body` (a whole compilation of a source of `source_length` bytes, including dropping its
/// AST) on a stack with room for the deepest tree such a source can produce.
pub(crate) fn with_room_for<R>(source_length: usize, body: impl FnOnce() -> R) -> R {
    let needed = source_length
        .saturating_mul(BYTES_PER_SOURCE_BYTE)
        .saturating_add(BASE)
        .min(LIMIT);
    match stacker::remaining_stack() {
        Some(remaining) if remaining >= needed => body(),
        _ => stacker::grow(needed, body),
    }
}
