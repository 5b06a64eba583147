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
//! — behind guards: a failing guard, an int result outside the inline range or a zero divisor
//! *deopts*: the stack is flushed, the frame's instruction index set to the instruction, and
//! the interpreter re-executes it. Everything else calls a vm helper that runs the interpreter's
//! own implementation of the instruction on the flushed stack.

use std::collections::HashMap;

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    types, Block, InstBuilder, MemFlagsData, SigRef, SourceLoc, Value as IrValue,
};
use cranelift_frontend::{FunctionBuilder, Switch, Variable};
use krait_compiler::{Comparison, Opcode};
use krait_runtime::layout::Kind as Layout;
use krait_runtime::object::CodeData;
use krait_runtime::profile::{EXIT_MARKER, SEEN_FLOAT, SEEN_INT, SEEN_MIXED, SEEN_OTHER};
use krait_runtime::Value;

use crate::analysis::Analysis;
use crate::{CallTarget, DeoptReason, Environment, GlobalSnapshot};

const TAG_INT: i64 = (0xFFF9_u64 << 48) as i64;
const PAYLOAD_MASK: i64 = (1 << 48) - 1;
const CANONICAL_NAN: i64 = 0x7FF8_0000_0000_0000;

/// What the translator knows about a value's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Unknown,
    Int,
    Float,
    Bool,
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

/// The Cranelift state of one translation.
pub(crate) struct Translator<'a, 'b> {
    builder: &'a mut FunctionBuilder<'b>,
    code: &'a CodeData,
    analysis: &'a Analysis,
    feedback: Vec<u8>,
    globals: &'a GlobalSnapshot,
    environment: &'a Environment,
    helper_signature: SigRef,
    vm: IrValue,
    locals: IrValue,
    local_variables: Vec<Variable>,
    stack_variables: Vec<Variable>,
    blocks: Vec<Option<Block>>,
    exit_block: Block,
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
    /// As `boxed_ints`, for boxed floats and the f64 each was boxed from. (A NaN boxes to the
    /// canonical NaN; arithmetic on either NaN gives a NaN, which boxes canonical again.)
    boxed_floats: HashMap<IrValue, IrValue>,
    local_kinds: Vec<Kind>,
    local_bound: Vec<bool>,
    always_bound: Vec<bool>,
    slots: usize,
    terminated: bool,
    /// Instructions compiled with a deopt exit (for the listing and the log).
    pub guards: usize,
    /// Where to count executions per instruction (`Inspect::instruction_counters`), or 0.
    pub instruction_counters: usize,
    /// The call targets the compiled code points at (the `Jit` keeps them).
    // Boxed: machine code embeds each target's address, which must not move as the vector grows.
    #[allow(clippy::vec_box)]
    pub call_targets: Vec<Box<CallTarget>>,
}

impl<'a, 'b> Translator<'a, 'b> {
    pub(crate) fn new(
        builder: &'a mut FunctionBuilder<'b>,
        code: &'a CodeData,
        analysis: &'a Analysis,
        feedback: Vec<u8>,
        globals: &'a GlobalSnapshot,
        environment: &'a Environment,
        helper_signature: SigRef,
    ) -> Translator<'a, 'b> {
        let compiled = &code.code;
        let local_count = compiled.varnames.len();
        let local_variables = (0..local_count)
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
        let exit_block = builder.create_block();
        Translator {
            builder,
            code,
            analysis,
            feedback,
            globals,
            environment,
            helper_signature,
            vm: IrValue::from_u32(0),
            locals: IrValue::from_u32(0),
            local_variables,
            stack_variables,
            blocks: vec![None; compiled.instructions.len()],
            exit_block,
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
            guards: 0,
            instruction_counters: 0,
            call_targets: Vec::new(),
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
        let entry_instruction = parameters[2];
        for index in 0..self.local_variables.len() {
            let value = self.load_slot(index);
            self.builder.def_var(self.local_variables[index], value);
        }
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
            let target = self.block_for(entry_index);
            self.builder.ins().jump(target, &[]);
        }

        self.builder.switch_to_block(self.exit_block);
        self.builder.set_cold_block(self.exit_block);
        let exit = self.builder.ins().iconst(types::I64, EXIT_MARKER as i64);
        self.builder.ins().return_(&[exit]);

        self.terminated = true;
        let count = self.code.code.instructions.len();
        let mut index = 0;
        while index < count {
            let Some(depth) = self.analysis.depth[index] else {
                index += 1;
                continue;
            };
            if self.analysis.block_start[index] {
                let block = self.block_for(index);
                if !self.terminated {
                    self.builder.ins().jump(block, &[]);
                }
                self.builder.switch_to_block(block);
                self.terminated = false;
                self.depth = depth as usize;
                self.stack_kinds
                    .iter_mut()
                    .for_each(|kind| *kind = Kind::Unknown);
                self.stack_expected.iter_mut().for_each(Vec::clear);
                self.stack_local.iter_mut().for_each(|local| *local = None);
                self.stack_raw.iter_mut().for_each(|raw| *raw = None);
                self.local_raw.iter_mut().for_each(|raw| *raw = None);
                self.local_kinds
                    .iter_mut()
                    .for_each(|kind| *kind = Kind::Unknown);
                self.local_bound.iter_mut().for_each(|bound| *bound = false);
            } else if self.terminated {
                index += 1;
                continue;
            }
            self.builder.set_srcloc(SourceLoc::new(index as u32));
            if self.instruction_counters != 0 {
                self.count_instruction(index);
            }
            index += self.instruction(index)?;
        }
        if !self.terminated {
            return Err("control runs off the end".into());
        }
        Ok(())
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

    fn load_slot(&mut self, slot: usize) -> IrValue {
        self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            self.locals,
            Self::slot_offset(slot),
        )
    }

    fn store_slot(&mut self, slot: usize, value: IrValue) {
        self.builder.ins().store(
            MemFlagsData::trusted(),
            value,
            self.locals,
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
    }

    /// Writes the operand stack's `depth` values to the frame; returns the stack pointer after
    /// them (what the vm helpers take as the VM stack's new length).
    fn flush(&mut self, depth: usize) -> IrValue {
        for slot in 0..depth {
            let value = self.builder.use_var(self.stack_variables[slot]);
            self.store_slot(self.slots + slot, value);
        }
        self.builder
            .ins()
            .iadd_imm_s(self.locals, Self::slot_offset(self.slots + depth) as i64)
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
        let callee = self.builder.ins().iconst(types::I64, address as i64);
        let call = self.builder.ins().call_indirect(
            self.helper_signature,
            callee,
            &[self.vm, stack_pointer, instruction, first, second],
        );
        self.builder.inst_results(call)[0]
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

    fn exit_if_marker(&mut self, result: IrValue) {
        let is_exit = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, result, EXIT_MARKER as i64);
        let next = self.builder.create_block();
        self.builder
            .ins()
            .brif(is_exit, self.exit_block, &[], next, &[]);
        self.builder.switch_to_block(next);
    }

    /// Continues when `condition` holds; otherwise deopts to the interpreter at instruction
    /// `index` with the current (pre-instruction) stack.
    fn guard(&mut self, condition: IrValue, index: usize, reason: DeoptReason) {
        self.guards += 1;
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
        let stack_pointer = self.flush(self.depth);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let reason = self.builder.ins().iconst(types::I64, reason as i64);
        let zero = self.builder.ins().iconst(types::I64, 0);
        let helper = self.environment.helpers.deopt;
        self.call_helper_raw(helper, stack_pointer, instruction, reason, zero);
        let exit = self.builder.ins().iconst(types::I64, EXIT_MARKER as i64);
        self.builder.ins().return_(&[exit]);
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
        for slot in self.depth.saturating_sub(2)..self.depth {
            self.stack_kinds[slot] = Kind::Unknown;
        }
        self.restore_raws(raws, depth.saturating_sub(2));
    }

    /// Branches to `otherwise` unless `value` is a heap object of `kind`; returns the object's
    /// address.
    fn object_of_kind(&mut self, value: IrValue, kind: Layout, otherwise: Block) -> IrValue {
        let tag = self.builder.ins().ushr_imm_s(value, 48);
        let is_object = self.builder.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFFA);
        let check_kind = self.builder.create_block();
        self.builder
            .ins()
            .brif(is_object, check_kind, &[], otherwise, &[]);
        self.builder.switch_to_block(check_kind);
        let address = self.builder.ins().band_imm_s(value, PAYLOAD_MASK);
        let offset = self.layout().map_or(0, |layout| layout.kind);
        let found = self
            .builder
            .ins()
            .uload8(types::I32, MemFlagsData::trusted(), address, offset);
        let matches = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, found, kind as i64);
        let next = self.builder.create_block();
        self.builder.ins().brif(matches, next, &[], otherwise, &[]);
        self.builder.switch_to_block(next);
        address
    }

    fn layout(&self) -> Option<krait_runtime::layout::Offsets> {
        self.environment.layout
    }

    fn load_at(&mut self, address: IrValue, offset: i32) -> IrValue {
        self.builder
            .ins()
            .load(types::I64, MemFlagsData::trusted(), address, offset)
    }

    /// The address of item `key` (a boxed int) of the list or tuple `container`, or a jump to
    /// `otherwise` (not a list/tuple, not an int, out of range). Lists only when `lists_only`.
    fn item_address(
        &mut self,
        container: IrValue,
        key: IrValue,
        lists_only: bool,
        otherwise: Block,
    ) -> Option<IrValue> {
        let layout = self.layout()?;
        let key_is_int = self.is_int(key);
        let int_key = self.builder.create_block();
        self.builder
            .ins()
            .brif(key_is_int, int_key, &[], otherwise, &[]);
        self.builder.switch_to_block(int_key);
        let found = self.builder.create_block();
        self.builder.append_block_param(found, types::I64);
        self.builder.append_block_param(found, types::I64);
        let not_list = if lists_only {
            otherwise
        } else {
            self.builder.create_block()
        };
        let list = self.object_of_kind(container, Layout::List, not_list);
        let items = self.load_at(list, layout.list_items);
        let length = self.load_at(list, layout.list_length);
        self.builder
            .ins()
            .jump(found, &[items.into(), length.into()]);
        if !lists_only {
            self.builder.switch_to_block(not_list);
            let tuple = self.object_of_kind(container, Layout::Tuple, otherwise);
            let items = self.load_at(tuple, layout.tuple_items);
            let length = self.load_at(tuple, layout.tuple_length);
            self.builder
                .ins()
                .jump(found, &[items.into(), length.into()]);
        }
        self.builder.switch_to_block(found);
        let items = self.builder.block_params(found)[0];
        let length = self.builder.block_params(found)[1];
        let raw = self.unbox_int(key);
        let negative = self.builder.ins().icmp_imm_s(IntCC::SignedLessThan, raw, 0);
        let wrapped = self.builder.ins().iadd(raw, length);
        let position = self.builder.ins().select(negative, wrapped, raw);
        let in_range = self
            .builder
            .ins()
            .icmp(IntCC::UnsignedLessThan, position, length);
        let ok = self.builder.create_block();
        self.builder.ins().brif(in_range, ok, &[], otherwise, &[]);
        self.builder.switch_to_block(ok);
        let offset = self.builder.ins().ishl_imm_s(position, 3);
        Some(self.builder.ins().iadd(items, offset))
    }

    /// The attribute cache's entries at `index` of the sort the instruction can use inline:
    /// instance slots (`slots`) or methods.
    fn recorded_ways(
        &self,
        index: usize,
        slots: bool,
    ) -> Vec<krait_runtime::attribute_site::Monomorphic> {
        self.globals
            .attributes
            .get(index)
            .map(|ways| {
                ways.iter()
                    .filter(|way| way.slot.is_some() == slots)
                    .copied()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Checks inline that `object` is a plain instance of one of the classes and shapes the
    /// attribute cache recorded (`ways`), with class namespaces unchanged since, and emits
    /// `each` for the way it matches (given the instance's address). `each` returns a
    /// condition (an i8: false goes to `otherwise`) and, optionally, the value the instruction
    /// produces. Anything else jumps to `otherwise`. Returns the join block (holding the value
    /// as its parameter when there is one), current on return; `None` when nothing could be
    /// emitted inline (and nothing was).
    fn dispatch_ways(
        &mut self,
        object: IrValue,
        ways: &[krait_runtime::attribute_site::Monomorphic],
        otherwise: Block,
        mut each: impl FnMut(
            &mut Self,
            &krait_runtime::attribute_site::Monomorphic,
            IrValue,
        ) -> Option<(IrValue, Option<IrValue>)>,
    ) -> Option<Block> {
        let layout = self.layout()?;
        let first = ways.first()?;
        let address = self.object_of_kind(object, Layout::Instance, otherwise);
        let class = self.load_at(address, layout.instance_class);
        let shape = self.load_at(address, layout.instance_shape);
        let extra = self.load_at(address, layout.instance_extra);
        let epoch_address = self
            .builder
            .ins()
            .iconst(types::I64, self.environment.class_epoch_address as i64);
        let epoch = self.load_at(epoch_address, 0);
        // Every way was read in the same class epoch.
        let plain = self.builder.ins().icmp_imm_s(IntCC::Equal, extra, 0);
        let unchanged = self
            .builder
            .ins()
            .icmp_imm_s(IntCC::Equal, epoch, first.epoch as i64);
        let valid = self.builder.ins().band(plain, unchanged);
        let dispatch = self.builder.create_block();
        self.builder
            .ins()
            .brif(valid, dispatch, &[], otherwise, &[]);
        self.builder.switch_to_block(dispatch);
        let join = self.builder.create_block();
        let mut has_value = None;
        for (position, way) in ways.iter().enumerate() {
            let same_class = self
                .builder
                .ins()
                .icmp_imm_s(IntCC::Equal, class, way.class as i64);
            let same_shape = self.builder.ins().icmp_imm_s(
                IntCC::Equal,
                shape,
                way.shape as i64 - layout.shape_pointer_adjust,
            );
            let same = self.builder.ins().band(same_class, same_shape);
            let matched = self.builder.create_block();
            let next = if position + 1 == ways.len() {
                otherwise
            } else {
                self.builder.create_block()
            };
            self.builder.ins().brif(same, matched, &[], next, &[]);
            self.builder.switch_to_block(matched);
            let (condition, value) = each(self, way, address)?;
            if has_value.is_none() {
                has_value = Some(value.is_some());
                if value.is_some() {
                    self.builder.append_block_param(join, types::I64);
                }
            }
            match value {
                Some(value) => {
                    self.builder
                        .ins()
                        .brif(condition, join, &[value.into()], otherwise, &[])
                }
                None => self
                    .builder
                    .ins()
                    .brif(condition, join, &[], otherwise, &[]),
            };
            if next != otherwise {
                self.builder.switch_to_block(next);
            }
        }
        self.builder.switch_to_block(join);
        Some(join)
    }

    /// The address of slot `slot` of the instance at `address`, or a jump to `otherwise`.
    fn slot_address(&mut self, address: IrValue, slot: u32, otherwise: Block) -> Option<IrValue> {
        let layout = self.layout()?;
        let count = self.load_at(address, layout.instance_slot_count);
        let present =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::UnsignedGreaterThan, count, i64::from(slot));
        let next = self.builder.create_block();
        self.builder.ins().brif(present, next, &[], otherwise, &[]);
        self.builder.switch_to_block(next);
        let slots = self.load_at(address, layout.instance_slots);
        Some(self.builder.ins().iadd_imm_s(slots, i64::from(slot) * 8))
    }

    /// An inline path for an attribute instruction, with the usual path as its fallback.
    /// `inline` emits the fast case given the fallback block and returns false if it could not.
    fn with_inline(
        &mut self,
        inline: impl FnOnce(&mut Self, Block) -> bool,
        usual: impl FnOnce(&mut Self),
    ) {
        let fallback = self.builder.create_block();
        let join = self.builder.create_block();
        self.builder.set_cold_block(fallback);
        let depth = self.depth;
        let kinds = self.stack_kinds.clone();
        let raws = (self.stack_raw.clone(), self.local_raw.clone());
        if inline(self, fallback) {
            self.builder.ins().jump(join, &[]);
        } else {
            self.builder.ins().jump(fallback, &[]);
        }
        self.builder.switch_to_block(fallback);
        self.depth = depth;
        self.stack_kinds = kinds;
        usual(self);
        self.builder.ins().jump(join, &[]);
        self.builder.switch_to_block(join);
        self.restore_raws(raws, depth);
    }

    /// After a join: unboxed values computed inside either branch do not dominate it. Keeps
    /// those of slots below `depth` (defined before the branches) and of locals as saved.
    fn restore_raws(&mut self, saved: (Vec<Option<IrValue>>, Vec<Option<IrValue>>), depth: usize) {
        let (stack, locals) = saved;
        for (slot, raw) in self.stack_raw.iter_mut().enumerate() {
            *raw = if slot < depth.min(self.depth) {
                stack[slot]
            } else {
                None
            };
        }
        self.local_raw = locals;
    }

    /// The stack after `LoadAttr` or `LoadMethod` found `result` for the object on top:
    /// the attribute, or the method with the object as its receiver.
    fn finish_attribute(&mut self, opcode: Opcode, result: IrValue) {
        let (object, _) = self.pop();
        self.push(result, Kind::Unknown);
        if opcode == Opcode::LoadMethod {
            self.push(object, Kind::Unknown);
        }
    }

    /// `LoadAttr` or `LoadMethod` through the attribute cache's fast path, else the generic
    /// helper.
    fn attribute_fallback(&mut self, index: usize, opcode: Opcode, arg: u32) {
        let (object, _) = self.peek(0);
        let fast = if opcode == Opcode::LoadMethod {
            self.environment.fast_paths.load_method
        } else {
            self.environment.fast_paths.load_attribute
        };
        let zero = self.zero();
        self.fast_or_generic(
            index,
            opcode,
            arg,
            fast,
            zero,
            index as i64,
            (object, zero),
            |this, result| this.finish_attribute(opcode, result),
        );
    }

    fn zero(&mut self) -> IrValue {
        self.builder.ins().iconst(types::I64, 0)
    }

    // ---- value representation ----

    fn is_int(&mut self, value: IrValue) -> IrValue {
        let tag = self.builder.ins().ushr_imm_s(value, 48);
        self.builder.ins().icmp_imm_s(IntCC::Equal, tag, 0xFFF9)
    }

    fn is_float(&mut self, value: IrValue) -> IrValue {
        self.builder
            .ins()
            .icmp_imm_s(IntCC::UnsignedLessThan, value, TAG_INT)
    }

    fn unbox_int(&mut self, value: IrValue) -> IrValue {
        if let Some(&raw) = self.boxed_ints.get(&value) {
            return raw;
        }
        let shifted = self.builder.ins().ishl_imm_s(value, 16);
        self.builder.ins().sshr_imm_s(shifted, 16)
    }

    fn fits_inline(&mut self, raw: IrValue) -> IrValue {
        let shifted = self.builder.ins().ishl_imm_s(raw, 16);
        let back = self.builder.ins().sshr_imm_s(shifted, 16);
        self.builder.ins().icmp(IntCC::Equal, back, raw)
    }

    /// Boxes `raw`, an i64 known to fit the inline range.
    fn box_int(&mut self, raw: IrValue) -> IrValue {
        let payload = self.builder.ins().band_imm_s(raw, PAYLOAD_MASK);
        let boxed = self.builder.ins().bor_imm_s(payload, TAG_INT);
        self.boxed_ints.insert(boxed, raw);
        boxed
    }

    fn unbox_float(&mut self, value: IrValue) -> IrValue {
        if let Some(&raw) = self.boxed_floats.get(&value) {
            return raw;
        }
        self.builder
            .ins()
            .bitcast(types::F64, MemFlagsData::new(), value)
    }

    fn box_float(&mut self, raw: IrValue) -> IrValue {
        let bits = self
            .builder
            .ins()
            .bitcast(types::I64, MemFlagsData::new(), raw);
        let is_nan = self.builder.ins().fcmp(FloatCC::Unordered, raw, raw);
        let canonical = self.builder.ins().iconst(types::I64, CANONICAL_NAN);
        let boxed = self.builder.ins().select(is_nan, canonical, bits);
        self.boxed_floats.insert(boxed, raw);
        boxed
    }

    fn box_bool(&mut self, condition: IrValue) -> IrValue {
        let wide = self.builder.ins().uextend(types::I64, condition);
        self.builder
            .ins()
            .iadd_imm_s(wide, Value::FALSE.bits() as i64)
    }

    fn constant_kind(value: Value) -> Kind {
        if value.as_small_int().is_some() {
            Kind::Int
        } else if value.as_float().is_some() {
            Kind::Float
        } else if value == Value::TRUE || value == Value::FALSE {
            Kind::Bool
        } else {
            Kind::Unknown
        }
    }

    /// Makes sure the value `from_top` is an int (guarding unless known) and returns it unboxed.
    fn int_operand(&mut self, from_top: usize, index: usize) -> IrValue {
        let (value, kind) = self.peek(from_top);
        let slot = self.depth - 1 - from_top;
        if kind == Kind::Int {
            if let Some(raw) = self.stack_raw[slot] {
                return raw;
            }
        } else {
            let condition = self.is_int(value);
            self.guard(condition, index, DeoptReason::NotAnInt);
            self.set_kind(from_top, Kind::Int);
        }
        let raw = self.unbox_int(value);
        self.record_raw(slot, raw);
        raw
    }

    /// Remembers the unboxed value of stack slot `slot` (and of the local it was loaded from).
    fn record_raw(&mut self, slot: usize, raw: IrValue) {
        self.stack_raw[slot] = Some(raw);
        if let Some(local) = self.stack_local[slot] {
            self.local_raw[local] = Some(raw);
        }
    }

    /// Makes sure the value `from_top` is a float, or an int converted to one when `mixed`
    /// feedback allows it, and returns the f64.
    fn float_operand(&mut self, from_top: usize, index: usize, mixed: bool) -> IrValue {
        let (value, kind) = self.peek(from_top);
        let slot = self.depth - 1 - from_top;
        match kind {
            Kind::Float => {
                if let Some(raw) = self.stack_raw[slot] {
                    return raw;
                }
                let raw = self.unbox_float(value);
                self.record_raw(slot, raw);
                raw
            }
            Kind::Int => {
                let raw = match self.stack_raw[slot] {
                    Some(raw) => raw,
                    None => self.unbox_int(value),
                };
                self.builder.ins().fcvt_from_sint(types::F64, raw)
            }
            _ if !mixed => {
                let condition = self.is_float(value);
                self.guard(condition, index, DeoptReason::NotAFloat);
                self.set_kind(from_top, Kind::Float);
                let raw = self.unbox_float(value);
                self.record_raw(slot, raw);
                raw
            }
            _ => {
                let float_block = self.builder.create_block();
                let other_block = self.builder.create_block();
                let join = self.builder.create_block();
                self.builder.append_block_param(join, types::F64);
                let condition = self.is_float(value);
                self.builder
                    .ins()
                    .brif(condition, float_block, &[], other_block, &[]);
                self.builder.switch_to_block(float_block);
                let as_float = self.unbox_float(value);
                self.builder.ins().jump(join, &[as_float.into()]);
                self.builder.switch_to_block(other_block);
                let condition = self.is_int(value);
                self.guard(condition, index, DeoptReason::NotANumber);
                let raw = self.unbox_int(value);
                let converted = self.builder.ins().fcvt_from_sint(types::F64, raw);
                self.builder.ins().jump(join, &[converted.into()]);
                self.builder.switch_to_block(join);
                self.builder.block_params(join)[0]
            }
        }
    }

    /// How to compile an arithmetic or comparison instruction, from feedback and known kinds.
    fn numeric_mode(&mut self, index: usize) -> NumericMode {
        let seen = self.feedback[index] & (SEEN_INT | SEEN_FLOAT | SEEN_MIXED | SEEN_OTHER);
        let (_, right) = self.peek(0);
        let (_, left) = self.peek(1);
        let known_float = left == Kind::Float || right == Kind::Float;
        let known_int = left == Kind::Int || right == Kind::Int;
        if seen & SEEN_OTHER != 0 {
            return NumericMode::Generic;
        }
        if seen == SEEN_INT || (seen == 0 && known_int && !known_float) {
            return NumericMode::Int;
        }
        if seen != 0 && seen & SEEN_INT == 0 {
            return NumericMode::Float {
                mixed: seen & SEEN_MIXED != 0,
            };
        }
        if seen == 0 && known_float {
            return NumericMode::Float {
                mixed: left != Kind::Float || right != Kind::Float,
            };
        }
        NumericMode::Generic
    }

    // ---- instructions ----

    /// Translates the instruction at `index`; returns how many instructions it consumed.
    fn instruction(&mut self, index: usize) -> Result<usize, String> {
        let instruction = self.code.code.instructions[index];
        let arg = instruction.arg;
        let opcode = instruction.opcode;
        match opcode {
            Opcode::Nop => {}
            Opcode::PopTop => {
                self.pop();
            }
            Opcode::Copy => {
                let (value, kind) = self.peek(arg as usize - 1);
                let expected = self.stack_expected[self.depth - arg as usize].clone();
                let local = self.stack_local[self.depth - arg as usize];
                let raw = self.stack_raw[self.depth - arg as usize];
                self.push(value, kind);
                self.stack_expected[self.depth - 1] = expected;
                self.stack_local[self.depth - 1] = local;
                self.stack_raw[self.depth - 1] = raw;
            }
            Opcode::Swap => {
                let top = self.depth - 1;
                let other = self.depth - arg as usize;
                let top_value = self.builder.use_var(self.stack_variables[top]);
                let other_value = self.builder.use_var(self.stack_variables[other]);
                self.builder.def_var(self.stack_variables[top], other_value);
                self.builder.def_var(self.stack_variables[other], top_value);
                self.stack_kinds.swap(top, other);
                self.stack_expected.swap(top, other);
                self.stack_local.swap(top, other);
                self.stack_raw.swap(top, other);
            }
            Opcode::PushNull => {
                let null = self
                    .builder
                    .ins()
                    .iconst(types::I64, Value::NULL.bits() as i64);
                self.push(null, Kind::Unknown);
            }
            Opcode::LoadConst => {
                let constant = self.code.constants[arg as usize];
                let value = self
                    .builder
                    .ins()
                    .iconst(types::I64, constant.bits() as i64);
                self.push(value, Self::constant_kind(constant));
            }
            Opcode::LoadAssertionError => {
                let value = self
                    .builder
                    .ins()
                    .iconst(types::I64, self.environment.assertion_error.bits() as i64);
                self.push(value, Kind::Unknown);
            }
            Opcode::LoadFast => {
                let local = arg as usize;
                let value = self.builder.use_var(self.local_variables[local]);
                if !self.always_bound[local] && !self.local_bound[local] {
                    let is_null = self.builder.ins().icmp_imm_s(
                        IntCC::Equal,
                        value,
                        Value::NULL.bits() as i64,
                    );
                    let unbound = self.builder.create_block();
                    let next = self.builder.create_block();
                    self.builder.set_cold_block(unbound);
                    self.builder.ins().brif(is_null, unbound, &[], next, &[]);
                    self.builder.switch_to_block(unbound);
                    // The vm raises UnboundLocalError.
                    let helper = self.environment.helpers.stack_op;
                    self.call_helper(
                        helper,
                        index,
                        i64::from(Opcode::LoadFast.to_byte()),
                        i64::from(arg),
                    );
                    self.builder.ins().jump(self.exit_block, &[]);
                    self.builder.switch_to_block(next);
                    self.local_bound[local] = true;
                }
                let kind = self.local_kinds[local];
                self.push(value, kind);
                self.stack_local[self.depth - 1] = Some(local);
                self.stack_raw[self.depth - 1] = self.local_raw[local];
            }
            Opcode::StoreFast => {
                let local = arg as usize;
                let raw = self.stack_raw[self.depth - 1];
                let (value, kind) = self.pop();
                self.forget_local(local);
                self.local_raw[local] = raw;
                self.builder.def_var(self.local_variables[local], value);
                self.store_slot(local, value);
                self.local_kinds[local] = kind;
                self.local_bound[local] = true;
            }
            Opcode::DeleteFast => {
                // The vm checks the local is bound and unbinds it in the frame.
                self.generic(index, opcode, arg);
                let null = self
                    .builder
                    .ins()
                    .iconst(types::I64, Value::NULL.bits() as i64);
                self.builder
                    .def_var(self.local_variables[arg as usize], null);
                self.local_kinds[arg as usize] = Kind::Unknown;
                self.local_bound[arg as usize] = false;
                self.forget_local(arg as usize);
                self.local_raw[arg as usize] = None;
            }
            Opcode::BinaryOp => self.binary_op(index, arg),
            Opcode::CompareOp => return self.compare_op(index, arg),
            Opcode::UnaryNegative => {
                let (_, kind) = self.peek(0);
                let seen = self.feedback[index];
                if kind == Kind::Float || (seen == SEEN_FLOAT) {
                    let operand = self.float_operand(0, index, false);
                    let negated = self.builder.ins().fneg(operand);
                    let boxed = self.box_float(negated);
                    self.pop();
                    self.push(boxed, Kind::Float);
                } else if kind == Kind::Int || seen == SEEN_INT {
                    let operand = self.int_operand(0, index);
                    let negated = self.builder.ins().ineg(operand);
                    let fits = self.fits_inline(negated);
                    self.guard(fits, index, DeoptReason::Overflow);
                    let boxed = self.box_int(negated);
                    self.pop();
                    self.push(boxed, Kind::Int);
                } else {
                    // No feedback here: a float is negated inline, anything else goes
                    // through the interpreter's implementation.
                    let (value, _) = self.peek(0);
                    self.with_inline(
                        |this, fallback| {
                            let is_float = this.is_float(value);
                            let float_block = this.builder.create_block();
                            this.builder
                                .ins()
                                .brif(is_float, float_block, &[], fallback, &[]);
                            this.builder.switch_to_block(float_block);
                            let operand = this.unbox_float(value);
                            let negated = this.builder.ins().fneg(operand);
                            let boxed = this.box_float(negated);
                            this.pop();
                            this.push(boxed, Kind::Float);
                            true
                        },
                        |this| this.generic(index, opcode, arg),
                    );
                }
            }
            Opcode::UnaryNot => {
                let (value, kind) = self.peek(0);
                if kind == Kind::Bool {
                    let flipped = self.builder.ins().bxor_imm_s(value, 1);
                    self.pop();
                    self.push(flipped, Kind::Bool);
                } else {
                    let truth = self.truth(index, value, kind);
                    let falsity = self.builder.ins().bxor_imm_s(truth, 1);
                    let boxed = self.box_bool(falsity);
                    self.pop();
                    self.push(boxed, Kind::Bool);
                }
            }
            Opcode::IsOp => {
                let (right, _) = self.pop();
                let (left, _) = self.pop();
                let condition = if arg == 1 {
                    IntCC::NotEqual
                } else {
                    IntCC::Equal
                };
                let result = self.builder.ins().icmp(condition, left, right);
                let boxed = self.box_bool(result);
                self.push(boxed, Kind::Bool);
            }
            Opcode::Call | Opcode::CallMethod if self.known_call(index, opcode, arg) => {}
            Opcode::Call | Opcode::CallMethod | Opcode::CallKw | Opcode::CallFunctionEx => {
                let helper = self.environment.helpers.call;
                let result =
                    self.call_helper(helper, index, i64::from(opcode.to_byte()), i64::from(arg));
                let (pops, _) = opcode.stack_effect(arg);
                self.depth -= pops as usize;
                self.push(result, Kind::Unknown);
            }
            Opcode::ReturnValue => {
                let (value, _) = self.pop();
                self.builder.ins().return_(&[value]);
                self.terminated = true;
            }
            Opcode::Jump => {
                let target = arg as usize;
                if target <= index {
                    self.safepoint(index);
                }
                let block = self.block_for(target);
                self.builder.ins().jump(block, &[]);
                self.terminated = true;
            }
            Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                let (value, kind) = self.peek(0);
                let truth = self.truth(index, value, kind);
                self.pop();
                self.branch(truth, opcode == Opcode::PopJumpIfTrue, arg as usize, index);
            }
            Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                let (value, kind) = self.peek(0);
                let truth = self.truth(index, value, kind);
                let target = self.block_for(arg as usize);
                let next = self.block_for(index + 1);
                if opcode == Opcode::JumpIfTrueOrPop {
                    self.builder.ins().brif(truth, target, &[], next, &[]);
                } else {
                    self.builder.ins().brif(truth, next, &[], target, &[]);
                }
                self.terminated = true;
            }
            Opcode::ForIter => {
                let (iterator, _) = self.peek(0);
                let join = self.builder.create_block();
                self.builder.append_block_param(join, types::I64);
                let not_range = self.builder.create_block();
                if let Some(layout) = self.layout() {
                    // A range iterator, inline: the next value while it fits inline.
                    let range = self.object_of_kind(iterator, Layout::RangeIterator, not_range);
                    let next = self.load_at(range, layout.range_next);
                    let stop = self.load_at(range, layout.range_stop);
                    let step = self.load_at(range, layout.range_step);
                    let below = self.builder.ins().icmp(IntCC::SignedLessThan, next, stop);
                    let above = self
                        .builder
                        .ins()
                        .icmp(IntCC::SignedGreaterThan, next, stop);
                    let upward = self
                        .builder
                        .ins()
                        .icmp_imm_s(IntCC::SignedGreaterThan, step, 0);
                    let more = self.builder.ins().select(upward, below, above);
                    let produce = self.builder.create_block();
                    let null = self
                        .builder
                        .ins()
                        .iconst(types::I64, Value::NULL.bits() as i64);
                    self.builder
                        .ins()
                        .brif(more, produce, &[], join, &[null.into()]);
                    self.builder.switch_to_block(produce);
                    let fits = self.fits_inline(next);
                    let store = self.builder.create_block();
                    self.builder.ins().brif(fits, store, &[], not_range, &[]);
                    self.builder.switch_to_block(store);
                    let advanced = self.builder.ins().iadd(next, step);
                    self.builder.ins().store(
                        MemFlagsData::trusted(),
                        advanced,
                        range,
                        layout.range_next,
                    );
                    let boxed = self.box_int(next);
                    self.builder.ins().jump(join, &[boxed.into()]);
                } else {
                    self.builder.ins().jump(not_range, &[]);
                }
                self.builder.switch_to_block(not_range);
                let zero = self.builder.ins().iconst(types::I64, 0);
                let immediate = self.builder.ins().iconst(types::I32, 0);
                let fast = self.environment.fast_paths.iterate;
                let quick = self.call_helper_raw(fast, zero, immediate, iterator, zero);
                let missed = self
                    .builder
                    .ins()
                    .icmp_imm_s(IntCC::Equal, quick, EXIT_MARKER as i64);
                let slow = self.builder.create_block();
                self.builder.set_cold_block(slow);
                self.builder
                    .ins()
                    .brif(missed, slow, &[], join, &[quick.into()]);
                self.builder.switch_to_block(slow);
                let helper = self.environment.helpers.for_iter;
                let general = self.call_helper_values(helper, index, iterator, zero);
                self.builder.ins().jump(join, &[general.into()]);
                self.builder.switch_to_block(join);
                let next_value = self.builder.block_params(join)[0];
                let exhausted = self.builder.ins().icmp_imm_s(
                    IntCC::Equal,
                    next_value,
                    Value::NULL.bits() as i64,
                );
                let done = self.builder.create_block();
                let more = self.builder.create_block();
                self.builder.ins().brif(exhausted, done, &[], more, &[]);
                self.builder.switch_to_block(done);
                let target = self.block_for(arg as usize);
                self.builder.ins().jump(target, &[]);
                self.builder.switch_to_block(more);
                self.push(next_value, Kind::Unknown);
            }
            Opcode::RaiseVarargs if arg > 0 => {
                let helper = self.environment.helpers.stack_op;
                self.call_helper(helper, index, i64::from(opcode.to_byte()), i64::from(arg));
                // The vm always reports an exception here.
                self.builder.ins().jump(self.exit_block, &[]);
                self.terminated = true;
            }
            Opcode::LoadGlobal => {
                if let Some(Some(value)) = self.globals.values.get(arg as usize).copied() {
                    // The value at compile time, while no global has changed since.
                    let address = self
                        .builder
                        .ins()
                        .iconst(types::I64, self.environment.globals_epoch_address as i64);
                    let epoch =
                        self.builder
                            .ins()
                            .load(types::I64, MemFlagsData::trusted(), address, 0);
                    let unchanged = self.builder.ins().icmp_imm_s(
                        IntCC::Equal,
                        epoch,
                        self.globals.epoch as i64,
                    );
                    let constant_block = self.builder.create_block();
                    let lookup_block = self.builder.create_block();
                    let join = self.builder.create_block();
                    self.builder.set_cold_block(lookup_block);
                    self.builder
                        .ins()
                        .brif(unchanged, constant_block, &[], lookup_block, &[]);
                    self.builder.switch_to_block(constant_block);
                    let constant = self.builder.ins().iconst(types::I64, value.bits() as i64);
                    self.push(constant, Kind::Unknown);
                    self.builder.ins().jump(join, &[]);
                    self.builder.switch_to_block(lookup_block);
                    self.depth -= 1;
                    let fast = self.environment.fast_paths.load_global;
                    let zero = self.zero();
                    let name = self.builder.ins().iconst(types::I64, i64::from(arg));
                    self.fast_or_generic(
                        index,
                        opcode,
                        arg,
                        fast,
                        zero,
                        0,
                        (name, zero),
                        |this, value| {
                            this.push(value, Kind::Unknown);
                        },
                    );
                    self.builder.ins().jump(join, &[]);
                    self.builder.switch_to_block(join);
                    self.stack_expected[self.depth - 1] = vec![value];
                    return Ok(1);
                }
                let fast = self.environment.fast_paths.load_global;
                let zero = self.zero();
                let name = self.builder.ins().iconst(types::I64, i64::from(arg));
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    zero,
                    0,
                    (name, zero),
                    |this, value| {
                        this.push(value, Kind::Unknown);
                    },
                );
            }
            Opcode::LoadDeref | Opcode::StoreDeref if self.layout().is_some() => {
                // The frame's cells follow its locals; a cell's contents are read and written
                // inline. An empty cell (or anything unexpected) takes the interpreter's path,
                // which raises for an unbound variable.
                let cell = self.load_slot(self.local_variables.len() + arg as usize);
                self.with_inline(
                    |this, fallback| {
                        let Some(layout) = this.layout() else {
                            return false;
                        };
                        let address = this.object_of_kind(cell, Layout::Cell, fallback);
                        if opcode == Opcode::LoadDeref {
                            let value = this.load_at(address, layout.cell_contents);
                            let bound = this.builder.ins().icmp_imm_s(
                                IntCC::NotEqual,
                                value,
                                Value::NULL.bits() as i64,
                            );
                            let next = this.builder.create_block();
                            this.builder.ins().brif(bound, next, &[], fallback, &[]);
                            this.builder.switch_to_block(next);
                            this.push(value, Kind::Unknown);
                        } else {
                            let (value, _) = this.pop();
                            this.builder.ins().store(
                                MemFlagsData::trusted(),
                                value,
                                address,
                                layout.cell_contents,
                            );
                        }
                        true
                    },
                    |this| this.generic(index, opcode, arg),
                );
            }
            Opcode::BinarySubscr if self.layout().is_some() => {
                let (key, _) = self.peek(0);
                let (container, _) = self.peek(1);
                let fallback = self.builder.create_block();
                let join = self.builder.create_block();
                self.builder.set_cold_block(fallback);
                let depth = self.depth;
                let kinds = self.stack_kinds.clone();
                if let Some(address) = self.item_address(container, key, false, fallback) {
                    let item = self.load_at(address, 0);
                    self.pop();
                    self.pop();
                    self.push(item, Kind::Unknown);
                    self.builder.ins().jump(join, &[]);
                }
                self.builder.switch_to_block(fallback);
                self.depth = depth;
                self.stack_kinds = kinds;
                let fast = self.environment.fast_paths.subscript;
                let zero = self.zero();
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    zero,
                    0,
                    (container, key),
                    |this, value| {
                        this.pop();
                        this.pop();
                        this.push(value, Kind::Unknown);
                    },
                );
                self.builder.ins().jump(join, &[]);
                self.builder.switch_to_block(join);
            }
            Opcode::StoreSubscr if self.layout().is_some() => {
                let (key, _) = self.peek(0);
                let (container, _) = self.peek(1);
                let (value, _) = self.peek(2);
                let fallback = self.builder.create_block();
                let join = self.builder.create_block();
                self.builder.set_cold_block(fallback);
                let depth = self.depth;
                let kinds = self.stack_kinds.clone();
                if let Some(address) = self.item_address(container, key, true, fallback) {
                    self.builder
                        .ins()
                        .store(MemFlagsData::trusted(), value, address, 0);
                    self.pop();
                    self.pop();
                    self.pop();
                    self.builder.ins().jump(join, &[]);
                }
                self.builder.switch_to_block(fallback);
                self.depth = depth;
                self.stack_kinds = kinds;
                self.generic(index, opcode, arg);
                self.builder.ins().jump(join, &[]);
                self.builder.switch_to_block(join);
            }
            Opcode::BinarySubscr => {
                let (key, _) = self.peek(0);
                let (container, _) = self.peek(1);
                let fast = self.environment.fast_paths.subscript;
                let zero = self.zero();
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    zero,
                    0,
                    (container, key),
                    |this, value| {
                        this.pop();
                        this.pop();
                        this.push(value, Kind::Unknown);
                    },
                );
            }
            Opcode::StoreSubscr => {
                let (key, _) = self.peek(0);
                let (container, _) = self.peek(1);
                let (value, _) = self.peek(2);
                let fast = self.environment.fast_paths.store_subscript;
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    value,
                    0,
                    (container, key),
                    |this, _| {
                        this.pop();
                        this.pop();
                        this.pop();
                    },
                );
            }
            Opcode::LoadAttr => {
                let ways = self.recorded_ways(index, true);
                let (object, _) = self.peek(0);
                self.with_inline(
                    |this, fallback| {
                        let Some(join) =
                            this.dispatch_ways(object, &ways, fallback, |this, way, address| {
                                let slot = way.slot.unwrap_or(0);
                                let slot_address = this.slot_address(address, slot, fallback)?;
                                let value = this.load_at(slot_address, 0);
                                let bound = this.builder.ins().icmp_imm_s(
                                    IntCC::NotEqual,
                                    value,
                                    Value::NULL.bits() as i64,
                                );
                                Some((bound, Some(value)))
                            })
                        else {
                            return false;
                        };
                        let value = this.builder.block_params(join)[0];
                        this.finish_attribute(opcode, value);
                        true
                    },
                    |this| this.attribute_fallback(index, opcode, arg),
                );
            }
            Opcode::StoreAttr => {
                let ways = self.recorded_ways(index, true);
                let (object, _) = self.peek(0);
                let (stored, _) = self.peek(1);
                self.with_inline(
                    |this, fallback| {
                        if this
                            .dispatch_ways(object, &ways, fallback, |this, way, address| {
                                let slot = way.slot.unwrap_or(0);
                                let slot_address = this.slot_address(address, slot, fallback)?;
                                this.builder.ins().store(
                                    MemFlagsData::trusted(),
                                    stored,
                                    slot_address,
                                    0,
                                );
                                let done = this.builder.ins().iconst(types::I8, 1);
                                Some((done, None))
                            })
                            .is_none()
                        {
                            return false;
                        }
                        this.pop();
                        this.pop();
                        true
                    },
                    |this| {
                        let (object, _) = this.peek(0);
                        let (value, _) = this.peek(1);
                        let fast = this.environment.fast_paths.store_attribute;
                        let zero = this.zero();
                        this.fast_or_generic(
                            index,
                            opcode,
                            arg,
                            fast,
                            value,
                            index as i64,
                            (object, zero),
                            |this, _| {
                                this.pop();
                                this.pop();
                            },
                        );
                    },
                );
            }
            Opcode::LoadMethod => {
                let ways = self.recorded_ways(index, false);
                let (object, _) = self.peek(0);
                let inlined = self.layout().is_some() && !ways.is_empty();
                self.with_inline(
                    |this, fallback| {
                        let Some(join) =
                            this.dispatch_ways(object, &ways, fallback, |this, way, _| {
                                let method =
                                    this.builder.ins().iconst(types::I64, way.method as i64);
                                let found = this.builder.ins().iconst(types::I8, 1);
                                Some((found, Some(method)))
                            })
                        else {
                            return false;
                        };
                        let method = this.builder.block_params(join)[0];
                        this.finish_attribute(opcode, method);
                        true
                    },
                    |this| this.attribute_fallback(index, opcode, arg),
                );
                if inlined {
                    self.stack_expected[self.depth - 2] = ways
                        .iter()
                        .map(|way| Value::from_bits(way.method))
                        .collect();
                }
            }
            Opcode::UnpackSequence => {
                let (sequence, _) = self.peek(0);
                let fast = self.environment.fast_paths.unpack;
                let zero = self.zero();
                let out = self.builder.ins().iadd_imm_s(
                    self.locals,
                    Self::slot_offset(self.slots + self.depth - 1) as i64,
                );
                self.fast_or_generic(
                    index,
                    opcode,
                    arg,
                    fast,
                    out,
                    i64::from(arg),
                    (sequence, zero),
                    |this, _| {
                        this.pop();
                        for _ in 0..arg {
                            let value = this.load_slot(this.slots + this.depth);
                            this.push(value, Kind::Unknown);
                        }
                    },
                );
            }
            _ if runs_through_helper(opcode) && opcode != Opcode::RaiseVarargs => {
                self.generic(index, opcode, arg)
            }
            _ => {
                // Exception-handler, generator and other rare instructions: the interpreter
                // runs them (and re-enters compiled code at the next loop header).
                self.emit_deopt(index, DeoptReason::Unsupported);
                self.terminated = true;
            }
        }
        Ok(1)
    }

    /// A `Call` or `CallMethod` whose callable is expected to be one of a few Python functions
    /// (a global's value at compile time, or the methods the attribute cache found) that a call
    /// can enter with the arguments in place: compares the callable with each and, for the one
    /// it is, calls the vm's `call_known` helper with that function's [`CallTarget`]; anything
    /// else takes the usual `call` helper. Returns false (emitting nothing) when no expected
    /// callable qualifies.
    fn known_call(&mut self, index: usize, opcode: Opcode, arg: u32) -> bool {
        let count = arg as usize;
        let (callable_slot, given) = if opcode == Opcode::Call {
            (self.depth.checked_sub(count + 1), count)
        } else {
            (self.depth.checked_sub(count + 2), count + 1)
        };
        let Some(callable_slot) = callable_slot else {
            return false;
        };
        let targets: Vec<(Value, CallTarget)> = self.stack_expected[callable_slot]
            .iter()
            .filter_map(|&expected| {
                CallTarget::for_function(expected, given).map(|target| (expected, target))
            })
            .collect();
        if targets.is_empty() {
            return false;
        }
        let stack_pointer = self.flush(self.depth);
        let instruction = self.builder.ins().iconst(types::I32, index as i64);
        let callable = self.builder.use_var(self.stack_variables[callable_slot]);
        let join = self.builder.create_block();
        self.builder.append_block_param(join, types::I64);
        for (expected, target) in targets {
            // Compiled code compares the callable's bits with this function's: keep it alive
            // while the code exists, so its address cannot be reused by another object.
            let roots = self.code.profile.roots.get();
            if !roots.contains(&expected) {
                roots.push(expected);
            }
            let target = Box::new(target);
            let target_address = &*target as *const CallTarget as i64;
            self.call_targets.push(target);
            let is_target =
                self.builder
                    .ins()
                    .icmp_imm_s(IntCC::Equal, callable, expected.bits() as i64);
            let known = self.builder.create_block();
            let other = self.builder.create_block();
            self.builder.ins().brif(is_target, known, &[], other, &[]);
            self.builder.switch_to_block(known);
            let target_value = self.builder.ins().iconst(types::I64, target_address);
            let helper = self.environment.helpers.call_known;
            let result =
                self.call_helper_raw(helper, stack_pointer, instruction, callable, target_value);
            self.builder.ins().jump(join, &[result.into()]);
            self.builder.switch_to_block(other);
        }
        self.builder
            .set_cold_block(self.builder.current_block().unwrap_or(join));
        let opcode_value = self
            .builder
            .ins()
            .iconst(types::I64, i64::from(opcode.to_byte()));
        let argument = self.builder.ins().iconst(types::I64, i64::from(arg));
        let helper = self.environment.helpers.call;
        let result =
            self.call_helper_raw(helper, stack_pointer, instruction, opcode_value, argument);
        self.builder.ins().jump(join, &[result.into()]);

        self.builder.switch_to_block(join);
        let result = self.builder.block_params(join)[0];
        self.exit_if_marker(result);
        let (pops, _) = opcode.stack_effect(arg);
        self.depth -= pops as usize;
        self.push(result, Kind::Unknown);
        true
    }

    /// The truth of a value as an i8 (0 or 1), through the vm for anything not obvious.
    fn truth(&mut self, index: usize, value: IrValue, kind: Kind) -> IrValue {
        match kind {
            Kind::Bool => {
                self.builder
                    .ins()
                    .icmp_imm_s(IntCC::Equal, value, Value::TRUE.bits() as i64)
            }
            Kind::Int => self
                .builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, value, TAG_INT),
            Kind::Float => {
                let raw = self.unbox_float(value);
                let zero = self.builder.ins().f64const(0.0);
                self.builder.ins().fcmp(FloatCC::NotEqual, raw, zero)
            }
            Kind::Unknown => {
                let join = self.builder.create_block();
                self.builder.append_block_param(join, types::I8);
                let not_true = self.builder.create_block();
                let slow = self.builder.create_block();
                self.builder.set_cold_block(slow);
                let one = self.builder.ins().iconst(types::I8, 1);
                let zero = self.builder.ins().iconst(types::I8, 0);
                let is_true =
                    self.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, value, Value::TRUE.bits() as i64);
                self.builder
                    .ins()
                    .brif(is_true, join, &[one.into()], not_true, &[]);
                self.builder.switch_to_block(not_true);
                let is_false =
                    self.builder
                        .ins()
                        .icmp_imm_s(IntCC::Equal, value, Value::FALSE.bits() as i64);
                self.builder
                    .ins()
                    .brif(is_false, join, &[zero.into()], slow, &[]);
                self.builder.switch_to_block(slow);
                let zero64 = self.builder.ins().iconst(types::I64, 0);
                let helper = self.environment.helpers.truth;
                let result = self.call_helper_values(helper, index, value, zero64);
                let narrow = self.builder.ins().ireduce(types::I8, result);
                self.builder.ins().jump(join, &[narrow.into()]);
                self.builder.switch_to_block(join);
                self.builder.block_params(join)[0]
            }
        }
    }

    /// Ends the block with a two-way branch on `truth` (an i8), jumping to `target` when it
    /// equals `jump_when`.
    fn branch(&mut self, truth: IrValue, jump_when: bool, target: usize, index: usize) {
        let target_block = self.block_for(target);
        let next_block = self.block_for(index + 1);
        if jump_when {
            self.builder
                .ins()
                .brif(truth, target_block, &[], next_block, &[]);
        } else {
            self.builder
                .ins()
                .brif(truth, next_block, &[], target_block, &[]);
        }
        self.terminated = true;
    }

    /// A loop back-edge: calls the vm when the heap wants a collection or the safepoint flag
    /// is set (Ctrl-C, an instruction budget), and always under GC stress.
    fn safepoint(&mut self, index: usize) {
        let helper = self.environment.helpers.safepoint;
        if self.environment.gc_stress {
            self.call_helper(helper, index, 0, 0);
            return;
        }
        let allocated = self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            self.vm,
            self.environment.allocated_offset,
        );
        let threshold = self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            self.vm,
            self.environment.threshold_offset,
        );
        let collection_due =
            self.builder
                .ins()
                .icmp(IntCC::UnsignedGreaterThanOrEqual, allocated, threshold);
        let flag_address = self.builder.ins().load(
            types::I64,
            MemFlagsData::trusted(),
            self.vm,
            self.environment.poll_offset,
        );
        let flag = self
            .builder
            .ins()
            .uload8(types::I32, MemFlagsData::trusted(), flag_address, 0);
        let requested = self.builder.ins().icmp_imm_s(IntCC::NotEqual, flag, 0);
        let due = self.builder.ins().bor(collection_due, requested);
        let collect = self.builder.create_block();
        let next = self.builder.create_block();
        self.builder.set_cold_block(collect);
        self.builder.ins().brif(due, collect, &[], next, &[]);
        self.builder.switch_to_block(collect);
        self.call_helper(helper, index, 0, 0);
        self.builder.ins().jump(next, &[]);
        self.builder.switch_to_block(next);
    }

    fn binary_op(&mut self, index: usize, arg: u32) {
        // In-place forms (`+=`) behave as the plain ones on ints and floats.
        let operator = arg % 13;
        const ADD: u32 = 0;
        const SUBTRACT: u32 = 1;
        const MULTIPLY: u32 = 2;
        const TRUE_DIVIDE: u32 = 3;
        const FLOOR_DIVIDE: u32 = 4;
        const REMAINDER: u32 = 5;
        const LEFT_SHIFT: u32 = 8;
        const RIGHT_SHIFT: u32 = 9;
        const AND: u32 = 10;
        const OR: u32 = 11;
        const XOR: u32 = 12;
        match self.numeric_mode(index) {
            NumericMode::Int
                if matches!(
                    operator,
                    ADD | SUBTRACT
                        | MULTIPLY
                        | TRUE_DIVIDE
                        | FLOOR_DIVIDE
                        | REMAINDER
                        | LEFT_SHIFT
                        | RIGHT_SHIFT
                        | AND
                        | OR
                        | XOR
                ) =>
            {
                let right = self.int_operand(0, index);
                let left = self.int_operand(1, index);
                let (result, kind) = match operator {
                    ADD | SUBTRACT => {
                        let raw = if operator == ADD {
                            self.builder.ins().iadd(left, right)
                        } else {
                            self.builder.ins().isub(left, right)
                        };
                        let fits = self.fits_inline(raw);
                        self.guard(fits, index, DeoptReason::Overflow);
                        (self.box_int(raw), Kind::Int)
                    }
                    MULTIPLY => {
                        let (raw, overflowed) = self.builder.ins().smul_overflow(left, right);
                        let fits = self.fits_inline(raw);
                        let no_overflow = self.builder.ins().bxor_imm_s(overflowed, 1);
                        let ok = self.builder.ins().band(fits, no_overflow);
                        self.guard(ok, index, DeoptReason::Overflow);
                        (self.box_int(raw), Kind::Int)
                    }
                    TRUE_DIVIDE => {
                        let nonzero = self.builder.ins().icmp_imm_s(IntCC::NotEqual, right, 0);
                        self.guard(nonzero, index, DeoptReason::ZeroDivisor);
                        let left_float = self.builder.ins().fcvt_from_sint(types::F64, left);
                        let right_float = self.builder.ins().fcvt_from_sint(types::F64, right);
                        let quotient = self.builder.ins().fdiv(left_float, right_float);
                        (self.box_float(quotient), Kind::Float)
                    }
                    FLOOR_DIVIDE | REMAINDER => {
                        let nonzero = self.builder.ins().icmp_imm_s(IntCC::NotEqual, right, 0);
                        self.guard(nonzero, index, DeoptReason::ZeroDivisor);
                        let quotient = self.builder.ins().sdiv(left, right);
                        let remainder = self.builder.ins().srem(left, right);
                        // Python rounds toward negative infinity: adjust when the remainder
                        // is non-zero and its sign differs from the divisor's.
                        let signs = self.builder.ins().bxor(remainder, right);
                        let differ = self
                            .builder
                            .ins()
                            .icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                        let nonzero_remainder =
                            self.builder.ins().icmp_imm_s(IntCC::NotEqual, remainder, 0);
                        let adjust = self.builder.ins().band(differ, nonzero_remainder);
                        let adjust = self.builder.ins().uextend(types::I64, adjust);
                        let raw = if operator == FLOOR_DIVIDE {
                            self.builder.ins().isub(quotient, adjust)
                        } else {
                            let correction = self.builder.ins().imul(adjust, right);
                            self.builder.ins().iadd(remainder, correction)
                        };
                        let fits = self.fits_inline(raw);
                        self.guard(fits, index, DeoptReason::Overflow);
                        (self.box_int(raw), Kind::Int)
                    }
                    LEFT_SHIFT => {
                        let in_range =
                            self.builder
                                .ins()
                                .icmp_imm_s(IntCC::UnsignedLessThan, right, 48);
                        self.guard(in_range, index, DeoptReason::Overflow);
                        let raw = self.builder.ins().ishl(left, right);
                        let back = self.builder.ins().sshr(raw, right);
                        let exact = self.builder.ins().icmp(IntCC::Equal, back, left);
                        let fits = self.fits_inline(raw);
                        let ok = self.builder.ins().band(exact, fits);
                        self.guard(ok, index, DeoptReason::Overflow);
                        (self.box_int(raw), Kind::Int)
                    }
                    RIGHT_SHIFT => {
                        let non_negative = self.builder.ins().icmp_imm_s(
                            IntCC::SignedGreaterThanOrEqual,
                            right,
                            0,
                        );
                        self.guard(non_negative, index, DeoptReason::Overflow);
                        let limit = self.builder.ins().iconst(types::I64, 63);
                        let amount = self.builder.ins().umin(right, limit);
                        let raw = self.builder.ins().sshr(left, amount);
                        (self.box_int(raw), Kind::Int)
                    }
                    AND => {
                        let raw = self.builder.ins().band(left, right);
                        (self.box_int(raw), Kind::Int)
                    }
                    OR => {
                        let raw = self.builder.ins().bor(left, right);
                        (self.box_int(raw), Kind::Int)
                    }
                    _ => {
                        let raw = self.builder.ins().bxor(left, right);
                        (self.box_int(raw), Kind::Int)
                    }
                };
                self.pop();
                self.pop();
                self.push(result, kind);
            }
            NumericMode::Float { mixed }
                if matches!(operator, ADD | SUBTRACT | MULTIPLY | TRUE_DIVIDE) =>
            {
                if mixed {
                    // An int may stand for a float here, but two ints must make an int: at
                    // least one operand has to be a float.
                    let (right_value, right_kind) = self.peek(0);
                    let (left_value, left_kind) = self.peek(1);
                    if right_kind != Kind::Float && left_kind != Kind::Float {
                        let right_float = self.is_float(right_value);
                        let left_float = self.is_float(left_value);
                        let any = self.builder.ins().bor(left_float, right_float);
                        self.guard(any, index, DeoptReason::NotAFloat);
                    }
                }
                let right = self.float_operand(0, index, mixed);
                let left = self.float_operand(1, index, mixed);
                let raw = match operator {
                    ADD => self.builder.ins().fadd(left, right),
                    SUBTRACT => self.builder.ins().fsub(left, right),
                    MULTIPLY => self.builder.ins().fmul(left, right),
                    _ => {
                        let zero = self.builder.ins().f64const(0.0);
                        let nonzero = self.builder.ins().fcmp(FloatCC::NotEqual, right, zero);
                        // NaN compares unequal to zero, and dividing by it is fine.
                        self.guard(nonzero, index, DeoptReason::ZeroDivisor);
                        self.builder.ins().fdiv(left, right)
                    }
                };
                let boxed = self.box_float(raw);
                self.pop();
                self.pop();
                self.push(boxed, Kind::Float);
            }
            _ if operator == 6 => {
                let (right, _) = self.peek(0);
                let (left, _) = self.peek(1);
                let fast = self.environment.fast_paths.power;
                let zero = self.zero();
                self.fast_or_generic(
                    index,
                    Opcode::BinaryOp,
                    arg,
                    fast,
                    zero,
                    0,
                    (left, right),
                    |this, value| {
                        this.pop();
                        this.pop();
                        this.push(value, Kind::Float);
                    },
                );
            }
            _ => self.generic(index, Opcode::BinaryOp, arg),
        }
    }

    /// A comparison; fused with a following conditional jump when nothing jumps between them.
    fn compare_op(&mut self, index: usize, arg: u32) -> Result<usize, String> {
        let Some(comparison) = Comparison::from_arg(arg) else {
            return Err(format!("bad comparison {arg}"));
        };
        let condition = match self.numeric_mode(index) {
            NumericMode::Int => {
                let right = self.int_operand(0, index);
                let left = self.int_operand(1, index);
                let code = match comparison {
                    Comparison::Less => IntCC::SignedLessThan,
                    Comparison::LessEqual => IntCC::SignedLessThanOrEqual,
                    Comparison::Equal => IntCC::Equal,
                    Comparison::NotEqual => IntCC::NotEqual,
                    Comparison::Greater => IntCC::SignedGreaterThan,
                    Comparison::GreaterEqual => IntCC::SignedGreaterThanOrEqual,
                };
                self.builder.ins().icmp(code, left, right)
            }
            NumericMode::Float { mixed } => {
                let right = self.float_operand(0, index, mixed);
                let left = self.float_operand(1, index, mixed);
                let code = match comparison {
                    Comparison::Less => FloatCC::LessThan,
                    Comparison::LessEqual => FloatCC::LessThanOrEqual,
                    Comparison::Equal => FloatCC::Equal,
                    Comparison::NotEqual => FloatCC::NotEqual,
                    Comparison::Greater => FloatCC::GreaterThan,
                    Comparison::GreaterEqual => FloatCC::GreaterThanOrEqual,
                };
                self.builder.ins().fcmp(code, left, right)
            }
            NumericMode::Generic => {
                self.generic(index, Opcode::CompareOp, arg);
                return Ok(1);
            }
        };
        self.pop();
        self.pop();
        let next = index + 1;
        if let Some(following) = self.code.code.instructions.get(next) {
            let fusable = matches!(
                following.opcode,
                Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue
            ) && !self.analysis.block_start[next];
            if fusable {
                self.builder.set_srcloc(SourceLoc::new(next as u32));
                self.branch(
                    condition,
                    following.opcode == Opcode::PopJumpIfTrue,
                    following.arg as usize,
                    next,
                );
                return Ok(2);
            }
        }
        let boxed = self.box_bool(condition);
        self.push(boxed, Kind::Bool);
        Ok(1)
    }
}

/// How an arithmetic or comparison instruction is compiled.
#[derive(Clone, Copy)]
enum NumericMode {
    Int,
    Float { mixed: bool },
    Generic,
}
