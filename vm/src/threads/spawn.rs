//! Starting a thread (`_thread.start_new_thread`) and what the new OS thread does: take the
//! GIL, make the call, report an uncaught exception as CPython does, and leave.

use std::os::unix::thread::JoinHandleExt;
use std::sync::Arc;

use krait_runtime::stream::TextStream;
use krait_runtime::{protocol, PyResult, Value};

use super::{Gil, ThreadState, VmPointer, INTERPRETER_STACK_BYTES};
use crate::Vm;

impl Vm {
    /// Starts an OS thread that calls `function(*arguments, **keywords)` (`keywords` a dict or
    /// NULL) once it gets the GIL; returns its identifier (its pthread handle, what
    /// `_thread.get_ident()` says in it).
    pub fn start_thread(
        &mut self,
        function: Value,
        arguments: Value,
        keywords: Value,
    ) -> PyResult<u64> {
        // The thread's value stack, reserved here (address space only, as the main
        // thread's) so that a failure is the caller's RuntimeError, not an abort.
        let mut stack: Vec<Value> = Vec::new();
        if stack.try_reserve_exact(crate::STACK_CAPACITY).is_err() {
            return Err(self.runtime.runtime_error("can't start new thread"));
        }
        let key = self.threads.next_key;
        self.threads.next_key += 1;
        // Parked from the start, so the collector sees the call's values until it is made.
        let mut state = ThreadState::empty();
        state.start = Some([function, arguments, keywords]);
        self.threads.parked.push((key, state));
        self.threads.started = true;
        self.threads.running += 1;
        let vm = VmPointer::new(self);
        let gil = self.threads.gil.clone();
        let spawned = std::thread::Builder::new()
            .stack_size(INTERPRETER_STACK_BYTES)
            .spawn(move || thread_main(vm, gil, key, stack));
        match spawned {
            // Dropping the handle detaches the thread; `threading` joins through its locks.
            // `pthread_t` is an integer on Linux and a pointer on other systems.
            #[allow(clippy::unnecessary_cast)]
            Ok(handle) => Ok(handle.as_pthread_t() as u64),
            Err(_) => {
                self.threads.parked.retain(|(parked, _)| *parked != key);
                self.threads.running -= 1;
                Err(self.runtime.runtime_error("can't start new thread"))
            }
        }
    }

    /// The new thread's call, with the GIL held; reports an uncaught exception.
    fn run_thread_call(&mut self, start: [Value; 3]) {
        let [function, arguments, keywords] = start;
        let mark = self.runtime.root_mark();
        start
            .iter()
            .for_each(|&value| self.runtime.push_root(value));
        let mut values: Vec<Value> = krait_runtime::types::tuple::items(arguments)
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        let mut names = Vec::new();
        if !keywords.is_null() {
            for (name, value) in krait_runtime::types::dict::pairs(keywords) {
                names.push(name);
                values.push(value);
            }
        }
        let result = if names
            .iter()
            .all(|&name| protocol::str_value(name).is_some())
        {
            protocol::call(self, function, &values, &names)
        } else {
            Err(self.runtime.type_error("keywords must be strings"))
        };
        if let Err(error) = result {
            self.report_thread_exception(function, error.exception);
        }
        self.runtime.pop_roots(mark);
    }

    /// CPython's report of an exception that ended a thread started by `start_new_thread`
    /// (`threading.Thread` catches its own and reports through `threading.excepthook`); a
    /// `SystemExit` just ends the thread.
    fn report_thread_exception(&mut self, function: Value, exception: Value) {
        let system_exit = self.runtime.types.system_exit;
        if protocol::is_instance(&self.runtime, exception, system_exit) {
            return;
        }
        self.runtime.push_root(exception);
        let described = protocol::repr_string(self, function).unwrap_or_default();
        let report = self.format_exception(exception);
        let _ = self.runtime.output.write(
            TextStream::Stderr,
            &format!("Exception ignored in thread started by: {described}\n{report}"),
        );
    }
}

/// The body of a Python thread.
fn thread_main(vm: VmPointer, gil: Arc<Gil>, key: u64, stack: Vec<Value>) {
    gil.acquire();
    // SAFETY: this thread holds the GIL from here to the release at the end, and `vm` is not
    // used after it.
    let vm = unsafe { vm.get() };
    let start = super::install(vm, key);
    vm.stack = stack;
    vm.refresh_call_limits();
    if let Some(start) = start {
        vm.run_thread_call(start);
    }
    vm.threads.running -= 1;
    // The thread's state goes; the `Vm` holds an empty one until the next thread installs.
    let mut state = ThreadState::empty();
    state.swap_with(vm);
    drop(state);
    gil.release();
}
