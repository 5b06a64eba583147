//! What `krait explain` records while a script runs, beyond the profiler's per-function
//! figures: how each module's code was obtained (bytecode cache hit or miss), every JIT compile
//! (when, why, how long, the machine code listing) and deopt (where, why, how often), how many
//! exceptions were raised, and how many times the interpreter ran each instruction (hot lines).
//!
//! Why a separate recorder: these events are rare (a compile, a module load) except the
//! instruction counts, and none of them is wanted outside `krait explain`. Each hook is a test of
//! `Vm::observer` on a path that is already cold (module loading, compiling, deopts, raising),
//! except instruction counting: the dispatch loop tests a flag it read on entry at each
//! instruction (one predictable register test; the counting itself is out of line), and code
//! compiled while observing counts too (the JIT increments the same counters, whose
//! address it is given: `Inspect::instruction_counters`). An instruction whose guard fails is
//! counted by the compiled code and again by the interpreter that re-runs it.

use std::collections::HashMap;
use std::time::Instant;

use krait_runtime::object::CodeData;
use krait_runtime::Value;

use crate::Vm;

/// How a module's code was obtained.
#[derive(Clone, Debug)]
pub struct ModuleLoad {
    /// The module's name (`__main__` for the script).
    pub name: String,
    /// Its source file.
    pub filename: String,
    /// Its bytecode cache file, when it has one.
    pub cache_path: Option<String>,
    /// Whether the code came from the cache (a hit) rather than the compiler.
    pub cache_hit: bool,
    /// `krait -v`'s explanation: "loaded from …", "compiled (no cache file); wrote …".
    pub detail: String,
    /// Milliseconds since the observer started.
    pub at_millis: f64,
}

/// One compile of a code object by the JIT.
#[derive(Clone, Debug)]
pub struct CompileEvent {
    /// `co_qualname`.
    pub qualname: String,
    /// `co_name`.
    pub name: String,
    /// The code's file.
    pub filename: String,
    /// Its first line.
    pub first_line: u32,
    /// What made it hot: `calls`, `loop` (back-edges), with `eager` when `--jit=eager`.
    pub trigger: String,
    /// Calls counted when it was compiled.
    pub calls: u32,
    /// Loop back-edges counted when it was compiled.
    pub back_edges: u32,
    /// Whether it had been compiled before (a recompile after an invalidation).
    pub recompile: bool,
    /// Milliseconds since the observer started.
    pub at_millis: f64,
    /// Compile time in microseconds.
    pub micros: u128,
    /// Machine code size in bytes.
    pub size: usize,
    /// Where the machine code starts.
    pub address: usize,
    /// Guards (deopt exits) in the code.
    pub guards: usize,
    /// Instructions where it can be entered (0 and loop headers).
    pub entries: Vec<usize>,
    /// The disassembly with source lines and bytecode instructions interleaved.
    pub assembly: Option<String>,
    /// Why it could not be compiled, when it could not (then nothing else is meaningful).
    pub failure: Option<String>,
}

/// Deopts at one place for one reason.
#[derive(Clone, Debug)]
pub struct DeoptSite {
    /// The function's qualified name.
    pub qualname: String,
    /// Its file.
    pub filename: String,
    /// The source line.
    pub line: u32,
    /// The bytecode instruction index.
    pub instruction: usize,
    /// The instruction's opcode name.
    pub opcode: String,
    /// Why compiled code handed the frame back.
    pub reason: String,
    /// How many times.
    pub count: u64,
    /// Milliseconds since the start at the first one.
    pub first_at_millis: f64,
}

/// Instruction execution counts of one code object.
pub struct InstructionCounts {
    /// The code (kept alive: a GC root).
    pub code_value: Value,
    /// The code's data.
    pub code: &'static CodeData,
    /// Executions per instruction index (a boxed slice: compiled code holds its address).
    pub counts: Box<[u64]>,
}

/// The recorder (`Vm::observer`).
pub struct Observer {
    started: Instant,
    /// Modules loaded, in order.
    pub modules: Vec<ModuleLoad>,
    /// JIT compiles, in order.
    pub compiles: Vec<CompileEvent>,
    /// Deopt sites, in order of first deopt.
    pub deopts: Vec<DeoptSite>,
    deopt_index: HashMap<(usize, usize, String), usize>,
    /// Exceptions raised (re-raises not counted again).
    pub exceptions_raised: u64,
    /// Per code object, by address.
    counts: Vec<InstructionCounts>,
    count_index: HashMap<usize, usize>,
    /// The last code counted and its place in `counts` (most instructions follow one another
    /// in the same code).
    last: (usize, usize),
}

impl Default for Observer {
    fn default() -> Self {
        Observer::new()
    }
}

impl Observer {
    /// An observer whose clock starts now.
    pub fn new() -> Observer {
        Observer {
            started: Instant::now(),
            modules: Vec::new(),
            compiles: Vec::new(),
            deopts: Vec::new(),
            deopt_index: HashMap::new(),
            exceptions_raised: 0,
            counts: Vec::new(),
            count_index: HashMap::new(),
            last: (0, usize::MAX),
        }
    }

    /// Milliseconds since the observer started.
    pub fn millis(&self) -> f64 {
        self.started.elapsed().as_secs_f64() * 1000.0
    }

    /// Visits the values the observer keeps alive (for the GC).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.counts.iter().for_each(|entry| visit(entry.code_value));
    }

    /// The instruction counts gathered, per code object in order of first execution.
    pub fn instruction_counts(&self) -> &[InstructionCounts] {
        &self.counts
    }

    /// The place of `code`'s counters in `counts`, made on first use.
    fn slot_for(&mut self, code_value: Value, code: &'static CodeData) -> usize {
        let address = code as *const CodeData as usize;
        if self.last.0 == address {
            return self.last.1;
        }
        let slot = match self.count_index.get(&address) {
            Some(&slot) => slot,
            None => {
                self.counts.push(InstructionCounts {
                    code_value,
                    code,
                    counts: vec![0; code.code.instructions.len()].into_boxed_slice(),
                });
                let slot = self.counts.len() - 1;
                self.count_index.insert(address, slot);
                slot
            }
        };
        self.last = (address, slot);
        slot
    }

    /// The address of `code`'s counters, for compiled code to increment
    /// (`Inspect::instruction_counters`). They stay where they are while the observer lives:
    /// each is a boxed slice that is never resized or dropped before the observer.
    pub(crate) fn counters_for(&mut self, code_value: Value, code: &'static CodeData) -> usize {
        let slot = self.slot_for(code_value, code);
        self.counts
            .get_mut(slot)
            .map_or(0, |entry| entry.counts.as_mut_ptr() as usize)
    }

    /// Counts one execution of instruction `index` of `code`.
    #[inline]
    fn count(&mut self, code_value: Value, code: &'static CodeData, index: usize) {
        let slot = self.slot_for(code_value, code);
        if let Some(count) = self
            .counts
            .get_mut(slot)
            .and_then(|entry| entry.counts.get_mut(index))
        {
            *count += 1;
        }
    }

    /// Records a deopt.
    pub(crate) fn deopt(&mut self, code: &CodeData, instruction: usize, reason: &str) {
        let key = (
            code as *const CodeData as usize,
            instruction,
            reason.to_owned(),
        );
        if let Some(&index) = self.deopt_index.get(&key) {
            if let Some(site) = self.deopts.get_mut(index) {
                site.count += 1;
            }
            return;
        }
        let at = self.millis();
        self.deopts.push(DeoptSite {
            qualname: code.code.qualname.to_string(),
            filename: code.code.filename.to_string(),
            line: code
                .code
                .locations
                .get(instruction)
                .map_or(0, |location| location.line),
            instruction,
            opcode: code
                .code
                .instructions
                .get(instruction)
                .map_or("?", |instruction| instruction.opcode.name())
                .to_owned(),
            reason: reason.to_owned(),
            count: 1,
            first_at_millis: at,
        });
        self.deopt_index.insert(key, self.deopts.len() - 1);
    }
}

impl Vm {
    /// Turns the recorder on (and, with it, instruction counting in the interpreter).
    pub fn enable_observer(&mut self) {
        self.observer = Some(Box::default());
    }

    /// Hook of the observed dispatch loop: counts instruction `index` of the top frame's code.
    #[cold]
    #[inline(never)]
    pub(crate) fn observe_instruction(&mut self, code: &'static CodeData, index: usize) {
        let code_value = self
            .frames
            .last()
            .map_or(Value::NULL, |frame| frame.code_value);
        if let Some(observer) = self.observer.as_mut() {
            observer.count(code_value, code, index);
        }
    }

    /// Hook: an exception was raised (not re-raised).
    #[cold]
    pub(crate) fn observe_raise(&mut self) {
        if let Some(observer) = self.observer.as_mut() {
            observer.exceptions_raised += 1;
        }
    }
}
