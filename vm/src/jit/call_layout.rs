//! Measures where compiled code finds the frame stack, the VM stack and the call limits, so
//! that calls of compiled functions can push and pop frame records inline
//! ([`krait_jit::CallLayout`]; see `jit/src/translate/inline_call.rs`).
//!
//! Struct fields have fixed offsets once compiled (`offset_of!`), but `Vec` does not promise
//! where its pointer, length and capacity words are: they are read off the vm's own two vectors,
//! which have distinct pointer, length and capacity by construction. Anything ambiguous gives
//! `None`, and every call then takes the `call_known` helper.

use krait_jit::CallLayout;
use krait_runtime::object::{CallShape, CodeData, FunctionObject, HeapObject, Mutable, Payload};
use krait_runtime::Value;

use super::DEPTH_LIMIT;
use crate::frame::Frame;
use crate::Vm;

/// Frame records reserved up front, so that the frame stack's capacity differs from its length
/// (and inline calls rarely find it full).
const RESERVED_FRAMES: usize = 256;

/// Limits that inline calls check, each precomputed from several vm fields so that a call
/// compares against one word instead of loading and combining them all (fib's calls spent
/// about a third of their instructions on such checks). Every value only ever errs on the safe
/// side: `Vm::refresh_call_limits` recomputes them whenever what they derive from may have
/// changed to their disadvantage (the profiler turned on, the recursion limit set, the stacks of
/// another thread installed), and a limit left lower than it could be only sends calls down
/// the helper path.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub(crate) struct CallLimits {
    /// An inline call pushes a frame record only while the frame count is below this: the
    /// recursion limit or the frame stack's capacity, whichever is lower, and 0 while a
    /// profiler listens (it must see every frame push).
    pub(crate) frame_limit: usize,
    /// The highest address the end of an inline call's frame (its locals, cells and operand
    /// stack) may reach: the VM stack's capacity less its margin. 0 (no call fits) until
    /// measured.
    stack_limit: usize,
}

impl Vm {
    /// Recomputes [`CallLimits`] from the vm's current state.
    pub(crate) fn refresh_call_limits(&mut self) {
        self.call_limits.frame_limit = if self.profiler.is_some() {
            0
        } else {
            self.runtime.recursion_limit.min(self.frames.capacity())
        };
        let usable = self.stack.capacity().saturating_sub(crate::STACK_MARGIN);
        self.call_limits.stack_limit =
            self.stack.as_ptr() as usize + usable * std::mem::size_of::<Value>();
    }
}

/// The word indices (pointer, length, capacity) within a three-word `Vec` whose pointer,
/// length and capacity are `expected`; `None` unless each is found exactly once.
fn vector_words(words: &[usize; 3], expected: [usize; 3]) -> Option<[usize; 3]> {
    let mut found = [0; 3];
    for (slot, wanted) in found.iter_mut().zip(expected) {
        let mut matches = words.iter().enumerate().filter(|(_, &word)| word == wanted);
        *slot = matches.next()?.0;
        if matches.next().is_some() {
            return None;
        }
    }
    let distinct = found[0] != found[1] && found[1] != found[2] && found[0] != found[2];
    distinct.then_some(found)
}

/// The three words of a vector.
fn words_of<T>(vector: &Vec<T>) -> Option<[usize; 3]> {
    if std::mem::size_of::<Vec<T>>() != 3 * std::mem::size_of::<usize>() {
        return None;
    }
    // SAFETY: a `Vec<T>` is three words (checked above); reading them as plain words only looks
    // at its representation, which is what is being measured.
    Some(unsafe { *(vector as *const Vec<T> as *const [usize; 3]) })
}

/// The offsets, within the vm, of `vector`'s pointer, length and capacity words, where
/// `vector` is the vm field at `field_offset`.
fn vector_offsets<T>(vector: &Vec<T>, field_offset: usize) -> Option<[i32; 3]> {
    let words = words_of(vector)?;
    let [pointer, length, capacity] = vector_words(
        &words,
        [vector.as_ptr() as usize, vector.len(), vector.capacity()],
    )?;
    let word = std::mem::size_of::<usize>();
    let at = |index: usize| i32::try_from(field_offset + index * word).ok();
    Some([at(pointer)?, at(length)?, at(capacity)?])
}

/// Measures the layout on `vm` (reserving frame records first); `None` when anything is
/// ambiguous or the words are not the sizes compiled code loads.
pub(super) fn measure(vm: &mut Vm) -> Option<CallLayout> {
    let word = std::mem::size_of::<usize>();
    if word != 8
        || std::mem::size_of::<Option<Box<crate::profiler::Profiler>>>() != word
        || std::mem::size_of::<Option<krait_runtime::profile::CompiledEntry>>() != word
        || std::mem::size_of::<krait_runtime::Value>() != word
        || std::mem::size_of::<bool>() != 1
    {
        return None;
    }
    vm.frames.reserve(RESERVED_FRAMES);
    vm.refresh_call_limits();
    let [stack_data, stack_length, stack_capacity] =
        vector_offsets(&vm.stack, std::mem::offset_of!(Vm, stack))?;
    let [frames_data, frames_length, frames_capacity] =
        vector_offsets(&vm.frames, std::mem::offset_of!(Vm, frames))?;
    let offset = |bytes: usize| i32::try_from(bytes).ok();
    let (function_pointer, code_pointer) = box_offsets(vm)?;
    let shape = std::mem::offset_of!(CodeData, call_shape);
    Some(CallLayout {
        stack_data,
        stack_length,
        stack_capacity,
        frames_data,
        frames_length,
        frames_capacity,
        jit_depth: offset(std::mem::offset_of!(Vm, jit_depth))?,
        depth_limit: DEPTH_LIMIT as u64,
        recursion_limit: offset(std::mem::offset_of!(Vm, runtime.recursion_limit))?,
        profiler: offset(std::mem::offset_of!(Vm, profiler))?,
        frame_limit: offset(
            std::mem::offset_of!(Vm, call_limits) + std::mem::offset_of!(CallLimits, frame_limit),
        )?,
        stack_limit: offset(
            std::mem::offset_of!(Vm, call_limits) + std::mem::offset_of!(CallLimits, stack_limit),
        )?,
        stack_margin: crate::STACK_MARGIN as u64,
        frame_size: offset(std::mem::size_of::<Frame>())?,
        frame_code: offset(std::mem::offset_of!(Frame, code))?,
        frame_code_value: offset(std::mem::offset_of!(Frame, code_value))?,
        frame_function: offset(std::mem::offset_of!(Frame, function))?,
        frame_globals: offset(std::mem::offset_of!(Frame, globals))?,
        frame_locals: offset(std::mem::offset_of!(Frame, locals))?,
        frame_base: offset(std::mem::offset_of!(Frame, base))?,
        frame_stack_base: offset(std::mem::offset_of!(Frame, stack_base))?,
        frame_ip: offset(std::mem::offset_of!(Frame, ip))?,
        frame_return_to: offset(std::mem::offset_of!(Frame, return_to))?,
        frame_is_entry: offset(std::mem::offset_of!(Frame, is_entry))?,
        frame_generator: offset(std::mem::offset_of!(Frame, generator))?,
        code_entry: offset(std::mem::offset_of!(CodeData, profile.entry))?,
        code_globals: offset(std::mem::offset_of!(CodeData, profile.globals))?,
        function_pointer,
        function_code: offset(std::mem::offset_of!(FunctionObject, code))?,
        function_globals: offset(std::mem::offset_of!(FunctionObject, globals))?,
        function_closure: offset(std::mem::offset_of!(FunctionObject, closure))?,
        code_pointer,
        shape_plain_arguments: offset(shape + std::mem::offset_of!(CallShape, plain_arguments))?,
        shape_local_count: offset(shape + std::mem::offset_of!(CallShape, local_count))?,
        shape_free_count: offset(shape + std::mem::offset_of!(CallShape, free_count))?,
        shape_room: offset(shape + std::mem::offset_of!(CallShape, room))?,
    })
}

/// The offset within `object`'s heap object of the one word that holds `pointer`.
fn word_holding(object: Value, pointer: usize) -> Option<i32> {
    let address = object.as_object()? as *const HeapObject as usize;
    let word = std::mem::size_of::<usize>();
    let count = std::mem::size_of::<HeapObject>() / word;
    // SAFETY: `address` is a live heap object of `count` whole words (rooted by the caller);
    // reading them as plain words only looks at its representation.
    let words = unsafe { std::slice::from_raw_parts(address as *const usize, count) };
    let mut found = words
        .iter()
        .enumerate()
        .filter(|(_, &word)| word == pointer);
    let (index, _) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    i32::try_from(index * word).ok()
}

/// Where a function's heap object keeps its boxed `FunctionObject`, and a code value's heap
/// object its boxed `CodeData`: measured on a real function of a real code object.
fn box_offsets(vm: &mut Vm) -> Option<(i32, i32)> {
    let compiled = krait_compiler::compile_module("pass", "<call layout>").ok()?;
    let runtime = &mut vm.runtime;
    let mark = runtime.root_mark();
    let code = krait_runtime::loader::load_code(runtime, &compiled);
    runtime.push_root(code);
    let function = runtime
        .heap
        .allocate(Payload::Function(Box::new(FunctionObject {
            code,
            globals: Value::NULL,
            name: Mutable::new(Value::NULL),
            qualname: Mutable::new(Value::NULL),
            defaults: Mutable::new(Value::NULL),
            keyword_defaults: Mutable::new(Value::NULL),
            closure: Value::NULL,
            module: Value::NULL,
            doc: Value::NULL,
            dict: Mutable::new(Value::NULL),
            annotations: Mutable::new(Value::NULL),
        })));
    runtime.push_root(function);
    let offsets = (|| {
        let Payload::Function(function_object) = &function.as_object()?.payload else {
            return None;
        };
        let function_address = &**function_object as *const FunctionObject as usize;
        let code_address = krait_runtime::loader::code_data(code)? as *const CodeData as usize;
        Some((
            word_holding(function, function_address)?,
            word_holding(code, code_address)?,
        ))
    })();
    vm.runtime.pop_roots(mark);
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_words_need_three_distinct_matches() {
        assert_eq!(vector_words(&[10, 3, 7], [10, 3, 7]), Some([0, 1, 2]));
        assert_eq!(vector_words(&[7, 10, 3], [10, 3, 7]), Some([1, 2, 0]));
        assert_eq!(vector_words(&[10, 3, 3], [10, 3, 3]), None);
        assert_eq!(vector_words(&[10, 3, 7], [10, 3, 8]), None);
    }

    #[test]
    fn a_fresh_vm_is_measurable() {
        let mut vm = Vm::new(Vec::new());
        let layout = measure(&mut vm).expect("the layout is measurable on x86-64 and aarch64");
        assert!(vm.frames.capacity() >= RESERVED_FRAMES);
        // The measured words read back the vectors' real fields.
        let base = &vm as *const Vm as usize;
        // SAFETY: the offsets were measured inside `vm`, each at a word of a field.
        let read = |offset: i32| unsafe { *((base + offset as usize) as *const usize) };
        assert_eq!(read(layout.stack_data), vm.stack.as_ptr() as usize);
        assert_eq!(read(layout.stack_capacity), vm.stack.capacity());
        assert_eq!(read(layout.frames_length), vm.frames.len());
        assert_eq!(read(layout.frames_capacity), vm.frames.capacity());
        // The precomputed limits: the lower of the recursion limit and the frame capacity,
        // and the stack's end less its margin; no frame at all while a profiler listens.
        assert_eq!(
            read(layout.frame_limit),
            vm.runtime.recursion_limit.min(vm.frames.capacity())
        );
        let usable = vm.stack.capacity() - crate::STACK_MARGIN;
        assert_eq!(
            read(layout.stack_limit),
            vm.stack.as_ptr() as usize + usable * std::mem::size_of::<Value>()
        );
        vm.runtime.recursion_limit = 5;
        krait_runtime::Host::recursion_limit_changed(&mut vm);
        assert_eq!(read(layout.frame_limit), 5);
        vm.enable_profiler();
        assert_eq!(read(layout.frame_limit), 0);
    }
}
