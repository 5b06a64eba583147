//! Inline caches for `LoadGlobal`: where a global name was last found.
//!
//! Each code object has one cache entry per name it uses. An entry remembers the globals dict,
//! whether the name was found there or in the builtins, the entry index in that dict, and both
//! dicts' structural-mutation counters. While neither dict has gained or lost a key since, the
//! name is still at that index, so a lookup is a few loads and compares instead of a hash probe;
//! the value itself is always read fresh from the entry, so rebinding a global is seen at once.
//! The key stored at the index is compared too, which also covers a new dict that happens to
//! reuse a freed dict's address.

use crate::object::Mutable;
use crate::types::dict::{find_str_key, table};
use crate::value::Value;
use crate::Runtime;

/// One cached global lookup; see the module documentation.
#[derive(Clone, Copy, Debug, Default)]
pub struct GlobalCache {
    /// The globals dict (bits of its value), 0 when the entry is empty.
    globals: u64,
    globals_mutations: u64,
    builtins_mutations: u64,
    in_globals: bool,
    index: u32,
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
/// builtins, through the code's cache; `None` when it is in neither.
#[inline]
pub fn load_global(
    runtime: &mut Runtime,
    cache: &Mutable<Box<[GlobalCache]>>,
    slot: usize,
    globals: Value,
    name: Value,
) -> Option<Value> {
    if let Some(value) = cached_global(runtime.builtins, cache, slot, globals, name) {
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
        };
    }
    Some(value)
}
