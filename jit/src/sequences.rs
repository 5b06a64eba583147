//! The vm's entry points for slices of sequences, which compiled code calls where a
//! `BuildSlice` is followed by the subscript that uses it (`items[a:b]`, `items[a:b] = x`):
//! the two instructions become one call, and no slice object is made. Grouped apart from
//! [`crate::Helpers`] and [`crate::FastPaths`] because they belong to one translation
//! (`translate/slices.rs`) and one vm file (`vm/src/jit/sequences.rs`).

/// Addresses of `extern "C" fn(vm, x, instruction, a, b) -> u64`, the helpers' signature.
#[derive(Clone, Copy, Debug)]
pub struct SequenceHelpers {
    /// Helper: `BuildSlice` (its argument in `a`: 2 or 3 parts) and the `BinarySubscr` at
    /// `instruction` after it, on the flushed stack (`x` is the stack pointer): the container
    /// and the parts are the top values. Returns the slice's value, or the exit marker after
    /// an exception. Exact lists, tuples and strs with None or small int parts are sliced
    /// directly; anything else runs both instructions as the interpreter does.
    pub slice_subscript: usize,
    /// Helper: `BuildSlice` and the `StoreSubscr` at `instruction` after it, likewise (the
    /// value under the container); returns 0, or the exit marker after an exception.
    pub store_slice_subscript: usize,
    /// Fast path: `x` points at four values `[list, start, stop, step]`, an exact list and
    /// parts compiled code has checked are None or small ints with a step that is not 0. The
    /// new list of the selected items (allocates; never collects, never misses).
    pub list_slice: usize,
    /// Fast path: `x` points at eight values `[target, start, stop, step, source, start, stop,
    /// step]`, two exact lists with parts checked as for `list_slice`: `target[start:stop:step]
    /// = source[start:stop:step]` without making the source's slice; 1 when done, the miss
    /// marker (nothing changed) when an extended target slice has another length.
    pub assign_list_slice: usize,
    /// Fast path: `ForIter` on the iterator `a` whose item an `UnpackSequence` of
    /// `instruction` values takes apart at once (enumerate, zip, dict items): the parts are
    /// written at `x` in stack order and it answers 1; NULL when the iterator is exhausted;
    /// the miss marker, with nothing changed, for anything else.
    pub iterate_unpack: usize,
    /// `list.append` (the method `LoadMethod` finds on a list), or NULL: `items.append(x)`
    /// appends through the `list_append` fast path (`translate/list_methods.rs`).
    pub list_append: krait_runtime::Value,
}
