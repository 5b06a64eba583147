//! The `extern "C"` functions compiled code calls back into the vm.
//!
//! Every helper has the one signature the JIT knows: `(vm, stack_pointer, instruction, a, b)
//! -> u64`. Compiled code flushes its operand stack to the frame before each call, so
//! `stack_pointer` marks the VM stack's true length at that instruction: the helper sets the
//! length from it (the collector and the interpreter's own code then see exactly the
//! interpreter's state) and records the frame's instruction pointer as the dispatch loop would.
//! A helper returns a value's bits, or `EXIT_MARKER` after storing an exception or a deopt in
//! `Vm::jit_exit`.

use std::cell::Cell;
use std::ffi::c_void;

use krait_compiler::Opcode;
use krait_jit::{CallTarget, DeoptReason, Helpers};
use krait_runtime::object::{IteratorKind, Payload};
use krait_runtime::profile::{EXIT_MARKER, RETURN_MARKER};
use krait_runtime::{protocol, PyErr, Value};

use super::{CompiledOutcome, JitExit};
use crate::call::CallOutcome;
use crate::Vm;

/// The helper table handed to the JIT.
pub(super) fn table() -> Helpers {
    Helpers {
        deopt: deopt as *const () as usize,
        stack_op: stack_op as *const () as usize,
        call: call as *const () as usize,
        call_known: call_known as *const () as usize,
        finish_call: finish_call as *const () as usize,
        truth: truth as *const () as usize,
        for_iter: for_iter as *const () as usize,
        generator_next: generator_next as *const () as usize,
        safepoint: safepoint as *const () as usize,
        range_iterator: range_iterator as *const () as usize,
        yield_value: yield_value as *const () as usize,
        send: send as *const () as usize,
        catch: catch as *const () as usize,
        exception_match: exception_match as *const () as usize,
        new_instance: new_instance as *const () as usize,
        new_shaped_instance: new_shaped_instance as *const () as usize,
        init_returned: init_returned as *const () as usize,
        binary_not_implemented: binary_not_implemented as *const () as usize,
    }
}

/// The vm behind compiled code's opaque pointer.
///
/// # Safety
/// `vm` must be the pointer `Vm::run_compiled` passed to the compiled code now running; the
/// `&mut Vm` that call came from is not used until the compiled code returns.
pub(super) unsafe fn vm_from<'a>(vm: *mut c_void) -> &'a mut Vm {
    // SAFETY: see the function's contract.
    unsafe { &mut *(vm as *mut Vm) }
}

/// Sets the VM stack's length from compiled code's stack pointer and the top frame's
/// instruction pointer (the instruction after `instruction`, as the dispatch loop leaves it).
/// A generator frame running detached (on its saved buffer) is attached first: helpers find
/// the running frame on the VM stack (`detached_generator.rs`).
#[inline(always)]
pub(super) fn enter(vm: &mut Vm, stack_pointer: *mut u64, instruction: u32) {
    if vm.detached.is_detached() {
        enter_detached(vm, stack_pointer, instruction);
    } else {
        enter_attached(vm, stack_pointer, instruction);
    }
}

/// `enter` of a detached frame, kept out of line so that the common case stays small.
#[cold]
#[inline(never)]
fn enter_detached(vm: &mut Vm, stack_pointer: *mut u64, instruction: u32) {
    let stack_pointer = vm.attach_detached(stack_pointer);
    enter_attached(vm, stack_pointer, instruction);
}

/// `enter` of a frame on the VM stack.
#[inline(always)]
fn enter_attached(vm: &mut Vm, stack_pointer: *mut u64, instruction: u32) {
    if !stack_pointer.is_null() {
        let start = vm.stack.as_ptr() as usize;
        let length = (stack_pointer as usize).wrapping_sub(start) / std::mem::size_of::<Value>();
        assert!(
            length <= vm.stack.capacity() && (stack_pointer as usize) >= start,
            "compiled code's stack pointer is outside the VM stack"
        );
        // SAFETY: the length is within the reserved capacity (checked above), and every slot
        // below it holds a valid value: callers' slots and this frame's locals were written by
        // frame pushes and stores (compiled code writes locals through), and compiled code has
        // just flushed its operand stack to the slots above them.
        unsafe { vm.stack.set_len(length) };
    }
    if let Some(frame) = vm.frames.last_mut() {
        frame.ip = instruction as usize + 1;
    }
}

/// Records `error` for the vm and returns the exit marker.
pub(super) fn raise(vm: &mut Vm, error: PyErr) -> u64 {
    vm.jit_exit = Some(JitExit::Error(error));
    EXIT_MARKER
}

/// Deopt: the frame continues in the interpreter at `instruction`.
extern "C" fn deopt(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    reason: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    vm.record_deopt(instruction as usize, DeoptReason::from_number(reason));
    EXIT_MARKER
}

/// Runs a stack instruction through the interpreter's implementation.
extern "C" fn stack_op(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    opcode: u64,
    argument: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    let Some(code) = vm.frames.last().map(|frame| frame.code) else {
        return EXIT_MARKER;
    };
    let Some(opcode) = Opcode::from_byte(opcode as u8) else {
        return EXIT_MARKER;
    };
    match vm.stack_instruction(code, opcode, argument as usize, instruction as usize) {
        Ok(()) => 0,
        Err(error) => raise(vm, error),
    }
}

/// A call instruction, run to completion.
extern "C" fn call(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    opcode: u64,
    argument: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    let Some(opcode) = Opcode::from_byte(opcode as u8) else {
        return EXIT_MARKER;
    };
    call_instruction(vm, opcode, argument)
}

/// A call of the function compiled code expects at this site (it checked that `callable` is
/// the function of the [`CallTarget`] at `target`): its frame is pushed with the arguments in
/// place and its compiled code entered, without decoding the function object; the general
/// call path when the callee is not compiled or the fast call does not apply.
extern "C" fn call_known(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    callable: u64,
    target: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    // SAFETY: compiled code passes the address of a `CallTarget` its `Jit` owns and never
    // frees (see `CallTarget`).
    let target = unsafe { &*(target as *const CallTarget) };
    if let Some(result) = vm.call_target(Value::from_bits(callable), target) {
        return match result {
            Ok(value) => value.bits(),
            Err(error) => raise(vm, error),
        };
    }
    let Some(instruction) = vm
        .frames
        .last()
        .and_then(|frame| frame.code.code.instructions.get(instruction as usize))
        .copied()
    else {
        return EXIT_MARKER;
    };
    call_instruction(vm, instruction.opcode, u64::from(instruction.arg))
}

/// After a call made inline (see `krait_jit::CallLayout`) whose callee's compiled code left
/// with the exit marker: the callee's frame, still the top one, is finished as the exit
/// recorded says — resumed in the interpreter after a deopt, unwound after an exception —
/// exactly as `enter_compiled_frame` does after its own call.
extern "C" fn finish_call(
    vm: *mut c_void,
    _stack_pointer: *mut u64,
    _instruction: u32,
    _first: u64,
    _second: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    let outcome = match vm.jit_exit.take() {
        Some(JitExit::Error(error)) => CompiledOutcome::Raised(error),
        Some(JitExit::Yield(value)) => CompiledOutcome::Yielded(value),
        Some(JitExit::Deopt) | None => CompiledOutcome::Deopted,
    };
    match vm.finish_entry_frame(outcome) {
        Ok(value) => value.bits(),
        Err(error) => raise(vm, error),
    }
}

/// A new instance of the plain class `class` (compiled code checked it is the class the vm
/// found a constructor for, see `Vm::plain_class_init`), before its `__init__` runs.
/// Allocation never collects, and this runs no Python code.
extern "C" fn new_instance(
    vm: *mut c_void,
    _stack_pointer: *mut u64,
    _instruction: u32,
    class: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    vm.runtime
        .new_instance(
            Value::from_bits(class),
            krait_runtime::object::Layout::Object,
        )
        .bits()
}

/// A new instance of the plain class `class` with the attributes of the shape at `shape`,
/// their slots NULL: for a construction folded into compiled code
/// (`jit/src/translate/folded_init.rs`), which writes the slots right after. Allocation never
/// collects, and this runs no Python code.
extern "C" fn new_shaped_instance(
    vm: *mut c_void,
    _stack_pointer: *mut u64,
    _instruction: u32,
    class: u64,
    shape: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    let shape = shape as *const krait_runtime::shape::Shape;
    // SAFETY: compiled code passes the address (`Rc::as_ptr`) of a shape an attribute cache
    // recorded, reached from the runtime's root shape by transitions. Every such shape is held
    // by its parent's transition table for as long as the runtime lives (tables never drop
    // entries), so the pointer is valid; taking a count first makes the `Rc` built from it own
    // that count.
    let shape = unsafe {
        std::rc::Rc::increment_strong_count(shape);
        std::rc::Rc::from_raw(shape)
    };
    vm.runtime
        .new_shaped_instance(Value::from_bits(class), shape)
        .bits()
}

/// A constructor's `__init__` returned `result`, which is not None: CPython's TypeError.
extern "C" fn init_returned(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    result: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    let message = format!(
        "__init__() should return None, not '{}'",
        protocol::type_name(&vm.runtime, Value::from_bits(result))
    );
    let error = vm.runtime.type_error(message);
    raise(vm, error)
}

/// The operator method compiled code called for the `BinaryOp` at `instruction` returned
/// NotImplemented: the protocol's TypeError for `left op right`, as `Vm::binary_operation`.
extern "C" fn binary_not_implemented(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    left: u64,
    right: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    let operator = vm
        .frames
        .last()
        .and_then(|frame| frame.code.code.instructions.get(instruction as usize))
        .and_then(|instruction| krait_compiler::BinaryOperator::from_arg(instruction.arg));
    let Some(operator) = operator else {
        return EXIT_MARKER;
    };
    let error = match protocol::number::unsupported_binary(
        vm,
        Value::from_bits(left),
        Value::from_bits(right),
        operator,
    ) {
        Ok(_) => return EXIT_MARKER,
        Err(error) => error,
    };
    raise(vm, error)
}

/// Runs call instruction `opcode` with `argument` on the stack as the interpreter left it.
fn call_instruction(vm: &mut Vm, opcode: Opcode, argument: u64) -> u64 {
    if matches!(opcode, Opcode::Call | Opcode::CallMethod) {
        if let Some(result) = native_call(vm, opcode, argument as usize) {
            return match result {
                Ok(value) => value.bits(),
                Err(error) => raise(vm, error),
            };
        }
        if let Some(result) = vm.direct_call(opcode, argument as usize) {
            return match result {
                Ok(value) => value.bits(),
                Err(error) => raise(vm, error),
            };
        }
    }
    let outcome = match positional_operands(vm, opcode, argument as usize) {
        // A positional call takes the interpreter's fast paths: a Python function's frame
        // pushed with its defaults, bound methods unpacked in place, builtins called with the
        // arguments from the stack, plain classes constructed directly.
        Some((callable, arguments_start, return_to, empty_slot_below)) => {
            if vm.push_plain_frame(callable, arguments_start, return_to) {
                Ok(CallOutcome::FramePushed)
            } else {
                vm.call_positional(callable, arguments_start, return_to, empty_slot_below)
            }
            .map(|outcome| (outcome, return_to))
        }
        None => match vm.call_operands(opcode, argument as usize) {
            Ok((callable, arguments_start, keyword_names, return_to)) => vm
                .call_value(callable, arguments_start, &keyword_names, return_to)
                .map(|outcome| (outcome, return_to)),
            Err(error) => Err(error),
        },
    };
    let result = match outcome {
        Ok((CallOutcome::Returned(value), return_to)) => {
            vm.stack.truncate(return_to);
            Ok(value)
        }
        Ok((CallOutcome::FramePushed, _)) => vm.run_pushed_call(),
        Err(error) => Err(error),
    };
    match result {
        Ok(value) => value.bits(),
        Err(error) => raise(vm, error),
    }
}

/// A positional call of a builtin function, or of a method `LoadMethod` found on a builtin
/// receiver (`text.strip(chars)`, `counts.get(word, 0)`, `len(items)`): the Rust function
/// called at once with the arguments from the stack, before the layers the general path
/// goes through for Python functions, bound methods and classes (the interpreter's own
/// builtin fast path, `Vm::call_native`, which this is). `None`, having done nothing, for
/// anything else or while a profiler listens (the general path reports calls).
#[inline]
fn native_call(
    vm: &mut Vm,
    opcode: Opcode,
    count: usize,
) -> Option<krait_runtime::PyResult<Value>> {
    if vm.profiler.is_some() {
        return None;
    }
    let (callable, arguments_start, return_to, _) = positional_operands(vm, opcode, count)?;
    let Some(Payload::NativeFunction(native)) = callable.as_object().map(|object| &object.payload)
    else {
        return None;
    };
    if !native.receiver.is_null() {
        return None;
    }
    let function = native.function;
    let result = vm.call_native(function, arguments_start);
    if result.is_ok() {
        vm.stack.truncate(return_to);
    }
    Some(result)
}

/// For `Call` and `CallMethod` (positional calls): the callable, where its arguments start,
/// the stack length the call cuts back to, and whether the slot below the callable is the
/// empty one `LoadMethod` leaves — laid out as the interpreter reads them. `None` for the
/// keyword forms, or a stack too short for the instruction.
fn positional_operands(
    vm: &Vm,
    opcode: Opcode,
    count: usize,
) -> Option<(Value, usize, usize, bool)> {
    let length = vm.stack.len();
    match opcode {
        Opcode::Call => {
            let callable = *vm.stack.get(length.checked_sub(count + 1)?)?;
            Some((callable, length - count, length - count - 1, false))
        }
        Opcode::CallMethod => {
            let first = *vm.stack.get(length.checked_sub(count + 2)?)?;
            if first.is_null() {
                let callable = vm.stack[length - count - 1];
                Some((callable, length - count, length - count - 2, true))
            } else {
                Some((first, length - count - 1, length - count - 2, false))
            }
        }
        _ => None,
    }
}

/// The truth of a value: 0 or 1.
extern "C" fn truth(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    value: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    match protocol::is_true(vm, Value::from_bits(value)) {
        Ok(truth) => u64::from(truth),
        Err(error) => raise(vm, error),
    }
}

/// The next value of a generator, which compiled code has checked by its kind byte, or NULL
/// when it is finished: `for_iter` without the other iterators' checks.
extern "C" fn generator_next(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    generator: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    // (Made inline here: the common path of a compiled `for` over a generator.)
    resume_generator_for_next(vm, Value::from_bits(generator))
}

/// The next value of an iterator, or NULL when it is exhausted.
extern "C" fn for_iter(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    iterator: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    let iterator = Value::from_bits(iterator);
    if let Some(Payload::Iterator(IteratorKind::Range { next, stop, step })) =
        iterator.as_object().map(|object| &object.payload)
    {
        let current = next.get();
        if (*step > 0 && current < *stop) || (*step < 0 && current > *stop) {
            next.set(current + *step);
            return vm.runtime.new_int(current).bits();
        }
        return Value::NULL.bits();
    }
    enter(vm, stack_pointer, instruction);
    // A generator whose code is compiled: resumed directly (`protocol::next` would reach the
    // same path through the general resume).
    if krait_runtime::types::coroutine::is_generator_iterator(iterator) {
        return next_of_generator(vm, iterator);
    }
    match protocol::next(vm, iterator) {
        Ok(Some(value)) => value.bits(),
        Ok(None) => Value::NULL.bits(),
        Err(error) => raise(vm, error),
    }
}

/// `iter(range(...))` with the top `count` (1 to 3) stack values as the arguments, when they
/// are small ints and the step is not zero: a range iterator made directly (the range object
/// would be dropped at once); NULL otherwise, and the caller makes the call. Never raises.
extern "C" fn range_iterator(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    _instruction: u32,
    count: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    let count = count as usize;
    if !(1..=3).contains(&count) {
        return Value::NULL.bits();
    }
    let mut numbers = [0i64; 3];
    for (position, number) in numbers.iter_mut().take(count).enumerate() {
        // SAFETY: compiled code flushed its operand stack, whose top `count` slots are the
        // arguments, just below `stack_pointer`, all within the VM stack.
        let bits = unsafe { *stack_pointer.sub(count - position) };
        match Value::from_bits(bits).as_small_int() {
            Some(small) => *number = small,
            None => return Value::NULL.bits(),
        }
    }
    let (start, stop, step) = match count {
        1 => (0, numbers[0], 1),
        2 => (numbers[0], numbers[1], 1),
        _ => (numbers[0], numbers[1], numbers[2]),
    };
    if step == 0 {
        return Value::NULL.bits();
    }
    vm.runtime
        .heap
        .allocate(Payload::Iterator(IteratorKind::Range {
            next: Cell::new(start),
            stop,
            step,
        }))
        .bits()
}

/// `for_iter` of a generator: its compiled code resumed directly where it can be, else
/// `protocol::next`. Kept out of line so that `for_iter`'s other iterators pay nothing for it.
#[inline(never)]
fn next_of_generator(vm: &mut Vm, generator: Value) -> u64 {
    resume_generator_for_next(vm, generator)
}

/// The next item of `generator` (NULL when it is exhausted, the exit marker when it raised).
#[inline(always)]
fn resume_generator_for_next(vm: &mut Vm, generator: Value) -> u64 {
    let step = match vm.resume_compiled(generator, Value::NONE) {
        Some(step) => step,
        None => match protocol::next(vm, generator) {
            Ok(Some(value)) => return value.bits(),
            Ok(None) => return Value::NULL.bits(),
            Err(error) => return raise(vm, error),
        },
    };
    match step {
        Ok(krait_runtime::GeneratorStep::Yielded(value)) => value.bits(),
        Ok(krait_runtime::GeneratorStep::Returned(_)) => Value::NULL.bits(),
        Err(error) => raise(vm, error),
    }
}

/// `yield` in a generator's compiled code: the frame pauses after the instruction with the
/// stack below the value; whoever entered the compiled code suspends it (`Vm::suspend_generator`,
/// as the interpreter's `YieldValue` does) and hands `value` on.
extern "C" fn yield_value(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    value: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    if vm.detached.is_detached() {
        // The values are in the generator's buffer already: only the pause is recorded.
        vm.suspend_detached(stack_pointer, instruction + 1);
    } else {
        enter(vm, stack_pointer, instruction);
    }
    vm.jit_exit = Some(JitExit::Yield(Value::from_bits(value)));
    EXIT_MARKER
}

/// `Send`: one step of `yield from`/`await`, the delegate resumed to completion of its step
/// (a generator or coroutine in a nested run, compiled where it can be; anything else through
/// its `send`/`__next__`).
extern "C" fn send(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    delegate: u64,
    value: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    match vm.send(Value::from_bits(delegate), Value::from_bits(value)) {
        Ok(krait_runtime::GeneratorStep::Yielded(item)) => item.bits(),
        Ok(krait_runtime::GeneratorStep::Returned(result)) => {
            // The delegate's slot is the top of the flushed stack.
            match vm.stack.last_mut() {
                Some(slot) => {
                    *slot = result;
                    RETURN_MARKER
                }
                None => {
                    let error = vm.runtime.new_error(
                        vm.runtime.types.system_error,
                        "send: the delegate is not on the stack",
                    );
                    raise(vm, error)
                }
            }
        }
        Err(error) => raise(vm, error),
    }
}

/// A loop back-edge where a collection may be due or Ctrl-C is pending (or the instruction
/// budget counts): `KeyboardInterrupt` leaves compiled code like any exception.
extern "C" fn safepoint(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    _first: u64,
    _second: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    match vm.safepoint() {
        Ok(()) => 0,
        Err(error) => raise(vm, error),
    }
}

/// At the landing of a handler in the frame's own compiled code, after a helper raised at
/// `instruction`: the exception, with the frame's traceback entry and context added as the
/// interpreter's unwinding does before it jumps to a handler. Any other exit (a deopt) stays
/// recorded, and the compiled code leaves with the exit marker.
extern "C" fn catch(
    vm: *mut c_void,
    _stack_pointer: *mut u64,
    instruction: u32,
    _first: u64,
    _second: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    match vm.jit_exit.take() {
        Some(JitExit::Error(error)) => vm.catch_in_frame(error, instruction).bits(),
        other => {
            vm.jit_exit = other;
            EXIT_MARKER
        }
    }
}

/// `CheckExcMatch`: `exception` against `class` (a class or a tuple of classes), as a bool.
extern "C" fn exception_match(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    exception: u64,
    class: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    match vm.exception_matches(Value::from_bits(exception), Value::from_bits(class)) {
        Ok(matched) => Value::bool(matched).bits(),
        Err(error) => raise(vm, error),
    }
}
