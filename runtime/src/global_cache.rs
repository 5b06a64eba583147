//! Inline caches for `LoadGlobal`: where a global name was last found.
//!
//! Each code object has one cache entry per name it uses. An entry remembers the globals dict,
//! whether the name was found there or in the builtins, the entry index in that dict, and both
//! dicts' structural-mutation counters. While neither dict has gained or lost a key since, the
//! name is still at that index, so a lookup is a few loads and compares instead of a hash probe;
//! the value itself is always read fresh from the entry, so rebinding a global is seen at once.
//! The key stored at the index is compared too, which also covers a new dict that happens to
//! reuse a freed dict's address.
//!
//! In front of that sits a cheaper check for module code: when the globals dict is a module
//! namespace, the entry also keeps the value and the globals epoch (`dict.rs`) it was read in.
//! Every change to any module namespace or the builtins, and freeing one, moves the epoch, so
//! while it has not moved the value is still what the lookup would find.

use crate::object::Mutable;
use crate::types::dict::{find_str_key, table};
use crate::value::Value;
use crate::Runtime;

/// One cached global lookup; see the module documentation.
#[derive(Clone, Copy, Debug)]
pub struct GlobalCache {
    /// The globals dict (bits of its value), 0 when the entry is empty.
    globals: u64,
    globals_mutations: u64,
    builtins_mutations: u64,
    in_globals: bool,
    index: u32,
    /// The globals epoch when `value` was read (0: none; only for module namespaces).
    epoch: u64,
    value: Value,
}

impl Default for GlobalCache {
    fn default() -> Self {
        GlobalCache {
            globals: 0,
            globals_mutations: 0,
            builtins_mutations: 0,
            in_globals: false,
            index: 0,
            epoch: 0,
            value: Value::NULL,
        }
    }
}

/// The cache's answer for `name` (`names[slot]` of the code) in `globals` and `builtins`, if
/// the cached entry still applies; no lookup, no allocation.
#[inline]
pub fn cached_global(
    builtins: Value,
    cache: &Mutable<Box<[GlobalCache]>>,
    slot: usize,
    globals: Value,
    name: Value,
) -> Option<Value> {
    let (globals_table, builtins_table) = (table(globals)?, table(builtins)?);
    let entry = *cache.get().get(slot)?;
    if entry.globals == globals.bits()
        && globals_table.get().mutations() == entry.globals_mutations
        && (entry.in_globals || builtins_table.get().mutations() == entry.builtins_mutations)
    {
        let dict = if entry.in_globals {
            globals_table
        } else {
            builtins_table
        };
        return dict
            .get()
            .entry(entry.index as usize)
            .filter(|found| found.key == name)
            .map(|found| found.value);
    }
    None
}

/// Looks `name` (an interned str, `names[slot]` of the code) up in `globals`, then the
/// builtins, through the code's cache; `None` when it is in neither. The check of a filled
/// cache entry is inlined into the interpreter loop; the rest is not.
#[inline(always)]
pub fn load_global(
    runtime: &mut Runtime,
    cache: &Mutable<Box<[GlobalCache]>>,
    slot: usize,
    globals: Value,
    name: Value,
) -> Option<Value> {
    if let Some(entry) = cache.get().get(slot) {
        if entry.epoch == crate::dict::globals_epoch() && entry.globals == globals.bits() {
            return Some(entry.value);
        }
    }
    load_global_uncached(runtime, cache, slot, globals, name)
}

/// `load_global` when the cache entry is empty or stale.
#[inline(never)]
fn load_global_uncached(
    runtime: &mut Runtime,
    cache: &Mutable<Box<[GlobalCache]>>,
    slot: usize,
    globals: Value,
    name: Value,
) -> Option<Value> {
    if let Some(value) = cached_global(runtime.builtins, cache, slot, globals, name) {
        if let Some(entry) = cache.get().get_mut(slot) {
            if entry.epoch != 0 {
                entry.epoch = crate::dict::globals_epoch();
                entry.value = value;
            }
        }
        return Some(value);
    }
    let builtins = runtime.builtins;
    let (Some(globals_table), Some(builtins_table)) = (table(globals), table(builtins)) else {
        return None;
    };
    let (in_globals, index) = match find_str_key(runtime, globals, name) {
        Some(index) => (true, index),
        None => (false, find_str_key(runtime, builtins, name)?),
    };
    let dict = if in_globals {
        globals_table
    } else {
        builtins_table
    };
    let value = dict.get().entry(index)?.value;
    if let Some(entry) = cache.get().get_mut(slot) {
        *entry = GlobalCache {
            globals: globals.bits(),
            globals_mutations: globals_table.get().mutations(),
            builtins_mutations: builtins_table.get().mutations(),
            in_globals,
            index: index as u32,
            epoch: if globals_table.get().is_globals() {
                crate::dict::globals_epoch()
            } else {
                0
            },
            value,
        };
    }
    Some(value)
}
