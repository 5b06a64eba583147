//! The compile pipeline in three steps, so that the slow one can leave the main thread.
//!
//! 1. **Translate** (main thread): bytecode plus feedback to Cranelift IR. It reads the
//!    interpreter's state — profiles, globals, attribute caches, classes — which only the
//!    thread holding the GIL may read, and it is cheap (~3 % of a compile).
//! 2. **Generate** (any thread): Cranelift's instruction selection and register allocation,
//!    nearly all of a compile's time. It reads only the IR, which names heap objects as plain
//!    addresses, so it runs on the background worker (`worker.rs`) while the program goes on
//!    in the interpreter.
//! 3. **Install** (main thread): the machine code copied into executable pages of the module,
//!    which the main thread owns; the vm then points the code's profile at it.
//!
//! Nothing the machine code names can go stale between translating and installing in a way
//! that running it later could not: every folded global, class and method is behind the same
//! epoch and shape checks as when compilation was synchronous (compiled code always outlives
//! the state it was made for), and the classes it names are rooted by the code's profile.

use std::collections::HashMap;
use std::time::Instant;

use cranelift_codegen::control::ControlPlane;
use cranelift_codegen::ir::{self, types, AbiParam, UserFuncName};
use cranelift_codegen::isa::{OwnedTargetIsa, TargetIsa};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{FuncId, Linkage, Module, ModuleReloc};
use krait_runtime::object::CodeData;
use krait_runtime::profile::CompiledEntry;

use crate::worker::{Job, Worker};
use crate::{
    analysis, listing, target, translate, CallTarget, Environment, GlobalSnapshot, Inspect,
};

/// A compiled code object.
pub struct Compiled {
    /// The entry point.
    pub entry: CompiledEntry,
    /// Where the machine code starts.
    pub address: usize,
    /// Machine code size in bytes.
    pub size: usize,
    /// Instructions where the code can be entered.
    pub entries: Vec<usize>,
    /// The first instructions of the exception handlers the code runs itself.
    pub handlers: Vec<usize>,
    /// How many guards (deopt exits) it has.
    pub guards: usize,
    /// Compile time in microseconds (translation plus code generation, on whichever thread).
    pub micros: u128,
    /// The disassembly, when asked for.
    pub assembly: Option<String>,
    /// The Cranelift IR, when asked for.
    pub clif: Option<String>,
}

/// Names one compilation handed to the background worker.
pub type Ticket = u64;

/// A translation whose machine code is being (or has been) generated.
struct Translated {
    function_id: FuncId,
    entries: Vec<usize>,
    handlers: Vec<usize>,
    guards: usize,
    micros: u128,
    assembly: bool,
    clif: Option<String>,
}

/// Machine code, before it is installed.
pub(crate) struct MachineCode {
    bytes: Vec<u8>,
    alignment: u64,
    relocations: Vec<ModuleReloc>,
    /// (start, end, instruction) of each range of bytes, for listings.
    regions: Vec<(usize, usize, usize)>,
    micros: u128,
}

/// A background compilation that has finished: what [`Jit::install`] takes.
pub struct Finished {
    /// The ticket [`Jit::submit`] returned for it.
    pub ticket: Ticket,
    translated: Translated,
    machine_code: Result<MachineCode, String>,
}

/// Cranelift's code generation for one translated function: the step that may run on any
/// thread.
pub(crate) fn generate(
    context: &mut Context,
    isa: &dyn TargetIsa,
    function: ir::Function,
    function_id: FuncId,
) -> Result<MachineCode, String> {
    let started = Instant::now();
    context.clear();
    context.func = function;
    context
        .compile(isa, &mut ControlPlane::default())
        .map_err(|error| format!("{:?}", error.inner))?;
    let compiled = context
        .compiled_code()
        .ok_or_else(|| "cranelift produced no code".to_owned())?;
    Ok(MachineCode {
        bytes: compiled.code_buffer().to_vec(),
        alignment: u64::from(compiled.buffer.alignment),
        relocations: compiled
            .buffer
            .relocs()
            .iter()
            .map(|relocation| ModuleReloc::from_mach_reloc(relocation, &context.func, function_id))
            .collect(),
        regions: compiled
            .buffer
            .get_srclocs_sorted()
            .iter()
            .map(|location| {
                (
                    location.start as usize,
                    location.end as usize,
                    location.loc.bits() as usize,
                )
            })
            .collect(),
        micros: started.elapsed().as_micros(),
    })
}

/// The JIT compiler: a Cranelift module whose functions stay mapped for the process's life.
pub struct Jit {
    module: JITModule,
    isa: OwnedTargetIsa,
    /// For code generated on the main thread.
    context: Context,
    builder_context: FunctionBuilderContext,
    environment: Environment,
    counter: usize,
    /// The call targets compiled code points at (never freed: code stays mapped for the
    /// process's life too).
    // Boxed: machine code embeds each target's address, which must not move as the vector grows.
    #[allow(clippy::vec_box)]
    call_targets: Vec<Box<CallTarget>>,
    /// Per folded `LoadGlobal` site, the globals epoch at which its constant was last known
    /// good (compiled code reads them; never freed, like the code).
    #[allow(clippy::vec_box)]
    epoch_cells: Vec<Box<crate::GlobalSite>>,
    /// The background code generator, once started.
    worker: Option<Worker>,
    /// Translations handed to the worker, by ticket.
    submitted: HashMap<Ticket, Translated>,
    /// Compilations generated on this thread because the worker had gone.
    generated_here: Vec<Finished>,
    next_ticket: Ticket,
}

impl Jit {
    /// A JIT for the host machine.
    pub fn new(environment: Environment) -> Result<Jit, String> {
        let isa = target::host_isa()?;
        let builder = JITBuilder::with_isa(isa.clone(), cranelift_module::default_libcall_names());
        let module = JITModule::new(builder);
        let context = module.make_context();
        Ok(Jit {
            module,
            isa,
            context,
            builder_context: FunctionBuilderContext::new(),
            environment,
            counter: 0,
            call_targets: Vec::new(),
            epoch_cells: Vec::new(),
            worker: None,
            submitted: HashMap::new(),
            generated_here: Vec::new(),
            next_ticket: 0,
        })
    }

    /// Starts the background code generator: from then on [`Jit::submit`] returns at once.
    pub fn start_worker(&mut self) -> Result<(), String> {
        if self.worker.is_none() {
            self.worker = Some(Worker::start(self.isa.clone())?);
        }
        Ok(())
    }

    /// Whether a background code generator runs.
    pub fn has_worker(&self) -> bool {
        self.worker.is_some()
    }

    /// Compiles `code` with the feedback bytes of its profile, on this thread.
    pub fn compile(
        &mut self,
        code: &CodeData,
        globals: &GlobalSnapshot,
        inspect: Inspect,
    ) -> Result<Compiled, String> {
        let (translated, function) = self.translate(code, globals, inspect)?;
        let machine_code = generate(
            &mut self.context,
            &*self.isa,
            function,
            translated.function_id,
        );
        self.install(
            code,
            Finished {
                ticket: 0,
                translated,
                machine_code,
            },
        )
    }

    /// Translates `code` here and hands the code generation to the worker (started with
    /// [`Jit::start_worker`]); [`Jit::take_finished`] returns it when done. An error is a
    /// translation that failed (the code cannot be compiled).
    pub fn submit(
        &mut self,
        code: &CodeData,
        globals: &GlobalSnapshot,
        inspect: Inspect,
    ) -> Result<Ticket, String> {
        let (translated, function) = self.translate(code, globals, inspect)?;
        let ticket = self.next_ticket;
        self.next_ticket += 1;
        let job = Job {
            ticket,
            function_id: translated.function_id,
            function: Box::new(function),
        };
        let unsent = match &self.worker {
            Some(worker) => worker.submit(job).err(),
            None => Some(job),
        };
        match unsent {
            None => {
                self.submitted.insert(ticket, translated);
            }
            Some(job) => {
                // The worker is gone (it cannot receive): generate the code here instead.
                self.worker = None;
                let machine_code = generate(
                    &mut self.context,
                    &*self.isa,
                    *job.function,
                    job.function_id,
                );
                self.generated_here.push(Finished {
                    ticket,
                    translated,
                    machine_code,
                });
            }
        }
        Ok(ticket)
    }

    /// Whether [`Jit::take_finished`] has something: one atomic load, for the interpreter to
    /// ask often.
    #[inline]
    pub fn has_finished(&self) -> bool {
        !self.generated_here.is_empty() || self.worker.as_ref().is_some_and(Worker::has_results)
    }

    /// The submitted compilations whose code generation has finished, in submission order.
    pub fn take_finished(&mut self) -> Vec<Finished> {
        let mut finished = std::mem::take(&mut self.generated_here);
        if let Some(worker) = &self.worker {
            for done in worker.take_results() {
                if let Some(translated) = self.submitted.remove(&done.ticket) {
                    finished.push(Finished {
                        ticket: done.ticket,
                        translated,
                        machine_code: done.result,
                    });
                }
            }
        }
        finished
    }

    /// Bytecode to Cranelift IR (step 1): the function and what to keep of the translation.
    fn translate(
        &mut self,
        code: &CodeData,
        globals: &GlobalSnapshot,
        inspect: Inspect,
    ) -> Result<(Translated, ir::Function), String> {
        let started = Instant::now();
        let feedback: Vec<u8> = code
            .profile
            .feedback
            .iter()
            .map(|cell| cell.get())
            .collect();
        let analysis = analysis::analyse(&code.code, &feedback)?;
        let pointer = self.module.target_config().pointer_type();
        let mut signature = self.module.make_signature();
        signature.params.push(AbiParam::new(pointer));
        signature.params.push(AbiParam::new(pointer));
        signature.params.push(AbiParam::new(types::I32));
        signature.returns.push(AbiParam::new(types::I64));
        let mut helper = self.module.make_signature();
        helper.params.push(AbiParam::new(pointer));
        helper.params.push(AbiParam::new(pointer));
        helper.params.push(AbiParam::new(types::I32));
        helper.params.push(AbiParam::new(types::I64));
        helper.params.push(AbiParam::new(types::I64));
        helper.returns.push(AbiParam::new(types::I64));

        self.counter += 1;
        let name = format!("py{}_{}", self.counter, code.code.qualname);
        let function_id = self
            .module
            .declare_function(&name, Linkage::Local, &signature)
            .map_err(|error| error.to_string())?;
        let mut function = ir::Function::with_name_signature(
            UserFuncName::user(0, function_id.as_u32()),
            signature.clone(),
        );
        // A function with loops is translated twice: the first translation, thrown away,
        // learns what each loop's edges know about its locals, which the second assumes at
        // the loop headers (see `translate::block_state`).
        let assumptions = if analysis.loop_header.iter().any(|&header| header) {
            let mut scratch =
                ir::Function::with_name_signature(UserFuncName::default(), signature.clone());
            let mut scratch_context = FunctionBuilderContext::new();
            let mut builder = FunctionBuilder::new(&mut scratch, &mut scratch_context);
            let helper_signature = builder.import_signature(helper.clone());
            let entry_signature = builder.import_signature(signature.clone());
            let mut translator = translate::Translator::new(
                &mut builder,
                code,
                &analysis,
                feedback.clone(),
                globals,
                &self.environment,
                translate::Signatures {
                    helper: helper_signature,
                    entry: entry_signature,
                },
            );
            translator.self_function = Some(
                self.module
                    .declare_func_in_func(function_id, translator.function_mut()),
            );
            translator.translate()?;
            Some(translator.loop_assumptions())
        } else {
            None
        };
        let guards;
        {
            let mut builder = FunctionBuilder::new(&mut function, &mut self.builder_context);
            let helper_signature = builder.import_signature(helper);
            // Compiled code calls other compiled code (inline calls) with its own signature.
            let entry_signature = builder.import_signature(signature);
            let mut translator = translate::Translator::new(
                &mut builder,
                code,
                &analysis,
                feedback,
                globals,
                &self.environment,
                translate::Signatures {
                    helper: helper_signature,
                    entry: entry_signature,
                },
            );
            translator.assumptions = assumptions;
            // Recursive calls enter this function directly (`inline_call::self_call_entry`).
            translator.self_function = Some(
                self.module
                    .declare_func_in_func(function_id, translator.function_mut()),
            );
            translator.instruction_counters = inspect.instruction_counters;
            if let Err(reason) = translator.translate() {
                // The builder is left mid-function: start the next translation afresh.
                self.builder_context = FunctionBuilderContext::new();
                return Err(reason);
            }
            guards = translator.guards;
            self.call_targets.append(&mut translator.call_targets);
            self.epoch_cells.append(&mut translator.epoch_cells);
            builder.seal_all_blocks();
            builder.finalize(self.module.isa().frontend_config());
        }
        let clif = inspect.clif.then(|| function.display().to_string());
        let translated = Translated {
            function_id,
            entries: analysis.entries,
            handlers: analysis
                .handler
                .iter()
                .flatten()
                .map(|&position| code.code.exception_table[position].target as usize)
                .collect(),
            guards,
            micros: started.elapsed().as_micros(),
            assembly: inspect.assembly,
            clif,
        };
        Ok((translated, function))
    }

    /// Puts finished machine code for `code` into executable pages (step 3). `code` must be
    /// the code object the compilation was submitted for.
    pub fn install(&mut self, code: &CodeData, finished: Finished) -> Result<Compiled, String> {
        let Finished {
            translated,
            machine_code,
            ..
        } = finished;
        let machine_code = machine_code?;
        self.module
            .define_function_bytes(
                translated.function_id,
                machine_code.alignment,
                &machine_code.bytes,
                &machine_code.relocations,
            )
            .map_err(|error| format!("{error:?}"))?;
        self.module
            .finalize_definitions()
            .map_err(|error| error.to_string())?;
        let address = self.module.get_finalized_function(translated.function_id);
        // SAFETY: `address` is the start of the function just finalized with the signature
        // `(pointer, pointer, i32) -> i64` in the host's default calling convention, which is
        // `extern "C"` on every target krait supports; the module keeps it mapped for the
        // life of the process.
        let entry: CompiledEntry = unsafe { std::mem::transmute(address) };
        let assembly = if translated.assembly {
            Some(listing::listing(
                code,
                &machine_code.bytes,
                address as usize,
                &machine_code.regions,
            )?)
        } else {
            None
        };
        Ok(Compiled {
            entry,
            address: address as usize,
            size: machine_code.bytes.len(),
            handlers: translated.handlers,
            entries: translated.entries,
            guards: translated.guards,
            micros: translated.micros + machine_code.micros,
            assembly,
            clif: translated.clif,
        })
    }
}
