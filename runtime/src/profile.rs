//! Per-code-object profiles: what the interpreter learns while it runs a function, and the
//! native code the JIT made from it.
//!
//! The interpreter counts calls and loop back-edges (the tiering triggers) and records, at each
//! arithmetic and comparison instruction, which operand types it has seen (the type feedback the
//! JIT speculates on). The JIT writes back its compiled entry point and marks the instructions
//! where compiled code can be entered (function start and loop headers, for OSR). Deopts are
//! counted per instruction, so a speculation that keeps failing is dropped on recompilation.
//!
//! Everything is a `Cell`: profiles are updated from the interpreter's hot loop through shared
//! references to the code object, on krait's single interpreter thread.

use std::cell::Cell;

/// The signature of compiled code: `(vm, locals, entry instruction) -> value bits`, where
/// `locals` points at the frame's first local in the VM stack. The result is a returned
/// value's bits, or [`EXIT_MARKER`] when the code left early (deopt or exception; the vm's
/// helpers recorded which).
pub type CompiledEntry =
    unsafe extern "C" fn(vm: *mut std::ffi::c_void, locals: *mut u64, entry: u32) -> u64;

/// What compiled code returns when it did not return a Python value: a bit pattern in the
/// special-values range that no `Value` uses.
pub const EXIT_MARKER: u64 = (0xFFFB << 48) | 0xDEAD;

/// What the `send` helper returns when the delegate of `yield from`/`await` returned (its
/// result written over the delegate's stack slot) rather than yielded: another bit pattern
/// no `Value` uses.
pub const RETURN_MARKER: u64 = (0xFFFB << 48) | 0xD0E;

/// What generator code running on its generator's buffer (the vm's `detached_generator.rs`)
/// returns at a `yield`, having written the value, its stack pointer and the resume
/// instruction into the vm's record of the run instead of calling a helper: another bit
/// pattern no value has.
pub const YIELD_MARKER: u64 = (0xFFFB << 48) | 0xD1E;

/// Feedback bit: both operands were small ints.
pub const SEEN_INT: u8 = 1;
/// Feedback bit: both operands were floats.
pub const SEEN_FLOAT: u8 = 2;
/// Feedback bit: one operand was a float and the other a small int.
pub const SEEN_MIXED: u8 = 4;
/// Feedback bit: anything else (or a speculation here kept failing).
pub const SEEN_OTHER: u8 = 8;
/// Feedback bit on a `ForIter` (where `SEEN_FLOAT` means nothing else): the loop iterated over
/// a `reversed`, `enumerate` or `zip` iterator. Compiled code advances those inline only where
/// it was seen (or nothing was recorded yet), which keeps the code of other loops small.
pub const SEEN_ADAPTER: u8 = SEEN_FLOAT;
/// Feedback bit set by the JIT: compiled code can be entered at this instruction.
pub const ENTRY_POINT: u8 = 0x80;
/// Feedback bit set by the JIT on a loop header: what compiled code assumed about the locals
/// there kept failing; recompiled code assumes nothing at this header.
pub const ASSUMPTIONS_FAILED: u8 = 0x40;
/// Feedback bit on a handler's first instruction: the interpreter's unwinding jumped there.
/// Compiled code runs only such handlers itself (see `jit/src/translate/handlers.rs`).
pub const HANDLER_TAKEN: u8 = 0x20;
/// Feedback bit set by the JIT on a handler's first instruction: the compiled code runs this
/// handler itself, or was compiled knowing it had been taken. An exception the interpreter
/// catches at a handler without it counts as a deopt there, and a few recompile the code with
/// its handlers.
pub const HANDLER_COMPILED: u8 = 0x10;
/// The feedback bits that say which operands an instruction saw.
pub const SEEN_OPERANDS: u8 = SEEN_INT | SEEN_FLOAT | SEEN_MIXED | SEEN_OTHER;

/// The most codes of Python functions `CodeProfile::call_codes` records per `Call`.
pub const MAX_CALL_CODES: usize = 4;

/// The most entries `CodeProfile::call_codes` keeps per code object (later call sites
/// record nothing).
const MAX_CALL_CODE_ENTRIES: usize = 256;

/// The tiering state of a code object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tier {
    /// Interpreted; may be compiled when hot.
    Interpreted,
    /// Hot, and being compiled in the background: interpreted until the code is installed.
    Queued,
    /// Compiled: `CodeProfile::entry` is set.
    Compiled,
    /// The JIT declined it (generator code, or compilation failed): interpreted for good.
    Excluded,
}

/// The profile of one code object.
pub struct CodeProfile {
    /// Calls since the last (re)compilation decision.
    pub calls: Cell<u32>,
    /// Loop back-edges taken since the last decision.
    pub back_edges: Cell<u32>,
    /// The tiering state.
    pub tier: Cell<Tier>,
    /// The compiled entry point when `tier` is `Compiled`.
    pub entry: Cell<Option<CompiledEntry>>,
    /// How many times this code was compiled (recompiles after invalidation count too).
    pub compilations: Cell<u32>,
    /// Heap values compiled code names as constants without another owner keeping them alive
    /// (the classes of inlined attribute checks); traced with the code object.
    pub roots: crate::object::Mutable<Vec<crate::Value>>,
    /// The globals dict the compiled code was made for (its global values may be folded in).
    pub globals: Cell<crate::Value>,
    /// Operand types seen, per instruction (`SEEN_*`), plus `ENTRY_POINT`.
    pub feedback: Box<[Cell<u8>]>,
    /// Deopts taken, per instruction (saturating).
    pub deopts: Box<[Cell<u8>]>,
    /// `BinaryOp` instructions whose left operand was an instance of a Python class: the
    /// instruction and the first such class (kept in `roots`), for compiled code to call the
    /// class's operator method directly (`jit/src/translate/dunders.rs`).
    pub operand_classes: crate::object::Mutable<Vec<(u32, crate::Value)>>,
    /// `Call` instructions that called a Python function while interpreted: the instruction
    /// and the code of such a function (kept in `roots`), an entry per code up to
    /// [`MAX_CALL_CODES`], then one NULL entry for the instruction once more were called
    /// there. Compiled code checks a callable it cannot know at compile time (a local, a
    /// closure cell) for those codes and inlines their bodies
    /// (`jit/src/translate/inlined_closures.rs`).
    pub call_codes: crate::object::Mutable<Vec<(u32, crate::Value)>>,
    /// Generator code: how many more compiled resumes copy the frame onto the VM stack at
    /// once instead of running it on its saved buffer, set when a run on the buffer had to
    /// move it there anyway (a helper call before the next `yield`; see the vm's
    /// `detached_generator.rs`).
    pub attached_resumes: Cell<u8>,
}

impl CodeProfile {
    /// An empty profile for code with `instruction_count` instructions.
    pub fn new(instruction_count: usize) -> CodeProfile {
        CodeProfile {
            calls: Cell::new(0),
            back_edges: Cell::new(0),
            tier: Cell::new(Tier::Interpreted),
            entry: Cell::new(None),
            compilations: Cell::new(0),
            globals: Cell::new(crate::Value::NULL),
            roots: crate::object::Mutable::new(Vec::new()),
            feedback: (0..instruction_count).map(|_| Cell::new(0)).collect(),
            deopts: (0..instruction_count).map(|_| Cell::new(0)).collect(),
            operand_classes: crate::object::Mutable::new(Vec::new()),
            call_codes: crate::object::Mutable::new(Vec::new()),
            attached_resumes: Cell::new(0),
        }
    }

    /// Remembers that the `Call` at `index` called a Python function whose code is `code`.
    pub fn record_call_code(&self, index: usize, code: crate::Value) {
        let Ok(index) = u32::try_from(index) else {
            return;
        };
        let codes = self.call_codes.get();
        let mut seen = 0;
        for &(known_index, known) in codes.iter() {
            if known_index == index {
                if known == code || known.is_null() {
                    return;
                }
                seen += 1;
            }
        }
        if seen == 0 && codes.len() >= MAX_CALL_CODE_ENTRIES {
            // A long straight-line body (a module's) would make every call scan a long list.
            return;
        }
        if seen >= MAX_CALL_CODES {
            codes.retain(|&(known_index, _)| known_index != index);
            codes.push((index, crate::Value::NULL));
            return;
        }
        codes.push((index, code));
        let roots = self.roots.get();
        if !roots.contains(&code) {
            roots.push(code);
        }
    }

    /// The codes of the Python functions the `Call` at `index` called while interpreted, in
    /// the order first seen; empty when none, or more than [`MAX_CALL_CODES`].
    pub fn call_codes_at(&self, index: usize) -> Vec<crate::Value> {
        let Ok(index) = u32::try_from(index) else {
            return Vec::new();
        };
        let codes: Vec<crate::Value> = self
            .call_codes
            .get()
            .iter()
            .filter(|(known_index, _)| *known_index == index)
            .map(|&(_, code)| code)
            .collect();
        if codes.iter().any(|code| code.is_null()) {
            return Vec::new();
        }
        codes
    }

    /// Remembers that the `BinaryOp` at `index` saw a left operand of the Python class
    /// `class`, if it has no class yet.
    pub fn record_operand_class(&self, index: usize, class: crate::Value) {
        let Ok(index) = u32::try_from(index) else {
            return;
        };
        let classes = self.operand_classes.get();
        if classes.iter().any(|&(known, _)| known == index) {
            return;
        }
        classes.push((index, class));
        let roots = self.roots.get();
        if !roots.contains(&class) {
            roots.push(class);
        }
    }

    /// Adds feedback bits at instruction `index`.
    #[inline]
    pub fn record(&self, index: usize, bits: u8) {
        if let Some(cell) = self.feedback.get(index) {
            let old = cell.get();
            if old & bits != bits {
                cell.set(old | bits);
            }
        }
    }

    /// The feedback bits at instruction `index`.
    #[inline]
    pub fn seen(&self, index: usize) -> u8 {
        self.feedback.get(index).map_or(0, Cell::get)
    }

    /// Whether compiled code can be entered at instruction `index`.
    #[inline]
    pub fn is_entry_point(&self, index: usize) -> bool {
        self.seen(index) & ENTRY_POINT != 0
    }

    /// Forgets the compiled code (after a speculation kept failing): the next trigger
    /// recompiles with the feedback gathered since.
    pub fn invalidate(&self) {
        self.entry.set(None);
        self.tier.set(Tier::Interpreted);
        self.calls.set(0);
        self.back_edges.set(0);
        for cell in self.feedback.iter() {
            cell.set(cell.get() & !(ENTRY_POINT | HANDLER_COMPILED));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Value;

    fn code(number: i64) -> Value {
        Value::small_int(number).expect("a small int")
    }

    #[test]
    fn call_codes_keep_up_to_the_limit_then_none() {
        let profile = CodeProfile::new(4);
        assert!(profile.call_codes_at(2).is_empty());
        profile.record_call_code(2, code(10));
        profile.record_call_code(2, code(10));
        profile.record_call_code(3, code(30));
        assert_eq!(profile.call_codes_at(2), vec![code(10)]);
        for number in 11..10 + MAX_CALL_CODES as i64 {
            profile.record_call_code(2, code(number));
        }
        assert_eq!(profile.call_codes_at(2).len(), MAX_CALL_CODES);
        profile.record_call_code(2, code(99));
        assert!(profile.call_codes_at(2).is_empty());
        profile.record_call_code(2, code(10));
        assert!(profile.call_codes_at(2).is_empty());
        assert_eq!(profile.call_codes_at(3), vec![code(30)]);
        assert!(profile.roots.get().contains(&code(30)));
    }
}
