//! Tiering: when the interpreter hands a frame to compiled code, and what happens when the
//! compiled code hands it back.
//!
//! The interpreter counts calls and loop back-edges in each code object's profile. When a count
//! reaches its threshold the code is compiled (`--jit=eager`: at once) and, from then on, a call
//! runs the new frame's compiled code from its start, and a back-edge in an interpreted frame
//! enters it at the loop header (on-stack replacement). Compiled code runs on the interpreter's
//! own frame — locals in the VM stack, the frame record on the frame stack — so leaving it is
//! cheap and exact: it returns a value, or deopts (the frame continues in the interpreter at
//! the recorded instruction), or raises (the interpreter unwinds the frame with its exception
//! table, as if it had raised there itself).
//!
//! Compiled code nests on the native stack through calls; past `DEPTH_LIMIT` nested compiled
//! frames the callee runs in the interpreter instead, whose calls do not nest natively, so deep
//! recursion cannot overflow the native stack.

mod builtin_calls;
mod call_layout;

pub(crate) use call_layout::CallLimits;
mod fast_paths;
mod helpers;
mod sequences;
mod unpacked_iteration;

use std::collections::HashMap;

use krait_compiler::Opcode;
use krait_jit::{CallTarget, Compiled, DeoptReason, GlobalSnapshot, Inspect, Jit, Ticket};
use krait_runtime::object::CodeData;
use krait_runtime::object::Payload;
use krait_runtime::profile::{
    CompiledEntry, Tier, ASSUMPTIONS_FAILED, ENTRY_POINT, EXIT_MARKER, HANDLER_COMPILED,
    HANDLER_TAKEN, SEEN_OTHER,
};
use krait_runtime::types::dict::get_str_key;
use krait_runtime::{PyErr, PyResult, Value};

use crate::frame::Frame;
use crate::Vm;

/// Nested compiled frames on the native stack before callees run in the interpreter.
pub const DEPTH_LIMIT: usize = 200;

/// Deopts at one instruction before its speculation is dropped and the code recompiled.
const DEOPT_LIMIT: u8 = 4;

/// Deopts at an instruction that had no types when compiled before the code is recompiled
/// (with the types the interpreter recorded meanwhile). Two, not one: an instruction that runs
/// once after a hot loop is not worth a recompile.
const UNPROFILED_LIMIT: u8 = 2;

/// `--jit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JitMode {
    /// Interpret everything.
    Off,
    /// Compile what gets hot.
    On,
    /// Compile every function at its first call and enter every loop at once (for testing).
    Eager,
}

/// The JIT's command-line options.
#[derive(Clone, Debug)]
pub struct JitOptions {
    /// The tiering mode.
    pub mode: JitMode,
    /// Calls before a function is compiled (back-edges: this times `LOOP_FACTOR`).
    pub threshold: u32,
    /// Print each compile, deopt, recompile and OSR entry to stderr.
    pub log: bool,
    /// Print a summary line at exit.
    pub stats: bool,
    /// Print the machine code of compiled functions (all when the name is empty).
    pub emit_assembly: Option<String>,
    /// Print the Cranelift IR of compiled functions (all when the name is empty).
    pub emit_clif: Option<String>,
    /// Safepoint calls at every back-edge (the GC-stress mode).
    pub gc_stress: bool,
    /// Write `/tmp/perf-PID.map` so `perf report` names compiled functions.
    pub perf_map: bool,
    /// Generate machine code on a background thread while the program goes on interpreted
    /// (`--jit=on` only; `--jit-sync` turns it off so tiering happens at the same point in
    /// every run).
    pub background: bool,
}

/// Back-edges per call, for the loop threshold.
pub const LOOP_FACTOR: u32 = 8;

/// The default call threshold, chosen with the benchmark suite.
pub const DEFAULT_THRESHOLD: u32 = 200;

/// Counts for `--jit-stats`.
#[derive(Default)]
struct Statistics {
    functions: u64,
    compile_micros: u128,
    deopts: u64,
    /// Loops that left at a back-edge for a due collection or signal (not failures).
    safepoint_exits: u64,
    recompiles: u64,
    osr_entries: u64,
    failures: u64,
}

/// The JIT's state in the vm.
pub struct JitRuntime {
    compiler: Jit,
    options: JitOptions,
    call_threshold: u32,
    loop_threshold: u32,
    statistics: Statistics,
    /// Deopts by (function, line, reason), for the log's counts.
    deopt_counts: HashMap<(String, u32, DeoptReason), u64>,
    /// The perf map being written, when asked for.
    perf_map: Option<std::fs::File>,
    /// Compilations in the background, by ticket: the code (its tier `Queued`), the trigger
    /// and whether it is a recompile, for when it is installed.
    queued: HashMap<Ticket, (&'static CodeData, &'static str, bool)>,
}

/// How compiled code left.
pub(crate) enum CompiledOutcome {
    /// The frame returned this value (the frame record is still on the frame stack).
    Returned(Value),
    /// The frame goes on in the interpreter at its recorded instruction.
    Deopted,
    /// The frame raised at its recorded instruction.
    Raised(PyErr),
    /// The frame (a generator's) yielded this value and is paused after the `yield`; its
    /// record is still on the frame stack, for the caller to suspend (`suspend_generator`).
    Yielded(Value),
}

/// What a helper recorded before compiled code returned the exit marker.
pub(crate) enum JitExit {
    Deopt,
    Error(PyErr),
    Yield(Value),
}

fn matches_name(filter: &Option<String>, code: &CodeData) -> bool {
    match filter {
        None => false,
        Some(name) => name.is_empty() || *name == *code.code.name || *name == *code.code.qualname,
    }
}

impl Vm {
    /// Turns the JIT on (unless `options.mode` is `Off`).
    pub fn enable_jit(&mut self, options: JitOptions) -> Result<(), String> {
        if options.mode == JitMode::Off {
            self.jit = None;
            return Ok(());
        }
        let (heap_allocated, heap_threshold) = krait_runtime::heap::Heap::pressure_offsets();
        let heap = std::mem::offset_of!(Vm, runtime.heap);
        let call_layout = call_layout::measure(self);
        let environment = krait_jit::Environment {
            globals_epoch_address: krait_runtime::dict::globals_epoch_address(),
            class_epoch_address: krait_runtime::dict::class_epoch_address(),
            root_shape: std::rc::Rc::as_ptr(&self.runtime.root_shape) as usize,
            heap_offset: heap as i32,
            allocation: krait_runtime::heap::Heap::allocation_layout(),
            helpers: helpers::table(),
            fast_paths: fast_paths::table(),
            sequences: sequences::table(&mut self.runtime),
            builtins: builtin_calls::table(&mut self.runtime),
            allocated_offset: (heap + heap_allocated) as i32,
            poll_offset: std::mem::offset_of!(Vm, safepoints.poll) as i32,
            threshold_offset: (heap + heap_threshold) as i32,
            gc_stress: options.gc_stress,
            layout: krait_runtime::layout::measure(),
            assertion_error: self.runtime.types.assertion_error,
            call_layout,
            range_type: self.runtime.types.range,
            handled_exception_offset: std::mem::offset_of!(Vm, handled_exception) as i32,
            detached: krait_jit::DetachedOffsets {
                buffer: std::mem::offset_of!(Vm, detached.buffer) as i32,
                relocated_from: std::mem::offset_of!(Vm, detached.relocated_from) as i32,
                relocated_to: std::mem::offset_of!(Vm, detached.relocated_to) as i32,
                yielded: std::mem::offset_of!(Vm, detached.yielded) as i32,
                paused_stack: std::mem::offset_of!(Vm, detached.paused_stack) as i32,
                paused_at: std::mem::offset_of!(Vm, detached.paused_at) as i32,
            },
        };
        let compiler = Jit::new(environment)?;
        let (call_threshold, loop_threshold) = match options.mode {
            JitMode::Eager => (1, 1),
            _ => (
                options.threshold.max(1),
                options.threshold.max(1).saturating_mul(LOOP_FACTOR),
            ),
        };
        self.jit = Some(Box::new(JitRuntime {
            compiler,
            options,
            call_threshold,
            loop_threshold,
            statistics: Statistics::default(),
            deopt_counts: HashMap::new(),
            perf_map: None,
            queued: HashMap::new(),
        }));
        if let Some(jit) = self.jit.as_mut() {
            // Without the thread (it could not start) code is generated on this one.
            if jit.options.mode == JitMode::On && jit.options.background {
                let _ = jit.compiler.start_worker();
            }
            if jit.options.perf_map {
                let path = format!("/tmp/perf-{}.map", std::process::id());
                jit.perf_map = Some(
                    std::fs::File::create(&path)
                        .map_err(|error| format!("cannot write {path}: {error}"))?,
                );
            }
        }
        Ok(())
    }

    /// The summary line `--jit-stats` asks for (the benchmark harness reads it).
    pub fn jit_statistics_line(&self) -> Option<String> {
        let jit = self.jit.as_ref()?;
        if !jit.options.stats {
            return None;
        }
        let statistics = &jit.statistics;
        Some(format!(
            "jit-stats: functions={} compile-ms={:.3} deopts={} safepoint-exits={} recompiles={} osr-entries={} not-compiled={}",
            statistics.functions,
            statistics.compile_micros as f64 / 1000.0,
            statistics.deopts,
            statistics.safepoint_exits,
            statistics.recompiles,
            statistics.osr_entries,
            statistics.failures
        ))
    }

    /// At a call, with the callee's frame pushed: its compiled entry, compiling it if it just
    /// became hot.
    #[inline]
    pub(crate) fn compiled_entry_for_call(
        &mut self,
        code: &'static CodeData,
    ) -> Option<CompiledEntry> {
        let jit = self.jit.as_ref()?;
        let profile = &code.profile;
        match profile.tier.get() {
            Tier::Compiled if self.jit_depth < DEPTH_LIMIT && self.same_globals(code) => {
                profile.entry.get()
            }
            Tier::Interpreted => {
                let calls = profile.calls.get().saturating_add(1);
                profile.calls.set(calls);
                if calls >= jit.call_threshold && self.jit_depth < DEPTH_LIMIT {
                    self.compile(code, "calls")
                } else {
                    None
                }
            }
            Tier::Queued => {
                if jit.compiler.has_finished() {
                    self.install_finished();
                }
                None
            }
            Tier::Compiled | Tier::Excluded => None,
        }
    }

    /// At a back-edge to `target` in an interpreted frame: the compiled entry to continue the
    /// frame with there (OSR), compiling the code if the loop just became hot.
    #[inline]
    pub(crate) fn compiled_entry_for_loop(
        &mut self,
        code: &'static CodeData,
        target: usize,
    ) -> Option<CompiledEntry> {
        let jit = self.jit.as_ref()?;
        if self.jit_depth >= DEPTH_LIMIT {
            return None;
        }
        let profile = &code.profile;
        let entry = match profile.tier.get() {
            Tier::Compiled if self.same_globals(code) => profile.entry.get(),
            Tier::Compiled => None,
            Tier::Interpreted => {
                let edges = profile.back_edges.get().saturating_add(1);
                profile.back_edges.set(edges);
                if edges >= jit.loop_threshold {
                    self.compile(code, "loop")
                } else {
                    None
                }
            }
            Tier::Queued => {
                if jit.compiler.has_finished() {
                    self.install_finished();
                }
                None
            }
            Tier::Excluded => None,
        };
        if entry.is_some() && profile.is_entry_point(target) {
            if let Some(jit) = self.jit.as_mut() {
                jit.statistics.osr_entries += 1;
                if jit.options.log {
                    eprintln!(
                        "jit: osr-entry {} at instruction {} (line {})",
                        code.code.qualname,
                        target,
                        line_of(code, target)
                    );
                }
            }
            entry
        } else {
            None
        }
    }

    /// With a generator's frame just restored on top (to start, or to resume after a `yield`
    /// at `instruction`): the compiled entry to run it with, compiling its code when starts
    /// made it hot (generators with loops also become hot through their back-edges).
    #[inline]
    pub(crate) fn compiled_entry_for_resume(
        &mut self,
        code: &'static CodeData,
        instruction: usize,
    ) -> Option<CompiledEntry> {
        let jit = self.jit.as_ref()?;
        if self.jit_depth >= DEPTH_LIMIT {
            return None;
        }
        let profile = &code.profile;
        let entry = match profile.tier.get() {
            Tier::Compiled if self.same_globals(code) => profile.entry.get(),
            Tier::Interpreted if instruction == 0 => {
                let calls = profile.calls.get().saturating_add(1);
                profile.calls.set(calls);
                if calls >= jit.call_threshold {
                    self.compile(code, "calls")
                } else {
                    None
                }
            }
            Tier::Queued => {
                if jit.compiler.has_finished() {
                    self.install_finished();
                }
                None
            }
            _ => None,
        };
        if entry.is_some() && profile.is_entry_point(instruction) {
            entry
        } else {
            None
        }
    }

    /// Whether the top frame runs with the globals its code was compiled for (compiled code may
    /// have folded their values in; a code object run with other globals stays interpreted).
    #[inline]
    fn same_globals(&self, code: &CodeData) -> bool {
        self.frames
            .last()
            .is_some_and(|frame| frame.globals == code.profile.globals.get())
    }

    /// Compiles `code`, which just became hot: at once (the entry to run it with), or, with
    /// the background thread, translated here and queued (`None`: it runs interpreted until
    /// `install_finished` installs it).
    #[cold]
    fn compile(&mut self, code: &'static CodeData, trigger: &'static str) -> Option<CompiledEntry> {
        let jit = self.jit.as_mut()?;
        let profile = &code.profile;
        let print_assembly = matches_name(&jit.options.emit_assembly, code);
        let clif = matches_name(&jit.options.emit_clif, code);
        // `krait explain` shows every function's machine code, and counts instructions in
        // compiled code as the interpreter does.
        let code_value = self
            .frames
            .last()
            .map_or(Value::NULL, |frame| frame.code_value);
        let instruction_counters = match self.observer.as_mut() {
            Some(observer) => observer.counters_for(code_value, code),
            None => 0,
        };
        let inspect = Inspect {
            assembly: print_assembly || self.observer.is_some(),
            clif,
            instruction_counters,
        };
        // What is inspected is compiled at once, so it is printed (and counted) in order.
        let background = !(inspect.assembly || inspect.clif || instruction_counters != 0);
        let recompile = profile.compilations.get() > 0;
        let globals = self
            .frames
            .last()
            .map_or(Value::NULL, |frame| frame.globals);
        let snapshot = self.global_snapshot(code, globals);
        profile.globals.set(globals);
        if self.profiler.is_some() {
            self.profile_jit_compile(true);
        }
        let jit = self.jit.as_mut()?;
        let result = if background && jit.compiler.has_worker() {
            match jit.compiler.submit(code, &snapshot, inspect) {
                Ok(ticket) => {
                    // A newer compilation replaces any older one of the same code.
                    jit.queued
                        .retain(|_, (queued, _, _)| !std::ptr::eq(*queued, code));
                    jit.queued.insert(ticket, (code, trigger, recompile));
                    profile.tier.set(Tier::Queued);
                    None
                }
                Err(reason) => Some(Err(reason)),
            }
        } else {
            Some(jit.compiler.compile(code, &snapshot, inspect))
        };
        if self.profiler.is_some() {
            self.profile_jit_compile(false);
        }
        let result = result?;
        if self.observer.is_some() {
            self.observe_compile(code, trigger, recompile, &result);
        }
        self.installed(code, trigger, recompile, result)
    }

    /// Installs the background compilations that have finished, for code still waiting for
    /// them (code invalidated or recompiled meanwhile drops its older one).
    #[cold]
    fn install_finished(&mut self) {
        let Some(jit) = self.jit.as_mut() else {
            return;
        };
        for finished in jit.compiler.take_finished() {
            let Some(jit) = self.jit.as_mut() else {
                return;
            };
            let Some((code, trigger, recompile)) = jit.queued.remove(&finished.ticket) else {
                continue;
            };
            if code.profile.tier.get() != Tier::Queued {
                continue;
            }
            let result = jit.compiler.install(code, finished);
            self.installed(code, trigger, recompile, result);
        }
    }

    /// Points `code`'s profile at its new machine code (or marks it not compilable), and logs.
    fn installed(
        &mut self,
        code: &'static CodeData,
        trigger: &str,
        recompile: bool,
        result: Result<Compiled, String>,
    ) -> Option<CompiledEntry> {
        let jit = self.jit.as_mut()?;
        let profile = &code.profile;
        match result {
            Ok(compiled) => {
                profile.entry.set(Some(compiled.entry));
                profile.tier.set(Tier::Compiled);
                profile.compilations.set(profile.compilations.get() + 1);
                for &entry in &compiled.entries {
                    profile.record(entry, ENTRY_POINT);
                }
                // The handlers the code runs, and those it was compiled knowing were taken
                // but does not run (the analysis could not follow them): neither makes an
                // exception caught in the interpreter recompile it, which for the latter
                // would only make the same code again.
                for &handler in &compiled.handlers {
                    profile.record(handler, HANDLER_COMPILED);
                }
                for entry in &code.code.exception_table {
                    let target = entry.target as usize;
                    if profile.seen(target) & HANDLER_TAKEN != 0 {
                        profile.record(target, HANDLER_COMPILED);
                    }
                }
                jit.statistics.functions += 1;
                jit.statistics.compile_micros += compiled.micros;
                if recompile {
                    jit.statistics.recompiles += 1;
                }
                if let Some(map) = jit.perf_map.as_mut() {
                    use std::io::Write;
                    // perf's format: start and size in hex, then the symbol name.
                    let _ = writeln!(
                        map,
                        "{:x} {:x} py::{} ({}:{})",
                        compiled.address,
                        compiled.size,
                        code.code.qualname,
                        code.code.filename,
                        code.code.first_line
                    );
                    let _ = map.flush();
                }
                if jit.options.log {
                    eprintln!(
                        "jit: {} {} ({}:{}) trigger={} time={}us size={}B guards={} entries={} address={:#x}",
                        if recompile { "recompile" } else { "compile" },
                        code.code.qualname,
                        code.code.filename,
                        code.code.first_line,
                        trigger,
                        compiled.micros,
                        compiled.size,
                        compiled.guards,
                        compiled.entries.len(),
                        compiled.address
                    );
                }
                if let Some(clif) = &compiled.clif {
                    eprintln!("; clif for {}\n{clif}", code.code.qualname);
                }
                let print_assembly = matches_name(&jit.options.emit_assembly, code);
                if let (true, Some(assembly)) = (print_assembly, &compiled.assembly) {
                    eprintln!(
                        "; machine code for {} ({}:{}), {} bytes at {:#x}\n{assembly}",
                        code.code.qualname,
                        code.code.filename,
                        code.code.first_line,
                        compiled.size,
                        compiled.address
                    );
                }
                Some(compiled.entry)
            }
            Err(reason) => {
                profile.tier.set(Tier::Excluded);
                jit.statistics.failures += 1;
                if jit.options.log {
                    eprintln!("jit: not compiled {}: {reason}", code.code.qualname);
                }
                None
            }
        }
    }

    /// Records a compile (or a failed one) for `krait explain`.
    #[cold]
    fn observe_compile(
        &mut self,
        code: &CodeData,
        trigger: &str,
        recompile: bool,
        result: &Result<krait_jit::Compiled, String>,
    ) {
        let eager = self
            .jit
            .as_ref()
            .is_some_and(|jit| jit.options.mode == JitMode::Eager);
        let Some(observer) = self.observer.as_mut() else {
            return;
        };
        let profile = &code.profile;
        let mut event = crate::observe::CompileEvent {
            qualname: code.code.qualname.to_string(),
            name: code.code.name.to_string(),
            filename: code.code.filename.to_string(),
            first_line: code.code.first_line,
            trigger: if eager {
                format!("eager ({trigger})")
            } else {
                trigger.to_owned()
            },
            calls: profile.calls.get(),
            back_edges: profile.back_edges.get(),
            recompile,
            at_millis: observer.millis(),
            micros: 0,
            size: 0,
            address: 0,
            guards: 0,
            entries: Vec::new(),
            assembly: None,
            failure: None,
        };
        match result {
            Ok(compiled) => {
                event.micros = compiled.micros;
                event.size = compiled.size;
                event.address = compiled.address;
                event.guards = compiled.guards;
                event.entries = compiled.entries.clone();
                event.assembly = compiled.assembly.clone();
            }
            Err(reason) => event.failure = Some(reason.clone()),
        }
        observer.compiles.push(event);
    }

    /// The values `LoadGlobal` finds now, for compiled code to fold in: only for module
    /// globals (whose changes move the globals epoch).
    fn global_snapshot(&mut self, code: &CodeData, globals: Value) -> GlobalSnapshot {
        let watched = krait_runtime::types::dict::table(globals)
            .is_some_and(|table| table.get().is_globals());
        let mut snapshot = GlobalSnapshot {
            epoch: krait_runtime::dict::globals_epoch(),
            inlined_namespace: None,
            values: vec![None; code.names.len()],
            attributes: (0..code.code.instructions.len())
                .map(|index| krait_runtime::attribute_site::ways(&code.attribute_sites, index))
                .collect(),
            class_epoch: krait_runtime::dict::class_epoch(),
            constructors: Vec::new(),
            dunders: Vec::new(),
        };
        // The inlined checks name these classes: keep them alive while the code exists.
        let roots = code.profile.roots.get();
        for attribute in snapshot.attributes.iter().flatten() {
            let class = Value::from_bits(attribute.class);
            if !roots.contains(&class) {
                roots.push(class);
            }
        }
        if !watched {
            return snapshot;
        }
        let builtins = self.runtime.builtins;
        for instruction in &code.code.instructions {
            if instruction.opcode != Opcode::LoadGlobal {
                continue;
            }
            let slot = instruction.arg as usize;
            let Some(&name) = code.names.get(slot) else {
                continue;
            };
            let found = get_str_key(&mut self.runtime, globals, name)
                .or_else(|| get_str_key(&mut self.runtime, builtins, name));
            snapshot.values[slot] = found;
        }
        // Looking up changes nothing, but be exact: the epoch after the lookups.
        snapshot.epoch = krait_runtime::dict::globals_epoch();
        // The plain classes among them, with their `__init__`: constructions compiled code
        // may make inline while no class namespace changes.
        snapshot.class_epoch = krait_runtime::dict::class_epoch();
        let classes: Vec<Value> = snapshot
            .values
            .iter()
            .flatten()
            .copied()
            .filter(|value| krait_runtime::protocol::as_type(*value).is_some())
            .collect();
        for class in classes {
            if snapshot
                .constructors
                .iter()
                .any(|(known, _)| *known == class)
            {
                continue;
            }
            if let Some(init) = self.plain_class_init(class) {
                let is_function = matches!(
                    init.as_object().map(|object| &object.payload),
                    Some(Payload::Function(_))
                );
                if is_function {
                    snapshot.constructors.push((class, init));
                }
            }
        }
        // The operator methods `BinaryOp`s on instances reach.
        let recorded = code.profile.operand_classes.get().clone();
        for (index, class) in recorded {
            let Some(instruction) = code.code.instructions.get(index as usize) else {
                continue;
            };
            let Some(operator) = krait_compiler::BinaryOperator::from_arg(instruction.arg) else {
                continue;
            };
            let plain_class = krait_runtime::protocol::as_type(class).is_some_and(|class| {
                class.user_defined && class.layout == krait_runtime::object::Layout::Object
            });
            if !plain_class {
                continue;
            }
            if let Some(method) = krait_runtime::protocol::number::forward_dunder_of_class(
                &mut self.runtime,
                class,
                operator,
            ) {
                snapshot.dunders.push((index, class, method));
            }
        }
        if krait_runtime::dict::class_epoch() != snapshot.class_epoch {
            snapshot.constructors.clear();
            snapshot.dunders.clear();
        }
        snapshot
    }

    /// Feedback for compiled calls of callables the JIT cannot know at compile time: the code
    /// of the Python function an interpreted `Call` at `index` of `code` calls
    /// (`CodeProfile::record_call_code`). Only while `code` is interpreted — compiled code has
    /// already used it.
    #[inline]
    pub(crate) fn record_call_code(&self, code: &CodeData, index: usize, callable: Value) {
        if code.profile.tier.get() != Tier::Interpreted {
            return;
        }
        if let Some(Payload::Function(function)) =
            callable.as_object().map(|object| &object.payload)
        {
            code.profile.record_call_code(index, function.code);
        }
    }

    /// Runs the top frame's compiled code from instruction `entry_instruction`.
    pub(crate) fn run_compiled(
        &mut self,
        entry: CompiledEntry,
        entry_instruction: usize,
    ) -> CompiledOutcome {
        let Some(frame) = self.frames.last() else {
            return CompiledOutcome::Deopted;
        };
        let base = frame.base;
        // SAFETY: `base` indexes the frame's first local inside the VM stack's allocation,
        // which never moves (its capacity is reserved up front and frame pushes check room).
        let locals = unsafe { self.stack.as_mut_ptr().add(base) } as *mut u64;
        self.jit_depth += 1;
        if self.profiler.is_some() {
            self.profile_compiled_boundary(true);
        }
        let vm = self as *mut Vm as *mut std::ffi::c_void;
        // SAFETY: `entry` was produced by the JIT for the code of the top frame, whose locals
        // start at `locals`; it calls back only through the helpers, which take the vm pointer.
        let result = unsafe { entry(vm, locals, entry_instruction as u32) };
        if self.profiler.is_some() {
            self.profile_compiled_boundary(false);
        }
        self.jit_depth -= 1;
        if result != EXIT_MARKER {
            return CompiledOutcome::Returned(Value::from_bits(result));
        }
        match self.jit_exit.take() {
            Some(JitExit::Error(error)) => CompiledOutcome::Raised(error),
            Some(JitExit::Yield(value)) => CompiledOutcome::Yielded(value),
            Some(JitExit::Deopt) | None => CompiledOutcome::Deopted,
        }
    }

    /// At an interpreted call, with the callee's frame just pushed: runs it compiled if it is
    /// (or just became) hot.
    #[inline]
    pub(crate) fn enter_compiled_at_call(&mut self) -> Option<CompiledOutcome> {
        let code = self.frames.last()?.code;
        let entry = self.compiled_entry_for_call(code)?;
        Some(self.run_compiled(entry, 0))
    }

    /// Runs the top frame — an entry frame just pushed — to completion: compiled if it is hot,
    /// else (or after a deopt) in the interpreter.
    pub(crate) fn run_pushed_frame(&mut self) -> PyResult<Value> {
        if self.jit.is_some() {
            if let Some(code) = self.frames.last().map(|frame| frame.code) {
                if let Some(entry) = self.compiled_entry_for_call(code) {
                    let outcome = self.run_compiled(entry, 0);
                    return self.finish_entry_frame(outcome);
                }
            }
        }
        self.finish_entry_frame(CompiledOutcome::Deopted)
    }

    /// Runs the frame just pushed for a call made from Rust (a helper, a dunder) to completion:
    /// it becomes an entry frame, and a pending Ctrl-C is raised in it as it starts, as the
    /// interpreter does at a call.
    pub(crate) fn run_pushed_call(&mut self) -> PyResult<Value> {
        if let Some(frame) = self.frames.last_mut() {
            frame.is_entry = true;
        }
        match self.safepoint() {
            Ok(()) => self.run_pushed_frame(),
            Err(error) => self.finish_pushed_frame_with(error),
        }
    }

    /// Completes the top frame, an entry frame just pushed, that raised `error` before running.
    pub(crate) fn finish_pushed_frame_with(&mut self, error: PyErr) -> PyResult<Value> {
        self.finish_entry_frame(CompiledOutcome::Raised(error))
    }

    /// Completes the top frame, an entry frame, after its compiled code left with `outcome`.
    fn finish_entry_frame(&mut self, outcome: CompiledOutcome) -> PyResult<Value> {
        match outcome {
            CompiledOutcome::Returned(value) => {
                if let Some(frame) = self.pop_frame() {
                    self.stack.truncate(frame.return_to);
                }
                return Ok(value);
            }
            CompiledOutcome::Deopted => {}
            CompiledOutcome::Raised(error) => self.unwind(error, false)?,
            // Only a generator's frame yields, and generator frames are not entered here;
            // be exact all the same: an entry frame's yield ends its run.
            CompiledOutcome::Yielded(value) => {
                self.suspend_generator();
                return Ok(value);
            }
        }
        match self.run_frames()? {
            crate::interpreter::Exit::Return(value) | crate::interpreter::Exit::Yield(value) => {
                Ok(value)
            }
        }
    }

    /// A call from compiled code to a compiled Python function with exactly its positional
    /// parameters and no cell variables of its own (free variables are fine): the frame is
    /// pushed with the arguments in place and the callee's code called directly. `None` when
    /// the call needs the general path.
    pub(crate) fn direct_call(&mut self, opcode: Opcode, count: usize) -> Option<PyResult<Value>> {
        let length = self.stack.len();
        let (callable, arguments_start, return_to) = if opcode == Opcode::CallMethod {
            let first = *self.stack.get(length.checked_sub(count + 2)?)?;
            if first.is_null() {
                (
                    self.stack[length - count - 1],
                    length - count,
                    length - count - 2,
                )
            } else {
                (first, length - count - 1, length - count - 2)
            }
        } else {
            (
                *self.stack.get(length.checked_sub(count + 1)?)?,
                length - count,
                length - count - 1,
            )
        };
        let Some(Payload::Function(function)) = callable.as_object().map(|object| &object.payload)
        else {
            return None;
        };
        let code = krait_runtime::loader::code_data(function.code)?;
        let profile = &code.profile;
        if profile.tier.get() != Tier::Compiled
            || profile.globals.get() != function.globals
            || !code.plain_call
            || length - arguments_start != code.code.argument_count as usize
        {
            return None;
        }
        let entry = profile.entry.get()?;
        // A function's closure is NULL or a plain tuple of cells.
        let free: &[Value] = if function.closure.is_null() {
            &[]
        } else {
            match &function.closure.as_object()?.payload {
                Payload::Tuple(cells) => cells,
                _ => return None,
            }
        };
        self.enter_compiled_frame(
            entry,
            code,
            function.code,
            callable,
            function.globals,
            free,
            arguments_start,
            return_to,
        )
    }

    /// A call from compiled code of the function whose [`CallTarget`] the call site recorded
    /// (compiled code checked that `callable` is that function, so the target's code, globals
    /// and parameter count are the callee's), without decoding the function object. `None` —
    /// nothing changed — when the callee is not compiled (for these globals) or the call needs
    /// the general path.
    #[inline]
    pub(crate) fn call_target(
        &mut self,
        callable: Value,
        target: &CallTarget,
    ) -> Option<PyResult<Value>> {
        let code = target.code;
        let profile = &code.profile;
        if profile.tier.get() != Tier::Compiled || profile.globals.get() != target.globals {
            return None;
        }
        let entry = profile.entry.get()?;
        let arguments_start = self
            .stack
            .len()
            .checked_sub(target.argument_count as usize)?;
        self.enter_compiled_frame(
            entry,
            code,
            target.code_value,
            callable,
            target.globals,
            &[],
            arguments_start,
            arguments_start.checked_sub(1)?,
        )
    }

    /// Pushes the frame of a call whose arguments are the stack's values from
    /// `arguments_start` (exactly the callee's positional parameters, which have no cells of
    /// their own), with the free variables' cells `free` after the locals, and runs the
    /// callee's compiled code `entry` to completion. `None` — nothing changed — past the
    /// compiled nesting limit, at the recursion limit or without stack room: the general
    /// path then makes the call (and raises RecursionError).
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn enter_compiled_frame(
        &mut self,
        entry: CompiledEntry,
        code: &'static CodeData,
        code_value: Value,
        callable: Value,
        globals: Value,
        free: &[Value],
        arguments_start: usize,
        return_to: usize,
    ) -> Option<PyResult<Value>> {
        let local_count = code.code.varnames.len();
        if self.jit_depth >= DEPTH_LIMIT
            || self.frames.len() >= self.runtime.recursion_limit
            || self.stack.len()
                + local_count
                + free.len()
                + code.code.max_stack_depth as usize
                + crate::STACK_MARGIN
                > self.stack.capacity()
        {
            return None;
        }
        let given_end = self.stack.len();
        let locals_end = arguments_start + local_count;
        let frame_end = locals_end + free.len();
        if given_end > locals_end {
            return None;
        }
        // The unbound locals, then the free variables' cells, written in place: cheaper than
        // `resize` and `extend_from_slice` (calls into `Vec` and `memcpy`) for the few values a
        // call has.
        let slots = self.stack.as_mut_ptr();
        // SAFETY: `frame_end` is within the stack's capacity (checked above with room to
        // spare), every slot below `given_end` is already initialized, and the slots from
        // `given_end` to `frame_end` are each written before the length covers them.
        unsafe {
            for index in given_end..locals_end {
                slots.add(index).write(Value::NULL);
            }
            for (offset, &cell) in free.iter().enumerate() {
                slots.add(locals_end + offset).write(cell);
            }
            self.stack.set_len(frame_end);
        }
        self.push_frame(Frame {
            code,
            code_value,
            function: callable,
            globals,
            locals: Value::NULL,
            base: arguments_start,
            stack_base: arguments_start + local_count + free.len(),
            ip: 0,
            return_to,
            is_entry: true,
            generator: Value::NULL,
        });
        // Function entry is a safepoint (as in the interpreter's call path); the test is the
        // one `safepoint` makes, inline, so the common case costs no call.
        if self.runtime.heap.wants_collection()
            || self
                .safepoints
                .poll
                .load(std::sync::atomic::Ordering::Relaxed)
        {
            if let Err(error) = self.safepoint() {
                return Some(self.finish_entry_frame(CompiledOutcome::Raised(error)));
            }
        }
        if self.profiler.is_some() {
            let outcome = self.run_compiled(entry, 0);
            return Some(self.finish_entry_frame(outcome));
        }
        // `run_compiled` and the return case of `finish_entry_frame`, inline (the profiler,
        // which both tell about the boundary, is off).
        // SAFETY: `arguments_start` indexes the new frame's first local inside the VM stack's
        // allocation, which never moves (its capacity is reserved up front and frame pushes
        // check room).
        let locals = unsafe { self.stack.as_mut_ptr().add(arguments_start) } as *mut u64;
        self.jit_depth += 1;
        let vm = self as *mut Vm as *mut std::ffi::c_void;
        // SAFETY: `entry` is the compiled code of the new top frame's code, whose locals start
        // at `locals`; it calls back only through the helpers, which take the vm pointer.
        let result = unsafe { entry(vm, locals, 0) };
        self.jit_depth -= 1;
        if result != EXIT_MARKER {
            // The frame returned: its record is the top one, and nothing is left above the
            // callable's slot.
            self.frames.pop();
            self.stack.truncate(return_to);
            return Some(Ok(Value::from_bits(result)));
        }
        let outcome = match self.jit_exit.take() {
            Some(JitExit::Error(error)) => CompiledOutcome::Raised(error),
            Some(JitExit::Yield(value)) => CompiledOutcome::Yielded(value),
            Some(JitExit::Deopt) | None => CompiledOutcome::Deopted,
        };
        Some(self.finish_entry_frame(outcome))
    }

    /// The interpreter's unwinding jumped to the handler at `target` of `code`: compiled code
    /// runs the handlers that have been taken (`HANDLER_TAKEN`), and where the code was
    /// compiled without this one, the exception left it — counted like a deopt there, a few of
    /// which recompile the code with all its handlers.
    pub(crate) fn note_handler(&mut self, code: &'static CodeData, target: usize) {
        let profile = &code.profile;
        let seen = profile.seen(target);
        if seen & HANDLER_TAKEN == 0 {
            profile.record(target, HANDLER_TAKEN);
        }
        if profile.tier.get() != Tier::Compiled || seen & HANDLER_COMPILED != 0 {
            return;
        }
        let Some(cell) = profile.deopts.get(target) else {
            return;
        };
        let count = cell.get().saturating_add(1);
        cell.set(count);
        if count < DEOPT_LIMIT {
            return;
        }
        cell.set(0);
        // Recompiled with every handler, not only this one: a function raising into one
        // handler after another (phase after phase of a program) is then compiled once more,
        // not once per handler.
        for entry in &code.code.exception_table {
            profile.record(entry.target as usize, HANDLER_TAKEN);
        }
        profile.invalidate();
        if let Some(jit) = self.jit.as_ref() {
            if jit.options.log {
                eprintln!(
                    "jit: invalidate {}: exceptions keep leaving it for the handler at instruction {}; it will be recompiled with its handlers",
                    code.code.qualname, target
                );
            }
        }
    }

    /// Records a deopt of the top frame at `instruction`; drops the speculation there after
    /// it has failed `DEOPT_LIMIT` times.
    pub(crate) fn record_deopt(&mut self, instruction: usize, reason: Option<DeoptReason>) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        frame.ip = instruction;
        let code = frame.code;
        self.jit_exit = Some(JitExit::Deopt);
        let Some(jit) = self.jit.as_mut() else {
            return;
        };
        if reason == Some(DeoptReason::Safepoint) {
            jit.statistics.safepoint_exits += 1;
        } else {
            jit.statistics.deopts += 1;
        }
        let counted = !matches!(
            reason,
            Some(DeoptReason::Unsupported | DeoptReason::NotAnEntry | DeoptReason::Safepoint)
                | None
        );
        if jit.options.log {
            let line = line_of(code, instruction);
            let reason = reason.unwrap_or(DeoptReason::Unsupported);
            let count = jit
                .deopt_counts
                .entry((code.code.qualname.to_string(), line, reason))
                .or_insert(0);
            *count += 1;
            eprintln!(
                "jit: deopt {} line {} instruction {} ({}): {} [count {}]",
                code.code.qualname,
                line,
                instruction,
                code.code.instructions[instruction].opcode.name(),
                reason.describe(),
                count
            );
        }
        if let Some(observer) = self.observer.as_mut() {
            let reason = reason.unwrap_or(DeoptReason::Unsupported);
            observer.deopt(code, instruction, reason.describe());
        }
        if !counted {
            return;
        }
        let Some(jit) = self.jit.as_mut() else {
            return;
        };
        let profile = &code.profile;
        if let Some(cell) = profile.deopts.get(instruction) {
            let count = cell.get().saturating_add(1);
            cell.set(count);
            if reason == Some(DeoptReason::Unprofiled) {
                // The interpreter records the types as it runs the instruction: recompile with
                // them once the code comes back here.
                if count >= UNPROFILED_LIMIT {
                    cell.set(0);
                    profile.invalidate();
                    if jit.options.log {
                        eprintln!(
                            "jit: invalidate {}: instruction {} had no types when compiled; it will be recompiled with them",
                            code.code.qualname, instruction
                        );
                    }
                }
                return;
            }
            if count >= DEOPT_LIMIT {
                cell.set(0);
                let dropped = if reason == Some(DeoptReason::LoopAssumption) {
                    ASSUMPTIONS_FAILED
                } else {
                    SEEN_OTHER
                };
                profile.record(instruction, dropped);
                profile.invalidate();
                if jit.options.log {
                    eprintln!(
                        "jit: invalidate {}: the speculation at instruction {} keeps failing; it will be recompiled without it",
                        code.code.qualname, instruction
                    );
                }
            }
        }
    }
}

/// The source line of an instruction.
fn line_of(code: &CodeData, instruction: usize) -> u32 {
    code.code
        .locations
        .get(instruction)
        .map_or(0, |location| location.line)
}
