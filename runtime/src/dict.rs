//! The hash table behind `dict`, `set` and `frozenset`: compact and insertion-ordered.
//!
//! Entries are kept in insertion order in a dense array; a separate open-addressing index
//! table maps hashes to entry positions (CPython's design since 3.6). Deleting leaves a hole
//! in the entries (key NULL) that the next resize squeezes out.
//!
//! Sets use a second layout, CPython's set table: the entry array *is* the open-addressing
//! table (linear probes of 9, then perturbation), so iterating a set visits slots in the same
//! order as CPython and `{3, 1, 2}` prints as `{1, 2, 3}`. Deleted slots hold a NULL key and
//! a `DUMMY` marker value.
//!
//! Key comparison may run Python code (`__eq__`), which may mutate the very table being
//! searched. [`lookup`] therefore never keeps a borrow across the comparison, and restarts the
//! probe if the table changed underneath it.

use crate::object::Mutable;
use crate::value::Value;

const EMPTY: u32 = u32::MAX;
const LINEAR_PROBES: usize = 9;
const SET_MINIMUM_SIZE: usize = 8;
/// The value of a deleted slot in the set layout (never visible to Python).
const DUMMY: Value = Value::TRUE;
const DELETED: u32 = u32::MAX - 1;
const MINIMUM_SLOTS: usize = 8;

/// One key/value pair with the key's hash.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// `hash(key)`.
    pub hash: i64,
    /// The key, or NULL for a deleted entry.
    pub key: Value,
    /// The value (unused by sets).
    pub value: Value,
}

/// The table; see the module documentation.
#[derive(Default)]
pub struct Dict {
    entries: Vec<Entry>,
    indices: Vec<u32>,
    length: usize,
    /// Bumped on every structural change; lets lookups notice mutation during `__eq__`.
    mutations: u64,
    /// Whether this is a set table (CPython's set layout; see the module documentation).
    set_layout: bool,
    /// Set layout: slots ever used (live or deleted), for the resize rule.
    fill: usize,
    /// Set layout: where `pop` looks first.
    finger: usize,
    /// Whether this is a class namespace: its changes invalidate the attribute caches.
    watched: bool,
    /// Whether this is a module's globals or the builtins: its changes bump the globals epoch.
    globals: bool,
}

static GLOBALS_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A counter that changes whenever a module namespace or the builtins change: compiled code
/// that folded a global's value into a constant checks it is still the epoch it compiled in.
#[inline]
pub fn globals_epoch() -> u64 {
    GLOBALS_EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

/// The address of the globals epoch, which compiled code reads directly.
pub fn globals_epoch_address() -> usize {
    GLOBALS_EPOCH.as_ptr() as usize
}

static NAMESPACE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A counter that changes whenever any class namespace changes (and when a collection frees a
/// class, whose address may be reused): the attribute caches are valid only for the epoch
/// they were filled in.
#[inline]
pub fn namespace_epoch() -> u64 {
    NAMESPACE_EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

static CLASS_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A counter that changes whenever any class namespace changes (but not at collections, unlike
/// `namespace_epoch`): compiled code checks it where it inlined an attribute lookup, and keeps
/// the classes it names alive itself (`CodeProfile::roots`), so their addresses cannot be reused.
#[inline]
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

/// The address of the class epoch, which compiled code reads directly.
pub fn class_epoch_address() -> usize {
    CLASS_EPOCH.as_ptr() as usize
}

fn bump_class_epoch() {
    CLASS_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// Invalidates every attribute cache.
#[inline]
pub fn bump_namespace_epoch() {
    NAMESPACE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// The result of a probe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The key is at this entry index.
    Found(usize),
    /// The key is absent.
    Absent,
}

impl Dict {
    /// An empty table.
    pub fn new() -> Dict {
        Dict::default()
    }

    /// An empty table with CPython's set layout.
    pub fn new_set() -> Dict {
        let mut dict = Dict::default();
        dict.set_layout = true;
        dict
    }

    /// Marks this table as a class namespace (see `watched`).
    pub fn watch(&mut self) {
        self.watched = true;
        bump_namespace_epoch();
        bump_class_epoch();
    }

    /// Marks this table as module globals or the builtins (see `globals`).
    pub fn watch_as_globals(&mut self) {
        self.globals = true;
    }

    /// Whether this table is module globals or the builtins.
    pub fn is_globals(&self) -> bool {
        self.globals
    }
}

impl Clone for Dict {
    /// A copy of the contents (`dict.copy()`, `d1 | d2`): a plain table, whatever the original
    /// was — copying a module's globals must not make writes to the copy move the globals
    /// epoch (and with it every global cache and compiled global).
    fn clone(&self) -> Dict {
        Dict {
            entries: self.entries.clone(),
            indices: self.indices.clone(),
            length: self.length,
            mutations: self.mutations,
            set_layout: self.set_layout,
            fill: self.fill,
            finger: self.finger,
            watched: false,
            globals: false,
        }
    }
}

impl Drop for Dict {
    /// A freed module namespace changes the globals epoch too: a cache that remembered values
    /// by epoch and dict address must not take a later dict at the same address for it.
    fn drop(&mut self) {
        if self.globals {
            GLOBALS_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

impl Dict {
    /// Bumps the epochs of the caches that depend on this table, before a change.
    #[inline]
    fn touched(&self) {
        if self.watched {
            bump_namespace_epoch();
            bump_class_epoch();
        }
        if self.globals {
            GLOBALS_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// Whether this table uses the set layout.
    pub fn is_set_layout(&self) -> bool {
        self.set_layout
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.length
    }

    /// Whether there are no live entries.
    pub fn is_empty(&self) -> bool {
        self.length == 0
    }

    /// The mutation counter (see the field).
    pub fn mutations(&self) -> u64 {
        self.mutations
    }

    /// All entry slots, holes included (holes have a NULL key).
    pub fn raw_entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The live entries in insertion order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|entry| !entry.key.is_null())
    }

    /// The entry at an index, if live.
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index).filter(|entry| !entry.key.is_null())
    }

    /// Sets the value of a live entry.
    pub fn set_value(&mut self, index: usize, value: Value) {
        self.touched();
        if let Some(entry) = self.entries.get_mut(index) {
            entry.value = value;
        }
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        self.touched();
        if self.set_layout {
            self.set_insert(hash, key, value);
            return;
        }
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.resize((self.length + 1) * 3);
        }
        let slot = self.free_slot(hash);
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.length += 1;
        self.mutations += 1;
    }

    /// Removes the entry at an index; returns it.
    pub fn remove_at(&mut self, index: usize) -> Option<Entry> {
        self.touched();
        let entry = *self.entry(index)?;
        if self.set_layout {
            self.entries[index] = Entry {
                hash: -1,
                key: Value::NULL,
                value: DUMMY,
            };
            self.length -= 1;
            self.mutations += 1;
            return Some(entry);
        }
        let mask = self.indices.len() - 1;
        let mut slot = entry.hash as u64 as usize & mask;
        let mut perturb = entry.hash as u64;
        loop {
            if self.indices[slot] == index as u32 {
                self.indices[slot] = DELETED;
                break;
            }
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
        self.entries[index].key = Value::NULL;
        self.entries[index].value = Value::NULL;
        self.length -= 1;
        self.mutations += 1;
        if self.length == 0 {
            self.clear();
        }
        Some(entry)
    }

    /// Removes and returns an entry as CPython's `set.pop` chooses it (the first live slot
    /// from a moving finger).
    pub fn pop_for_set(&mut self) -> Option<Entry> {
        if self.length == 0 || self.entries.is_empty() {
            return None;
        }
        let size = self.entries.len();
        let mut index = self.finger % size;
        while self.entries[index].key.is_null() {
            index = (index + 1) % size;
        }
        self.finger = index + 1;
        self.remove_at(index)
    }

    /// Removes and returns the last entry (for `popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        if self.set_layout {
            return self.pop_for_set();
        }
        let index = self
            .entries
            .iter()
            .rposition(|entry| !entry.key.is_null())?;
        self.remove_at(index)
    }

    /// Empties the table.
    pub fn clear(&mut self) {
        self.touched();
        self.entries.clear();
        self.indices.clear();
        self.length = 0;
        self.fill = 0;
        self.finger = 0;
        self.mutations += 1;
    }

    /// Set layout: adds a key known to be absent, as CPython's `set_add_entry`.
    fn set_insert(&mut self, hash: i64, key: Value, value: Value) {
        if self.entries.is_empty() {
            self.entries = vec![
                Entry {
                    hash: 0,
                    key: Value::NULL,
                    value: Value::NULL
                };
                SET_MINIMUM_SIZE
            ];
        }
        let mask = self.entries.len() - 1;
        let mut index = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        let mut free_slot = None;
        let unused = loop {
            let probes = if index + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            let mut found = None;
            for offset in 0..=probes {
                let slot = index + offset;
                let entry = &self.entries[slot];
                if entry.key.is_null() {
                    if entry.value == DUMMY {
                        if free_slot.is_none() {
                            free_slot = Some(slot);
                        }
                    } else {
                        found = Some(slot);
                        break;
                    }
                }
            }
            if let Some(slot) = found {
                break slot;
            }
            perturb >>= 5;
            index = (index * 5 + 1 + perturb as usize) & mask;
        };
        self.length += 1;
        self.mutations += 1;
        if let Some(slot) = free_slot {
            self.entries[slot] = Entry { hash, key, value };
            return;
        }
        self.fill += 1;
        self.entries[unused] = Entry { hash, key, value };
        if self.fill * 5 >= mask * 3 {
            let minimum = if self.length > 50000 {
                self.length * 2
            } else {
                self.length * 4
            };
            self.set_resize(minimum);
        }
    }

    /// Set layout: CPython's `set_merge` preparation — one resize up front for `incoming` more
    /// members, when they would push the table past its fill limit.
    pub fn set_presize_for(&mut self, incoming: usize) {
        let mask = self.entries.len().max(SET_MINIMUM_SIZE) - 1;
        if (self.fill + incoming) * 5 >= mask * 3 {
            self.set_resize((self.length + incoming) * 2);
        }
    }

    /// Set layout: CPython's `set_merge` into an empty table — an exact copy of `other`'s table
    /// when the sizes match and it has no deleted slots, else a clean insertion of its members
    /// in slot order. Returns false (doing nothing) when this table is not empty.
    pub fn set_merge_into_empty(&mut self, other: &Dict) -> bool {
        if self.fill != 0 || self.length != 0 {
            return false;
        }
        if self.entries.is_empty() {
            self.entries = vec![
                Entry {
                    hash: 0,
                    key: Value::NULL,
                    value: Value::NULL
                };
                SET_MINIMUM_SIZE
            ];
        }
        let members: Vec<Entry> = other
            .entries
            .iter()
            .filter(|entry| !entry.key.is_null())
            .copied()
            .collect();
        if self.entries.len() == other.entries.len() && other.fill == other.length {
            self.entries.clone_from(&other.entries);
        } else {
            let mask = self.entries.len() - 1;
            for entry in &members {
                self.insert_clean(mask, *entry);
            }
        }
        self.fill = members.len();
        self.length = members.len();
        self.mutations += 1;
        true
    }

    /// Set layout: places an entry in the first empty slot of its probe sequence (CPython's
    /// `set_insert_clean`; the table has no deleted slots and no equal key).
    fn insert_clean(&mut self, mask: usize, entry: Entry) {
        let mut index = entry.hash as u64 as usize & mask;
        let mut perturb = entry.hash as u64;
        loop {
            if self.entries[index].key.is_null() {
                self.entries[index] = entry;
                return;
            }
            if index + LINEAR_PROBES <= mask {
                for offset in 1..=LINEAR_PROBES {
                    if self.entries[index + offset].key.is_null() {
                        self.entries[index + offset] = entry;
                        return;
                    }
                }
            }
            perturb >>= 5;
            index = (index * 5 + 1 + perturb as usize) & mask;
        }
    }

    /// Set layout: rebuilds the table with room for `minimum` entries (CPython's resize).
    fn set_resize(&mut self, minimum: usize) {
        let mut size = SET_MINIMUM_SIZE;
        while size <= minimum {
            size <<= 1;
        }
        let old = std::mem::replace(
            &mut self.entries,
            vec![
                Entry {
                    hash: 0,
                    key: Value::NULL,
                    value: Value::NULL
                };
                size
            ],
        );
        let mask = size - 1;
        for entry in old.into_iter().filter(|entry| !entry.key.is_null()) {
            self.insert_clean(mask, entry);
        }
        self.fill = self.length;
    }

    /// Bytes owned, for GC accounting.
    ///
    /// (Sets count their sparse table.)
    pub fn owned_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>() + self.indices.capacity() * 4
    }

    /// Visits every key and value (for the GC).
    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        for entry in &self.entries {
            visit(entry.key);
            visit(entry.value);
        }
    }

    fn free_slot(&self, hash: i64) -> usize {
        let mask = self.indices.len() - 1;
        let mut slot = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        while self.indices[slot] != EMPTY && self.indices[slot] != DELETED {
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
        slot
    }

    fn resize(&mut self, minimum: usize) {
        let mut size = MINIMUM_SLOTS;
        while size < minimum {
            size *= 2;
        }
        self.entries.retain(|entry| !entry.key.is_null());
        self.indices = vec![EMPTY; size];
        for index in 0..self.entries.len() {
            let slot = self.free_slot(self.entries[index].hash);
            self.indices[slot] = index as u32;
        }
    }
}

/// Finds `key` (whose hash is `hash`) in the table behind `cell`.
///
/// `equal(stored, key)` compares keys that are not identical but have the same hash; it may
/// run Python code, and if that changes the table the probe starts again.
pub fn lookup<E>(
    cell: &Mutable<Dict>,
    hash: i64,
    key: Value,
    equal: &mut dyn FnMut(Value, Value) -> Result<bool, E>,
) -> Result<Lookup, E> {
    if cell.get().set_layout {
        return set_lookup(cell, hash, key, equal);
    }
    'restart: loop {
        let dict = cell.get();
        if dict.indices.is_empty() {
            return Ok(Lookup::Absent);
        }
        let mask = dict.indices.len() - 1;
        let mut slot = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let dict = cell.get();
            let index = dict.indices[slot];
            if index == EMPTY {
                return Ok(Lookup::Absent);
            }
            if index != DELETED {
                let entry = dict.entries[index as usize];
                if entry.key == key {
                    return Ok(Lookup::Found(index as usize));
                }
                if entry.hash == hash {
                    let before = dict.mutations;
                    let same = equal(entry.key, key)?;
                    if cell.get().mutations != before {
                        continue 'restart;
                    }
                    if same {
                        return Ok(Lookup::Found(index as usize));
                    }
                }
            }
            perturb >>= 5;
            slot = (slot * 5 + 1 + perturb as usize) & mask;
        }
    }
}

/// Set layout lookup, as CPython's `set_lookkey`.
fn set_lookup<E>(
    cell: &Mutable<Dict>,
    hash: i64,
    key: Value,
    equal: &mut dyn FnMut(Value, Value) -> Result<bool, E>,
) -> Result<Lookup, E> {
    'restart: loop {
        let dict = cell.get();
        if dict.entries.is_empty() {
            return Ok(Lookup::Absent);
        }
        let mask = dict.entries.len() - 1;
        let mut index = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if index + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for offset in 0..=probes {
                let slot = index + offset;
                let entry = cell.get().entries[slot];
                if entry.key.is_null() {
                    if entry.value != DUMMY {
                        return Ok(Lookup::Absent);
                    }
                    continue;
                }
                if entry.key == key {
                    return Ok(Lookup::Found(slot));
                }
                if entry.hash == hash {
                    let before = cell.get().mutations;
                    let same = equal(entry.key, key)?;
                    if cell.get().mutations != before {
                        continue 'restart;
                    }
                    if same {
                        return Ok(Lookup::Found(slot));
                    }
                }
            }
            perturb >>= 5;
            index = (index * 5 + 1 + perturb as usize) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(_: Value, _: Value) -> Result<bool, ()> {
        Ok(false)
    }

    #[test]
    fn insert_find_remove_keeps_order() {
        let cell = Mutable::new(Dict::new());
        for number in 0..100 {
            let key = Value::small_int(number).unwrap_or(Value::NONE);
            cell.get().insert_new(number, key, key);
        }
        let key = Value::small_int(42).unwrap_or(Value::NONE);
        assert_eq!(lookup(&cell, 42, key, &mut identity), Ok(Lookup::Found(42)));
        cell.get().remove_at(42);
        assert_eq!(lookup(&cell, 42, key, &mut identity), Ok(Lookup::Absent));
        assert_eq!(cell.get().len(), 99);
        let keys: Vec<i64> = cell
            .get()
            .entries()
            .filter_map(|entry| entry.key.as_small_int())
            .collect();
        assert_eq!(keys.len(), 99);
        assert!(keys.windows(2).all(|pair| pair[0] < pair[1]));
        let after = Value::small_int(7).unwrap_or(Value::NONE);
        assert_eq!(lookup(&cell, 7, after, &mut identity), Ok(Lookup::Found(7)));
    }
}
