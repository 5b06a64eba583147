//! Builtin functions compiled code calls without the vm's call machinery. A `Call` whose
//! callee is a folded global naming one of these (the builtin's value at compile time) checks
//! at run time that the callable is that very object — rebinding the name anywhere gives
//! another value, and the check then fails — and computes the result itself where the
//! argument's type makes that trivial (`len` of an exact list, tuple, str, dict, …;
//! `isinstance` with a plain class). Grouped
//! apart from [`crate::Helpers`] and [`crate::FastPaths`] because they belong to one
//! translation (`translate/builtin_calls.rs`) and one vm file (`vm/src/jit/builtin_calls.rs`).

/// The builtins and their fast paths (`extern "C" fn(vm, x, instruction, a, b) -> u64`, the
/// helpers' signature).
#[derive(Clone, Copy, Debug)]
pub struct BuiltinFunctions {
    /// The builtin `len` (the vm keeps it alive for good), or NULL when the vm could not
    /// find it.
    pub len: krait_runtime::Value,
    /// Fast path: `len(a)` for an exact str, list, tuple, dict, set, frozenset, bytes or
    /// bytearray — the boxed int; the miss marker for anything else (whose `__len__` may run
    /// Python code or raise).
    pub length: usize,
    /// The builtin `isinstance`, or NULL, as `len`.
    pub isinstance: krait_runtime::Value,
    /// Fast path: `isinstance(a, b)` where no hook can run — `a`'s class is `b`, or `b` is a
    /// class whose metaclass is exactly `type` — the bool; the miss marker otherwise (a tuple,
    /// a union, a metaclass with `__instancecheck__`, not a class).
    pub instance_check: usize,
}
