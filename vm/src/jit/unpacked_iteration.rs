//! `for a, b in enumerate(...)` / `zip(...)` / `mapping.items()` in compiled code: a `ForIter`
//! whose item an `UnpackSequence` takes apart at once. The item would be a new tuple, dead as
//! soon as it is unpacked; this fast path writes its parts straight to where the unpacked
//! values go, so no tuple is made (nor collected later). It applies where the iteration runs
//! no Python code — enumerate and zip over list, tuple and range iterators, a dict's items —
//! and misses, with nothing changed, otherwise (the compiled code then takes the usual path).

use std::ffi::c_void;

use krait_runtime::object::{DictViewKind, IteratorKind, Payload};
use krait_runtime::profile::EXIT_MARKER;
use krait_runtime::protocol::iterate::{is_plain_iterator, next_plain};
use krait_runtime::Value;

/// The answer when the fast path does not apply.
const MISS: u64 = EXIT_MARKER;

/// The next item of `iterator`, unpacked into `count` values written at `out` in stack order
/// (the last part first, as `UnpackSequence` leaves them): 1 when written, NULL when the
/// iterator is exhausted, `MISS` (nothing changed) for anything else — another iterator, a
/// count that does not match the item, a dict that changed size (the interpreter raises).
pub(super) extern "C" fn iterate_unpack(
    _vm: *mut c_void,
    out: u64,
    count: u32,
    iterator: u64,
    _unused: u64,
) -> u64 {
    let iterator = Value::from_bits(iterator);
    let Some(Payload::Iterator(kind)) = iterator.as_object().map(|object| &object.payload) else {
        return MISS;
    };
    let count = count as usize;
    let write = |position: usize, value: Value| {
        // SAFETY: compiled code passes the address of its parts area, eight values long, and
        // `count` is at most 8 (`translate/iteration.rs`); `position` < `count`.
        unsafe { (out as *mut Value).add(position).write(value) }
    };
    match kind {
        IteratorKind::Enumerate {
            iterator: inner,
            count: counter,
        } if count == 2 => {
            let current = counter.get();
            let Some(following) = current
                .as_small_int()
                .and_then(|number| Value::small_int(number + 1))
            else {
                return MISS;
            };
            match next_plain(*inner) {
                Some(Some(item)) => {
                    counter.set(following);
                    write(0, item);
                    write(1, current);
                    1
                }
                Some(None) => Value::NULL.bits(),
                None => MISS,
            }
        }
        IteratorKind::Zip {
            iterators,
            strict: false,
        } if iterators.len() == count => {
            // All checked first, so that a miss has advanced none of them.
            if !iterators.iter().all(|&inner| is_plain_iterator(inner)) {
                return MISS;
            }
            for (position, &inner) in iterators.iter().enumerate() {
                match next_plain(inner) {
                    Some(Some(item)) => write(count - 1 - position, item),
                    // Exhausted (the ones before it advanced, as `next` on the zip does).
                    _ => return Value::NULL.bits(),
                }
            }
            1
        }
        IteratorKind::Dict {
            dict,
            index,
            length,
            kind: DictViewKind::Items,
        } if count == 2 => {
            let Some(Payload::Dict(table)) = dict.as_object().map(|object| &object.payload) else {
                return MISS;
            };
            let table = table.get();
            if table.len() != *length {
                return MISS;
            }
            let entries = table.raw_entries();
            let mut position = index.get();
            while position < entries.len() && entries[position].key.is_null() {
                position += 1;
            }
            match entries.get(position) {
                Some(entry) => {
                    index.set(position + 1);
                    write(0, entry.value);
                    write(1, entry.key);
                    1
                }
                None => {
                    index.set(position);
                    Value::NULL.bits()
                }
            }
        }
        _ => MISS,
    }
}
