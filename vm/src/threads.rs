//! Python threads: real OS threads that take turns running Python code under a global
//! interpreter lock (GIL), as in CPython.
//!
//! The runtime is not thread-safe (`Rc`, the heap, `Cell`s everywhere), and compiled code and
//! the interpreter keep raw pointers into the VM stack. Rather than make every object
//! thread-safe, krait has one `Vm`, and one invariant:
//!
//! **Only the thread holding the GIL touches the `Vm` (or any Python object).**
//!
//! Each thread has its own execution state — the value stack (its own reserved allocation,
//! which never moves), the frames, the exception being handled, the nesting counters and the
//! runtime's stack of explicit roots: a [`ThreadState`]. The running thread's state lives in
//! the `Vm`'s own fields, so the interpreter's hot paths are unchanged; when a thread lets go
//! of the GIL it *parks* its state in [`Threads`] (moving the `Vec` headers, not the stack
//! memory, so pointers into it stay valid), and the thread taking the GIL installs its own.
//! The collector treats every parked state as roots, so a collection in one thread keeps
//! what the others are using alive.
//!
//! Other threads reach the `Vm` through [`VmPointer`], the one place the invariant is turned
//! into an `unsafe` dereference. Threads switch only at safepoints (when another thread has
//! waited a switch interval; see [`gil`]) and around blocking calls ([`Vm::allow_threads`]),
//! which is also where the runtime's rooting rule already requires every value held by Rust
//! code to be rooted.
//!
//! Ctrl-C is for the main thread (the one that created the `Vm`), as in CPython: other
//! threads leave an interrupt request pending, and the main thread raises it when it next
//! holds the GIL, or when its blocking wait notices it.

pub mod gil;
mod spawn;

use std::sync::Arc;

use krait_runtime::{signals, Value};

use crate::frame::Frame;
use crate::jit::JitExit;
use crate::Vm;

pub use gil::Gil;

/// The native stack of every thread that runs Python code: large, so deep recursion through
/// builtins (which `NATIVE_DEPTH_LIMIT` bounds) never exhausts it before RecursionError. The
/// command line runs the main interpreter thread with it too.
pub const INTERPRETER_STACK_BYTES: usize = 512 << 20;

/// The key of the main thread's state.
const MAIN_THREAD: u64 = 0;

/// One thread's execution state (see the module documentation); the running thread's is in
/// the `Vm`'s fields.
pub(crate) struct ThreadState {
    stack: Vec<Value>,
    frames: Vec<Frame>,
    handled_exception: Value,
    native_depth: usize,
    jit_depth: usize,
    jit_exit: Option<JitExit>,
    /// The detached generator run and relocation (`detached_generator.rs`).
    detached: crate::detached_generator::DetachedRun,
    roots: Vec<Value>,
    /// The thread's current `contextvars.Context` (`Runtime::thread_context`), or NULL.
    context: Value,
    /// The profiler's activations of this thread's frames (empty when it is off).
    profile: crate::profiler::ActivationStack,
    /// A new thread's first call: function, argument tuple, keyword dict (or NULL).
    start: Option<[Value; 3]>,
}

impl ThreadState {
    /// A state with nothing in it (what the `Vm` holds while no thread runs).
    fn empty() -> ThreadState {
        ThreadState {
            stack: Vec::new(),
            frames: Vec::new(),
            handled_exception: Value::NULL,
            native_depth: 0,
            jit_depth: 0,
            jit_exit: None,
            detached: crate::detached_generator::DetachedRun::default(),
            roots: Vec::new(),
            context: Value::NULL,
            profile: crate::profiler::ActivationStack::default(),
            start: None,
        }
    }

    /// Swaps this state with the one installed in `vm`.
    fn swap_with(&mut self, vm: &mut Vm) {
        std::mem::swap(&mut self.stack, &mut vm.stack);
        std::mem::swap(&mut self.frames, &mut vm.frames);
        std::mem::swap(&mut self.handled_exception, &mut vm.handled_exception);
        std::mem::swap(&mut self.native_depth, &mut vm.native_depth);
        std::mem::swap(&mut self.jit_depth, &mut vm.jit_depth);
        std::mem::swap(&mut self.jit_exit, &mut vm.jit_exit);
        std::mem::swap(&mut self.detached, &mut vm.detached);
        vm.runtime.swap_root_stack(&mut self.roots);
        std::mem::swap(&mut self.context, &mut vm.runtime.thread_context);
        // The profiler's activations follow the frames they describe.
        if let Some(profiler) = vm.profiler.as_mut() {
            profiler.swap_activations(&mut self.profile);
        }
        // The installed stacks are another thread's: another capacity and address.
        vm.refresh_call_limits();
    }

    /// Visits every value the state keeps alive.
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.stack.iter().for_each(|&value| visit(value));
        self.frames.iter().for_each(|frame| frame.trace(visit));
        visit(self.handled_exception);
        match &self.jit_exit {
            Some(JitExit::Error(error)) => visit(error.exception),
            Some(JitExit::Yield(value)) => visit(*value),
            _ => {}
        }
        self.roots.iter().for_each(|&value| visit(value));
        visit(self.context);
        self.start.iter().flatten().for_each(|&value| visit(value));
    }
}

/// The `Vm`'s threads: the GIL, the parked states of the threads not running, and who runs.
pub struct Threads {
    gil: Arc<Gil>,
    /// The states of threads waiting for the GIL or blocked without it, by key.
    parked: Vec<(u64, ThreadState)>,
    /// The key of the thread holding the GIL (`MAIN_THREAD` for the main thread).
    current: u64,
    next_key: u64,
    /// Threads started and not yet finished (`_thread._count()`).
    running: usize,
    /// Whether a thread was ever started: until then the GIL is never released.
    started: bool,
    /// Set at exit: the main thread keeps the GIL for good.
    finalized: bool,
    /// Modules being imported (their bodies running), with the thread importing each.
    importing: Vec<(String, u64)>,
    /// Threads waiting for another thread's import to finish, with the module they wait for.
    waiting_for_import: Vec<(u64, String)>,
}

impl Default for Threads {
    fn default() -> Self {
        Threads {
            gil: Arc::new(Gil::new_held()),
            parked: Vec::new(),
            current: MAIN_THREAD,
            next_key: MAIN_THREAD + 1,
            running: 0,
            started: false,
            finalized: false,
            importing: Vec::new(),
            waiting_for_import: Vec::new(),
        }
    }
}

impl Threads {
    /// Whether the thread holding the GIL is the main thread.
    #[inline]
    pub fn is_main(&self) -> bool {
        self.current == MAIN_THREAD
    }

    /// Threads started and still running.
    pub fn running(&self) -> usize {
        self.running
    }

    /// The GIL.
    pub fn gil(&self) -> &Gil {
        &self.gil
    }

    /// Whether releasing the GIL could let another thread run.
    #[inline]
    fn switching(&self) -> bool {
        self.started && !self.finalized
    }

    /// Visits every value the parked threads keep alive (the collector's extra roots).
    pub(crate) fn trace(&self, visit: &mut dyn FnMut(Value)) {
        for (_, state) in &self.parked {
            state.trace(visit);
        }
    }
}

/// A pointer to the one `Vm`, for threads other than the one that made it.
///
/// The invariant it stands for: **it is dereferenced only by the thread holding the GIL**, and
/// the `&mut Vm` it gives is not used after that thread releases the GIL. The `Vm` outlives
/// every thread that can take the GIL: the main thread finalizes the GIL before the `Vm` is
/// dropped, and never moves the `Vm` after starting a thread.
#[derive(Clone, Copy)]
pub(crate) struct VmPointer(*mut Vm);

// SAFETY: the pointer is only dereferenced under the invariant above: one thread at a time,
// each hand-over ordered by the GIL's mutex (its release and acquire synchronize).
unsafe impl Send for VmPointer {}

impl VmPointer {
    /// Captures the `Vm`'s address. `black_box` makes the compiler treat the pointer as
    /// escaped, so it cannot assume that code running while the GIL is released (another
    /// thread) leaves the `Vm` unchanged.
    fn new(vm: &mut Vm) -> VmPointer {
        VmPointer(std::hint::black_box(vm as *mut Vm))
    }

    /// The `Vm`.
    ///
    /// # Safety
    /// The calling thread holds the GIL, and drops the reference before releasing it.
    unsafe fn get<'a>(self) -> &'a mut Vm {
        // SAFETY: see the function's contract and the type's invariant.
        unsafe { &mut *self.0 }
    }
}

/// Parks the calling thread's state and releases the GIL; returns the thread's key, for
/// [`reacquire`].
///
/// # Safety
/// The calling thread holds the GIL.
unsafe fn release(vm: VmPointer) -> (u64, Arc<Gil>) {
    // SAFETY: the caller holds the GIL (passed on); `park` is done with the `Vm` on return.
    let (key, gil) = unsafe { park(vm) };
    gil.release();
    (key, gil)
}

/// Moves the calling thread's state out of the `Vm` into the parked states, before the GIL is
/// released; returns the thread's key and the GIL.
///
/// # Safety
/// The calling thread holds the GIL.
unsafe fn park(vm: VmPointer) -> (u64, Arc<Gil>) {
    // SAFETY: the caller holds the GIL; the reference does not outlive this function.
    let vm = unsafe { vm.get() };
    let key = vm.threads.current;
    let mut state = ThreadState::empty();
    state.swap_with(vm);
    vm.threads.parked.push((key, state));
    (key, vm.threads.gil.clone())
}

/// Takes the GIL and installs the state of the thread `key` parked.
///
/// # Safety
/// The calling thread does not hold the GIL; `key` is its own.
unsafe fn reacquire(vm: VmPointer, gil: &Gil, key: u64) {
    gil.acquire();
    // SAFETY: the GIL is held now.
    let vm = unsafe { vm.get() };
    let _ = install(vm, key);
}

/// Installs the parked state of thread `key` into the `Vm` (whose fields hold an empty state
/// while nobody runs); returns a new thread's first call, which the caller roots at once.
fn install(vm: &mut Vm, key: u64) -> Option<[Value; 3]> {
    let mut start = None;
    if let Some(position) = vm
        .threads
        .parked
        .iter()
        .position(|(parked, _)| *parked == key)
    {
        let (_, mut state) = vm.threads.parked.swap_remove(position);
        state.swap_with(vm);
        start = state.start.take();
    }
    vm.threads.current = key;
    // A Ctrl-C seen by another thread's safepoint was left for the main thread.
    if key == MAIN_THREAD && signals::interrupt_pending() {
        signals::request_safepoint();
    }
    start
}

impl Vm {
    /// Records that the running thread starts executing module `name`'s body.
    pub(crate) fn begin_import(&mut self, name: &str) {
        if self.threads.started {
            let current = self.threads.current;
            self.threads.importing.push((name.to_owned(), current));
        }
    }

    /// Records that the running thread finished importing module `name`.
    pub(crate) fn end_import(&mut self, name: &str) {
        let current = self.threads.current;
        if let Some(position) = self
            .threads
            .importing
            .iter()
            .rposition(|(module, thread)| module == name && *thread == current)
        {
            self.threads.importing.remove(position);
        }
    }

    /// Before using module `name` found in `sys.modules`: if another thread is still running
    /// its body, waits (without the GIL) until it has finished, as CPython's per-module import
    /// locks do, so a thread never sees a half-initialized module. When waiting would
    /// deadlock (that thread waits, directly or not, for a module this one is importing), the
    /// module is used as it is, as in CPython.
    pub(crate) fn wait_for_import(&mut self, name: &str) {
        if !self.threads.started {
            return;
        }
        let current = self.threads.current;
        loop {
            let owner = self
                .threads
                .importing
                .iter()
                .find(|(module, _)| module == name)
                .map(|(_, thread)| *thread);
            match owner {
                Some(owner) if owner != current && !self.import_would_deadlock(owner) => {}
                _ => return,
            }
            self.threads
                .waiting_for_import
                .push((current, name.to_owned()));
            self.allow_threads(|| std::thread::sleep(std::time::Duration::from_millis(1)));
            if let Some(position) = self
                .threads
                .waiting_for_import
                .iter()
                .position(|(thread, _)| *thread == current)
            {
                self.threads.waiting_for_import.remove(position);
            }
        }
    }

    /// Whether `owner` waits, through a chain of imports, for one the running thread holds.
    fn import_would_deadlock(&self, owner: u64) -> bool {
        let current = self.threads.current;
        let mut thread = owner;
        for _ in 0..=self.threads.waiting_for_import.len() {
            let Some((_, module)) = self
                .threads
                .waiting_for_import
                .iter()
                .find(|(waiter, _)| *waiter == thread)
            else {
                return false;
            };
            let Some(&(_, holder)) = self
                .threads
                .importing
                .iter()
                .find(|(name, _)| name == module)
            else {
                return false;
            };
            if holder == current {
                return true;
            }
            thread = holder;
        }
        false
    }

    /// Runs `blocking` with the GIL released, so other threads run Python code meanwhile: the
    /// one way native code lets them in around a sleep, a lock wait, a read or a `select`.
    ///
    /// `blocking` must not touch the `Vm`, the runtime or any Python object: until it returns,
    /// another thread owns them. Copy what it needs out first (plain Rust data, or an `Arc`),
    /// and keep the Python values needed afterwards rooted (on the VM stack or with
    /// `Runtime::push_root`): another thread may collect garbage meanwhile. With no other
    /// thread started, it simply runs. Native code in the runtime crate reaches it through
    /// `krait_runtime::allow_threads(host, || …)`.
    pub fn allow_threads<R>(&mut self, blocking: impl FnOnce() -> R) -> R {
        if !self.threads.switching() {
            return blocking();
        }
        let vm = VmPointer::new(self);
        // SAFETY: this thread holds the GIL (it has `&mut Vm`), and uses `self` again only
        // after `reacquire` has taken the GIL back.
        let (key, gil) = unsafe { release(vm) };
        let result = blocking();
        // SAFETY: the GIL was released above; `key` is this thread's.
        unsafe { reacquire(vm, &gil, key) };
        result
    }

    /// At a safepoint where another thread asked for the GIL: lets it run, and returns once
    /// this thread has the GIL back.
    #[cold]
    pub(crate) fn yield_gil(&mut self) {
        if !self.threads.switching() {
            return;
        }
        let vm = VmPointer::new(self);
        // SAFETY: as in `allow_threads`; `yield_to_waiter` releases the GIL, waits until a
        // waiter has taken it, and takes it back.
        unsafe {
            let (key, gil) = park(vm);
            gil.yield_to_waiter();
            let vm = vm.get();
            let _ = install(vm, key);
        }
    }

    /// At exit, before the `atexit` handlers (as CPython): waits for the non-daemon threads
    /// `threading` started (`threading._shutdown()`), when `threading` was imported. A failure
    /// (Ctrl-C while waiting) is reported and the exit goes on.
    pub fn shutdown_threads(&mut self) {
        if !self.threads.started {
            return;
        }
        let Some(module) = self.sys_modules_get("threading") else {
            return;
        };
        let mark = self.runtime.root_mark();
        self.runtime.push_root(module);
        let name = self.runtime.intern("_shutdown");
        let shutdown = krait_runtime::protocol::attribute::find_attribute(self, module, name);
        if let Ok(Some(shutdown)) = shutdown {
            if let Err(error) = krait_runtime::protocol::call(self, shutdown, &[], &[]) {
                self.runtime.push_root(error.exception);
                self.flush();
                let report = self.format_exception(error.exception);
                let _ = self.runtime.output.write(
                    krait_runtime::stream::TextStream::Stderr,
                    &format!("Exception ignored in: <module 'threading'>\n{report}"),
                );
            }
        }
        self.runtime.pop_roots(mark);
    }

    /// Keeps the GIL with the main thread for good, at exit: daemon threads never run again.
    pub fn finalize_threads(&mut self) {
        self.threads.finalized = true;
        self.threads.gil.finalize();
    }
}
