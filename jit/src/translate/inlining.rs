//! Small callees inlined into their callers' code: the callee's body is translated in place of
//! the call, so its arguments and its result stay unboxed in registers and no frame is pushed.
//!
//! A call such as `eval_a(i, j)` in spectral_norm's inner loop costs far more as a call (frame
//! record, arguments written to the VM stack, a boxed result checked again by the caller) than
//! its few arithmetic instructions. Inlined, `total += eval_a(i, j) * u[j]` is one chain of
//! register arithmetic.
//!
//! **Only side-effect-free bodies are inlined**, so that a failure anywhere in the body can be
//! handled at the call boundary: the callee (exactly one expected function, a folded global or
//! a monomorphic method, not the caller itself) has no loop and reaches only instructions that
//! read its locals and constants, compute on numbers, compare, branch forward and return
//! (`side_effect_free`), reads instance attributes the attribute cache found in slots, or
//! takes apart a tuple or list of the expected length (`UnpackSequence`).
//! Nothing in such a body writes memory, calls, allocates or raises as compiled,
//! so abandoning it halfway changes nothing anyone can see.
//!
//! Every check — the callable is the expected function, no profiler listens, the frame count is
//! below the recursion limit (the call would raise RecursionError), and each guard of the body
//! (argument types, int overflow, zero divisors, an unbound local) — leaves through one block
//! that deopts the *caller* at the call instruction with its operand stack as it was before the
//! call (`DeoptReason::InlinedCallee`). The interpreter then makes the call as usual, running
//! the callee (compiled or not) from its start: it raises exceptions with the callee's frame
//! in the traceback, pushes the frame a profiler or `sys._getframe` would see, and raises
//! RecursionError where CPython does. There is therefore no inlined frame to rebuild. Any
//! path of the body that would need the vm (a helper or fast path call) becomes the same exit
//! (`leave_inlined_body`). The deopt counts like a failed guard at the call instruction: after
//! `DEOPT_LIMIT` of them the call's feedback says `SEEN_OTHER` and the recompiled caller calls
//! the callee instead of inlining it.
//!
//! The body is translated by a second [`Translator`] over the callee's code that shares the
//! caller's function builder (`InlinedBody` tells it it is inlined): its locals start as the
//! argument values with the kinds and unboxed values the caller knew, it writes no frame slots,
//! and its returns jump to one block where the result — with its unboxed i64 or f64 when every
//! return agrees on the kind — goes back to the caller's operand stack.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder, MemFlagsData, Value as IrValue};
use cranelift_frontend::Variable;
use krait_compiler::Opcode;
use krait_runtime::object::CodeData;
use krait_runtime::profile::{EXIT_MARKER, SEEN_INT, SEEN_MIXED, SEEN_OPERANDS, SEEN_OTHER};
use krait_runtime::Value;

use super::{Kind, Signatures, Translator};
use crate::analysis::{analyse, Analysis};
use crate::{CallTarget, DeoptReason, GlobalSnapshot};

/// The most reachable instructions a callee may have to be inlined.
const MAX_INSTRUCTIONS: usize = 40;

/// What a translator emitting an inlined body needs besides its own state.
pub(super) struct InlinedBody {
    /// Where every way out of the body but a return goes (the caller deopts there).
    pub(super) exit: Block,
    /// The caller's call instruction (the machine code of the body is attributed to it).
    pub(super) call_index: usize,
    /// The callee's code (what this translator translates, for as long as compiled code).
    pub(super) code: &'static CodeData,
    /// Where the returns go.
    returns: Block,
    /// The returned value.
    result: Variable,
    /// Its unboxed i64 or f64, where the return knew it was an int or a float.
    raw_int: Variable,
    raw_float: Variable,
    /// The kind of each return emitted so far.
    return_kinds: Vec<Kind>,
    /// What every return emitted so far knew of the arguments' kinds (the body's checks).
    argument_kinds: Option<Vec<Kind>>,
    /// How many arguments there are.
    argument_count: usize,
    /// Per instruction of the callee: whether the body may run it (elsewhere it leaves).
    pub(super) allowed: Vec<bool>,
    /// The items of the called function's closure (its free variables' cells), when it has
    /// free variables (`LoadDeref` reads them).
    pub(super) cells: Option<IrValue>,
}

/// The most instructions of a pure prefix inlined before a call (see `Mode::Prefix`).
const MAX_PREFIX_INSTRUCTIONS: usize = 12;

/// How a call site inlines its callee.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// The whole body: a check that fails deopts the caller at the call.
    Whole,
    /// The body up to its first instruction that is not side-effect free (typically a
    /// recursive call: `if n < 2: return n` of fib): where it returns, that is the call's
    /// result; everywhere else — the rest of the body or a failing check — the call is made
    /// as usual, running the callee from its start.
    Prefix,
}

/// Whether instruction `index` of `code` is side-effect free as the translator compiles it:
/// reads of locals and constants, stack shuffles, arithmetic and comparisons whose feedback
/// the translator compiles to native code, forward branches and returns.
fn side_effect_free(code: &CodeData, index: usize, globals: &[Option<Value>]) -> bool {
    let instruction = code.code.instructions[index];
    let seen = code.profile.seen(index) & SEEN_OPERANDS;
    // Ints only, or floats (with ints mixed in) only: the translator's native modes.
    let numeric = seen & SEEN_OTHER == 0 && (seen & SEEN_INT == 0 || seen == SEEN_INT);
    match instruction.opcode {
        Opcode::Nop
        | Opcode::PopTop
        | Opcode::Copy
        | Opcode::Swap
        | Opcode::LoadConst
        | Opcode::LoadFast
        | Opcode::StoreFast
        | Opcode::UnaryNot
        | Opcode::IsOp
        | Opcode::PopJumpIfFalse
        | Opcode::PopJumpIfTrue
        | Opcode::JumpIfFalseOrPop
        | Opcode::JumpIfTrueOrPop
        | Opcode::ReturnValue => true,
        Opcode::Jump => instruction.arg as usize > index,
        // A free variable's cell, read from the closure of the function called (a code with
        // cells of its own makes them first, which is not side-effect free).
        Opcode::LoadDeref => code.code.cellvars.is_empty(),
        // A global the callee's module defined when the call was compiled: a constant behind
        // the globals epoch check, like the caller's own (`deltablue`'s `FORWARD`).
        Opcode::LoadGlobal => globals
            .get(instruction.arg as usize)
            .is_some_and(Option::is_some),
        Opcode::CompareOp | Opcode::UnaryNegative => numeric,
        // An exact tuple or list of the expected length, taken apart by loads
        // (`unpack_inline`); anything else takes the fast path or the helper, which leaves.
        Opcode::UnpackSequence => instruction.arg <= 8,
        // An instance attribute the attribute cache found in a slot: read inline after the
        // class and shape checks (`dispatch_ways`).
        Opcode::LoadAttr => krait_runtime::attribute_site::ways(&code.attribute_sites, index)
            .iter()
            .any(|way| way.slot.is_some()),
        Opcode::BinaryOp => {
            const FLOOR_DIVIDE: u32 = 4;
            const REMAINDER: u32 = 5;
            const POWER: u32 = 6;
            const MATRIX_MULTIPLY: u32 = 7;
            let operator = instruction.arg % 13;
            let floats = seen != 0 && seen & SEEN_INT == 0;
            numeric
                && operator != MATRIX_MULTIPLY
                && !(operator == POWER && (!floats || seen & SEEN_MIXED != 0))
                && !(floats && matches!(operator, FLOOR_DIVIDE | REMAINDER))
        }
        _ => false,
    }
}

/// How a call of `code` can be inlined, if at all, with the instructions an inlined body may
/// run: the whole body when it has no loop, at most `MAX_INSTRUCTIONS` reachable instructions,
/// all side-effect free, and a return (not for a recursive call, which `whole_allowed` is
/// false for); otherwise the prefix of side-effect-free instructions reachable from the start
/// when it has a return, no backward jump and at most `MAX_PREFIX_INSTRUCTIONS`.
fn plan(
    code: &CodeData,
    analysis: &Analysis,
    whole_allowed: bool,
    globals: &[Option<Value>],
) -> Option<(Mode, Vec<bool>)> {
    let count = code.code.instructions.len();
    let allowed: Vec<bool> = (0..count)
        .map(|index| analysis.depth[index].is_some() && side_effect_free(code, index, globals))
        .collect();
    let reachable = analysis
        .depth
        .iter()
        .filter(|depth| depth.is_some())
        .count();
    let returns = |index: usize| code.code.instructions[index].opcode == Opcode::ReturnValue;
    let whole = whole_allowed
        && !analysis.loop_header.iter().any(|&header| header)
        && reachable <= MAX_INSTRUCTIONS
        && (0..count).all(|index| analysis.depth[index].is_none() || allowed[index])
        && (0..count).any(|index| allowed[index] && returns(index));
    if whole {
        return Some((Mode::Whole, allowed));
    }
    // The prefix: what the start reaches through side-effect-free instructions.
    let mut in_prefix = vec![false; count];
    let mut work = vec![0usize];
    let mut has_return = false;
    while let Some(index) = work.pop() {
        if index >= count || in_prefix[index] || !allowed[index] {
            continue;
        }
        in_prefix[index] = true;
        let instruction = code.code.instructions[index];
        has_return |= returns(index);
        if let Some(target) = crate::analysis::jump_target(instruction.opcode, instruction.arg) {
            if target <= index {
                return None;
            }
            work.push(target);
        }
        if crate::analysis::falls_through(instruction.opcode) {
            work.push(index + 1);
        }
    }
    if !has_return {
        return None;
    }
    // Only what can still reach a return: past that the body would only do work before it
    // leaves to make the call (fib's `LoadGlobal fib` and `n - 1` after `if n < 2`), and
    // only that counts against the size. The prefix has no backward jump, so one backward
    // pass sees every successor first.
    let mut useful = vec![false; count];
    for index in (0..count).rev() {
        if !in_prefix[index] {
            continue;
        }
        let instruction = code.code.instructions[index];
        let jumps_useful = crate::analysis::jump_target(instruction.opcode, instruction.arg)
            .is_some_and(|target| useful.get(target).copied().unwrap_or(false));
        let falls_useful = crate::analysis::falls_through(instruction.opcode)
            && useful.get(index + 1).copied().unwrap_or(false);
        useful[index] = returns(index) || jumps_useful || falls_useful;
    }
    let size = useful.iter().filter(|&&useful| useful).count();
    (size <= MAX_PREFIX_INSTRUCTIONS).then_some((Mode::Prefix, useful))
}

/// The instructions a body inlined whole may run, when `code` (not the caller's) can be; it
/// reads no globals (its function, and so its module, is not known).
pub(super) fn whole_plan(code: &CodeData, analysis: &Analysis) -> Option<Vec<bool>> {
    match plan(code, analysis, true, &[])? {
        (Mode::Whole, allowed) => Some(allowed),
        (Mode::Prefix, _) => None,
    }
}

/// The globals `code` loads, by name index, as `globals` (the called function's
/// module namespace) holds them now: `None` for a name it does not define (a builtin, or not
/// yet assigned), and for every name when the namespace is not one whose changes move the
/// globals epoch (then nothing can be folded).
fn callee_global_values(code: &CodeData, globals: Value) -> CalleeGlobals {
    let mut values = vec![None; code.names.len()];
    let watched =
        krait_runtime::types::dict::table(globals).is_some_and(|table| table.get().is_globals());
    if !watched {
        return CalleeGlobals {
            namespace: globals,
            values,
        };
    }
    for instruction in &code.code.instructions {
        if instruction.opcode != Opcode::LoadGlobal {
            continue;
        }
        let slot = instruction.arg as usize;
        if let (Some(&name), Some(value)) = (code.names.get(slot), values.get_mut(slot)) {
            *value = krait_runtime::types::dict::get_exact_str_item(globals, name);
        }
    }
    CalleeGlobals {
        namespace: globals,
        values,
    }
}

/// The globals a body inlined whole reads: its function's module namespace and, by name
/// index, the values folded into the body (`callee_global_values`).
pub(super) struct CalleeGlobals {
    namespace: Value,
    values: Vec<Option<Value>>,
}

/// What an inlined body left to its caller.
pub(super) struct InlinedResult {
    /// The returned value.
    pub(super) value: IrValue,
    /// Its kind, where every return agreed.
    pub(super) kind: Kind,
    /// Its unboxed i64 or f64 for an int or a float.
    pub(super) raw: Option<IrValue>,
    /// What every return knew of each argument's kind.
    pub(super) argument_kinds: Vec<Kind>,
}

impl<'a, 'b> Translator<'a, 'b> {
    /// A `Call` or `CallMethod` of one expected Python function whose body can be inlined
    /// (see the module doc): emits the checks, the body and the deopt at the call boundary.
    /// Returns false (emitting nothing) when the call does not qualify.
    pub(super) fn inline_callee(
        &mut self,
        index: usize,
        opcode: Opcode,
        arg: u32,
    ) -> Result<bool, String> {
        if self.inlined.is_some() || self.feedback[index] & SEEN_OTHER != 0 {
            return Ok(false);
        }
        let Some(layout) = self.environment.call_layout else {
            return Ok(false);
        };
        let count = arg as usize;
        let (callable_slot, given) = match opcode {
            Opcode::Call => (self.depth.checked_sub(count + 1), count),
            Opcode::CallMethod => (self.depth.checked_sub(count + 2), count + 1),
            _ => return Ok(false),
        };
        let Some(callable_slot) = callable_slot else {
            return Ok(false);
        };
        let [expected] = self.stack_expected[callable_slot][..] else {
            return Ok(false);
        };
        let Some(target) = CallTarget::for_function(expected, given) else {
            return Ok(false);
        };
        let callee = target.code;
        // No feedback: an inlined body follows no exception edges (it never raises).
        let Ok(analysis) = analyse(&callee.code, &[]) else {
            return Ok(false);
        };
        let recursive = std::ptr::eq(callee, self.code);
        let global_values = callee_global_values(callee, target.globals);
        let Some((mode, allowed)) = plan(callee, &analysis, !recursive, &global_values.values)
        else {
            return Ok(false);
        };
        // Compiled code compares the callable's bits with this function's: keep it alive
        // while the code exists, so its address cannot be reused by another object.
        self.keep_alive([expected]);

        // ---- the checks at the call boundary ----
        let flags = MemFlagsData::trusted();
        let exit = self.builder.create_block();
        // Where a check at the boundary fails: for a prefix, the call is then made the
        // general way (cold), so that `exit` — the prefix not returning — knows the checks
        // passed and the call made from there skips them.
        let boundary_exit = match mode {
            Mode::Whole => {
                self.builder.set_cold_block(exit);
                exit
            }
            Mode::Prefix => {
                let block = self.builder.create_block();
                self.builder.set_cold_block(block);
                block
            }
        };
        let callable = self.builder.use_var(self.stack_variables[callable_slot]);
        let other =
            self.builder
                .ins()
                .icmp_imm_s(IntCC::NotEqual, callable, expected.bits() as i64);
        self.bail_if(other, boundary_exit);
        let frame_count = self
            .builder
            .ins()
            .load(types::I64, flags, self.vm, layout.frames_length);
        let limit = match mode {
            // A deopt must mean the call cannot be inlined: the profiler and the recursion
            // limit exactly.
            Mode::Whole => {
                let profiling = self.profiler_listening(layout);
                self.bail_if(profiling, boundary_exit);
                self.builder
                    .ins()
                    .load(types::I64, flags, self.vm, layout.recursion_limit)
            }
            // The general call is made where the check fails: the one compare against
            // `frame_limit` (0 while a profiler listens, at most the recursion limit) does,
            // even though it also fails where only the frame stack's allocation is full.
            Mode::Prefix => self
                .builder
                .ins()
                .load(types::I64, flags, self.vm, layout.frame_limit),
        };
        let at_limit =
            self.builder
                .ins()
                .icmp(IntCC::UnsignedGreaterThanOrEqual, frame_count, limit);
        self.bail_if(at_limit, boundary_exit);

        // ---- the body ----
        let inlined = self.emit_inlined_body(
            callee,
            &analysis,
            (allowed, Some(global_values)),
            callable_slot,
            index,
            exit,
            None,
        )?;
        self.guards += 1;
        let after = self.builder.create_block();
        if mode == Mode::Prefix {
            // The prefix returned, or the call is made: the result is either's.
            self.builder.append_block_param(after, types::I64);
            self.builder.ins().jump(after, &[inlined.value.into()]);
            self.builder.switch_to_block(exit);
            // The call made here has passed the boundary's `frame_limit` compare: the frame
            // count is the one loaded there (the prefix writes nothing).
            self.checked_frame_count = Some(frame_count);
            let called = self.known_call_checked(index, opcode, arg, true);
            self.checked_frame_count = None;
            let called = match called {
                Some(result) => result,
                None => {
                    let helper = self.environment.helpers.call;
                    let kind = i64::from(opcode.to_byte());
                    self.call_helper(helper, index, kind, i64::from(arg))
                }
            };
            self.builder.ins().jump(after, &[called.into()]);
            // Another callable, a profiler or the recursion limit: the general call.
            self.builder.switch_to_block(boundary_exit);
            let helper = self.environment.helpers.call;
            let kind = i64::from(opcode.to_byte());
            let called = self.call_helper(helper, index, kind, i64::from(arg));
            self.builder.ins().jump(after, &[called.into()]);
            self.builder.switch_to_block(after);
            let result = self.builder.block_params(after)[0];
            let (pops, _) = opcode.stack_effect(arg);
            self.depth -= pops as usize;
            self.push(result, Kind::Unknown);
            return Ok(true);
        }
        self.finish_whole(
            &[callee],
            inlined,
            callable_slot,
            index,
            opcode,
            arg,
            (exit, after),
        );
        Ok(true)
    }

    /// Emits `callee`'s body inlined at the call instruction `index` (whose callable is at
    /// `callable_slot`, the arguments above it) from the current block, running only the
    /// `allowed` instructions, its `LoadGlobal`s folded to `globals`' values (read at the
    /// current globals epoch); every way out but a return goes to `exit`. `cells`: the
    /// items of the called function's closure, for a callee with free variables.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn emit_inlined_body(
        &mut self,
        callee: &'static CodeData,
        analysis: &Analysis,
        (allowed, globals): (Vec<bool>, Option<CalleeGlobals>),
        callable_slot: usize,
        index: usize,
        exit: Block,
        cells: Option<IrValue>,
    ) -> Result<InlinedResult, String> {
        let arguments: Vec<(IrValue, Kind, Option<IrValue>)> = (callable_slot + 1..self.depth)
            .map(|slot| {
                (
                    self.builder.use_var(self.stack_variables[slot]),
                    self.stack_kinds[slot],
                    self.stack_raw[slot],
                )
            })
            .collect();
        let mut argument_facts = self.instance_facts_of_slots(callable_slot + 1..self.depth);
        if let (Some(None), Some(receiver)) = (
            argument_facts.first(),
            self.method_receiver_local(index)
                .and_then(|local| self.known_instance(local)),
        ) {
            argument_facts[0] = Some((
                self.builder.use_var(receiver.class),
                self.builder.use_var(receiver.shape),
            ));
        }
        let feedback: Vec<u8> = callee
            .profile
            .feedback
            .iter()
            .map(|cell| cell.get())
            .collect();
        // The globals the body reads (`side_effect_free`), read just now: the epoch is the
        // current one. The attribute caches' ways, whose classes this code names from now on.
        let (inlined_namespace, values) = match globals {
            Some(CalleeGlobals { namespace, values }) => (Some(namespace), values),
            None => (None, Vec::new()),
        };
        let globals = GlobalSnapshot {
            epoch: krait_runtime::dict::globals_epoch(),
            inlined_namespace,
            values,
            attributes: (0..callee.code.instructions.len())
                .map(|index| krait_runtime::attribute_site::ways(&callee.attribute_sites, index))
                .collect(),
            ..GlobalSnapshot::default()
        };
        self.keep_alive(
            globals
                .attributes
                .iter()
                .flatten()
                .map(|way| Value::from_bits(way.class)),
        );
        let environment = self.environment;
        let signatures = Signatures {
            helper: self.helper_signature,
            entry: self.entry_signature,
        };
        let (vm, locals) = (self.vm, self.locals());
        let (inlined, guards) = {
            let mut body = Translator::new(
                &mut *self.builder,
                callee,
                analysis,
                feedback,
                &globals,
                environment,
                signatures,
            );
            body.vm = vm;
            body.locals = locals;
            // (An inlined body calls no helper: its frame pointer never moves.)
            body.locals_variable = None;
            body.exit_block = exit;
            body.inherit_instance_facts(&argument_facts);
            let inlined =
                body.translate_inlined(callee, index, exit, &arguments, allowed, cells)?;
            // The body's folded globals check epoch cells the compiled code must keep.
            self.epoch_cells.append(&mut body.epoch_cells);
            (inlined, body.guards)
        };
        self.guards += guards;
        Ok(inlined)
    }

    /// The end of a body inlined whole (`InlinedResult` from `emit_inlined_body`): the jump to
    /// `after` where it returned, the caller's deopt at the call where it left for `exit`, and
    /// the result (and what the body learnt of the arguments) on the caller's stack.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn finish_whole(
        &mut self,
        callees: &[&'static CodeData],
        inlined: InlinedResult,
        callable_slot: usize,
        index: usize,
        opcode: Opcode,
        arg: u32,
        (exit, after): (Block, Block),
    ) {
        self.builder.ins().jump(after, &[]);

        // ---- any failure: the interpreter makes the call ----
        self.builder.switch_to_block(exit);
        self.emit_deopt(index, DeoptReason::InlinedCallee);

        self.builder.switch_to_block(after);
        // What the body's checks found out about the arguments holds for the locals they
        // were loaded from: `total += f(i, j)` checks `i` once per loop iteration, so the
        // loop header can assume it (and keep it unboxed).
        // (Only for parameters the body never assigns: the body's kind of a reassigned one
        // is its new value's.)
        for (offset, &kind) in inlined.argument_kinds.iter().enumerate() {
            let slot = callable_slot + 1 + offset;
            let reassigned = callees.iter().any(|callee| {
                callee.code.instructions.iter().any(|instruction| {
                    matches!(instruction.opcode, Opcode::StoreFast | Opcode::DeleteFast)
                        && instruction.arg as usize == offset
                })
            });
            if !reassigned
                && self.stack_kinds[slot] == Kind::Unknown
                && matches!(kind, Kind::Int | Kind::Float | Kind::Bool)
            {
                self.stack_kinds[slot] = kind;
                if let Some(local) = self.stack_local[slot] {
                    self.local_kinds[local] = kind;
                }
            }
        }
        let InlinedResult {
            value: result,
            kind,
            raw,
            ..
        } = inlined;
        let (pops, _) = opcode.stack_effect(arg);
        self.depth -= pops as usize;
        if let Some(raw) = raw {
            match kind {
                Kind::Int => {
                    self.boxed_ints.insert(result, raw);
                }
                Kind::Float => {
                    self.boxed_floats.insert(result, raw);
                }
                _ => {}
            }
        }
        self.push(result, kind);
    }

    /// Emits this translator's code (a callee's) as a body inlined at the caller's instruction
    /// `call_index`, from the current block, with `arguments` (value, kind, unboxed value) as
    /// its first locals; checks that fail jump to `exit`. Ends in the block where the body
    /// returned, with the result, its kind and, for an int or float, its unboxed value.
    fn translate_inlined(
        &mut self,
        code: &'static CodeData,
        call_index: usize,
        exit: Block,
        arguments: &[(IrValue, Kind, Option<IrValue>)],
        allowed: Vec<bool>,
        cells: Option<IrValue>,
    ) -> Result<InlinedResult, String> {
        let returns = self.builder.create_block();
        let result = self.builder.declare_var(types::I64);
        let raw_int = self.builder.declare_var(types::I64);
        let raw_float = self.builder.declare_var(types::F64);
        self.inlined = Some(InlinedBody {
            exit,
            call_index,
            code,
            returns,
            result,
            raw_int,
            raw_float,
            return_kinds: Vec::new(),
            argument_kinds: None,
            argument_count: arguments.len(),
            allowed,
            cells,
        });
        let null = self
            .builder
            .ins()
            .iconst(types::I64, Value::NULL.bits() as i64);
        for local in 0..self.local_variables.len() {
            match arguments.get(local) {
                Some(&(value, kind, raw)) => {
                    self.builder.def_var(self.local_variables[local], value);
                    self.local_kinds[local] = kind;
                    self.local_raw[local] = raw;
                    self.local_bound[local] = true;
                }
                None => self.builder.def_var(self.local_variables[local], null),
            }
        }
        self.mark_instruction(0);
        let entry = self.inlined_entry_edge();
        self.builder.ins().jump(entry, &[]);
        self.terminated = true;
        self.walk()?;
        let Some(body) = self.inlined.take() else {
            return Err("inlined body lost its state".into());
        };
        self.builder.switch_to_block(returns);
        let value = self.builder.use_var(result);
        let kind = match body.return_kinds.split_first() {
            Some((&first, rest)) if rest.iter().all(|&kind| kind == first) => first,
            _ => Kind::Unknown,
        };
        let raw = match kind {
            Kind::Int => Some(self.builder.use_var(raw_int)),
            Kind::Float => Some(self.builder.use_var(raw_float)),
            _ => None,
        };
        Ok(InlinedResult {
            value,
            kind,
            raw,
            argument_kinds: body.argument_kinds.unwrap_or_default(),
        })
    }

    /// `ReturnValue` in an inlined body: the value (and its unboxed i64 or f64 where it is
    /// known to be an int or a float) goes to the block after the body.
    pub(super) fn inlined_return(&mut self) {
        let slot = self.depth - 1;
        let known_raw = self.stack_raw[slot];
        let (value, kind) = self.pop();
        let Some((returns, result, raw_int, raw_float)) = self
            .inlined
            .as_ref()
            .map(|body| (body.returns, body.result, body.raw_int, body.raw_float))
        else {
            return;
        };
        self.builder.def_var(result, value);
        let known_raw = known_raw.filter(|&raw| {
            let wanted = if kind == Kind::Float {
                types::F64
            } else {
                types::I64
            };
            self.builder.func.dfg.value_type(raw) == wanted
        });
        match kind {
            Kind::Int => {
                let raw = known_raw.unwrap_or_else(|| self.unbox_int(value));
                self.builder.def_var(raw_int, raw);
            }
            Kind::Float => {
                let raw = known_raw.unwrap_or_else(|| self.unbox_float(value));
                self.builder.def_var(raw_float, raw);
            }
            _ => {}
        }
        if let Some(body) = self.inlined.as_mut() {
            body.return_kinds.push(kind);
            let known = &self.local_kinds[..body.argument_count];
            match &mut body.argument_kinds {
                Some(kinds) => {
                    for (kind, known) in kinds.iter_mut().zip(known) {
                        if kind != known {
                            *kind = Kind::Unknown;
                        }
                    }
                }
                None => body.argument_kinds = Some(known.to_vec()),
            }
        }
        self.builder.ins().jump(returns, &[]);
        self.terminated = true;
    }

    /// Where an inlined body would call the vm: it leaves for `exit` instead; the code after
    /// this point (given the exit marker as the call's answer) is unreachable.
    pub(super) fn leave_inlined_body(&mut self, exit: Block) -> IrValue {
        self.builder.ins().jump(exit, &[]);
        let unreachable = self.builder.create_block();
        self.builder.switch_to_block(unreachable);
        self.builder.ins().iconst(types::I64, EXIT_MARKER as i64)
    }
}
