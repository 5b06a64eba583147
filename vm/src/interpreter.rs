//! The dispatch loop: one arm per opcode of the compiler's table.
//!
//! The loop keeps the current frame's instruction pointer, code and stack bases in locals and
//! writes the instruction pointer back to the frame before anything that can raise, call or
//! switch frames. Fast paths for the common types (small ints, floats, lists, ranges) sit inline;
//! everything else goes through the runtime's protocol functions. Collections happen only at
//! safepoints: backward jumps and function entries.

use krait_compiler::{BinaryOperator, Comparison, Opcode};
use krait_runtime::attribute_site;
use krait_runtime::object::{IteratorKind, Payload};
use krait_runtime::protocol;
use krait_runtime::{PyErr, PyResult, Value};

use crate::arithmetic::{self, Quick};
use crate::call::CallOutcome;
use crate::frame::{cell_contents, set_cell};
use crate::jit::CompiledOutcome;
use crate::stack_cursor::Cursor;
use crate::Vm;
use krait_runtime::profile::{SEEN_ADAPTER, SEEN_FLOAT, SEEN_INT, SEEN_MIXED, SEEN_OTHER};

/// How a run of the loop ended.
#[derive(Clone, Copy, Debug)]
pub enum Exit {
    /// The entry frame returned this value.
    Return(Value),
    /// The entry frame (a generator) yielded this value.
    Yield(Value),
}

/// An error from an instruction, and whether it is a re-raise (no new traceback entry).
pub(crate) struct Raised {
    pub error: PyErr,
    pub reraise: bool,
}

impl From<PyErr> for Raised {
    fn from(error: PyErr) -> Raised {
        Raised {
            error,
            reraise: false,
        }
    }
}

impl Vm {
    /// Runs frames from the current top frame (an entry frame) until it returns or yields.
    pub(crate) fn run_frames(&mut self) -> PyResult<Exit> {
        self.native_depth += 1;
        let result = if self.native_depth > crate::NATIVE_DEPTH_LIMIT {
            let frame = self.pop_frame();
            if let Some(frame) = frame {
                self.stack.truncate(frame.return_to);
            }
            Err(self.recursion_error())
        } else {
            self.run_loop()
        };
        self.native_depth -= 1;
        result
    }

    fn run_loop(&mut self) -> PyResult<Exit> {
        loop {
            match self.execute() {
                Ok(exit) => return Ok(exit),
                Err(raised) => self.unwind(raised.error, raised.reraise)?,
            }
        }
    }

    /// The RecursionError CPython raises.
    pub(crate) fn recursion_error(&mut self) -> PyErr {
        let runtime = &mut self.runtime;
        runtime.new_error(
            runtime.types.recursion_error,
            "maximum recursion depth exceeded",
        )
    }

    /// A safepoint: collects garbage if the heap asks for it, raises `KeyboardInterrupt` after
    /// Ctrl-C, counts the instruction budget (the slow path, in `safepoint.rs`).
    #[inline]
    pub(crate) fn safepoint(&mut self) -> PyResult<()> {
        if self.safepoint_pending() {
            return self.safepoint_slow();
        }
        Ok(())
    }

    /// Whether a safepoint has work to do: a collection or a poll (signal, thread switch,
    /// budget). Lets a backward jump skip writing its state back when it has none.
    #[inline(always)]
    fn safepoint_pending(&self) -> bool {
        self.runtime.heap.wants_collection()
            || self
                .safepoints
                .poll
                .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Finishes the top frame's run of compiled code (with the stack detached), as the
    /// interpreter finishes the instruction it left at: a return pops the frame (a
    /// generator's hands the value to its consumer's `ForIter` or `Send`), a yield suspends
    /// it, a raise unwinds from the recorded instruction (the caller returns the error). `Some`
    /// when the loop's run ends (its entry frame returned or yielded). Out of line, so that the
    /// dispatch loop stays small.
    #[inline(never)]
    fn finish_compiled(&mut self, outcome: CompiledOutcome) -> PyResult<Option<Exit>> {
        match outcome {
            CompiledOutcome::Returned(value) => {
                let Some(frame) = self.pop_frame() else {
                    return Ok(Some(Exit::Return(value)));
                };
                self.stack.truncate(frame.return_to);
                if frame.is_entry {
                    return Ok(Some(Exit::Return(value)));
                }
                if frame.generator.is_null() {
                    self.stack.push(value);
                } else {
                    self.generator_returned(frame.generator, value);
                }
            }
            CompiledOutcome::Deopted => {}
            // The compiled frame recorded where it raised.
            CompiledOutcome::Raised(error) => return Err(error),
            CompiledOutcome::Yielded(value) => {
                if self.suspend_generator() {
                    return Ok(Some(Exit::Yield(value)));
                }
                self.stack.push(value);
            }
        }
        Ok(None)
    }

    #[allow(clippy::too_many_lines)]
    fn execute(&mut self) -> Result<Exit, Raised> {
        // `krait explain` counts every instruction. The flag is read once per entry into the
        // loop and then tested per instruction: a register test that always goes the same way.
        // (A second, counting copy of this function cost more: with two copies, the helpers
        // each used to inline were no longer inlined, and fib ran 6 % slower interpreted.)
        let observed = self.observer.is_some();
        let Some(frame) = self.frames.last() else {
            return Ok(Exit::Return(Value::NONE));
        };
        let mut code = frame.code;
        // The instructions, held directly: fetching through `code` would load three dependent
        // pointers per instruction once `code` is spilled.
        let mut instructions: &'static [krait_compiler::Instruction] = &code.code.instructions;
        let mut ip = frame.ip;
        let mut base = frame.base;
        let mut cells_base = base + code.code.varnames.len();
        let mut globals = frame.globals;
        // The value stack's top in a register (`stack_cursor.rs`): `self.stack` is only
        // consistent between `detach!` and `attach!`, which every call out of the loop sits in.
        let mut stack = Cursor::attach(&mut self.stack);

        // Writes the stack's depth back to `self.stack`, before anything else may use it.
        macro_rules! detach {
            () => {
                stack.detach(&mut self.stack)
            };
        }
        // Takes the stack back after a call out of the loop (which may have pushed, popped, or
        // switched threads and with them the whole stack).
        macro_rules! attach {
            () => {
                stack = Cursor::attach(&mut self.stack)
            };
        }
        // Runs `$expression` (which may use `self.stack`) with the stack detached.
        macro_rules! outside {
            ($expression:expr) => {{
                detach!();
                let result = $expression;
                attach!();
                result
            }};
        }
        macro_rules! sync {
            () => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.ip = ip;
                }
                detach!();
            };
        }
        // Continues in the frame now on top (the stack attached).
        macro_rules! reload {
            () => {
                match self.frames.last() {
                    Some(frame) => {
                        code = frame.code;
                        instructions = &code.code.instructions;
                        ip = frame.ip;
                        base = frame.base;
                        cells_base = base + code.code.varnames.len();
                        globals = frame.globals;
                    }
                    None => return Ok(Exit::Return(Value::NONE)),
                }
            };
        }
        // `reload!` after a frame switch made with the stack detached.
        macro_rules! resume {
            () => {
                attach!();
                reload!();
            };
        }
        macro_rules! attempt {
            ($expression:expr) => {
                match outside!($expression) {
                    Ok(value) => value,
                    Err(error) => {
                        sync!();
                        return Err(Raised::from(error));
                    }
                }
            };
        }
        macro_rules! throw {
            ($error:expr) => {{
                let error = outside!($error);
                sync!();
                return Err(Raised::from(error));
            }};
        }

        // Runs the `LoadFast` instruction `$next` (the one at `ip`) in the current dispatch when
        // its local is bound; an unbound one is left to its own dispatch to raise.
        macro_rules! push_bound_local {
            ($next:expr) => {{
                let value = stack.get(base + $next.arg as usize);
                if !value.is_null() {
                    stack.push(value);
                    ip += 1;
                }
            }};
        }

        // Pushes a result, or stores it straight into a local when the next instruction is a
        // `StoreFast` (`for x in …`, `x = a + b`), skipping that instruction's dispatch.
        // `explain` counts every instruction, so it keeps them apart.
        macro_rules! push_or_store {
            ($value:expr) => {{
                let value = $value;
                match instructions.get(ip) {
                    Some(next) if next.opcode == Opcode::StoreFast && !observed => {
                        stack.set(base + next.arg as usize, value);
                        ip += 1;
                    }
                    _ => stack.push(value),
                }
            }};
        }

        // Finishes a comparison with a bool result: when a conditional jump follows (as after
        // nearly every comparison), takes or skips it now instead of pushing the bool and
        // dispatching the jump. Jumps that pop their condition never go backward, so skipping
        // the jump's instruction skips no safepoint.
        macro_rules! condition {
            ($truth:expr) => {{
                let truth: bool = $truth;
                match instructions.get(ip) {
                    Some(next)
                        if matches!(
                            next.opcode,
                            Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue
                        ) =>
                    {
                        ip += 1;
                        if truth == (next.opcode == Opcode::PopJumpIfTrue) {
                            ip = next.arg as usize;
                        }
                    }
                    _ => stack.push(Value::bool(truth)),
                }
                continue;
            }};
        }

        // Finishes the top frame's run of compiled code (with the stack detached), as the
        // interpreter finishes the instruction it left at: a return pops the frame (a
        // generator's hands the value to its consumer's `ForIter` or `Send`), a yield suspends
        // it, a raise unwinds from the recorded instruction. The caller then `resume!`s.
        macro_rules! after_compiled {
            ($outcome:expr) => {
                let outcome = $outcome;
                match self.finish_compiled(outcome) {
                    Ok(None) => {}
                    Ok(Some(exit)) => return Ok(exit),
                    Err(error) => return Err(Raised::from(error)),
                }
            };
        }

        // After a Python function's frame was pushed (with the stack detached): checks for
        // signals (raised in the callee, whose ip is 0; the caller's was synced before the call,
        // as CPython checks when a function starts), runs the callee compiled when it is hot,
        // and continues the loop in whichever frame is now on top.
        macro_rules! entered_frame {
            () => {
                if let Err(error) = self.safepoint() {
                    return Err(Raised::from(error));
                }
                if self.jit.is_some() {
                    if let Some(outcome) = self.enter_compiled_at_call() {
                        after_compiled!(outcome);
                    }
                }
                resume!();
            };
        }

        // Finishes a call whose callable sat at `$return_to`: a returned value replaces the
        // callable and the arguments; a pushed frame continues the loop in the callee. Entered
        // with the stack detached.
        macro_rules! called {
            ($outcome:expr, $return_to:expr) => {
                match $outcome {
                    CallOutcome::Returned(value) => {
                        attach!();
                        stack.truncate($return_to);
                        stack.push(value);
                    }
                    CallOutcome::FramePushed => {
                        entered_frame!();
                    }
                }
            };
        }

        loop {
            let Some(&instruction) = instructions.get(ip) else {
                throw!(self.runtime.new_error(
                    self.runtime.types.system_error,
                    "instruction pointer out of range"
                ));
            };
            if observed {
                outside!(self.observe_instruction(code, ip));
            }
            ip += 1;
            let arg = instruction.arg as usize;
            match instruction.opcode {
                Opcode::Nop => {}
                Opcode::DeleteDeref
                | Opcode::LoadClosure
                | Opcode::LoadClassDeref
                | Opcode::LoadName
                | Opcode::StoreName
                | Opcode::DeleteName
                | Opcode::StoreGlobal
                | Opcode::DeleteGlobal
                | Opcode::DeleteAttr
                | Opcode::MakeFunction
                | Opcode::LoadBuildClass
                | Opcode::UnaryPositive
                | Opcode::DeleteSubscr
                | Opcode::BuildTuple
                | Opcode::BuildList
                | Opcode::BuildSet
                | Opcode::BuildMap
                | Opcode::BuildString
                | Opcode::ListAppend
                | Opcode::SetAdd
                | Opcode::MapAdd
                | Opcode::ListExtend
                | Opcode::SetUpdate
                | Opcode::DictUpdate
                | Opcode::DictMerge
                | Opcode::ListToTuple
                | Opcode::FormatValue
                | Opcode::UnpackEx
                | Opcode::GetIter
                | Opcode::LoadAssertionError
                | Opcode::BeforeWith
                | Opcode::ImportName
                | Opcode::ImportFrom
                | Opcode::ImportStar
                | Opcode::SetupAnnotations
                | Opcode::PrintExpr
                | Opcode::MatchSequence
                | Opcode::MatchMapping
                | Opcode::GetLen
                | Opcode::MatchKeys
                | Opcode::MatchClass => {
                    sync!();
                    attempt!(self.stack_instruction(code, instruction.opcode, arg, ip - 1));
                }
                Opcode::UnpackSequence => {
                    // An exact tuple or list of the right length: its items, first on top.
                    let sequence = stack.peek(1);
                    let items: Option<&[Value]> =
                        match sequence.as_object().map(|object| &object.payload) {
                            Some(Payload::Tuple(items)) => Some(items),
                            Some(Payload::List(items)) => Some(items.get()),
                            _ => None,
                        };
                    if let Some(items) = items.filter(|items| items.len() == arg) {
                        stack.pop();
                        for &item in items.iter().rev() {
                            stack.push(item);
                        }
                        continue;
                    }
                    sync!();
                    attempt!(self.stack_instruction(code, instruction.opcode, arg, ip - 1));
                }
                Opcode::PopTop => {
                    stack.pop();
                }
                Opcode::Copy => {
                    let value = stack.peek(arg);
                    stack.push(value);
                }
                Opcode::Swap => {
                    let top = stack.peek(1);
                    stack.poke(1, stack.peek(arg));
                    stack.poke(arg, top);
                }
                Opcode::PushNull => stack.push(Value::NULL),
                Opcode::LoadConst => stack.push(code.constants[arg]),
                Opcode::LoadFast => {
                    let value = stack.get(base + arg);
                    if value.is_null() {
                        throw!(self.unbound_local(code, arg));
                    }
                    stack.push(value);
                    // The most common pair (both operands of an operation): a second LoadFast
                    // runs here without a dispatch. An unbound second local is left to its own
                    // dispatch to raise; `explain` counts every instruction, so it keeps them
                    // apart.
                    // Likewise an attribute of it found by the next instruction's cache
                    // (`self.x`).
                    if let Some(next) = instructions.get(ip).filter(|_| !observed) {
                        if next.opcode == Opcode::LoadFast {
                            push_bound_local!(next);
                        } else if next.opcode == Opcode::LoadConst {
                            // `n % 2`, `i + 1`, `n != 1`.
                            stack.push(code.constants[next.arg as usize]);
                            ip += 1;
                        } else if next.opcode == Opcode::LoadAttr {
                            if let Some(attribute) =
                                attribute_site::cached_load(&code.attribute_sites, ip, value)
                            {
                                stack.poke(1, attribute);
                                ip += 1;
                            }
                        }
                    }
                }
                Opcode::StoreFast => {
                    let value = stack.pop();
                    stack.set(base + arg, value);
                    // A statement's next one often starts with a bound local.
                    if let Some(next) = instructions.get(ip).filter(|_| !observed) {
                        if next.opcode == Opcode::LoadFast {
                            push_bound_local!(next);
                        }
                    }
                }
                Opcode::DeleteFast => {
                    if stack.get(base + arg).is_null() {
                        throw!(self.unbound_local(code, arg));
                    }
                    stack.set(base + arg, Value::NULL);
                }
                Opcode::LoadDeref => {
                    let value = cell_contents(stack.get(cells_base + arg));
                    if value.is_null() {
                        throw!(self.unbound_cell(code, arg));
                    }
                    stack.push(value);
                }
                Opcode::StoreDeref => {
                    let value = stack.pop();
                    set_cell(stack.get(cells_base + arg), value);
                }
                Opcode::LoadGlobal => {
                    let name = code.names[arg];
                    let value = match krait_runtime::global_cache::load_global(
                        &mut self.runtime,
                        &code.global_cache,
                        arg,
                        globals,
                        name,
                    ) {
                        Some(value) => value,
                        None => throw!(self.name_error(name)),
                    };
                    stack.push(value);
                }
                Opcode::LoadAttr => {
                    let object = stack.pop();
                    let here = ip - 1;
                    if let Some(value) =
                        attribute_site::cached_load(&code.attribute_sites, here, object)
                    {
                        stack.push(value);
                        continue;
                    }
                    sync!();
                    // Ran (the cache did not answer): compiled code need not treat the
                    // instruction as never run (see `translate/attributes.rs`).
                    code.profile.record(here, SEEN_OTHER);
                    let value = attempt!(protocol::get_attribute(self, object, code.names[arg]));
                    attribute_site::record_slot(
                        &mut self.runtime,
                        &code.attribute_sites,
                        here,
                        object,
                        code.names[arg],
                        false,
                    );
                    stack.push(value);
                }
                Opcode::StoreAttr => {
                    let object = stack.pop();
                    let value = stack.pop();
                    let here = ip - 1;
                    if attribute_site::cached_store(&code.attribute_sites, here, object, value) {
                        continue;
                    }
                    sync!();
                    code.profile.record(here, SEEN_OTHER);
                    let shape_before = attribute_site::shape_before_store(object);
                    attempt!(protocol::set_attribute(
                        self,
                        object,
                        code.names[arg],
                        value
                    ));
                    attribute_site::record_store(
                        &mut self.runtime,
                        &code.attribute_sites,
                        here,
                        object,
                        code.names[arg],
                        shape_before,
                    );
                }
                Opcode::LoadMethod => {
                    let object = stack.pop();
                    let here = ip - 1;
                    if let Some(method) =
                        attribute_site::cached_method(&code.attribute_sites, here, object)
                    {
                        stack.push(method);
                        stack.push(object);
                        continue;
                    }
                    let builtin_receiver = attribute_site::is_builtin_receiver(object);
                    if builtin_receiver {
                        let class = protocol::type_of(&self.runtime, object);
                        if let Some(method) = attribute_site::cached_builtin_method(
                            &code.attribute_sites,
                            here,
                            class,
                        ) {
                            stack.push(method);
                            stack.push(object);
                            continue;
                        }
                    }
                    sync!();
                    code.profile.record(here, SEEN_OTHER);
                    let (method, receiver) =
                        attempt!(protocol::load_method(self, object, code.names[arg]));
                    if builtin_receiver {
                        let class = protocol::type_of(&self.runtime, object);
                        attribute_site::record_builtin_method(
                            &code.attribute_sites,
                            here,
                            class,
                            method,
                        );
                    } else {
                        attribute_site::record_method(
                            &mut self.runtime,
                            &code.attribute_sites,
                            here,
                            object,
                            code.names[arg],
                            method,
                        );
                    }
                    stack.push(method);
                    stack.push(receiver);
                }
                Opcode::Call | Opcode::CallMethod => {
                    // CALL: [callable, arguments…]; CALL_METHOD: [method, self, arguments…]
                    // or [NULL, callable, arguments…] — both cut back below the first slot.
                    let length = stack.depth();
                    let (callable, arguments_start, return_to, empty_slot_below) =
                        if instruction.opcode == Opcode::Call {
                            (stack.peek(arg + 1), length - arg, length - arg - 1, false)
                        } else {
                            let first = stack.peek(arg + 2);
                            if first.is_null() {
                                (stack.peek(arg + 1), length - arg, length - arg - 2, true)
                            } else {
                                (first, length - arg - 1, length - arg - 2, false)
                            }
                        };
                    if instruction.opcode == Opcode::Call && self.jit.is_some() {
                        self.record_call_code(code, ip - 1, callable);
                    }
                    sync!();
                    let outcome = if self.push_plain_frame(callable, arguments_start, return_to) {
                        CallOutcome::FramePushed
                    } else {
                        match self.call_positional(
                            callable,
                            arguments_start,
                            return_to,
                            empty_slot_below,
                        ) {
                            Ok(outcome) => outcome,
                            Err(error) => {
                                attach!();
                                throw!(error);
                            }
                        }
                    };
                    called!(outcome, return_to);
                }
                Opcode::CallKw | Opcode::CallFunctionEx => {
                    sync!();
                    let (callable, arguments_start, keyword_names, return_to) =
                        attempt!(self.call_operands(instruction.opcode, arg));
                    detach!();
                    let outcome =
                        match self.call_value(callable, arguments_start, &keyword_names, return_to)
                        {
                            Ok(outcome) => outcome,
                            Err(error) => {
                                attach!();
                                throw!(error);
                            }
                        };
                    called!(outcome, return_to);
                }
                Opcode::ReturnValue => {
                    let value = stack.pop();
                    let Some(frame) = self.pop_frame() else {
                        detach!();
                        return Ok(Exit::Return(value));
                    };
                    stack.truncate(frame.return_to);
                    if frame.is_entry {
                        detach!();
                        return Ok(Exit::Return(value));
                    }
                    if frame.generator.is_null() {
                        stack.push(value);
                    } else {
                        // A generator resumed by this loop's `ForIter` or `Send` finished.
                        detach!();
                        self.generator_returned(frame.generator, value);
                        attach!();
                    }
                    reload!();
                }
                Opcode::BinaryOp => {
                    let right = stack.pop();
                    let left = stack.pop();
                    if let (Some(a), Some(b)) = (left.as_small_int(), right.as_small_int()) {
                        code.profile.record(ip - 1, SEEN_INT);
                        match arithmetic::int_binary(a, b, instruction.arg) {
                            Some(Quick::Int(result)) => {
                                push_or_store!(self.runtime.new_int(result));
                                continue;
                            }
                            Some(Quick::Float(result)) => {
                                push_or_store!(Value::float(result));
                                continue;
                            }
                            None => {}
                        }
                    } else if let (Some(a), Some(b)) = (left.as_float(), right.as_float()) {
                        code.profile.record(ip - 1, SEEN_FLOAT);
                        if let Some(result) = arithmetic::float_binary(a, b, instruction.arg) {
                            push_or_store!(Value::float(result));
                            continue;
                        }
                    } else if let Some((a, b)) = mixed_floats(left, right) {
                        code.profile.record(ip - 1, SEEN_MIXED);
                        if let Some(result) = arithmetic::float_binary(a, b, instruction.arg) {
                            push_or_store!(Value::float(result));
                            continue;
                        }
                    }
                    code.profile.record(ip - 1, operand_types(left, right));
                    if let Some(quick) = arithmetic::wide_int_binary(left, right, instruction.arg) {
                        let value = match quick {
                            Quick::Int(result) => self.runtime.new_int(result),
                            Quick::Float(result) => Value::float(result),
                        };
                        stack.push(value);
                        continue;
                    }
                    let operator =
                        BinaryOperator::from_arg(instruction.arg).unwrap_or(BinaryOperator::Add);
                    if let Some(Payload::Instance(instance)) =
                        left.as_object().map(|object| &object.payload)
                    {
                        code.profile
                            .record_operand_class(ip - 1, *instance.class.get());
                    }
                    sync!();
                    let value = attempt!(self.binary_operation(left, right, operator));
                    stack.push(value);
                }
                Opcode::UnaryNegative | Opcode::UnaryInvert => {
                    let operand = stack.peek(1);
                    let negative = instruction.opcode == Opcode::UnaryNegative;
                    if let Some(a) = operand.as_small_int() {
                        if negative {
                            code.profile.record(ip - 1, SEEN_INT);
                        }
                        // Inline ints are 48-bit: neither result can overflow an i64.
                        let value = self.runtime.new_int(if negative { -a } else { !a });
                        stack.poke(1, value);
                        continue;
                    }
                    if let (Some(a), true) = (operand.as_float(), negative) {
                        code.profile.record(ip - 1, SEEN_FLOAT);
                        stack.poke(1, Value::float(-a));
                        continue;
                    }
                    if negative {
                        // Feedback for the JIT, which speculates on one kind.
                        code.profile.record(ip - 1, SEEN_OTHER);
                    }
                    sync!();
                    attempt!(self.stack_instruction(code, instruction.opcode, arg, ip - 1));
                }
                Opcode::UnaryNot => {
                    let operand = stack.pop();
                    sync!();
                    let truth = attempt!(protocol::is_true(self, operand));
                    stack.push(Value::bool(!truth));
                }
                Opcode::CompareOp => {
                    let right = stack.pop();
                    let left = stack.pop();
                    let operator =
                        Comparison::from_arg(instruction.arg).unwrap_or(Comparison::Equal);
                    if let (Some(a), Some(b)) = (left.as_small_int(), right.as_small_int()) {
                        code.profile.record(ip - 1, SEEN_INT);
                        condition!(compare_numbers(a, b, operator));
                    }
                    if let (Some(a), Some(b)) = (left.as_float(), right.as_float()) {
                        code.profile.record(ip - 1, SEEN_FLOAT);
                        condition!(compare_numbers(a, b, operator));
                    }
                    if let Some((a, b)) = mixed_floats(left, right) {
                        code.profile.record(ip - 1, SEEN_MIXED);
                        condition!(compare_numbers(a, b, operator));
                    }
                    code.profile.record(ip - 1, operand_types(left, right));
                    sync!();
                    let value = attempt!(protocol::compare(self, left, right, operator));
                    match value {
                        Value::TRUE => condition!(true),
                        Value::FALSE => condition!(false),
                        _ => stack.push(value),
                    }
                }
                Opcode::ContainsOp => {
                    // The operands stay on the stack (rooted) while the protocol runs: a user
                    // `__eq__`/`__hash__` may collect, and a temporary container has no other
                    // root. Likewise in the subscript instructions' slow paths.
                    let (container, item) = (stack.peek(1), stack.peek(2));
                    sync!();
                    let found = attempt!(protocol::contains(self, container, item));
                    stack.pop();
                    stack.pop();
                    condition!(found != (arg == 1));
                }
                Opcode::IsOp => {
                    let right = stack.pop();
                    let left = stack.pop();
                    condition!((left == right) != (arg == 1));
                }
                Opcode::BuildSlice => {
                    // A slice of an exact list subscripted right away (`items[a:b]`,
                    // `items[a:b] = value`) with int or None bounds: sliced from the parts
                    // without building a slice object. Errors point at the subscript, as they
                    // would after the slice object was built.
                    let length = stack.depth();
                    let next = instructions.get(ip).map(|next| next.opcode);
                    let parts = stack.values_from(length - arg);
                    let plain_bound = |value: &Value| value.is_none() || value.is_small_int();
                    if !observed
                        && matches!(next, Some(Opcode::BinarySubscr | Opcode::StoreSubscr))
                        && (arg == 2 || arg == 3)
                        && parts.iter().all(plain_bound)
                    {
                        let (start, stop) = (parts[0], parts[1]);
                        let step = if arg == 3 { parts[2] } else { Value::NONE };
                        let container_at = length - arg - 1;
                        let container = stack.get(container_at);
                        if krait_runtime::types::list::items(container).is_some()
                            && is_exact_list(&self.runtime, container)
                        {
                            // Feedback for the JIT (`translate/slices.rs`): this slice of a
                            // list is made from its parts.
                            code.profile.record(ip - 1, SEEN_INT);
                            ip += 1;
                            sync!();
                            if next == Some(Opcode::BinarySubscr) {
                                let slice = attempt!(krait_runtime::types::list::get_slice(
                                    self, container, start, stop, step
                                ));
                                stack.truncate(container_at);
                                stack.push(slice);
                            } else {
                                let value = stack.get(container_at - 1);
                                attempt!(krait_runtime::types::list::set_slice(
                                    self,
                                    container,
                                    (start, stop, step),
                                    value
                                ));
                                stack.truncate(container_at - 1);
                            }
                            continue;
                        }
                    }
                    code.profile.record(ip - 1, SEEN_OTHER);
                    sync!();
                    attempt!(self.stack_instruction(code, instruction.opcode, arg, ip - 1));
                }
                Opcode::BinarySubscr => {
                    let (key, container) = (stack.peek(1), stack.peek(2));
                    let slot = list_slot(container, key);
                    // Feedback for the JIT: whether this site only sees lists indexed in range.
                    code.profile
                        .record(ip - 1, if slot.is_some() { SEEN_INT } else { SEEN_OTHER });
                    let quick = match slot {
                        Some(slot) => Some(*slot),
                        None => krait_runtime::types::dict::get_exact_str_item(container, key)
                            .or_else(|| {
                                krait_runtime::types::str::get_ascii_item(
                                    &self.runtime,
                                    container,
                                    key,
                                )
                            }),
                    };
                    let value = match quick {
                        Some(value) => value,
                        None => {
                            sync!();
                            attempt!(protocol::get_item(self, container, key))
                        }
                    };
                    stack.pop();
                    stack.poke(1, value);
                }
                Opcode::StoreSubscr => {
                    let (key, container, value) = (stack.peek(1), stack.peek(2), stack.peek(3));
                    let slot = list_slot(container, key);
                    // Feedback for the JIT: whether this site only sees lists indexed in range.
                    code.profile
                        .record(ip - 1, if slot.is_some() { SEEN_INT } else { SEEN_OTHER });
                    if let Some(slot) = slot {
                        *slot = value;
                    } else if !krait_runtime::types::dict::set_exact_str_item(
                        &mut self.runtime,
                        container,
                        key,
                        value,
                    ) {
                        sync!();
                        attempt!(protocol::set_item(self, container, key, value));
                    }
                    stack.truncate(stack.depth() - 3);
                }
                Opcode::Jump => {
                    if arg < ip {
                        if self.safepoint_pending() {
                            sync!();
                            attempt!(self.safepoint_slow());
                        }
                        if self.jit.is_some() {
                            sync!();
                            if let Some(entry) = self.compiled_entry_for_loop(code, arg) {
                                if let Some(frame) = self.frames.last_mut() {
                                    frame.ip = arg;
                                }
                                detach!();
                                after_compiled!(self.run_compiled(entry, arg));
                                resume!();
                                continue;
                            }
                        }
                    }
                    ip = arg;
                }
                Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => {
                    let condition = stack.pop();
                    let truth = match condition {
                        Value::TRUE => true,
                        Value::FALSE => false,
                        _ => {
                            sync!();
                            attempt!(protocol::is_true(self, condition))
                        }
                    };
                    if truth == (instruction.opcode == Opcode::PopJumpIfTrue) {
                        ip = arg;
                    }
                }
                Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                    let condition = stack.peek(1);
                    sync!();
                    let truth = attempt!(protocol::is_true(self, condition));
                    if truth == (instruction.opcode == Opcode::JumpIfTrueOrPop) {
                        ip = arg;
                    } else {
                        stack.pop();
                    }
                }
                Opcode::ForIter => {
                    let iterator = stack.peek(1);
                    if let Some(Payload::Iterator(IteratorKind::Range { next, stop, step })) =
                        iterator.as_object().map(|object| &object.payload)
                    {
                        // Feedback for the JIT: this loop iterates over a range.
                        code.profile.record(ip - 1, SEEN_INT);
                        let current = next.get();
                        if (*step > 0 && current < *stop) || (*step < 0 && current > *stop) {
                            next.set(current + *step);
                            push_or_store!(self.runtime.new_int(current));
                        } else {
                            stack.pop();
                            ip = arg;
                        }
                        continue;
                    }
                    code.profile.record(ip - 1, SEEN_OTHER);
                    // A list or tuple iterator: the next item by index (as `next` does).
                    if let Some(Payload::Iterator(IteratorKind::Sequence { sequence, index })) =
                        iterator.as_object().map(|object| &object.payload)
                    {
                        let items = match sequence.as_object().map(|object| &object.payload) {
                            Some(Payload::List(items)) => Some(&items.get()[..]),
                            Some(Payload::Tuple(items)) => Some(&items[..]),
                            _ => None,
                        };
                        if let Some(items) = items {
                            let position = index.get();
                            match items.get(position) {
                                Some(&item) => {
                                    index.set(position + 1);
                                    push_or_store!(item);
                                }
                                None => {
                                    stack.pop();
                                    ip = arg;
                                }
                            }
                            continue;
                        }
                    }
                    // Feedback for the JIT: a loop over reversed/enumerate/zip (compiled code
                    // advances those inline; other loops do not carry that code).
                    if let Some(Payload::Iterator(
                        IteratorKind::ReversedSequence { .. }
                        | IteratorKind::Enumerate { .. }
                        | IteratorKind::Zip { .. },
                    )) = iterator.as_object().map(|object| &object.payload)
                    {
                        code.profile.record(ip - 1, SEEN_ADAPTER);
                    }
                    sync!();
                    // A generator continues in this loop, above this frame.
                    if attempt!(self.push_generator_frame(iterator, Value::NONE, false)) {
                        if self.jit.is_some() {
                            detach!();
                            if let Some(outcome) = self.run_generator_compiled() {
                                after_compiled!(outcome);
                            }
                            resume!();
                        } else {
                            reload!();
                        }
                        continue;
                    }
                    match attempt!(protocol::next(self, iterator)) {
                        Some(value) => stack.push(value),
                        None => {
                            stack.pop();
                            ip = arg;
                        }
                    }
                }
                Opcode::RaiseVarargs => {
                    sync!();
                    return Err(self.raise(arg));
                }
                Opcode::Reraise => {
                    let exception = stack.pop();
                    sync!();
                    return Err(Raised {
                        error: PyErr { exception },
                        reraise: true,
                    });
                }
                Opcode::PushExcInfo => {
                    let exception = stack.pop();
                    stack.push(self.handled_exception);
                    stack.push(exception);
                    self.handled_exception = exception;
                }
                Opcode::PopExcept => {
                    self.handled_exception = stack.pop();
                }
                Opcode::CheckExcMatch => {
                    let class = stack.pop();
                    let exception = stack.peek(1);
                    sync!();
                    let matched = attempt!(self.exception_matches(exception, class));
                    stack.push(Value::bool(matched));
                }
                Opcode::WithExceptStart => {
                    let exception = stack.peek(1);
                    let exit = stack.peek(3);
                    let class = protocol::type_of(&self.runtime, exception);
                    sync!();
                    let result = attempt!(protocol::call(
                        self,
                        exit,
                        &[class, exception, Value::NONE],
                        &[]
                    ));
                    stack.push(result);
                }
                Opcode::YieldValue => {
                    let value = stack.pop();
                    sync!();
                    if self.suspend_generator() {
                        return Ok(Exit::Yield(value));
                    }
                    // Entered by `push_generator_frame`: the consumer below continues after
                    // its `ForIter` or `Send` with the value.
                    self.stack.push(value);
                    resume!();
                }
                Opcode::GetYieldFromIter | Opcode::GetAwaitable => {
                    sync!();
                    attempt!(self.stack_instruction(code, instruction.opcode, arg, ip - 1));
                }
                Opcode::Send => {
                    let value = stack.pop();
                    let iterator = stack.peek(1);
                    sync!();
                    if attempt!(self.push_generator_frame(iterator, value, true)) {
                        if self.jit.is_some() {
                            detach!();
                            if let Some(outcome) = self.run_generator_compiled() {
                                after_compiled!(outcome);
                            }
                            resume!();
                        } else {
                            reload!();
                        }
                        continue;
                    }
                    match attempt!(self.send(iterator, value)) {
                        krait_runtime::GeneratorStep::Yielded(yielded) => stack.push(yielded),
                        krait_runtime::GeneratorStep::Returned(result) => {
                            stack.poke(1, result);
                            ip = arg;
                        }
                    }
                }
                Opcode::GetAiter => {
                    let value = stack.peek(1);
                    sync!();
                    let iterator = attempt!(self.get_aiter(value));
                    stack.poke(1, iterator);
                }
                Opcode::GetAnext => {
                    let iterator = stack.peek(1);
                    sync!();
                    let awaitable = attempt!(self.get_anext(iterator));
                    stack.push(awaitable);
                }
                Opcode::EndAsyncFor => {
                    let exception = stack.pop();
                    if !outside!(self.ends_async_for(exception)) {
                        sync!();
                        return Err(Raised {
                            error: PyErr { exception },
                            reraise: true,
                        });
                    }
                    stack.pop();
                }
                Opcode::BeforeAsyncWith => {
                    let manager = stack.peek(1);
                    sync!();
                    let (exit, entered) = attempt!(self.before_async_with(manager));
                    stack.poke(1, exit);
                    stack.push(entered);
                }
                Opcode::AsyncGenWrap => {
                    let value = stack.peek(1);
                    let wrapped =
                        outside!(krait_runtime::types::coroutine::wrap_yielded(self, value));
                    stack.poke(1, wrapped);
                }
                Opcode::CheckEgMatch => {
                    let class = stack.peek(1);
                    let exception = stack.peek(2);
                    sync!();
                    attempt!(self.check_except_star_type(class));
                    let (matched, rest) = attempt!(
                        krait_runtime::types::exception_group::match_group(self, exception, class)
                    );
                    stack.pop();
                    if matched.is_none() {
                        stack.push(Value::NONE);
                    } else {
                        stack.pop();
                        stack.push(rest);
                        stack.push(matched);
                        self.handled_exception = matched;
                    }
                }
                Opcode::PrepReraiseStar => {
                    let list = stack.peek(1);
                    let original = stack.peek(2);
                    sync!();
                    let result = attempt!(krait_runtime::types::exception_group::prepare_reraise(
                        self, original, list
                    ));
                    stack.pop();
                    stack.pop();
                    stack.push(result);
                }
            }
        }
    }
}

/// The fast path of `list[i]` and `list[i] = v`: the element slot for a small-int index in
/// range (negative indices count from the end), or `None` for everything else.
#[inline]
fn list_slot(container: Value, key: Value) -> Option<&'static mut Value> {
    let (Some(Payload::List(items)), Some(index)) = (
        container.as_object().map(|object| &object.payload),
        key.as_small_int(),
    ) else {
        return None;
    };
    let items = items.get();
    let resolved = if index < 0 {
        index + items.len() as i64
    } else {
        index
    };
    usize::try_from(resolved)
        .ok()
        .and_then(|resolved| items.get_mut(resolved))
}

/// A float and a small int (either order) as two floats, when the int converts exactly.
#[inline]
fn mixed_floats(left: Value, right: Value) -> Option<(f64, f64)> {
    match (left.as_float(), right.as_float()) {
        (Some(a), None) => Some((a, arithmetic::exact_float(right.as_small_int()?)?)),
        (None, Some(b)) => Some((arithmetic::exact_float(left.as_small_int()?)?, b)),
        _ => None,
    }
}

/// Whether the value is a list itself, not an instance of a subclass (which may override
/// `__getitem__` and `__setitem__`).
#[inline]
fn is_exact_list(runtime: &krait_runtime::Runtime, value: Value) -> bool {
    krait_runtime::protocol::type_of(runtime, value) == runtime.types.list
}

/// The feedback bits for operands that took an arithmetic or comparison slow path.
#[cold]
fn operand_types(left: Value, right: Value) -> u8 {
    match (
        left.as_small_int().is_some(),
        left.as_float().is_some(),
        right.as_small_int().is_some(),
        right.as_float().is_some(),
    ) {
        (true, _, true, _) => SEEN_INT,
        (_, true, _, true) => SEEN_FLOAT,
        (true, _, _, true) | (_, true, true, _) => SEEN_MIXED,
        _ => SEEN_OTHER,
    }
}

/// A comparison of two ints or two floats (IEEE semantics for NaN, as Python's).
#[inline]
fn compare_numbers<T: PartialOrd>(a: T, b: T, operator: Comparison) -> bool {
    match operator {
        Comparison::Less => a < b,
        Comparison::LessEqual => a <= b,
        Comparison::Equal => a == b,
        Comparison::NotEqual => a != b,
        Comparison::Greater => a > b,
        Comparison::GreaterEqual => a >= b,
    }
}
