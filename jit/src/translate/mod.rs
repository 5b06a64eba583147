//! Bytecode to Cranelift IR.
//!
//! The translator walks the instructions that normal control flow reaches and keeps the operand
//! stack abstract: each stack slot and each local is a Cranelift variable holding a `Value`'s 64
//! bits, so values live in registers and the SSA builder joins them at control-flow merges.
//! Locals are also written through to the frame's slots in the VM stack at every store, so the
//! collector, `locals()`, tracebacks and deopt always see them; the operand stack is written
//! ("flushed") to the frame only before a call into the vm or an exit.
//!
//! Within a basic block the translator knows which values are ints, floats or bools (from
//! constants, earlier guards and results). At arithmetic and comparisons it speculates on the
//! interpreter's type feedback — and, where an instruction has never run, on the kinds it knows
//! — behind guards: a failing guard or an int result outside the inline range *deopts*: the
//! stack is flushed, the frame's instruction index set to the instruction, and the interpreter
//! re-executes it (a zero divisor instead raises through the generic path). Everything else
//! calls a vm helper that runs the interpreter's own implementation of the instruction on the
//! flushed stack.
//!
//! This module holds the translator's state, the walk over the blocks and the operand stack;
//! the submodules translate instructions (`instruction`), arithmetic and comparisons
//! (`arithmetic`), boxing (`numbers`), attribute sites (`attributes`), expected-callee calls
//! (`calls`, with the frame push made inline in `inline_call`), what is known of the instances
//! in locals (`instance_facts`), small callees' bodies inlined
//! at their call sites (`inlining`), branches and safepoints (`control`) and exception
//! handlers (`handlers`).

use std::collections::HashMap;

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{
    types, Block, FuncRef, InstBuilder, MemFlagsData, SigRef, SourceLoc, StackSlot,
    Value as IrValue,
};
use cranelift_frontend::{FunctionBuilder, Switch, Variable};
use krait_compiler::Opcode;
use krait_runtime::object::CodeData;
use krait_runtime::profile::{
    EXIT_MARKER, SEEN_FLOAT, SEEN_INT, SEEN_MIXED, SEEN_OPERANDS, SEEN_OTHER,
};
use krait_runtime::Value;

use crate::analysis::Analysis;
use crate::{CallTarget, DeoptReason, Environment, GlobalSnapshot};
use block_state::EdgeFacts;
pub use block_state::LoopAssumptions;
use range_loops::RangeLoop;
use subscripts::ListFact;

mod allocation;
mod arithmetic;
mod attributes;
mod block_state;
mod builtin_calls;
mod builtin_iterators;
mod calls;
mod construct;
mod control;
mod dunders;
mod folded_globals;
mod folded_init;
mod handlers;
mod inline_call;
mod inlined_closures;
mod inlining;
mod instance_facts;
mod instruction;
mod iteration;
mod list_methods;
mod numbers;
mod range_loops;
mod slices;
mod strings;
mod subscripts;
mod wide_ints;

const TAG_INT: i64 = (0xFFF9_u64 << 48) as i64;
const PAYLOAD_MASK: i64 = (1 << 48) - 1;

/// What the translator knows about a value's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Unknown,
    Int,
    Float,
    Bool,
    /// An exact list (see `subscripts`; assumed at loop headers like numbers).
    List,
}

/// Instructions compiled as a call to the vm's generic helper, which runs the interpreter's
/// implementation on the flushed operand stack. The rest compile natively or deopt.
pub fn runs_through_helper(opcode: Opcode) -> bool {
    use Opcode::*;
    matches!(
        opcode,
        LoadDeref
            | StoreDeref
            | DeleteDeref
            | LoadClosure
            | LoadClassDeref
            | LoadName
            | StoreName
            | DeleteName
            | LoadGlobal
            | StoreGlobal
            | DeleteGlobal
            | LoadAttr
            | StoreAttr
            | DeleteAttr
            | LoadMethod
            | MakeFunction
            | LoadBuildClass
            | BinaryOp
            | UnaryNegative
            | UnaryPositive
            | UnaryInvert
            | UnaryNot
            | CompareOp
            | ContainsOp
            | BinarySubscr
            | StoreSubscr
            | DeleteSubscr
            | BuildSlice
            | BuildTuple
            | BuildList
            | BuildSet
            | BuildMap
            | BuildString
            | ListAppend
            | SetAdd
            | MapAdd
            | ListExtend
            | SetUpdate
            | DictUpdate
            | DictMerge
            | ListToTuple
            | FormatValue
            | UnpackSequence
            | UnpackEx
            | GetIter
            | GetAwaitable
            | GetYieldFromIter
            | RaiseVarargs
            | LoadAssertionError
            | BeforeWith
            | ImportName
            | ImportFrom
            | ImportStar
            | SetupAnnotations
            | PrintExpr
            | MatchSequence
            | MatchMapping
            | GetLen
            | MatchKeys
            | MatchClass
            | LoadFast
            | DeleteFast
    )
}

/// The call signatures a translation imports into its function.
pub(crate) struct Signatures {
    /// The helpers' and fast paths' signature.
    pub helper: SigRef,
    /// Compiled code's own signature (for calls made inline).
    pub entry: SigRef,
}

/// The Cranelift state of one translation.
pub(crate) struct Translator<'a, 'b> {
    builder: &'a mut FunctionBuilder<'b>,
    code: &'a CodeData,
    analysis: &'a Analysis,
    feedback: Vec<u8>,
    globals: &'a GlobalSnapshot,
    environment: &'a Environment,
    helper_signature: SigRef,
    /// The signature of compiled code itself, for calls made inline (`inline_call`).
    entry_signature: SigRef,
    /// `(f64, f64) -> f64`, imported when first needed.
    float_signature: Option<SigRef>,
    vm: IrValue,
    /// The frame's first local (compiled code's second parameter): where locals and operand
    /// stack slots are read and written. In generator code it may move after a helper call
    /// (see `locals_variable`); read it through `locals()`.
    locals: IrValue,
    /// Generator code only: a variable holding `locals`, which each helper call may redefine —
    /// a frame running on its generator's buffer is moved onto the VM stack by the first
    /// helper it calls (`vm/src/detached_generator.rs`).
    locals_variable: Option<Variable>,
    local_variables: Vec<Variable>,
    /// Per local: variables carrying its unboxed f64 or i64 into loop headers that assume it
    /// is a float or an int, so loop-carried arithmetic stays unboxed across back-edges.
    float_variables: Vec<Variable>,
    int_variables: Vec<Variable>,
    stack_variables: Vec<Variable>,
    blocks: Vec<Option<Block>>,
    exit_block: Block,
    /// The instruction being translated (where a helper's exception is raised).
    current: usize,
    /// The landing block of each exception-table entry some instruction raises into
    /// (`handlers`), emitted after the walk.
    landings: Vec<(usize, Block)>,
    depth: usize,
    stack_kinds: Vec<Kind>,
    /// Per operand stack slot: the value it is expected to hold (a global's value at compile
    /// time, a method from the attribute cache), which a call site may speculate on behind an
    /// identity check. Not a fact: other paths may have pushed something else.
    stack_expected: Vec<Vec<Value>>,
    /// Per operand stack slot: the local it was loaded from, while that local still holds the
    /// same value, so that a guard on the slot also tells the local's kind.
    stack_local: Vec<Option<usize>>,
    /// Per operand stack slot and per local: the unboxed i64 (kind int) or f64 (kind float)
    /// of its value where already computed on the block's main path, which dominates the rest
    /// of the block. Cleared at block starts; restored around inline/fallback branches.
    stack_raw: Vec<Option<IrValue>>,
    local_raw: Vec<Option<IrValue>>,
    /// Boxed int values made in this function and the i64 each was boxed from: unboxing one
    /// again is a lookup. (The raw value is defined just before the boxed one, so it dominates
    /// every use of it.)
    boxed_ints: HashMap<IrValue, IrValue>,
    /// As `boxed_ints`, for boxed floats and the f64 each was boxed from (the same bits).
    boxed_floats: HashMap<IrValue, IrValue>,
    local_kinds: Vec<Kind>,
    local_bound: Vec<bool>,
    always_bound: Vec<bool>,
    slots: usize,
    terminated: bool,
    /// What the edges emitted so far knew about locals, per target block.
    edge_facts: EdgeFacts,
    /// What loop headers assume about locals (from an earlier translation's edge facts;
    /// `None`: nothing).
    pub(crate) assumptions: Option<LoopAssumptions>,
    /// What the current block knows about lists since the last call (`subscripts`). Any code
    /// that calls out or changes a list's length or items pointer inline must clear it.
    list_facts: Vec<ListFact>,
    /// Per range loop header (a `ForIter` that only saw range iterators): the variables
    /// holding its iterator (`range_loops`).
    range_loops: HashMap<usize, RangeLoop>,
    /// Edges that must check a loop header's assumptions: the checking block, the header and
    /// the (local, kind, bound) facts to check.
    #[allow(clippy::type_complexity)]
    pending_edge_checks: Vec<(Block, usize, Vec<(usize, Kind, bool)>)>,
    /// Instructions compiled with a deopt exit (for the listing and the log).
    pub guards: usize,
    /// Where to count executions per instruction (`Inspect::instruction_counters`), or 0.
    pub instruction_counters: usize,
    /// The call targets the compiled code points at (the `Jit` keeps them).
    // Boxed: machine code embeds each target's address, which must not move as the vector grows.
    #[allow(clippy::vec_box)]
    pub call_targets: Vec<Box<CallTarget>>,
    /// The epoch cells of folded `LoadGlobal` sites (the `Jit` keeps them).
    #[allow(clippy::vec_box)]
    pub epoch_cells: Vec<Box<crate::GlobalSite>>,
    /// Set while this translator emits a callee's body inlined into its caller's code
    /// (`inlining`): there is no frame, and every way out but a return leaves to the caller's
    /// call boundary.
    inlined: Option<inlining::InlinedBody>,
    /// Per local: the variables carrying the class and shape its instance was last checked
    /// to have (`instance_facts`), once an attribute instruction checked it.
    instance_facts: Vec<Option<instance_facts::InstanceFact>>,
    /// A list slice loaded but not made yet (`slices`).
    deferred_slice: Option<slices::DeferredSlice>,
    /// An int chain's intermediate result not boxed yet (`wide_ints`).
    deferred_wide: Option<wide_ints::DeferredWide>,
    /// The stack slot where operands for the slice fast paths are passed (`slices`).
    parts_slot: Option<StackSlot>,
    /// The function being compiled, imported into itself, for recursive calls made inline
    /// (`inline_call::self_call_entry`); `None` where it is not known (an inlined body).
    pub(crate) self_function: Option<FuncRef>,
    /// The frame count an inlined prefix's call boundary has just checked against
    /// `frame_limit`, while the call made where the prefix does not return is emitted: that
    /// call skips the same check.
    checked_frame_count: Option<IrValue>,
}

impl<'a, 'b> Translator<'a, 'b> {
    /// The function being built (to import functions into).
    pub(crate) fn function_mut(&mut self) -> &mut cranelift_codegen::ir::Function {
        self.builder.func
    }

    pub(crate) fn new(
        builder: &'a mut FunctionBuilder<'b>,
        code: &'a CodeData,
        analysis: &'a Analysis,
        feedback: Vec<u8>,
        globals: &'a GlobalSnapshot,
        environment: &'a Environment,
        signatures: Signatures,
    ) -> Translator<'a, 'b> {
        let compiled = &code.code;
        let local_count = compiled.varnames.len();
        let local_variables = (0..local_count)
            .map(|_| builder.declare_var(types::I64))
            .collect();
        let float_variables = (0..local_count)
            .map(|_| builder.declare_var(types::F64))
            .collect();
        let int_variables = (0..local_count)
            .map(|_| builder.declare_var(types::I64))
            .collect();
        let stack_variables = (0..compiled.max_stack_depth as usize + 1)
            .map(|_| builder.declare_var(types::I64))
            .collect();
        // A parameter is bound on entry; unless the body deletes it, it stays bound.
        let parameters = compiled.argument_count as usize
            + compiled.keyword_only_count as usize
            + usize::from(compiled.flags & krait_compiler::code::flags::VARARGS != 0)
            + usize::from(compiled.flags & krait_compiler::code::flags::VARKEYWORDS != 0);
        let mut always_bound: Vec<bool> = (0..local_count).map(|i| i < parameters).collect();
        for instruction in &compiled.instructions {
            if instruction.opcode == Opcode::DeleteFast {
                if let Some(bound) = always_bound.get_mut(instruction.arg as usize) {
                    *bound = false;
                }
            }
        }
        // Cell parameters live in cells, not in their local slot.
        for parameter in compiled.cell_parameters.iter().flatten() {
            if let Some(bound) = always_bound.get_mut(*parameter as usize) {
                *bound = false;
            }
        }
        let mut range_loops = HashMap::new();
        if environment.layout.is_some() {
            for (index, instruction) in compiled.instructions.iter().enumerate() {
                let range_only =
                    feedback.get(index).copied().unwrap_or(0) & SEEN_OPERANDS == SEEN_INT;
                if instruction.opcode == Opcode::ForIter
                    && range_only
                    && analysis.loop_header.get(index).copied().unwrap_or(false)
                {
                    range_loops.insert(index, RangeLoop::declare(builder));
                }
            }
        }
        let exit_block = builder.create_block();
        let locals_variable = compiled
            .is_generator()
            .then(|| builder.declare_var(types::I64));
        Translator {
            builder,
            code,
            analysis,
            feedback,
            globals,
            environment,
            helper_signature: signatures.helper,
            entry_signature: signatures.entry,
            float_signature: None,
            vm: IrValue::from_u32(0),
            locals: IrValue::from_u32(0),
            locals_variable,
            local_variables,
            float_variables,
            int_variables,
            stack_variables,
            blocks: vec![None; compiled.instructions.len()],
            exit_block,
            current: 0,
            landings: Vec::new(),
            depth: 0,
            stack_kinds: vec![Kind::Unknown; compiled.max_stack_depth as usize + 1],
            stack_expected: vec![Vec::new(); compiled.max_stack_depth as usize + 1],
            stack_local: vec![None; compiled.max_stack_depth as usize + 1],
            stack_raw: vec![None; compiled.max_stack_depth as usize + 1],
            local_raw: vec![None; local_count],
            boxed_ints: HashMap::new(),
            boxed_floats: HashMap::new(),
            local_kinds: vec![Kind::Unknown; local_count],
            local_bound: vec![false; local_count],
            always_bound,
            slots: local_count + compiled.cell_count(),
            terminated: false,
            edge_facts: EdgeFacts::new(compiled.instructions.len()),
            assumptions: None,
            range_loops,
            list_facts: Vec::new(),
            pending_edge_checks: Vec::new(),
            guards: 0,
            instruction_counters: 0,
            call_targets: Vec::new(),
            epoch_cells: Vec::new(),
            inlined: None,
            instance_facts: vec![None; local_count],
            deferred_slice: None,
            deferred_wide: None,
            parts_slot: None,
            self_function: None,
            checked_frame_count: None,
        }
    }

    /// Emits the whole function.
    pub(crate) fn translate(&mut self) -> Result<(), String> {
        let entry = self.builder.create_block();
        self.builder.append_block_params_for_function_params(entry);
        self.builder.switch_to_block(entry);
        let parameters = self.builder.block_params(entry).to_vec();
        self.vm = parameters[0];
        self.locals = parameters[1];
        if let Some(variable) = self.locals_variable {
            self.builder.def_var(variable, parameters[1]);
        }
        let entry_instruction = parameters[2];
        for index in 0..self.local_variables.len() {
            let value = self.load_slot(index);
            self.builder.def_var(self.local_variables[index], value);
        }
        self.invalidate_range_loops();
        // Dispatch on the entry instruction: the function start or a loop header (OSR).
        let mut switch = Switch::new();
        let mut prologues = Vec::new();
        for &entry_index in &self.analysis.entries {
            let prologue = self.builder.create_block();
            switch.set_entry(entry_index as u128, prologue);
            prologues.push((entry_index, prologue));
        }
        let unknown_entry = self.builder.create_block();
        self.builder.set_cold_block(unknown_entry);
        let selector = self.builder.ins().uextend(types::I64, entry_instruction);
        switch.emit(self.builder, selector, unknown_entry);

        self.builder.switch_to_block(unknown_entry);
        let null = self.builder.ins().iconst(types::I64, 0);
        let reason = self
            .builder
            .ins()
            .iconst(types::I64, DeoptReason::NotAnEntry as i64);
        let zero = self.builder.ins().iconst(types::I64, 0);
        let helper = self.environment.helpers.deopt;
        self.call_helper_raw(helper, null, entry_instruction, reason, zero);
        let exit = self.builder.ins().iconst(types::I64, EXIT_MARKER as i64);
        self.builder.ins().return_(&[exit]);

        for (entry_index, prologue) in prologues {
            self.builder.switch_to_block(prologue);
            let depth = self.analysis.depth[entry_index].unwrap_or(0) as usize;
            for slot in 0..depth {
                let value = self.load_slot(self.slots + slot);
                self.builder.def_var(self.stack_variables[slot], value);
            }
            self.enter_at(entry_index);
        }

        self.builder.switch_to_block(self.exit_block);
        self.builder.set_cold_block(self.exit_block);
        let exit = self.builder.ins().iconst(types::I64, EXIT_MARKER as i64);
        self.builder.ins().return_(&[exit]);

        self.terminated = true;
        self.walk()
    }

    /// Translates every instruction reachable in normal control flow, block by block in
    /// instruction order (the entry blocks already jump to theirs).
    fn walk(&mut self) -> Result<(), String> {
        let count = self.code.code.instructions.len();
        let mut index = 0;
        while index < count {
            let Some(depth) = self.analysis.depth[index] else {
                index += 1;
                continue;
            };
            if self.deferred_slice.is_some()
                && !self.terminated
                && (self.analysis.block_start[index] || !self.defers_through(index))
            {
                self.settle_deferred_slice();
            }
            if self.analysis.block_start[index] {
                self.deferred_slice = None;
                self.deferred_wide = None;
                let block = self.block_for(index);
                let fell_through = !self.terminated;
                if fell_through {
                    let edge = self.edge(index - 1, index);
                    self.builder.ins().jump(edge, &[]);
                    self.emit_edge_checks();
                }
                self.builder.switch_to_block(block);
                self.terminated = false;
                self.depth = depth as usize;
                if !(fell_through && self.only_fallthrough(index)) {
                    self.stack_kinds
                        .iter_mut()
                        .for_each(|kind| *kind = Kind::Unknown);
                    self.stack_expected.iter_mut().for_each(Vec::clear);
                    self.stack_local.iter_mut().for_each(|local| *local = None);
                    self.stack_raw.iter_mut().for_each(|raw| *raw = None);
                }
                self.local_raw.iter_mut().for_each(|raw| *raw = None);
                self.forget_lists();
                self.start_block_facts(index);
            } else if self.terminated {
                index += 1;
                continue;
            }
            self.mark_instruction(index);
            if let Some(exit) = self.inlined.as_ref().and_then(|body| {
                let allowed = body.allowed.get(index).copied().unwrap_or(false);
                (!allowed).then_some(body.exit)
            }) {
                // An inlined body runs only side-effect-free instructions: here it leaves.
                self.builder.ins().jump(exit, &[]);
                self.terminated = true;
                index += 1;
                continue;
            }
            if self.instruction_counters != 0 {
                self.count_instruction(index);
            }
            self.current = index;
            index += self.instruction(index)?;
        }
        if !self.terminated {
            return Err("control runs off the end".into());
        }
        self.emit_landings();
        Ok(())
    }

    /// Tags the machine code emitted next with instruction `index` (for listings and
    /// profiles); an inlined body's code is the call instruction's.
    fn mark_instruction(&mut self, index: usize) {
        let index = match &self.inlined {
            Some(body) => body.call_index,
            None => index,
        };
        self.builder.set_srcloc(SourceLoc::new(index as u32));
    }

    /// Adds one to instruction `index`'s execution counter (only when counters were given).
    fn count_instruction(&mut self, index: usize) {
        let address = self.instruction_counters + index * 8;
        let counter = self.builder.ins().iconst(types::I64, address as i64);
        let count = self
            .builder
            .ins()
            .load(types::I64, MemFlagsData::trusted(), counter, 0);
        let count = self.builder.ins().iadd_imm_s(count, 1);
        self.builder
            .ins()
            .store(MemFlagsData::trusted(), count, counter, 0);
    }

    fn block_for(&mut self, index: usize) -> Block {
        match self.blocks[index] {
            Some(block) => block,
            None => {
                let block = self.builder.create_block();
                self.blocks[index] = Some(block);
                block
            }
        }
    }

    // ---- memory and the abstract stack ----

    fn slot_offset(slot: usize) -> i32 {
        (slot * 8) as i32
    }

    /// The frame's first local, where its slots are (see `locals_variable`).
    fn locals(&mut self) -> IrValue {
        match self.locals_variable {
            Some(variable) => self.builder.use_var(variable),
            None => self.locals,
        }
    }

    fn load_slot(&mut self, slot: usize) -> IrValue {
        let locals = self.locals();
        self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            locals,
            Self::slot_offset(slot),
        )
    }

    fn store_slot(&mut self, slot: usize, value: IrValue) {
        if self.inlined.is_some() {
            // An inlined body has no frame: its locals live only in variables.
            return;
        }
        let locals = self.locals();
        self.builder.ins().store(
            MemFlagsData::trusted(),
            value,
            locals,
            Self::slot_offset(slot),
        );
    }

    fn push(&mut self, value: IrValue, kind: Kind) {
        self.builder
            .def_var(self.stack_variables[self.depth], value);
        self.stack_kinds[self.depth] = kind;
        self.stack_expected[self.depth].clear();
        self.stack_local[self.depth] = None;
        // A value this function boxed is pushed with the i64 or f64 it was boxed from.
        self.stack_raw[self.depth] = match kind {
            Kind::Int => self.boxed_ints.get(&value).copied(),
            Kind::Float => self.boxed_floats.get(&value).copied(),
            _ => None,
        };
        self.depth += 1;
    }

    fn pop(&mut self) -> (IrValue, Kind) {
        self.depth -= 1;
        let value = self.builder.use_var(self.stack_variables[self.depth]);
        (value, self.stack_kinds[self.depth])
    }

    fn peek(&mut self, from_top: usize) -> (IrValue, Kind) {
        let slot = self.depth - 1 - from_top;
        let value = self.builder.use_var(self.stack_variables[slot]);
        (value, self.stack_kinds[slot])
    }

    fn set_kind(&mut self, from_top: usize, kind: Kind) {
        let slot = self.depth - 1 - from_top;
        self.stack_kinds[slot] = kind;
        if let Some(local) = self.stack_local[slot] {
            self.local_kinds[local] = kind;
        }
    }

    /// The local changes: stack slots loaded from it no longer hold its value.
    fn forget_local(&mut self, local: usize) {
        for slot in &mut self.stack_local {
            if *slot == Some(local) {
                *slot = None;
            }
        }
        self.list_facts.retain(|fact| !fact.is_about(local));
        self.forget_instance(local);
    }

    /// Writes the operand stack's `depth` values to the frame; returns the stack pointer after
    /// them (what the vm helpers take as the VM stack's new length).
    /// A list slice whose making was deferred (`slices`) is made here, so the frame holds it.
    fn flush(&mut self, depth: usize) -> IrValue {
        let deferred = self
            .deferred_slice
            .filter(|deferred| deferred.slot < depth)
            .map(|deferred| (deferred.slot, self.make_deferred_list(deferred)));
        for slot in 0..depth {
            let value = match deferred {
                Some((deferred_slot, list)) if deferred_slot == slot => list,
                _ => match self.flushed_wide(slot) {
                    Some(boxed) => boxed,
                    None => self.builder.use_var(self.stack_variables[slot]),
                },
            };
            self.store_slot(self.slots + slot, value);
        }
        let locals = self.locals();
        self.builder
            .ins()
            .iadd_imm_s(locals, Self::slot_offset(self.slots + depth) as i64)
    }

    /// The stack pointer after the operand stack's first `depth` values (already flushed),
    /// from the current locals pointer. In generator code a helper call may have moved the
    /// frame (`relocate_locals`), so a stack pointer computed before a helper call is not used
    /// after it; this one is.
    fn stack_pointer_at(&mut self, depth: usize) -> IrValue {
        let locals = self.locals();
        self.builder
            .ins()
            .iadd_imm_s(locals, Self::slot_offset(self.slots + depth) as i64)
    }

    /// Keeps `values` alive while this code exists (in its profile's roots): compiled code
    /// compares values' bits with theirs or calls them by address, which must not be reused
    /// by other objects.
    fn keep_alive(&self, values: impl IntoIterator<Item = Value>) {
        let roots = self.code.profile.roots.get();
        for value in values {
            if !roots.contains(&value) {
                roots.push(value);
            }
        }
    }

    // ---- helpers and exits ----

    fn call_helper_raw(
        &mut self,
        address: usize,
        stack_pointer: IrValue,
        instruction: IrValue,
        first: IrValue,
        second: IrValue,
    ) -> IrValue {
        if let Some(exit) = self.inlined.as_ref().map(|body| body.exit) {
            // An inlined body calls nothing: whatever needs the vm leaves at the call
            // boundary instead (the rest of this path is unreachable).
            return self.leave_inlined_body(exit);
        }
        // (Whatever is called may change lists and instances; a deopt puts the list facts
        // back, see there.)
        self.forget_lists();
        self.forget_instances();
        let callee = self.builder.ins().iconst(types::I64, address as i64);
        let call = self.builder.ins().call_indirect(
            self.helper_signature,
            callee,
            &[self.vm, stack_pointer, instruction, first, second],
        );
        let result = self.builder.inst_results(call)[0];
        self.relocate_locals();
        result
    }

    /// Generator code, at a `yield` (the operand stack below the value flushed, up to
    /// `stack_pointer`): when the frame runs detached on its generator's buffer (the vm's
    /// `detached.buffer` is this frame's locals pointer), the value, the stack pointer and the
    /// resume instruction go into the vm's record of the run and the code returns
    /// `YIELD_MARKER` — no helper call; otherwise the code goes on (to the `yield_value`
    /// helper) in a new block.
    fn yield_detached(&mut self, index: usize, value: IrValue, stack_pointer: IrValue) {
        if self.locals_variable.is_none() || self.inlined.is_some() {
            return;
        }
        let offsets = self.environment.detached;
        let flags = MemFlagsData::trusted();
        let locals = self.locals();
        let buffer = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, offsets.buffer);
        let detached = self.builder.ins().icmp(IntCC::Equal, buffer, locals);
        let fast = self.builder.create_block();
        let attached = self.builder.create_block();
        self.builder.ins().brif(detached, fast, &[], attached, &[]);
        self.builder.switch_to_block(fast);
        self.builder
            .ins()
            .store(flags, value, self.vm, offsets.yielded);
        self.builder
            .ins()
            .store(flags, stack_pointer, self.vm, offsets.paused_stack);
        let resume_at = self.builder.ins().iconst(types::I64, index as i64 + 1);
        self.builder
            .ins()
            .store(flags, resume_at, self.vm, offsets.paused_at);
        let marker = self
            .builder
            .ins()
            .iconst(types::I64, krait_runtime::profile::YIELD_MARKER as i64);
        self.builder.ins().return_(&[marker]);
        self.builder.switch_to_block(attached);
        self.builder.set_cold_block(attached);
    }

    /// Generator code, after a helper call: when the helper moved this frame from its
    /// generator's buffer onto the VM stack (the vm's `relocated_from` is this frame's locals
    /// pointer), the locals pointer follows it.
    fn relocate_locals(&mut self) {
        let Some(variable) = self.locals_variable else {
            return;
        };
        let offsets = self.environment.detached;
        let flags = MemFlagsData::trusted();
        let locals = self.builder.use_var(variable);
        let from = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, offsets.relocated_from);
        let to = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, offsets.relocated_to);
        let moved = self.builder.ins().icmp(IntCC::Equal, from, locals);
        let relocated = self.builder.ins().select(moved, to, locals);
        self.builder.def_var(variable, relocated);
    }

    /// Calls a helper after which the code returns the exit marker at once (a deopt): no
    /// relocation of the locals pointer follows it.
    fn call_helper_then_return(
        &mut self,
        address: usize,
        stack_pointer: IrValue,
        instruction: IrValue,
        first: IrValue,
        second: IrValue,
    ) {
        let variable = self.locals_variable.take();
        self.call_helper_raw(address, stack_pointer, instruction, first, second);
        self.locals_variable = variable;
        let exit = self.builder.ins().iconst(types::I64, EXIT_MARKER as i64);
        self.builder.ins().return_(&[exit]);
    }

    /// Calls a helper with the whole operand stack flushed; leaves through the exit block when
    /// it reports an exit.
    fn call_helper(&mut self, address: usize, index: usize, first: i64, second: i64) -> IrValue {
        let first = self.builder.ins().iconst(types::I64, first);
        let second = self.builder.ins().iconst(types::I64, second);
        self.call_helper_values(address, index, first, second)
    }

    fn call_helper_values(
        &mut self,
        address: usize,
        index: usize,
        first: IrValue,
        second: IrValue,
    ) -> IrValue {
        let stack_pointer = self.flush(self.depth);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let result = self.call_helper_raw(address, stack_pointer, instruction, first, second);
        self.exit_if_marker(result);
        result
    }

    /// Leaves (or, inside a `try`, goes to the handler) when a helper answered the exit
    /// marker.
    fn exit_if_marker(&mut self, result: IrValue) {
        let is_exit = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, result, EXIT_MARKER as i64);
        self.branch_on_raise(is_exit);
    }

    /// Continues when `condition` holds; otherwise deopts to the interpreter at instruction
    /// `index` with the current (pre-instruction) stack.
    fn guard(&mut self, condition: IrValue, index: usize, reason: DeoptReason) {
        self.guards += 1;
        // A type guard at an instruction that had never run when compiled was a guess: its
        // failure recompiles with the types the interpreter records, not without speculation.
        let unprofiled =
            self.feedback[index] & (SEEN_INT | SEEN_FLOAT | SEEN_MIXED | SEEN_OTHER) == 0;
        let reason = match reason {
            DeoptReason::NotAnInt | DeoptReason::NotAFloat | DeoptReason::NotANumber
                if unprofiled =>
            {
                DeoptReason::Unprofiled
            }
            reason => reason,
        };
        let next = self.builder.create_block();
        let failed = self.builder.create_block();
        self.builder.set_cold_block(failed);
        self.builder.ins().brif(condition, next, &[], failed, &[]);
        self.builder.switch_to_block(failed);
        self.emit_deopt(index, reason);
        self.builder.switch_to_block(next);
    }

    /// Deopts at `index`: the current stack goes to the frame and the interpreter resumes.
    fn emit_deopt(&mut self, index: usize, reason: DeoptReason) {
        if let Some(exit) = self.inlined.as_ref().map(|body| body.exit) {
            self.builder.ins().jump(exit, &[]);
            return;
        }
        // The deopt path never continues here: what the block knew still holds after it.
        let list_facts = self.list_facts.clone();
        let stack_pointer = self.flush(self.depth);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let reason = self.builder.ins().iconst(types::I64, reason as i64);
        let zero = self.builder.ins().iconst(types::I64, 0);
        let helper = self.environment.helpers.deopt;
        self.call_helper_then_return(helper, stack_pointer, instruction, reason, zero);
        self.list_facts = list_facts;
    }

    /// The generic path: the vm runs the instruction on the flushed stack; the results are read
    /// back from the frame.
    fn generic(&mut self, index: usize, opcode: Opcode, arg: u32) {
        let helper = self.environment.helpers.stack_op;
        self.call_helper(helper, index, i64::from(opcode.to_byte()), i64::from(arg));
        let (pops, pushes) = opcode.stack_effect(arg);
        self.depth -= pops as usize;
        for _ in 0..pushes {
            let value = self.load_slot(self.slots + self.depth);
            self.push(value, Kind::Unknown);
        }
    }

    /// An instruction taking the top two stack values and leaving one (`left op right`,
    /// `container[key]`, `item in container`): the fast path at `address` gets `(left, right)`,
    /// the top value last, and `immediate`; its answer replaces both, of kind `kind`. A miss
    /// takes the generic path.
    fn binary_fast_or_generic(
        &mut self,
        index: usize,
        opcode: Opcode,
        arg: u32,
        address: usize,
        immediate: i64,
        kind: Kind,
    ) {
        let (right, _) = self.peek(0);
        let (left, _) = self.peek(1);
        let zero = self.zero();
        self.fast_or_generic(
            index,
            opcode,
            arg,
            address,
            zero,
            immediate,
            (left, right),
            |this, value| {
                this.pop();
                this.pop();
                this.push(value, kind);
            },
        );
    }

    /// Calls fast path `address` with `(vm, extra, immediate, a, b)` and no flush; where it
    /// misses the generic path runs instead. `on_success` updates the abstract stack for
    /// the fast path's result.
    #[allow(clippy::too_many_arguments)]
    fn fast_or_generic(
        &mut self,
        index: usize,
        opcode: Opcode,
        arg: u32,
        address: usize,
        extra: IrValue,
        immediate: i64,
        operands: (IrValue, IrValue),
        on_success: impl FnOnce(&mut Self, IrValue),
    ) {
        let immediate = self.builder.ins().iconst(types::I32, immediate);
        let result = self.call_helper_raw(address, extra, immediate, operands.0, operands.1);
        let fast = self.builder.create_block();
        let slow = self.builder.create_block();
        let join = self.builder.create_block();
        self.builder.set_cold_block(slow);
        let missed = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, result, EXIT_MARKER as i64);
        self.builder.ins().brif(missed, slow, &[], fast, &[]);
        let depth = self.depth;
        let kinds = self.stack_kinds.clone();
        let raws = (self.stack_raw.clone(), self.local_raw.clone());
        self.builder.switch_to_block(fast);
        on_success(self, result);
        let depth_after = self.depth;
        self.builder.ins().jump(join, &[]);
        self.builder.switch_to_block(slow);
        self.depth = depth;
        self.stack_kinds = kinds;
        self.generic(index, opcode, arg);
        debug_assert_eq!(self.depth, depth_after);
        self.builder.ins().jump(join, &[]);
        self.builder.switch_to_block(join);
        // The slots the instruction replaced may hold either path's value; those below it
        // keep what was known of them.
        let (pops, _) = opcode.stack_effect(arg);
        let first_changed = depth.saturating_sub(pops as usize);
        for slot in first_changed..self.depth {
            self.stack_kinds[slot] = Kind::Unknown;
        }
        self.restore_raws(raws, first_changed);
    }
}
