//! Slices for compiled code (see `jit/src/translate/slices.rs`): a `BuildSlice` and the
//! subscript after it run as one call, without the slice object. Exact lists, tuples and strs
//! with None or small int bounds are sliced from the parts — the bounds need no `__index__`
//! call, so nothing can run or change meanwhile; everything else runs the two instructions
//! through the interpreter's own implementation, so their semantics are written once.
//!
//! Two fast paths serve the list slices compiled code defers: `list_slice` makes one, and
//! `assign_list_slice` copies a source slice straight into a target slice
//! (`perm[:k + 1] = perm[k::-1]`) without making the temporary list.

use std::ffi::c_void;

use krait_compiler::Opcode;
use krait_runtime::object::Payload;
use krait_runtime::profile::EXIT_MARKER;
use krait_runtime::types::sequence::{resolve_plain_parts, SliceRange};
use krait_runtime::types::{list, str as text, tuple};
use krait_runtime::Value;

use super::helpers::{enter, raise, vm_from};
use crate::Vm;

/// The fast paths' answer when they do not apply.
const MISS: u64 = EXIT_MARKER;

/// Source items up to this many are gathered on the native stack, not in a new `Vec`.
const GATHERED_INLINE: usize = 32;

/// The addresses, for the JIT's table, and `list.append`.
pub(super) fn table(runtime: &mut krait_runtime::Runtime) -> krait_jit::sequences::SequenceHelpers {
    let append = runtime.intern("append");
    let list = runtime.types.list;
    let list_append =
        krait_runtime::protocol::lookup_in_type(runtime, list, append).unwrap_or(Value::NULL);
    krait_jit::sequences::SequenceHelpers {
        list_append,
        slice_subscript: slice_subscript as *const () as usize,
        store_slice_subscript: store_slice_subscript as *const () as usize,
        list_slice: list_slice as *const () as usize,
        assign_list_slice: assign_list_slice as *const () as usize,
        iterate_unpack: super::unpacked_iteration::iterate_unpack as *const () as usize,
    }
}

/// The container and the parts of a `BuildSlice` of `parts` parts on top of the stack, with
/// the stack index of the container.
fn slice_operands(vm: &Vm, parts: usize) -> Option<(usize, Value, Value, Value, Value)> {
    let container_at = vm.stack.len().checked_sub(parts + 1)?;
    let operand = |offset: usize| vm.stack.get(container_at + offset).copied();
    let step = if parts == 3 { operand(3)? } else { Value::NONE };
    Some((container_at, operand(0)?, operand(1)?, operand(2)?, step))
}

/// `container[start:stop:step]` for an exact list, tuple or str and plain parts (None or
/// small ints, a step that is not 0); `None` for anything else.
fn slice_exact(
    runtime: &mut krait_runtime::Runtime,
    container: Value,
    (start, stop, step): (Value, Value, Value),
) -> Option<Value> {
    match &container.as_object()?.payload {
        Payload::List(items) => {
            let values = items.get();
            let range = resolve_plain_parts(start, stop, step, values.len())?;
            let selected = list::slice_values(values, range);
            Some(runtime.new_list(selected))
        }
        Payload::Tuple(items) => {
            let range = resolve_plain_parts(start, stop, step, items.len())?;
            Some(tuple::slice(runtime, items, range))
        }
        Payload::Str(string) => {
            let range = resolve_plain_parts(start, stop, step, string.char_count())?;
            Some(text::slice(runtime, container, range))
        }
        _ => None,
    }
}

/// `BuildSlice` (`parts` parts) and the `BinarySubscr` at `instruction`, on the flushed stack.
extern "C" fn slice_subscript(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    parts: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    let Some((container_at, container, start, stop, step)) = slice_operands(vm, parts as usize)
    else {
        return EXIT_MARKER;
    };
    if let Some(value) = slice_exact(&mut vm.runtime, container, (start, stop, step)) {
        vm.stack.truncate(container_at);
        return value.bits();
    }
    match run_both(vm, instruction, parts, Opcode::BinarySubscr) {
        Ok(()) => vm.stack.pop().map_or(EXIT_MARKER, Value::bits),
        Err(error) => raise(vm, error),
    }
}

/// `BuildSlice` (`parts` parts) and the `StoreSubscr` at `instruction`, on the flushed stack
/// (the value under the container); 0 when done.
extern "C" fn store_slice_subscript(
    vm: *mut c_void,
    stack_pointer: *mut u64,
    instruction: u32,
    parts: u64,
    _unused: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    enter(vm, stack_pointer, instruction);
    let Some((container_at, container, start, stop, step)) = slice_operands(vm, parts as usize)
    else {
        return EXIT_MARKER;
    };
    let value = container_at
        .checked_sub(1)
        .and_then(|at| vm.stack.get(at).copied())
        .unwrap_or(Value::NULL);
    if let Some(outcome) = store_exact(container, (start, stop, step), value) {
        return match outcome {
            Ok(()) => {
                vm.stack.truncate(container_at - 1);
                0
            }
            Err(mismatch) => {
                let message = format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    mismatch.replacement, mismatch.slice
                );
                let error = vm.runtime.value_error(message);
                raise(vm, error)
            }
        };
    }
    match run_both(vm, instruction, parts, Opcode::StoreSubscr) {
        Ok(()) => 0,
        Err(error) => raise(vm, error),
    }
}

/// `target[start:stop:step] = value` for an exact list target with plain parts and an exact
/// list or tuple value: `None` for anything else (a value to iterate may run Python code).
fn store_exact(
    target: Value,
    (start, stop, step): (Value, Value, Value),
    value: Value,
) -> Option<Result<(), list::SizeMismatch>> {
    let Payload::List(items) = &target.as_object()?.payload else {
        return None;
    };
    let values = items.get();
    let range = resolve_plain_parts(start, stop, step, values.len())?;
    match &value.as_object()?.payload {
        // A copy: the value may be the target itself.
        Payload::List(_) if value == target => {
            let replacement = values.clone();
            Some(list::assign_slice(values, range, &replacement))
        }
        Payload::List(replacement) => Some(list::assign_slice(values, range, replacement.get())),
        Payload::Tuple(replacement) => Some(list::assign_slice(values, range, replacement)),
        _ => None,
    }
}

/// Runs `BuildSlice` and the subscript `opcode` at `instruction` through the interpreter's
/// implementation (errors point at the subscript, as in the interpreter).
fn run_both(
    vm: &mut Vm,
    instruction: u32,
    parts: u64,
    opcode: Opcode,
) -> krait_runtime::PyResult<()> {
    let Some(code) = vm.frames.last().map(|frame| frame.code) else {
        return Ok(());
    };
    let subscript = instruction as usize;
    vm.stack_instruction(
        code,
        Opcode::BuildSlice,
        parts as usize,
        subscript.saturating_sub(1),
    )?;
    vm.stack_instruction(code, opcode, 0, subscript)
}

/// The `count` values at `address`.
///
/// # Safety
/// `address` is the parts area compiled code filled with at least `count` values
/// (`translate/slices.rs`).
unsafe fn parts<const COUNT: usize>(address: u64) -> [Value; COUNT] {
    // SAFETY: see the function's contract; the area is 8-aligned.
    let words = unsafe { std::slice::from_raw_parts(address as *const u64, COUNT) };
    std::array::from_fn(|position| Value::from_bits(words[position]))
}

/// The items of an exact list (`None` for anything else).
fn exact_list_items(value: Value) -> Option<&'static mut Vec<Value>> {
    match &value.as_object()?.payload {
        Payload::List(items) => Some(items.get()),
        _ => None,
    }
}

/// The list `list[start:stop:step]` from the parts at `address` (compiled code checked the
/// list is exact and the parts plain; were they not, the slice is empty).
extern "C" fn list_slice(vm: *mut c_void, address: u64, _unused: u32, _a: u64, _b: u64) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given, and the address
    // of its parts area holding four values.
    let (vm, [source, start, stop, step]) = unsafe { (vm_from(vm), parts::<4>(address)) };
    let values: &[Value] = exact_list_items(source).map_or(&[], |values| values);
    let selected = match resolve_plain_parts(start, stop, step, values.len()) {
        Some(range) => list::slice_values(values, range),
        None => Vec::new(),
    };
    vm.runtime.new_list(selected).bits()
}

/// `target[start:stop:step] = source[start:stop:step]` from the eight parts at `address`,
/// without making the source slice: 1 when done; `MISS`, with nothing changed, where the
/// parts are not as compiled code checked or an extended target slice has another length
/// (the interpreter then raises).
extern "C" fn assign_list_slice(
    _vm: *mut c_void,
    address: u64,
    _unused: u32,
    _a: u64,
    _b: u64,
) -> u64 {
    // SAFETY: called only by compiled code with the address of its parts area holding eight
    // values.
    let [target, start, stop, step, source, source_start, source_stop, source_step] =
        unsafe { parts::<8>(address) };
    let (Some(source_length), Some(target_length)) = (
        exact_list_items(source).map(|values| values.len()),
        exact_list_items(target).map(|values| values.len()),
    ) else {
        return MISS;
    };
    let (Some(source_range), Some(range)) = (
        resolve_plain_parts(source_start, source_stop, source_step, source_length),
        resolve_plain_parts(start, stop, step, target_length),
    ) else {
        return MISS;
    };
    if range.step != 1 && range.count != source_range.count {
        return MISS;
    }
    if source == target {
        let Some(values) = exact_list_items(target) else {
            return MISS;
        };
        if assign_within(values, range, source_range) {
            return 1;
        }
        // Gathered first: the source is the target.
        let mut inline = [Value::NONE; GATHERED_INLINE];
        let gathered: Vec<Value>;
        let replacement: &[Value] = if source_range.count <= GATHERED_INLINE {
            gather(values, source_range, &mut inline)
        } else {
            gathered = list::slice_values(values, source_range);
            &gathered
        };
        return assign_or_miss(values, range, replacement);
    }
    // Two lists: the source's items go straight across.
    let (Some(source_values), Some(values)) = (exact_list_items(source), exact_list_items(target))
    else {
        return MISS;
    };
    let source_values: &[Value] = source_values;
    if source_range.step == 1 {
        let first = source_range.start as usize;
        let replacement = &source_values[first..first + source_range.count];
        return assign_or_miss(values, range, replacement);
    }
    if range.step == 1 && range.count == source_range.count {
        let first = range.start as usize;
        for (slot, index) in values[first..first + range.count]
            .iter_mut()
            .zip(source_range.indices())
        {
            *slot = source_values[index];
        }
        return 1;
    }
    let replacement = list::slice_values(source_values, source_range);
    assign_or_miss(values, range, &replacement)
}

/// `list::assign_slice`, answering as the fast paths do.
fn assign_or_miss(values: &mut Vec<Value>, range: SliceRange, replacement: &[Value]) -> u64 {
    match list::assign_slice(values, range, replacement) {
        Ok(()) => 1,
        Err(_) => MISS,
    }
}

/// A slice of a list assigned to a slice of the same length of the same list, done in place
/// where it is a reversal (`perm[:k + 1] = perm[k::-1]`) or a contiguous move
/// (`items[1:] = items[:-1]`); false for anything else (nothing changed).
fn assign_within(values: &mut [Value], range: SliceRange, source_range: SliceRange) -> bool {
    let count = range.count;
    if range.step != 1 || count != source_range.count || count == 0 {
        return false;
    }
    let first = range.start as usize;
    match source_range.step {
        -1 if source_range.start == range.start + count as i64 - 1 => {
            values[first..first + count].reverse();
            true
        }
        1 => {
            let source_first = source_range.start as usize;
            values.copy_within(source_first..source_first + count, first);
            true
        }
        _ => false,
    }
}

/// Copies the items `range` selects from `values` into `buffer` (which holds at least
/// `range.count`); returns the filled part.
fn gather<'b>(values: &[Value], range: SliceRange, buffer: &'b mut [Value]) -> &'b [Value] {
    let mut filled = 0;
    if range.step == 1 {
        let start = (range.start.max(0) as usize).min(values.len());
        let stop = (start + range.count).min(values.len());
        filled = stop - start;
        buffer[..filled].copy_from_slice(&values[start..stop]);
    } else {
        for index in range.indices() {
            if let Some(&item) = values.get(index) {
                buffer[filled] = item;
                filled += 1;
            }
        }
    }
    &buffer[..filled]
}
