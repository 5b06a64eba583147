//! Fast paths compiled code calls without flushing its operand stack: each either does its
//! whole job without raising or running Python code — so no collection can happen and nothing
//! needs rooting — or returns NULL (0 for the stores) and changes nothing, and the compiled
//! code takes the generic path through the interpreter's implementation instead. A few
//! allocate (a tuple, a list's or dict's table growing): allocation never collects — the heap
//! collects only at safepoints, which flush — and the new object is on compiled code's operand
//! stack until it is stored or flushed.
//!
//! They share the helpers' signature `(vm, x, instruction, a, b) -> u64`; `x` is an extra
//! operand where one is needed. "No" is `MISS` (the exit marker, which no value uses: 0 would be
//! the float 0.0); the stores and unpacking answer 1 for done.

use std::ffi::c_void;

use krait_compiler::Comparison;
use krait_runtime::attribute_site;
use krait_runtime::object::{IteratorKind, Payload};
use krait_runtime::Value;

use crate::Vm;

/// A fast path's answer when it does not apply.
const MISS: u64 = krait_runtime::profile::EXIT_MARKER;

/// The vm behind compiled code's opaque pointer.
///
/// # Safety
/// As `helpers::vm_from`: `vm` is the pointer the running compiled code was given.
unsafe fn vm_from<'a>(vm: *mut c_void) -> &'a Vm {
    // SAFETY: see the function's contract.
    unsafe { &*(vm as *const Vm) }
}

/// The vm behind compiled code's opaque pointer, for the one fast path that changes the
/// runtime's accounting (a dict store).
///
/// # Safety
/// As `helpers::vm_from`: `vm` is the pointer the running compiled code was given, and nothing
/// else borrows the vm while compiled code runs.
unsafe fn vm_from_mut<'a>(vm: *mut c_void) -> &'a mut Vm {
    // SAFETY: see the function's contract.
    unsafe { &mut *(vm as *mut Vm) }
}

/// The addresses, for the JIT's table.
pub(super) fn table() -> krait_jit::FastPaths {
    krait_jit::FastPaths {
        load_global: load_global as *const () as usize,
        revalidate_global: revalidate_global as *const () as usize,
        subscript: subscript as *const () as usize,
        store_subscript: store_subscript as *const () as usize,
        load_attribute: load_attribute as *const () as usize,
        store_attribute: store_attribute as *const () as usize,
        load_method: load_method as *const () as usize,
        unpack: unpack as *const () as usize,
        power: power as *const () as usize,
        iterate: iterate as *const () as usize,
        contains: contains as *const () as usize,
        list_append: list_append as *const () as usize,
        build_pair: build_pair as *const () as usize,
        box_wide_int: box_wide_int as *const () as usize,
        compare_strings: compare_strings as *const () as usize,
        strings_equal: strings_equal as *const () as usize,
        concat_strings: concat_strings as *const () as usize,
    }
}

/// `LoadGlobal` through the code's global cache.
extern "C" fn load_global(
    vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    name: u64,
    _b: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    let Some((code, globals)) = vm.running_code() else {
        return MISS;
    };
    let slot = name as usize;
    let Some(&name) = code.names.get(slot) else {
        return MISS;
    };
    krait_runtime::global_cache::cached_global(
        vm.runtime.builtins,
        &code.global_cache,
        slot,
        globals,
        name,
    )
    .map_or(MISS, Value::bits)
}

/// `LoadGlobal` of a global compiled code folded to the constant `folded`, after the globals
/// epoch moved past the one its site (`krait_jit::GlobalSite` at `site`) last validated: the
/// value through the global cache, as `load_global` (for a site of an inlined callee, through
/// the callee's cache and namespace); when it is still `folded`, the site takes the current
/// epoch, so it uses its constant again until the next change to any global.
/// (Without this, one global rebound anywhere — `planner = Planner()` — sent every folded
/// global of every compiled function through this call for the rest of the run.)
extern "C" fn revalidate_global(
    vm: *mut c_void,
    site: u64,
    name: u32,
    folded: u64,
    _b: u64,
) -> u64 {
    // SAFETY: compiled code passes the address of the `GlobalSite` its `Jit` owns for this
    // site and never frees (see `Jit::epoch_cells`).
    let site = unsafe { &*(site as *const krait_jit::GlobalSite) };
    // The epoch before the lookup: the lookup runs no Python code and changes nothing, so the
    // value found is the value at this epoch.
    let epoch = krait_runtime::dict::globals_epoch();
    let value = match site.inlined {
        Some((code, namespace)) => {
            // SAFETY: as above, the vm pointer compiled code was given.
            let vm = unsafe { vm_from(vm) };
            // The lookup itself (not the code's global cache, which any store to the
            // namespace empties until the interpreter refills it): no Python code, no
            // allocation.
            code.names
                .get(name as usize)
                .and_then(|&name| {
                    krait_runtime::types::dict::get_exact_str_item(namespace, name).or_else(|| {
                        krait_runtime::types::dict::get_exact_str_item(vm.runtime.builtins, name)
                    })
                })
                .map_or(MISS, Value::bits)
        }
        None => load_global(vm, 0, 0, u64::from(name), 0),
    };
    if value == folded {
        site.epoch
            .store(epoch, std::sync::atomic::Ordering::Relaxed);
    }
    value
}

/// The item slot of a list or tuple at a small int index, if in range.
fn item(container: Value, key: Value) -> Option<&'static mut Value> {
    let index = key.as_small_int()?;
    let items: &'static mut Vec<Value> = match &container.as_object()?.payload {
        Payload::List(items) => items.get(),
        _ => return None,
    };
    let length = items.len() as i64;
    let index = if index < 0 { index + length } else { index };
    if (0..length).contains(&index) {
        items.get_mut(index as usize)
    } else {
        None
    }
}

/// `container[key]` for lists and tuples indexed by small ints in range, exact strs indexed
/// likewise where the character is ASCII (the shared one-character strs) and exact dicts with
/// an exact str or small int key.
extern "C" fn subscript(
    vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    container: u64,
    key: u64,
) -> u64 {
    let (container, key) = (Value::from_bits(container), Value::from_bits(key));
    if let Some(slot) = item(container, key) {
        return slot.bits();
    }
    if let (Some(Payload::Tuple(items)), Some(index)) = (
        container.as_object().map(|object| &object.payload),
        key.as_small_int(),
    ) {
        let length = items.len() as i64;
        let index = if index < 0 { index + length } else { index };
        if (0..length).contains(&index) {
            return items[index as usize].bits();
        }
    }
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    if let Some(character) =
        krait_runtime::types::str::get_cached_char_item(&vm.runtime, container, key)
    {
        return character.bits();
    }
    krait_runtime::types::dict::get_exact_str_item(container, key)
        .or_else(|| krait_runtime::types::dict::get_small_int_item(container, key))
        .map_or(MISS, Value::bits)
}

/// `container[key] = value` for lists indexed by small ints in range and exact dicts with an
/// exact str key; 1 when done.
extern "C" fn store_subscript(
    vm: *mut c_void,
    value: u64,
    _instruction: u32,
    container: u64,
    key: u64,
) -> u64 {
    let (container, key, value) = (
        Value::from_bits(container),
        Value::from_bits(key),
        Value::from_bits(value),
    );
    if let Some(slot) = item(container, key) {
        *slot = value;
        return 1;
    }
    // SAFETY: called only by compiled code, with the vm pointer it was given; the vm is not
    // otherwise borrowed while compiled code runs.
    let vm = unsafe { vm_from_mut(vm) };
    // A new key grows the table on the Rust heap only (accounted, never collected here).
    if krait_runtime::types::dict::set_exact_str_item(&mut vm.runtime, container, key, value) {
        1
    } else {
        MISS
    }
}

/// `item in container` (`not in` when `instruction` is 1) for an exact str container and an
/// exact str item, and for exact dicts, sets and frozensets with an exact str or small int
/// key: the bool.
extern "C" fn contains(
    _vm: *mut c_void,
    _unused: u64,
    negate: u32,
    item: u64,
    container: u64,
) -> u64 {
    let (container, item) = (Value::from_bits(container), Value::from_bits(item));
    let found = match (exact_text(container), exact_text(item)) {
        (Some(haystack), Some(needle)) => match needle.as_bytes() {
            // One ASCII byte never occurs inside a multi-byte character: a byte search.
            &[byte] => haystack.as_bytes().contains(&byte),
            _ => haystack.contains(needle),
        },
        _ => match krait_runtime::types::dict::contains_exact_str_key(container, item)
            .or_else(|| krait_runtime::types::dict::contains_small_int_key(container, item))
        {
            Some(found) => found,
            None => return MISS,
        },
    };
    Value::bool(found != (negate == 1)).bits()
}

/// `left <op> right` (`instruction` is the comparison's argument) for two exact strs: the
/// bool. Byte order of UTF-8 text is code point order, as Python compares strs.
extern "C" fn compare_strings(
    _vm: *mut c_void,
    _unused: u64,
    comparison: u32,
    left: u64,
    right: u64,
) -> u64 {
    let (Some(left), Some(right)) = (
        exact_text(Value::from_bits(left)),
        exact_text(Value::from_bits(right)),
    ) else {
        return MISS;
    };
    let Some(comparison) = Comparison::from_arg(comparison) else {
        return MISS;
    };
    let outcome = match comparison {
        Comparison::Less => left < right,
        Comparison::LessEqual => left <= right,
        Comparison::Equal => left == right,
        Comparison::NotEqual => left != right,
        Comparison::Greater => left > right,
        Comparison::GreaterEqual => left >= right,
    };
    Value::bool(outcome).bits()
}

/// Whether two exact strs hold the same text (compiled code checked both kind bytes and
/// found them distinct objects of one length): 1 or 0. Anything else (which compiled code
/// never passes) is answered 0, "not equal".
extern "C" fn strings_equal(
    _vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    left: u64,
    right: u64,
) -> u64 {
    let text = |value: u64| exact_str(Value::from_bits(value));
    match (text(left), text(right)) {
        (Some(left), Some(right)) => u64::from(left.same_text(right)),
        _ => 0,
    }
}

/// `left + right` (or `+=`) for two exact strs: the new str (or an operand, as CPython gives
/// back the other operand of an empty one). Allocates, never collects.
extern "C" fn concat_strings(
    vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    left: u64,
    right: u64,
) -> u64 {
    let (left, right) = (Value::from_bits(left), Value::from_bits(right));
    let (Some(a), Some(b)) = (exact_str(left), exact_str(right)) else {
        return MISS;
    };
    // SAFETY: as in `list_append`.
    let vm = unsafe { vm_from_mut(vm) };
    krait_runtime::types::str::concatenate(&mut vm.runtime, (left, a), (right, b), true).bits()
}

/// The payload of an exact str (not an instance of a subclass).
fn exact_str(value: Value) -> Option<&'static krait_runtime::object::StrObject> {
    value
        .as_object()
        .and_then(krait_runtime::object::HeapObject::as_str)
}

/// `ListAppend` (a comprehension's append): pushes `item` onto the list `list`; 1 when done.
extern "C" fn list_append(
    vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    list: u64,
    item: u64,
) -> u64 {
    let Some(items) = krait_runtime::types::list::items(Value::from_bits(list)) else {
        return MISS;
    };
    // SAFETY: called only by compiled code, with the vm pointer it was given; the vm is not
    // otherwise borrowed while compiled code runs.
    let vm = unsafe { vm_from_mut(vm) };
    let before = items.capacity();
    items.push(Value::from_bits(item));
    if items.capacity() != before {
        vm.runtime
            .heap
            .account((items.capacity() - before) * std::mem::size_of::<Value>());
    }
    1
}

/// The int of the i64 `raw` (see `krait_jit::FastPaths::box_wide_int`).
extern "C" fn box_wide_int(
    vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    raw: u64,
    _b: u64,
) -> u64 {
    // SAFETY: as in `list_append`.
    let vm = unsafe { vm_from_mut(vm) };
    vm.runtime.new_int(raw as i64).bits()
}

/// `BuildTuple` of two items: the new tuple `(first, second)`.
extern "C" fn build_pair(
    vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    first: u64,
    second: u64,
) -> u64 {
    // SAFETY: as in `list_append`.
    let vm = unsafe { vm_from_mut(vm) };
    vm.runtime
        .new_tuple_from(&[Value::from_bits(first), Value::from_bits(second)])
        .bits()
}

/// The text of an exact str (not an instance of a subclass).
fn exact_text(value: Value) -> Option<&'static str> {
    match &value.as_object()?.payload {
        Payload::Str(text) => Some(text.text()),
        _ => None,
    }
}

/// `object.name` from the instruction's attribute cache (an instance slot).
extern "C" fn load_attribute(
    vm: *mut c_void,
    _unused: u64,
    instruction: u32,
    object: u64,
    _b: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    let Some((code, _)) = vm.running_code() else {
        return MISS;
    };
    attribute_site::cached_load(
        &code.attribute_sites,
        instruction as usize,
        Value::from_bits(object),
    )
    .map_or(MISS, Value::bits)
}

/// `object.name = value` through the instruction's attribute cache; 1 when done.
extern "C" fn store_attribute(
    vm: *mut c_void,
    value: u64,
    instruction: u32,
    object: u64,
    _b: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    let Some((code, _)) = vm.running_code() else {
        return MISS;
    };
    if attribute_site::cached_store(
        &code.attribute_sites,
        instruction as usize,
        Value::from_bits(object),
        Value::from_bits(value),
    ) {
        1
    } else {
        MISS
    }
}

/// The method `LoadMethod` finds through the instruction's cache (the receiver is the object).
extern "C" fn load_method(
    vm: *mut c_void,
    _unused: u64,
    instruction: u32,
    object: u64,
    _b: u64,
) -> u64 {
    // SAFETY: called only by compiled code, with the vm pointer it was given.
    let vm = unsafe { vm_from(vm) };
    let Some((code, _)) = vm.running_code() else {
        return MISS;
    };
    attribute_site::cached_any_method(
        &vm.runtime,
        &code.attribute_sites,
        instruction as usize,
        Value::from_bits(object),
    )
    .map_or(MISS, Value::bits)
}

/// `UnpackSequence` of a tuple or list of exactly `count` items: writes them at `out`, last
/// first (the order the stack takes them); 1 when done.
extern "C" fn unpack(_vm: *mut c_void, out: u64, count: u32, sequence: u64, _b: u64) -> u64 {
    let sequence = Value::from_bits(sequence);
    let items: &[Value] = match sequence.as_object().map(|object| &object.payload) {
        Some(Payload::Tuple(items)) => items,
        Some(Payload::List(items)) => items.get().as_slice(),
        _ => return MISS,
    };
    if items.len() != count as usize {
        return MISS;
    }
    let out = out as *mut Value;
    for (offset, item) in items.iter().rev().enumerate() {
        // SAFETY: compiled code passes the address of its frame's operand stack slots for the
        // `count` values the instruction pushes, within the VM stack's reserved capacity.
        unsafe { out.add(offset).write(*item) };
    }
    1
}

/// `base ** exponent` for floats with a positive base (the C library's `pow`, as CPython's
/// float power uses); the bits of the result, or NULL to take the generic path.
extern "C" fn power(
    _vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    base: u64,
    exponent: u64,
) -> u64 {
    let (Some(base), Some(exponent)) = (
        Value::from_bits(base).as_float(),
        Value::from_bits(exponent).as_float(),
    ) else {
        return MISS;
    };
    if !(base > 0.0 && base.is_finite() && exponent.is_finite()) {
        return MISS;
    }
    let result = base.powf(exponent);
    if result.is_finite() {
        Value::float(result).bits()
    } else {
        MISS
    }
}

/// `next()` of a range iterator (small ints) or a list or tuple iterator before its end: the
/// value; NULL when a range is exhausted; `MISS` otherwise (the generic path handles the end of
/// other sequences and everything else).
extern "C" fn iterate(
    _vm: *mut c_void,
    _unused: u64,
    _instruction: u32,
    iterator: u64,
    _b: u64,
) -> u64 {
    let iterator = Value::from_bits(iterator);
    let Some(Payload::Iterator(kind)) = iterator.as_object().map(|object| &object.payload) else {
        return MISS;
    };
    match kind {
        IteratorKind::Range { next, stop, step } => {
            let current = next.get();
            if (*step > 0 && current < *stop) || (*step < 0 && current > *stop) {
                match Value::small_int(current) {
                    Some(value) => {
                        next.set(current + *step);
                        value.bits()
                    }
                    None => MISS,
                }
            } else {
                Value::NULL.bits()
            }
        }
        IteratorKind::Sequence { sequence, index } => {
            let position = index.get();
            let item = match sequence.as_object().map(|object| &object.payload) {
                Some(Payload::List(items)) => items.get().get(position).copied(),
                Some(Payload::Tuple(items)) => items.get(position).copied(),
                _ => None,
            };
            match item {
                Some(item) => {
                    index.set(position + 1);
                    item.bits()
                }
                None => MISS,
            }
        }
        _ => MISS,
    }
}
