//! The background code generator: one thread that turns translated functions into machine code
//! while the program goes on in the interpreter.
//!
//! Code generation is most of a compile (register allocation above all) and needs nothing but
//! the IR, so moving it here takes it off the program's own time on a machine with a second
//! core. Results come back over a channel; an atomic count of finished jobs lets the
//! interpreter ask "anything to install?" with one load wherever it waits for a compile.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;

use cranelift_codegen::ir;
use cranelift_codegen::isa::OwnedTargetIsa;
use cranelift_codegen::Context;
use cranelift_module::FuncId;

use crate::compiler::{generate, MachineCode, Ticket};

/// A function to generate code for.
pub(crate) struct Job {
    pub(crate) ticket: Ticket,
    pub(crate) function_id: FuncId,
    // Boxed: a function is large, and it is moved through the channel.
    pub(crate) function: Box<ir::Function>,
}

/// A job's result.
pub(crate) struct Done {
    pub(crate) ticket: Ticket,
    pub(crate) result: Result<MachineCode, String>,
}

/// The main thread's end of the worker.
pub(crate) struct Worker {
    jobs: Sender<Job>,
    results: Receiver<Done>,
    /// Results sent and not yet taken: counted before each is sent, so a taker never sees more
    /// results than the count says.
    ready: Arc<AtomicUsize>,
}

impl Worker {
    /// Starts the thread; it ends when the `Worker` is dropped (its job channel closes).
    pub(crate) fn start(isa: OwnedTargetIsa) -> Result<Worker, String> {
        let (jobs, job_receiver) = mpsc::channel::<Job>();
        let (result_sender, results) = mpsc::channel::<Done>();
        let ready = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&ready);
        std::thread::Builder::new()
            .name("krait-jit".into())
            .spawn(move || {
                let mut context = Context::new();
                while let Ok(job) = job_receiver.recv() {
                    let Job {
                        ticket,
                        function_id,
                        function,
                    } = job;
                    // A panic in Cranelift fails this compile, not the program: the code
                    // stays interpreted.
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        generate(&mut context, &*isa, *function, function_id)
                    }))
                    .unwrap_or_else(|_| {
                        context = Context::new();
                        Err("code generation failed".to_owned())
                    });
                    counter.fetch_add(1, Ordering::Release);
                    if result_sender.send(Done { ticket, result }).is_err() {
                        break;
                    }
                }
            })
            .map_err(|error| format!("cannot start the JIT thread: {error}"))?;
        Ok(Worker {
            jobs,
            results,
            ready,
        })
    }

    /// Queues a job; gives it back if the thread has ended.
    pub(crate) fn submit(&self, job: Job) -> Result<(), Job> {
        self.jobs.send(job).map_err(|error| error.0)
    }

    /// Whether results wait to be taken.
    #[inline]
    pub(crate) fn has_results(&self) -> bool {
        self.ready.load(Ordering::Acquire) > 0
    }

    /// The results that have arrived.
    pub(crate) fn take_results(&self) -> Vec<Done> {
        let results: Vec<Done> = self.results.try_iter().collect();
        self.ready.fetch_sub(results.len(), Ordering::AcqRel);
        results
    }
}
