//! krait's virtual machine: frames on one contiguous stack, the interpreter loop, calls,
//! exceptions with CPython's tracebacks, generators, and the import system with its bytecode
//! cache.
//!
//! - [`frame`]: the frame record and stack layout;
//! - [`interpreter`]: the dispatch loop (one arm per opcode of the compiler's table);
//! - [`call`]: argument binding and pushing frames;
//! - [`unwind`]: exception propagation through the exception tables;
//! - [`traceback`]: printing uncaught exceptions as CPython does;
//! - [`generator`]: suspending and resuming generator frames;
//! - [`import`]: imports, modules and packages, `__pycache__`, and running `__main__`;
//! - [`interactive`]: the session namespace and prompts of the interactive prompt;
//! - [`threads`]: OS threads under the global interpreter lock;
//! - [`profiler`]: `--profile`'s per-function calls and times, fed by the frame push/pop hooks;
//! - [`observe`]: what `krait explain` records besides (compiles, deopts, cache use, hot lines).

#![deny(missing_docs)]

mod arithmetic;
pub mod call;
mod construct_exception;
pub mod coroutine;
pub mod detached_generator;
pub mod frame;
pub mod generator;
pub mod host;
pub mod import;
pub mod instructions;
pub mod interactive;
pub mod interpreter;
pub mod jit;
pub mod matching;
pub mod observe;
pub mod operations;
pub mod profiler;
pub mod safepoint;
mod stack_cursor;
pub mod threads;
pub mod traceback;
pub mod unwind;

use std::collections::HashMap;
use std::rc::Rc;

use krait_compiler::CodeObject;
use krait_runtime::{PyErr, PyResult, Runtime, Value};

use crate::frame::Frame;

/// The most Rust-level nestings of the run loop (Python code called from builtins that were
/// called from Python code…) before RecursionError, so the native stack cannot overflow.
pub const NATIVE_DEPTH_LIMIT: usize = 2000;

/// The VM stack's capacity in values, reserved up front (address space only: the pages are
/// touched as the stack grows). The stack never moves, so compiled code can hold pointers into
/// it; a frame that would not fit raises RecursionError.
pub const STACK_CAPACITY: usize = 1 << 24;

/// Values kept free at the top of the VM stack for the pushes an instruction makes beyond its
/// frame's computed maximum depth (call arguments from Rust code).
pub const STACK_MARGIN: usize = 256;

/// The virtual machine: the runtime plus the execution stack.
pub struct Vm {
    /// Shared runtime state (heap, types, builtins).
    pub runtime: Runtime,
    /// The value stack shared by every frame.
    pub stack: Vec<Value>,
    /// The frames, innermost last.
    pub frames: Vec<Frame>,
    /// The exception being handled (`sys.exc_info()`), or NULL.
    pub handled_exception: Value,
    /// How many run loops are active on the native stack.
    pub native_depth: usize,
    /// Source text by file name, for traceback lines.
    pub sources: HashMap<String, Rc<str>>,
    /// How imports find modules and use the bytecode cache (set by the command line).
    pub imports: import::ImportOptions,
    /// The JIT, when it is on.
    pub jit: Option<Box<jit::JitRuntime>>,
    /// Nested compiled frames on the native stack.
    pub jit_depth: usize,
    /// The limits inline calls in compiled code check, precomputed (`jit/call_layout.rs`).
    pub(crate) call_limits: jit::CallLimits,
    /// Why compiled code last left early (set by the helpers).
    pub(crate) jit_exit: Option<jit::JitExit>,
    /// The compiled generator frame running on its saved buffer, if any
    /// (`detached_generator.rs`).
    pub(crate) detached: detached_generator::DetachedRun,
    /// Interrupt polling and the instruction budget (`safepoint.rs`).
    pub safepoints: safepoint::SafepointState,
    /// The GIL and the states of the threads not running (`threads.rs`).
    pub threads: threads::Threads,
    /// The profiler (`--profile`, `krait explain`), when it is on.
    pub profiler: Option<Box<profiler::Profiler>>,
    /// The recorder behind `krait explain`, when it is on.
    pub observer: Option<Box<observe::Observer>>,
    /// Plain classes and their `__init__`, for the interpreter's construction fast path.
    pub(crate) constructors: call::ConstructorCache,
    /// The same for Python subclasses of exception classes (`construct_exception.rs`).
    pub(crate) exception_constructors: call::ConstructorCache,
}

impl Vm {
    /// A VM with a fresh runtime; `argv` becomes `sys.argv`.
    pub fn new(argv: Vec<String>) -> Vm {
        let mut runtime = Runtime::new();
        runtime.argv = argv;
        Vm {
            runtime,
            stack: Vec::with_capacity(STACK_CAPACITY),
            frames: Vec::new(),
            handled_exception: Value::NULL,
            native_depth: 0,
            sources: HashMap::new(),
            imports: import::ImportOptions::default(),
            jit: None,
            jit_depth: 0,
            call_limits: jit::CallLimits::default(),
            jit_exit: None,
            detached: detached_generator::DetachedRun::default(),
            safepoints: safepoint::SafepointState::default(),
            threads: threads::Threads::default(),
            profiler: None,
            observer: None,
            constructors: call::ConstructorCache::default(),
            exception_constructors: call::ConstructorCache::default(),
        }
    }

    /// Runs a compiled module as `__main__`; returns the uncaught exception, if any.
    pub fn run_main(&mut self, code: &Rc<CodeObject>, source: &str) -> Result<(), PyErr> {
        // CPython shows no source lines for `-c` code and standard input.
        if !code.filename.starts_with('<') {
            self.sources
                .insert(code.filename.to_string(), Rc::from(source));
        }
        let runtime = &mut self.runtime;
        let module = runtime.new_module("__main__");
        runtime.register_module("__main__", module);
        let Some(krait_runtime::object::Payload::Module { dict: globals, .. }) =
            module.as_object().map(|object| &object.payload)
        else {
            return Ok(());
        };
        let globals = *globals;
        let builtins_name = runtime.names.__builtins__;
        let builtins_module = runtime.new_module("builtins");
        if let Some(krait_runtime::object::Payload::Module { dict, .. }) =
            builtins_module.as_object().map(|object| &object.payload)
        {
            // The builtins module shares the builtins namespace.
            let _ = dict;
        }
        krait_runtime::types::dict::set_str_key(runtime, globals, builtins_name, builtins_module);
        let file_name = runtime.names.__file__;
        let file_value = runtime.new_str(&code.filename);
        krait_runtime::types::dict::set_str_key(runtime, globals, file_name, file_value);
        let code_value = krait_runtime::loader::load_code(runtime, code);
        self.run_code(code_value, globals, globals).map(|_| ())
    }

    /// Runs a module or class body `code` with the given namespaces until it returns.
    pub fn run_code(
        &mut self,
        code_value: Value,
        globals: Value,
        locals: Value,
    ) -> PyResult<Value> {
        let Some(code) = krait_runtime::loader::code_data(code_value) else {
            return Ok(Value::NONE);
        };
        let base = self.stack.len();
        let slots = code.code.varnames.len() + code.code.cell_count();
        self.ensure_stack_room(slots + code.code.max_stack_depth as usize)?;
        self.stack.resize(base + slots, Value::NULL);
        for index in 0..code.code.cellvars.len() {
            let cell = self
                .runtime
                .heap
                .allocate(krait_runtime::object::Payload::Cell(std::cell::Cell::new(
                    Value::NULL,
                )));
            self.stack[base + code.code.varnames.len() + index] = cell;
        }
        self.push_frame(Frame {
            code,
            code_value,
            function: Value::NULL,
            globals,
            locals,
            base,
            stack_base: base + slots,
            ip: 0,
            return_to: base,
            is_entry: true,
            generator: Value::NULL,
        });
        match self.run_frames()? {
            interpreter::Exit::Return(value) | interpreter::Exit::Yield(value) => Ok(value),
        }
    }

    /// Flushes buffered output; a failure is kept for `Output::finish` to report at exit.
    pub fn flush(&mut self) {
        self.runtime.output.flush_or_defer();
    }

    /// Runs a full collection with the VM's roots: the running thread's stack, frames and
    /// handled exception, and every parked thread's.
    pub fn collect_garbage(&mut self) -> usize {
        let Vm {
            runtime,
            stack,
            frames,
            handled_exception,
            threads,
            profiler,
            observer,
            ..
        } = self;
        let handled = *handled_exception;
        let profiler = profiler.as_deref();
        let observer = observer.as_deref();
        let roots = |visit: &mut dyn FnMut(Value)| {
            stack.iter().for_each(|&value| visit(value));
            frames.iter().for_each(|frame| frame.trace(visit));
            visit(handled);
            threads.trace(visit);
            if let Some(profiler) = profiler {
                profiler.trace(visit);
            }
            if let Some(observer) = observer {
                observer.trace(visit);
            }
        };
        // The runtime's own roots need `runtime` borrowed immutably while the heap is borrowed
        // mutably: collect them first.
        let mut runtime_roots = Vec::new();
        runtime.trace_roots(&mut |value| runtime_roots.push(value));
        runtime.heap.collect(&mut |visit| {
            runtime_roots.iter().for_each(|&value| visit(value));
            roots(visit);
        })
    }
}
