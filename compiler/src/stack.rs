//! Deep recursion without native stack overflow.
//!
//! The parser accepts arbitrarily deep nesting (it grows its stack as it recurses), so the
//! compiler's recursive walks over the AST must too: a long chain like `a+a+…+a` or nested
//! lambdas would otherwise overflow the native stack, which is an abort, not an error.

/// Space that must remain on the stack before recursing further.
const RED_ZONE: usize = 128 * 1024;
/// Size of each additional stack segment.
const GROWTH: usize = 2 * 1024 * 1024;

/// Runs `body`, first moving to a fresh stack segment if the current one is nearly full.
pub(crate) fn grow<R>(body: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, GROWTH, body)
}
