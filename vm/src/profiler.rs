//! The deterministic profiler behind `krait --profile` (and the function table of
//! `krait explain`): per function, how often it was called and where the time went, measured at
//! every frame push and pop — the events CPython's `cProfile` hooks.
//!
//! Why deterministic rather than sampling: the table promises exact call counts (`177/1` for a
//! recursive `fib`), and tests compare them with what the program must do. Why here, in the vm:
//! only the vm sees every frame, including those the JIT's compiled code pushes directly
//! (`Vm::direct_call`) and generator resumptions.
//!
//! The hooks cost one predictable branch when the profiler is off: every frame push and pop of
//! the vm goes through [`Vm::push_frame`] and [`Vm::pop_frame`] (`frame.rs`), which call in here
//! only when `Vm::profiler` is set. Compiled code is entered and left in `Vm::run_compiled`,
//! which reports those boundaries too, so each function's own time is split into time in its
//! compiled code and time in the interpreter.
//!
//! The accounting is `_lsprof`'s: an activation stack parallel to the frames; a function's own
//! time (*tottime*) excludes the time of the activations it started, its cumulative time
//! (*cumtime*) counts only outermost activations (so recursion is not counted twice), and a call
//! made while the function is already active is a recursive call (`ncalls` shows `total/
//! primitive`). Builtin functions called through the vm's call path are activations too
//! (`{built-in method builtins.len}`, `{method 'append' of 'list' objects}`), and so are the
//! JIT's compiles (`{krait: JIT compile}`), which would otherwise count as interpreter time of
//! the function that triggered them.

use std::collections::HashMap;
use std::time::Instant;

use krait_runtime::object::{CodeData, NativeFunctionObject, Payload};
use krait_runtime::Value;

use crate::Vm;

/// The profile's name for the JIT compiling a function.
pub const JIT_COMPILE_LABEL: &str = "{krait: JIT compile}";

/// What a profiled function is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FunctionIdentity {
    /// Python code: a function, a module body, a class body.
    Python {
        /// The code's file name (absolute for scripts and modules).
        filename: String,
        /// Its first line.
        line: u32,
        /// `co_name`.
        name: String,
        /// `co_qualname`.
        qualname: String,
    },
    /// A builtin function or method.
    Builtin {
        /// cProfile's label: `{built-in method builtins.len}`, `{method 'append' of 'list'
        /// objects}`.
        label: String,
    },
}

/// One function's figures. Times are in nanoseconds.
#[derive(Clone, Debug)]
pub struct FunctionProfile {
    /// Which function.
    pub identity: FunctionIdentity,
    /// Calls, recursive ones included.
    pub calls: u64,
    /// Calls made while the function was not already active.
    pub primitive_calls: u64,
    /// Time in the function itself, excluding the profiled functions it called (tottime).
    pub own_nanos: u64,
    /// Time from entry to exit of its outermost activations (cumtime).
    pub cumulative_nanos: u64,
    /// The part of `own_nanos` spent running its compiled code.
    pub compiled_nanos: u64,
}

/// The profile of a whole run.
#[derive(Clone, Debug)]
pub struct ProfileReport {
    /// Every function that was called, in order of first call.
    pub functions: Vec<FunctionProfile>,
    /// Nanoseconds from the profiler's start to the report.
    pub wall_nanos: u64,
}

impl ProfileReport {
    /// Calls in total (CPython's "N function calls").
    pub fn total_calls(&self) -> u64 {
        self.functions.iter().map(|function| function.calls).sum()
    }

    /// Primitive calls in total ("(M primitive calls)").
    pub fn primitive_calls(&self) -> u64 {
        self.functions
            .iter()
            .map(|function| function.primitive_calls)
            .sum()
    }

    /// The profiled time: the sum of every function's own time ("in X seconds").
    pub fn total_nanos(&self) -> u64 {
        self.functions
            .iter()
            .map(|function| function.own_nanos)
            .sum()
    }

    /// The part of the profiled time spent in compiled code.
    pub fn compiled_nanos(&self) -> u64 {
        self.functions
            .iter()
            .map(|function| function.compiled_nanos)
            .sum()
    }
}

/// Figures being gathered for one function.
struct FunctionRecord {
    profile: FunctionProfile,
    /// Activations of the function now on the activation stack.
    recursion_level: u32,
}

/// One activation: a frame, or a builtin call.
struct Activation {
    function: u32,
    /// For a frame: the frame stack's length with the frame pushed. For a builtin call: the
    /// length when it was called (it never owns a frame).
    frame_depth: usize,
    builtin: bool,
    started: u64,
    /// Time of the activations this one started.
    children: u64,
    /// Own time spent in compiled code so far.
    compiled: u64,
    /// Whether the frame is running compiled code now (between entry and exit).
    in_compiled: bool,
    /// When the current stretch of compiled code started (valid while `in_compiled`).
    segment_start: u64,
}

/// Hashes an address with one multiplication (Fibonacci hashing): the profiler looks a code
/// object up at every frame push, and std's SipHash, built to resist chosen keys, costs several
/// times more there for nothing (addresses are not chosen by the program).
#[derive(Default, Clone, Copy)]
struct AddressHash;

impl std::hash::BuildHasher for AddressHash {
    type Hasher = AddressHasher;
    fn build_hasher(&self) -> AddressHasher {
        AddressHasher(0)
    }
}

/// [`AddressHash`]'s hasher.
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, value: usize) {
        // The high half of the product is the well-mixed one; fold it into the low bits, which
        // pick the bucket (aligned addresses have constant low bits).
        let product = (value as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = product ^ (product >> 32);
    }
}

/// One thread's activations, parked with its frames while another thread runs
/// (`threads.rs`): activation depths are frame depths, which are per thread.
#[derive(Default)]
pub struct ActivationStack(Vec<Activation>);

/// The profiler's state (`Vm::profiler`).
pub struct Profiler {
    origin: Instant,
    functions: Vec<FunctionRecord>,
    /// Function index by code object address (looked up at every frame push).
    python_index: HashMap<usize, u32, AddressHash>,
    /// Function index by (native function address, name address); (0, 0) is the JIT's
    /// compiles.
    builtin_index: HashMap<(usize, usize), u32>,
    activations: Vec<Activation>,
    /// The code objects seen, kept alive (GC roots) so that their addresses stay unique.
    code_values: Vec<Value>,
}

impl Default for Profiler {
    fn default() -> Self {
        Profiler::new()
    }
}

impl Profiler {
    /// A profiler whose clock starts now.
    pub fn new() -> Profiler {
        Profiler {
            origin: Instant::now(),
            functions: Vec::new(),
            python_index: HashMap::default(),
            builtin_index: HashMap::new(),
            activations: Vec::new(),
            code_values: Vec::new(),
        }
    }

    fn now(&self) -> u64 {
        u64::try_from(self.origin.elapsed().as_nanos()).unwrap_or(u64::MAX)
    }

    /// Installs `parked` as the running thread's activations and parks the current ones there.
    pub(crate) fn swap_activations(&mut self, parked: &mut ActivationStack) {
        std::mem::swap(&mut self.activations, &mut parked.0);
    }

    /// Visits the values the profiler keeps alive (for the GC).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.code_values.iter().for_each(|&value| visit(value));
    }

    fn add_function(&mut self, identity: FunctionIdentity) -> u32 {
        self.functions.push(FunctionRecord {
            profile: FunctionProfile {
                identity,
                calls: 0,
                primitive_calls: 0,
                own_nanos: 0,
                cumulative_nanos: 0,
                compiled_nanos: 0,
            },
            recursion_level: 0,
        });
        (self.functions.len() - 1) as u32
    }

    fn python_function(&mut self, code_value: Value, code: &CodeData) -> u32 {
        let address = code as *const CodeData as usize;
        if let Some(&index) = self.python_index.get(&address) {
            return index;
        }
        let index = self.add_function(FunctionIdentity::Python {
            filename: code.code.filename.to_string(),
            line: code.code.first_line,
            name: code.code.name.to_string(),
            qualname: code.code.qualname.to_string(),
        });
        self.python_index.insert(address, index);
        self.code_values.push(code_value);
        index
    }

    fn builtin_function(&mut self, native: &NativeFunctionObject) -> u32 {
        let key = (native.function as usize, native.name.as_ptr() as usize);
        if let Some(&index) = self.builtin_index.get(&key) {
            return index;
        }
        let is_module =
            native.owner == "builtins" || krait_runtime::modules::NAMES.contains(&native.owner);
        let label = if is_module {
            format!("{{built-in method {}.{}}}", native.owner, native.name)
        } else {
            format!("{{method '{}' of '{}' objects}}", native.name, native.owner)
        };
        let index = self.add_function(FunctionIdentity::Builtin { label });
        self.builtin_index.insert(key, index);
        index
    }

    fn enter(&mut self, function: u32, frame_depth: usize, builtin: bool) {
        let now = self.now();
        if let Some(parent) = self.activations.last_mut() {
            if parent.in_compiled {
                parent.compiled += now.saturating_sub(parent.segment_start);
            }
        }
        if let Some(record) = self.functions.get_mut(function as usize) {
            record.recursion_level += 1;
        }
        self.activations.push(Activation {
            function,
            frame_depth,
            builtin,
            started: now,
            children: 0,
            compiled: 0,
            in_compiled: false,
            segment_start: now,
        });
    }

    /// Ends the top activation at `now`.
    fn leave_top(&mut self, now: u64) {
        let Some(activation) = self.activations.pop() else {
            return;
        };
        let total = now.saturating_sub(activation.started);
        let own = total.saturating_sub(activation.children);
        let mut compiled = activation.compiled;
        if activation.in_compiled {
            compiled += now.saturating_sub(activation.segment_start);
        }
        if let Some(record) = self.functions.get_mut(activation.function as usize) {
            record.recursion_level = record.recursion_level.saturating_sub(1);
            let profile = &mut record.profile;
            profile.calls += 1;
            if record.recursion_level == 0 {
                profile.primitive_calls += 1;
                profile.cumulative_nanos += total;
            }
            profile.own_nanos += own;
            profile.compiled_nanos += compiled.min(own);
        }
        if let Some(parent) = self.activations.last_mut() {
            parent.children += total;
            if parent.in_compiled {
                parent.segment_start = now;
            }
        }
    }

    /// A frame was popped, leaving `frame_depth` frames: ends its activation (and any left
    /// above it).
    fn leave_frame(&mut self, frame_depth: usize) {
        let now = self.now();
        while self
            .activations
            .last()
            .is_some_and(|activation| activation.frame_depth > frame_depth)
        {
            self.leave_top(now);
        }
    }

    /// A builtin call made at `frame_depth` returned.
    fn leave_builtin(&mut self, frame_depth: usize) {
        let now = self.now();
        while let Some(activation) = self.activations.last() {
            let done = activation.builtin && activation.frame_depth == frame_depth;
            if activation.frame_depth < frame_depth {
                return;
            }
            self.leave_top(now);
            if done {
                return;
            }
        }
    }

    /// The frame at `frame_depth` starts (`true`) or stops running compiled code.
    fn compiled_boundary(&mut self, frame_depth: usize, entering: bool) {
        let now = self.now();
        let Some(activation) = self.activations.last_mut() else {
            return;
        };
        if activation.frame_depth != frame_depth || activation.builtin {
            return;
        }
        if entering {
            activation.in_compiled = true;
            activation.segment_start = now;
        } else if activation.in_compiled {
            activation.compiled += now.saturating_sub(activation.segment_start);
            activation.in_compiled = false;
        }
    }

    /// The figures so far; activations still running are ended now (a program that ends with
    /// frames still on the stack, e.g. by an internal error).
    pub fn report(&mut self) -> ProfileReport {
        let now = self.now();
        while !self.activations.is_empty() {
            self.leave_top(now);
        }
        ProfileReport {
            functions: self
                .functions
                .iter()
                .map(|record| record.profile.clone())
                .collect(),
            wall_nanos: now,
        }
    }
}

impl Vm {
    /// Turns the profiler on; its clock starts now.
    pub fn enable_profiler(&mut self) {
        self.profiler = Some(Box::default());
        // Inline calls must now take the helpers, which tell the profiler.
        self.refresh_call_limits();
    }

    /// The profile so far (`None` when the profiler is off).
    pub fn profile_report(&mut self) -> Option<ProfileReport> {
        self.profiler.as_mut().map(|profiler| profiler.report())
    }

    /// Hook: the frame for `code` was just pushed (the frame stack is `frame_depth` long).
    #[cold]
    #[inline(never)]
    pub(crate) fn profile_frame_pushed(
        &mut self,
        code_value: Value,
        code: &CodeData,
        frame_depth: usize,
    ) {
        if let Some(profiler) = self.profiler.as_mut() {
            let function = profiler.python_function(code_value, code);
            profiler.enter(function, frame_depth, false);
        }
    }

    /// Hook: a frame was just popped, leaving `frame_depth` frames.
    #[cold]
    #[inline(never)]
    pub(crate) fn profile_frame_popped(&mut self, frame_depth: usize) {
        if let Some(profiler) = self.profiler.as_mut() {
            profiler.leave_frame(frame_depth);
        }
    }

    /// Hook: the top frame enters (`true`) or leaves its compiled code.
    #[cold]
    #[inline(never)]
    pub(crate) fn profile_compiled_boundary(&mut self, entering: bool) {
        let depth = self.frames.len();
        if let Some(profiler) = self.profiler.as_mut() {
            profiler.compiled_boundary(depth, entering);
        }
    }

    /// Hook: the JIT starts (`true`) or finishes compiling a function. The compile is an
    /// activation of its own (`{krait: JIT compile}`), so its time is not counted as the
    /// interpreter's share of the function that triggered it.
    #[cold]
    #[inline(never)]
    pub(crate) fn profile_jit_compile(&mut self, starting: bool) {
        let depth = self.frames.len();
        let Some(profiler) = self.profiler.as_mut() else {
            return;
        };
        if starting {
            let function = match profiler.builtin_index.get(&(0, 0)) {
                Some(&index) => index,
                None => {
                    let index = profiler.add_function(FunctionIdentity::Builtin {
                        label: JIT_COMPILE_LABEL.to_owned(),
                    });
                    profiler.builtin_index.insert((0, 0), index);
                    index
                }
            };
            profiler.enter(function, depth, true);
        } else {
            profiler.leave_builtin(depth);
        }
    }

    /// A call of a non-Python callable with the arguments on the stack, profiled as an
    /// activation when it is a builtin function.
    #[cold]
    #[inline(never)]
    pub(crate) fn call_native_profiled(
        &mut self,
        callable: Value,
        arguments_start: usize,
        keyword_names: &[Value],
    ) -> krait_runtime::PyResult<Value> {
        let native = match callable.as_object().map(|object| &object.payload) {
            Some(Payload::NativeFunction(native)) => native,
            _ => return self.call_from_stack(callable, arguments_start, keyword_names),
        };
        let depth = self.frames.len();
        if let Some(profiler) = self.profiler.as_mut() {
            let function = profiler.builtin_function(native);
            profiler.enter(function, depth, true);
        }
        let result = self.call_from_stack(callable, arguments_start, keyword_names);
        if let Some(profiler) = self.profiler.as_mut() {
            profiler.leave_builtin(depth);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn python(name: &str) -> FunctionIdentity {
        FunctionIdentity::Python {
            filename: "t.py".into(),
            line: 1,
            name: name.into(),
            qualname: name.into(),
        }
    }

    #[test]
    fn recursion_counts_primitive_calls_once() {
        let mut profiler = Profiler::new();
        let fib = profiler.add_function(python("fib"));
        // fib(2) → fib(1), fib(0)
        profiler.enter(fib, 1, false);
        profiler.enter(fib, 2, false);
        profiler.leave_frame(1);
        profiler.enter(fib, 2, false);
        profiler.leave_frame(1);
        profiler.leave_frame(0);
        let report = profiler.report();
        let profile = &report.functions[0];
        assert_eq!((profile.calls, profile.primitive_calls), (3, 1));
        assert!(profile.own_nanos <= profile.cumulative_nanos);
    }

    #[test]
    fn builtin_activations_end_with_their_call() {
        let mut profiler = Profiler::new();
        let main = profiler.add_function(python("<module>"));
        let len = profiler.add_function(FunctionIdentity::Builtin {
            label: "{built-in method builtins.len}".into(),
        });
        profiler.enter(main, 1, false);
        profiler.enter(len, 1, true);
        profiler.leave_builtin(1);
        profiler.enter(len, 1, true);
        profiler.leave_builtin(1);
        profiler.leave_frame(0);
        let report = profiler.report();
        assert_eq!(report.functions[1].calls, 2);
        assert_eq!(report.functions[0].calls, 1);
        assert_eq!(report.total_calls(), 3);
    }

    #[test]
    fn compiled_time_is_part_of_own_time() {
        let mut profiler = Profiler::new();
        let hot = profiler.add_function(python("hot"));
        profiler.enter(hot, 1, false);
        profiler.compiled_boundary(1, true);
        std::thread::sleep(std::time::Duration::from_millis(2));
        profiler.compiled_boundary(1, false);
        profiler.leave_frame(0);
        let report = profiler.report();
        let profile = &report.functions[0];
        assert!(profile.compiled_nanos > 0);
        assert!(profile.compiled_nanos <= profile.own_nanos);
    }
}
