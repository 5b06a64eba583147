//! The boundary between the runtime and the interpreter.
//!
//! The runtime owns every builtin, but only the VM can run Python code. Builtins that call
//! back into Python (`sorted(key=f)`, `repr` of a user object, a dunder) do it through the
//! [`Host`] trait, which the VM implements. This keeps the crate dependencies one-way.

use crate::object::SuspendedFrame;
use crate::value::Value;
use crate::{PyResult, Runtime};

/// What the runtime needs from the interpreter.
pub trait Host {
    /// The runtime state.
    fn runtime(&mut self) -> &mut Runtime;

    /// `runtime().recursion_limit` was just changed (`sys.setrecursionlimit`): limits derived
    /// from it must be recomputed before any more Python code runs.
    fn recursion_limit_changed(&mut self) {}

    /// Calls a Python function (a [`crate::object::Payload::Function`]) with vectorcall-style
    /// arguments: `arguments` ends with the values of the keywords named in `keyword_names`.
    fn call_function(
        &mut self,
        function: Value,
        arguments: &[Value],
        keyword_names: &[Value],
    ) -> PyResult<Value>;

    /// Runs a class body function with `namespace` (a dict) as its local namespace; returns
    /// what the body returns (the `__class__` cell or None).
    fn run_class_body(&mut self, function: Value, namespace: Value) -> PyResult<Value>;

    /// Resumes a generator: sends `value` in (or raises `exception` at the yield point when
    /// it is not NULL) and runs until the next `yield` or the end.
    fn resume_generator(
        &mut self,
        generator: Value,
        value: Value,
        exception: Value,
    ) -> PyResult<GeneratorStep>;

    /// The frame of the innermost Python function being run (its function and locals), for
    /// zero-argument `super()`: returns (first argument, `__class__` cell contents).
    fn super_arguments(&mut self) -> PyResult<(Value, Value)>;

    /// Runs a full garbage collection now (`gc.collect()`); returns the objects freed.
    fn collect_garbage(&mut self) -> usize;

    /// The exception currently being handled (`sys.exc_info()`), or NULL.
    fn handled_exception(&mut self) -> Value;

    /// Runs a module-level code value with the given namespaces (`exec`).
    fn run_code(&mut self, code: Value, globals: Value, locals: Value) -> PyResult<Value>;

    /// The innermost Python frame's global namespace and its local namespace: the namespace
    /// dict of a module or class body, or a new dict snapshot of a function's locals.
    fn frame_namespaces(&mut self) -> PyResult<(Value, Value)>;

    /// The Python frames being run, innermost first, skipping the innermost `depth` (for
    /// `sys._getframe`); empty when there are not that many.
    fn frame_records(&mut self, depth: usize) -> PyResult<Vec<FrameRecord>> {
        let _ = depth;
        Ok(Vec::new())
    }

    /// Imports the module with this absolute dotted name (importing its parent packages
    /// first) and returns it, as `importlib.import_module` does once a relative name is
    /// resolved.
    fn import_module(&mut self, name: &str) -> PyResult<Value>;

    /// Runs `blocking` with the global interpreter lock released, so other Python threads run
    /// while this one sleeps, waits for a lock or reads. `blocking` must not touch Python
    /// objects or the runtime: until it returns, another thread owns them. Native code calls
    /// the typed wrapper [`allow_threads`]. Without threads, `blocking` just runs.
    fn allow_threads(&mut self, blocking: &mut dyn FnMut()) {
        blocking();
    }

    /// Whether the calling thread is the main thread, the one Ctrl-C interrupts.
    fn is_main_thread(&mut self) -> bool {
        true
    }

    /// Starts an OS thread that calls `function(*arguments, **keywords)` (`arguments` a tuple,
    /// `keywords` a dict or NULL); returns the new thread's identifier (its `get_ident()`).
    fn start_thread(
        &mut self,
        function: Value,
        arguments: Value,
        keywords: Value,
    ) -> PyResult<u64> {
        let _ = (function, arguments, keywords);
        Err(self.runtime().runtime_error("can't start new thread"))
    }

    /// How many threads `start_thread` started are still running (`_thread._count()`).
    fn thread_count(&mut self) -> usize {
        0
    }

    /// How long a thread runs before one waiting for the interpreter lock asks for it, in
    /// seconds (`sys.getswitchinterval()`).
    fn switch_interval(&mut self) -> f64 {
        0.005
    }

    /// Sets the switch interval (`sys.setswitchinterval`), already checked to be positive.
    fn set_switch_interval(&mut self, seconds: f64) {
        let _ = seconds;
    }

    /// The report CPython prints for an uncaught exception: the traceback and the exception
    /// line(s), as `sys.excepthook` writes them.
    fn format_exception(&mut self, exception: Value) -> String {
        let _ = exception;
        String::new()
    }
}

/// Runs `blocking` with the global interpreter lock released and returns its result (see
/// [`Host::allow_threads`]: `blocking` must not touch Python objects or the runtime). Values
/// the caller needs afterwards must be rooted, since other threads may collect garbage.
pub fn allow_threads<R>(host: &mut dyn Host, blocking: impl FnOnce() -> R) -> R {
    let mut blocking = Some(blocking);
    let mut result = None;
    host.allow_threads(&mut || {
        if let Some(blocking) = blocking.take() {
            result = Some(blocking());
        }
    });
    match (result, blocking) {
        (Some(result), _) => result,
        // A host that did not call the closure: run it here, with the lock held.
        (None, Some(blocking)) => blocking(),
        (None, None) => unreachable!("the closure ran but left no result"),
    }
}

/// A snapshot of one running Python frame (see [`Host::frame_records`]).
#[derive(Clone, Copy, Debug)]
pub struct FrameRecord {
    /// The code value being run.
    pub code: Value,
    /// The global namespace.
    pub globals: Value,
    /// The local namespace (a snapshot dict for function frames).
    pub locals: Value,
    /// The line being run.
    pub line: u32,
}

/// What a generator did when resumed.
#[derive(Clone, Copy, Debug)]
pub enum GeneratorStep {
    /// It yielded this value.
    Yielded(Value),
    /// It returned this value (StopIteration's value).
    Returned(Value),
}

/// A suspended frame handed from the VM to a generator object and back.
pub type Frame = SuspendedFrame;

/// Arguments of a call in vectorcall form: `values` ends with the values of the keyword
/// arguments named (in order) by `keyword_names`.
#[derive(Clone, Copy, Debug)]
pub struct Arguments<'a> {
    /// Positional values then keyword values.
    pub values: &'a [Value],
    /// Names (strs) of the trailing keyword values.
    pub keyword_names: &'a [Value],
}

impl<'a> Arguments<'a> {
    /// Positional-only arguments.
    pub fn positional(values: &'a [Value]) -> Arguments<'a> {
        Arguments {
            values,
            keyword_names: &[],
        }
    }

    /// The positional values.
    pub fn positionals(&self) -> &'a [Value] {
        &self.values[..self.values.len() - self.keyword_names.len()]
    }

    /// The keyword (name, value) pairs.
    pub fn keywords(&self) -> impl Iterator<Item = (Value, Value)> + 'a {
        let start = self.values.len() - self.keyword_names.len();
        self.keyword_names
            .iter()
            .copied()
            .zip(self.values[start..].iter().copied())
    }
}
