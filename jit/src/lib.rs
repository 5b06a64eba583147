//! krait's JIT: hot bytecode plus the interpreter's type feedback, through Cranelift, to native
//! code in executable pages, with guards, deoptimization and OSR entries.
//!
//! - [`analysis`]: stack depths, basic blocks and entry points of a code object;
//! - [`translate`]: bytecode to Cranelift IR, speculating on feedback behind guards;
//! - [`target`]: the host instruction set (the only module that names one) and its
//!   disassembler;
//! - [`listing`]: `--emit-asm` listings with source lines and bytecode offsets interleaved;
//! - `compiler`: the [`Jit`] and its pipeline (translate, generate, install), and `worker`,
//!   the background thread that generates machine code while the program runs.
//!
//! The JIT knows nothing of the vm's types: compiled code receives the vm as an opaque pointer
//! and calls back into it through the `extern "C"` helpers of [`Helpers`], which the vm
//! implements. See `docs/internals/jit.md` for the calling convention and the deopt protocol.

#![deny(missing_docs)]

pub mod analysis;
pub mod builtin_functions;
mod compiler;
pub mod listing;
pub mod sequences;
pub mod target;
pub mod translate;
mod worker;

pub use compiler::{Compiled, Finished, Jit, Ticket};

use krait_runtime::object::CodeData;
use krait_runtime::Value;

/// Whether this build of krait can compile to native code.
pub const AVAILABLE: bool = true;

/// `base ** exponent` on floats, called by compiled code: the C library's `pow`, which is what
/// CPython's float power computes (the caller checks the domain).
extern "C" fn float_power(base: f64, exponent: f64) -> f64 {
    base.powf(exponent)
}

/// Why compiled code handed a frame back to the interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum DeoptReason {
    /// An operand was not the int the code speculated on.
    NotAnInt = 1,
    /// An operand was not the float the code speculated on.
    NotAFloat = 2,
    /// An operand was neither int nor float.
    NotANumber = 3,
    /// An int result left the inline range (the interpreter makes a big int).
    Overflow = 4,
    /// A division or remainder by zero (the interpreter raises).
    ZeroDivisor = 5,
    /// An instruction compiled code leaves to the interpreter (exception handling and other
    /// rare instructions).
    Unsupported = 6,
    /// Entered at an instruction that is not an entry point.
    NotAnEntry = 7,
    /// A type guessed at an arithmetic or comparison instruction that had never run when the
    /// code was compiled (a loop's later code when the loop triggered the compile) was wrong:
    /// the interpreter runs it and records its operand types, and the code is recompiled with
    /// them.
    Unprofiled = 8,
    /// A local did not have the kind (or was unbound where it was assumed bound) that a loop
    /// header's compiled code assumes (see `translate::block_state`).
    LoopAssumption = 9,
    /// `ForIter` compiled for range iterators only met another iterator, or a next value
    /// outside the inline int range.
    NotARange = 10,
    /// A loop back-edge found a collection due or the safepoint flag set: the interpreter
    /// runs the back-edge (collecting, counting, raising `KeyboardInterrupt`) and enters the
    /// compiled loop again. Not a failed speculation.
    Safepoint = 11,
    /// A float operation compiled for its usual domain met an operand outside it (a float
    /// power with a negative or infinite base, or an overflowing result).
    OutOfDomain = 12,
    /// A subscript compiled for lists indexed in range met another container or key, or an
    /// index out of range.
    NotAList = 13,
    /// A callee inlined at a call site could not run inlined: the callable was another, a
    /// profiler listened, the recursion limit was reached, or a check in the callee's body
    /// failed (another argument type, an int overflow, a zero divisor — or an exception the
    /// call must raise). The interpreter makes the call at the call instruction.
    InlinedCallee = 14,
    /// A slice compiled for exact lists with None or small int bounds met another container
    /// or bound, a zero step, or an extended slice assignment of another length.
    NotAListSlice = 15,
}

impl DeoptReason {
    /// The reason with this number.
    pub fn from_number(number: u64) -> Option<DeoptReason> {
        Some(match number {
            1 => DeoptReason::NotAnInt,
            2 => DeoptReason::NotAFloat,
            3 => DeoptReason::NotANumber,
            4 => DeoptReason::Overflow,
            5 => DeoptReason::ZeroDivisor,
            6 => DeoptReason::Unsupported,
            7 => DeoptReason::NotAnEntry,
            8 => DeoptReason::Unprofiled,
            9 => DeoptReason::LoopAssumption,
            10 => DeoptReason::NotARange,
            11 => DeoptReason::Safepoint,
            12 => DeoptReason::OutOfDomain,
            13 => DeoptReason::NotAList,
            14 => DeoptReason::InlinedCallee,
            15 => DeoptReason::NotAListSlice,
            _ => return None,
        })
    }

    /// A short description for `--jit-log`.
    pub fn describe(self) -> &'static str {
        match self {
            DeoptReason::NotAnInt => "operand is not an int",
            DeoptReason::NotAFloat => "operand is not a float",
            DeoptReason::NotANumber => "operand is not a number",
            DeoptReason::Overflow => "int result out of inline range",
            DeoptReason::ZeroDivisor => "division by zero",
            DeoptReason::Unsupported => "instruction runs in the interpreter",
            DeoptReason::NotAnEntry => "not an entry point",
            DeoptReason::Unprofiled => "guessed type was wrong (no types when compiled)",
            DeoptReason::LoopAssumption => "a local is not the kind its loop header assumes",
            DeoptReason::NotARange => "iterator is not a range iterator of inline ints",
            DeoptReason::Safepoint => "safepoint at a loop back-edge",
            DeoptReason::OutOfDomain => "float operand outside the inline domain",
            DeoptReason::NotAList => "not a list indexed in range",
            DeoptReason::InlinedCallee => "the inlined callee must be called",
            DeoptReason::NotAListSlice => "not a list sliced by small ints",
        }
    }
}

/// The vm's helpers, as addresses of `extern "C" fn(vm, stack_pointer, instruction, a, b) ->
/// u64`. `stack_pointer` is the end of the flushed operand stack (the VM stack's new length),
/// `instruction` the index of the instruction being run. Each returns a value's bits, or
/// `EXIT_MARKER` after recording an exception or a deopt for the vm.
#[derive(Clone, Copy, Debug)]
pub struct Helpers {
    /// Deopt: `a` is the `DeoptReason`; always returns the exit marker. A null stack pointer
    /// leaves the VM stack as it is.
    pub deopt: usize,
    /// Runs instruction `a` (an opcode byte) with argument `b` on the flushed stack, as the
    /// interpreter does; returns 0.
    pub stack_op: usize,
    /// A call instruction (`a` the opcode, `b` its argument) run to completion; returns the
    /// result.
    pub call: usize,
    /// The truth of `a`: 0 or 1.
    pub truth: usize,
    /// `next()` of the iterator `a`: the value, or NULL when it is exhausted.
    pub for_iter: usize,
    /// `for_iter` of `a`, which compiled code has checked is a generator (`Kind::Generator`):
    /// its compiled code resumed directly where it can be.
    pub generator_next: usize,
    /// A safepoint: collects garbage if due; returns 0.
    pub safepoint: usize,
    /// A call instruction whose callable compiled code has checked is the function of the
    /// [`CallTarget`] at address `b` (`a` is the callable): its arguments are the top
    /// `argument_count` stack values, in place. Returns the result, like `call` (which it
    /// falls back to when the callee is not compiled or the fast call does not apply).
    pub call_known: usize,
    /// After compiled code entered a callee's compiled code inline (see [`CallLayout`]) and it
    /// left with the exit marker: finishes the callee's frame — still the top one — as the
    /// exit recorded in the vm says (the interpreter resumes it after a deopt, unwinds it after
    /// an exception). Takes no stack pointer (the VM stack is the callee's); returns the
    /// call's result, or the exit marker when the call raised.
    pub finish_call: usize,
    /// `iter(range(...))` of the top `a` stack values (small ints): a range iterator, or NULL
    /// when they are not (the caller then calls `range` and `iter` as usual).
    pub range_iterator: usize,
    /// `yield` in generator or coroutine code: `a` is the value yielded, the operand stack
    /// below it is flushed. The vm records the frame paused after the `yield` and the value,
    /// and returns the exit marker; the code that entered the compiled code suspends the
    /// frame as the interpreter's `YieldValue` does.
    pub yield_value: usize,
    /// One step of `yield from`/`await` (`Send`): `a` is the delegate (the top of the
    /// flushed stack), `b` the value sent in. Returns the value the delegate yielded, or
    /// `RETURN_MARKER` after writing the delegate's result over its stack slot.
    pub send: usize,
    /// At the landing of an exception handler in the same compiled code, after a helper
    /// raised at `instruction`: the exception the vm recorded, with this frame's traceback
    /// entry and its context added as the interpreter's unwinding adds them; the exit marker
    /// (the exit left in place) when the vm recorded anything else. Takes no stack pointer.
    pub catch: usize,
    /// `CheckExcMatch`: whether the exception `a` is an instance of `b` (a class or a tuple
    /// of classes), as a bool value; raises TypeError for a class that is not an exception
    /// class.
    pub exception_match: usize,
    /// A new instance of the plain class `a` with no attributes (room for as many as its
    /// instances have needed): never raises, runs no Python code and never collects.
    pub new_instance: usize,
    /// A new instance of the plain class `a` that already has the attributes of the shape at
    /// address `b` (`Rc::as_ptr` of a shape reached from the root shape), its slots NULL for
    /// compiled code to write at once: never raises, runs no Python code and never collects.
    pub new_shaped_instance: usize,
    /// `__init__` returned `a`, not None: raises CPython's TypeError; returns the exit marker.
    pub init_returned: usize,
    /// An operator method called for `BinaryOp` at the instruction (`a` the left operand, `b`
    /// the right) returned NotImplemented: raises the protocol's TypeError; returns the exit
    /// marker.
    pub binary_not_implemented: usize,
}

/// Where compiled code finds the vm's frame stack, VM stack and call limits, so that a call
/// of an expected, compiled Python function can push the callee's frame record, call its
/// compiled code and pop the frame inline instead of through the `call_known` helper. All
/// offsets are in bytes; the vm measures them (Rust fixes neither its structs' nor `Vec`'s
/// layout) and leaves the layout out, so every call takes the helper, when one is ambiguous.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CallLayout {
    /// Within the vm: the VM stack's data pointer, length and capacity (in values).
    pub stack_data: i32,
    /// See `stack_data`.
    pub stack_length: i32,
    /// See `stack_data`.
    pub stack_capacity: i32,
    /// Within the vm: the frame stack's data pointer, length and capacity (in frames).
    pub frames_data: i32,
    /// See `frames_data`.
    pub frames_length: i32,
    /// See `frames_data`.
    pub frames_capacity: i32,
    /// Within the vm: the count of nested compiled frames on the native stack (a `usize`).
    pub jit_depth: i32,
    /// Past this many nested compiled frames a callee runs in the interpreter.
    pub depth_limit: u64,
    /// Within the vm: the recursion limit (a `usize`, the most frames).
    pub recursion_limit: i32,
    /// Within the vm: a pointer that is non-null while a profiler listens to frame pushes.
    pub profiler: i32,
    /// Within the vm: a `usize`; an inline call pushes a frame only while the frame count is
    /// below it (it is at most the recursion limit and the frame stack's capacity, and 0
    /// while a profiler listens).
    pub frame_limit: i32,
    /// Within the vm: a `usize`, the highest address the end of an inline call's frame (the
    /// end of its arguments plus its room, in bytes) may reach in the VM stack.
    pub stack_limit: i32,
    /// Values kept free above a frame's maximum depth.
    pub stack_margin: u64,
    /// The size of a frame record.
    pub frame_size: i32,
    /// Within a frame record: the code (`&CodeData`).
    pub frame_code: i32,
    /// Within a frame record: the code value.
    pub frame_code_value: i32,
    /// Within a frame record: the function.
    pub frame_function: i32,
    /// Within a frame record: the globals.
    pub frame_globals: i32,
    /// Within a frame record: the local namespace (NULL for a function).
    pub frame_locals: i32,
    /// Within a frame record: the VM stack index of the first local.
    pub frame_base: i32,
    /// Within a frame record: the VM stack index where the operand stack starts.
    pub frame_stack_base: i32,
    /// Within a frame record: the next instruction.
    pub frame_ip: i32,
    /// Within a frame record: the stack length to cut back to on return.
    pub frame_return_to: i32,
    /// Within a frame record: the "entry frame" flag (a byte, 1 for true).
    pub frame_is_entry: i32,
    /// Within a frame record: the generator (NULL).
    pub frame_generator: i32,
    /// Within a code object's data: the compiled entry (a function pointer, null when none).
    pub code_entry: i32,
    /// Within a code object's data: the globals it was compiled for (a value).
    pub code_globals: i32,
    /// Within a function's heap object: the pointer to its `FunctionObject`.
    pub function_pointer: i32,
    /// Within a `FunctionObject`: the code value.
    pub function_code: i32,
    /// Within a `FunctionObject`: the globals.
    pub function_globals: i32,
    /// Within a `FunctionObject`: the closure (a tuple of cells, or NULL).
    pub function_closure: i32,
    /// Within a code value's heap object: the pointer to its `CodeData`.
    pub code_pointer: i32,
    /// Within a code object's data: `CallShape::plain_arguments` (a `u32`).
    pub shape_plain_arguments: i32,
    /// Within a code object's data: `CallShape::local_count` (a `u32`).
    pub shape_local_count: i32,
    /// Within a code object's data: `CallShape::free_count` (a `u32`).
    pub shape_free_count: i32,
    /// Within a code object's data: `CallShape::room` (a `u32`).
    pub shape_room: i32,
}

/// What a call site knows at compile time about the Python function it speculates on calling:
/// enough for the vm to push the callee's frame without decoding the function object. Owned by
/// the [`Jit`] for the life of the process, like the machine code that points at it.
#[repr(C)]
pub struct CallTarget {
    /// The callee's code.
    pub code: &'static CodeData,
    /// The code as a value (the frame's `code_value`).
    pub code_value: Value,
    /// The function's globals.
    pub globals: Value,
    /// How many values the call passes: exactly the function's positional parameters (the
    /// receiver included for a method call).
    pub argument_count: u32,
}

impl CallTarget {
    /// The target for a call of `callable` with `given` arguments, when it is a Python function
    /// whose frame a call can set up with the arguments in place: `given` is exactly its
    /// positional parameter count, and it has no `*args`, `**kwargs`, keyword-only parameters,
    /// cell or free variables, and is not a generator or coroutine function.
    pub fn for_function(callable: Value, given: usize) -> Option<CallTarget> {
        use krait_compiler::code::flags;
        let krait_runtime::object::Payload::Function(function) = &callable.as_object()?.payload
        else {
            return None;
        };
        let code = krait_runtime::loader::code_data(function.code)?;
        let object = &code.code;
        let plain = object.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
            && object.keyword_only_count == 0
            && object.cell_count() == 0
            && !object.is_generator()
            && object.argument_count as usize == given;
        plain.then_some(CallTarget {
            code,
            code_value: function.code,
            globals: function.globals,
            argument_count: given as u32,
        })
    }
}

/// The vm's fast paths, called without flushing the operand stack: each does its whole job
/// without allocating, raising or running Python code, or returns `EXIT_MARKER` ("miss") and
/// changes nothing (the compiled code then takes the generic path). Same signature as the helpers, where the
/// stack-pointer argument carries an extra operand.
#[derive(Clone, Copy, Debug)]
pub struct FastPaths {
    /// `LoadGlobal` through the global cache: `a` is the name index.
    pub load_global: usize,
    /// `LoadGlobal` of a folded global whose site saw the globals epoch move: the value, as
    /// `load_global` (the immediate is the name index, `a` the folded value); when it is still
    /// the folded value, the epoch cell at the extra operand takes the current epoch.
    pub revalidate_global: usize,
    /// `a[b]` for lists and tuples with a small int index in range, ASCII strs likewise and
    /// dicts with a str key.
    pub subscript: usize,
    /// `a[b] = x` for lists and dicts with a str key; 1 when done.
    pub store_subscript: usize,
    /// `a.name` from the instruction's attribute cache.
    pub load_attribute: usize,
    /// `a.name = x` through the instruction's attribute cache; 1 when done.
    pub store_attribute: usize,
    /// The method `LoadMethod` finds for `a` through the instruction's cache.
    pub load_method: usize,
    /// Unpacks the tuple or list `a` of exactly `instruction` items to the address `x`.
    pub unpack: usize,
    /// `a ** b` for floats with a positive finite base.
    pub power: usize,
    /// `next(a)` for range, list and tuple iterators: the value, NULL when a range is
    /// exhausted.
    pub iterate: usize,
    /// `a in b` (`instruction` 1: `not in`) for strs in strs and str or small int keys in
    /// dicts and sets: the bool.
    pub contains: usize,
    /// `a <op> b` (`instruction` the comparison) for two strs: the bool.
    pub compare_strings: usize,
    /// Whether the exact strs `a` and `b` (compiled code checked their kind bytes) hold the
    /// same text: 1 or 0 (never misses).
    pub strings_equal: usize,
    /// `a + b` for two exact strs: the new str (allocates, never collects).
    pub concat_strings: usize,
    /// `ListAppend`: appends `b` to the list `a`; 1 when done.
    pub list_append: usize,
    /// `BuildTuple` of two: the new tuple `(a, b)` (never misses; allocates, never collects).
    pub build_pair: usize,
    /// The int of the i64 `a`, a heap int where it leaves the inline range (never misses;
    /// allocates, never collects): an unboxed intermediate of an int chain written to the
    /// frame (`translate/wide_ints.rs`).
    pub box_wide_int: usize,
}

/// What compiled code needs to know about the vm.
#[derive(Clone, Copy, Debug)]
pub struct Environment {
    /// The helpers.
    pub helpers: Helpers,
    /// The fast paths.
    pub fast_paths: FastPaths,
    /// The slice helpers and fast paths.
    pub sequences: sequences::SequenceHelpers,
    /// Builtin functions calls of which compiled code makes itself.
    pub builtins: builtin_functions::BuiltinFunctions,
    /// Byte offset, within the vm, of the heap's allocation counter.
    pub allocated_offset: i32,
    /// Byte offset, within the vm, of the heap's collection threshold.
    pub threshold_offset: i32,
    /// Byte offset, within the vm, of the pointer to the flag safepoints poll (set on Ctrl-C,
    /// or always while an instruction budget counts).
    pub poll_offset: i32,
    /// Call the safepoint helper at every back-edge (the GC-stress mode).
    pub gc_stress: bool,
    /// The address of the class epoch (a `u64` that changes whenever a class namespace
    /// changes).
    pub class_epoch_address: usize,
    /// The address (`Rc::as_ptr`) of the shape new instances start with (0: unknown, and no
    /// construction is folded, see `translate/folded_init.rs`).
    pub root_shape: usize,
    /// The offset of the vm's heap from the vm pointer, and where compiled code finds the
    /// allocator's state in it (`None`: instances are allocated by helpers only).
    pub heap_offset: i32,
    /// See `heap_offset`.
    pub allocation: Option<krait_runtime::heap::AllocationLayout>,
    /// The address of the globals epoch (a `u64` that changes whenever module globals or the
    /// builtins change).
    pub globals_epoch_address: usize,
    /// Where list, tuple and range-iterator fields are in heap objects, when measurable (see
    /// `krait_runtime::layout`); without it those go through the fast paths.
    pub layout: Option<krait_runtime::layout::Offsets>,
    /// `AssertionError` (a constant for `LoadAssertionError`).
    pub assertion_error: Value,
    /// Where the frame and VM stacks are, for calls made inline; `None` when unmeasurable.
    pub call_layout: Option<CallLayout>,
    /// The builtin `range` class (`for ... in range(...)` makes its iterator directly).
    pub range_type: Value,
    /// Byte offset, within the vm, of the exception being handled (a value; what
    /// `PushExcInfo` saves and sets and `PopExcept` restores).
    pub handled_exception_offset: i32,
    /// Where the vm records a generator frame running on its saved buffer and its move to the
    /// VM stack (`vm/src/detached_generator.rs`): compiled generator code re-reads its locals
    /// pointer from these after every helper call.
    pub detached: DetachedOffsets,
}

/// Byte offsets, within the vm, of the detached generator run's fields (each a pointer).
#[derive(Clone, Copy, Debug, Default)]
pub struct DetachedOffsets {
    /// The buffer of the frame running detached, or null.
    pub buffer: i32,
    /// The buffer of the frame last attached in this run (compiled code whose locals pointer
    /// is this one continues at `relocated_to`).
    pub relocated_from: i32,
    /// That frame's first local on the VM stack.
    pub relocated_to: i32,
    /// Where a `yield` of the frame running detached leaves the value, its stack pointer and
    /// the instruction to resume at, before returning `YIELD_MARKER`.
    pub yielded: i32,
    /// See `yielded`.
    pub paused_stack: i32,
    /// See `yielded`.
    pub paused_at: i32,
}

/// A folded `LoadGlobal` site of compiled code: the globals epoch at which its constant was
/// last known good, which the code compares with the current epoch before using the constant
/// (the `revalidate_global` fast path moves it on when a change elsewhere left the value as
/// it was). Compiled code embeds its address: boxed, never freed.
#[repr(C)]
pub struct GlobalSite {
    /// The epoch (first, so the code reads it at offset 0).
    pub epoch: std::sync::atomic::AtomicU64,
    /// For a site of a callee inlined into another function's code, the callee's code and
    /// module namespace (the frame running is the caller's); `None` for the frame's own.
    pub inlined: Option<(&'static CodeData, Value)>,
}

/// The globals a code object sees, resolved when it is compiled: `LoadGlobal` of name `i`
/// becomes the constant `values[i]` behind a check that the globals epoch is still `epoch`.
#[derive(Clone, Debug, Default)]
pub struct GlobalSnapshot {
    /// The globals epoch at compile time.
    pub epoch: u64,
    /// For a callee inlined into another function's code: its module namespace (its folded
    /// globals are revalidated there, not in the running frame's).
    pub inlined_namespace: Option<Value>,
    /// The value of each name of the code, where it names a global or builtin.
    pub values: Vec<Option<Value>>,
    /// Per instruction: the attribute cache's entries (class, shape and what was found), for
    /// inline checks.
    pub attributes: Vec<Vec<krait_runtime::attribute_site::Monomorphic>>,
    /// The class epoch (`dict::class_epoch`) when `constructors` were looked up.
    pub class_epoch: u64,
    /// Plain classes among the folded globals, with their `__init__` (a Python function):
    /// what `Class(arguments…)` runs while the class epoch is `class_epoch` (see
    /// `translate/construct.rs`).
    pub constructors: Vec<(Value, Value)>,
    /// `BinaryOp` instructions whose left operand was an instance of a Python class whose
    /// operator method the protocol calls alone: the instruction, the class and the method,
    /// valid while the class epoch is `class_epoch` (see `translate/dunders.rs`).
    pub dunders: Vec<(u32, Value, Value)>,
}

/// What to keep of a compilation for inspection.
#[derive(Clone, Copy, Debug, Default)]
pub struct Inspect {
    /// Keep a disassembly listing.
    pub assembly: bool,
    /// Keep the Cranelift IR.
    pub clif: bool,
    /// The address of an array of `u64` counters, one per bytecode instruction, that the
    /// compiled code increments as it starts each instruction (`krait explain`'s line counts);
    /// 0 for none. The array must outlive the compiled code's last run.
    pub instruction_counters: usize,
}
