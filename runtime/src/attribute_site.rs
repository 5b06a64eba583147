//! Inline caches for attribute instructions (`LoadAttr`, `LoadMethod`, `StoreAttr`): what one
//! instruction found for instances of up to `WAYS` (class, shape) pairs — polymorphic, so a
//! site that sees several subclasses (a scheduler's task kinds) keeps hitting.
//!
//! An entry is valid while the instance has the recorded class and shape and the namespace
//! epoch has not moved (see `attribute_cache.rs`): the same class with the same namespaces and
//! the same instance layout means the same lookup result — a slot index for an instance
//! attribute, or the function for a method found on the class. Shapes are never freed (the
//! root shape's transition tree keeps them), so a shape's address identifies it. Only the
//! plain cases are cached: a user class without `__getattribute__`/`__setattr__` overrides, no
//! data descriptor for the name, an instance whose attributes live in its shape slots (an
//! exception instance's too, but not for the names of its exception fields).

use crate::dict::namespace_epoch;
use crate::object::{InstanceObject, Mutable, Payload};
use crate::protocol::{as_type, lookup_in_type};
use crate::value::Value;
use crate::Runtime;

/// What an instruction found.
#[derive(Clone, Copy, Debug, Default)]
enum Found {
    /// Nothing cached.
    #[default]
    Empty,
    /// An instance attribute in this shape slot.
    Slot(u32),
    /// A function on the class, to call with the instance as `self`.
    Method(Value),
    /// A store that adds the attribute as this next slot, moving the instance to the shape at
    /// this address (a child of the recorded shape; `__init__` setting up a new instance).
    Add(u32, usize),
    /// A method written in Rust found on a builtin type, for a receiver of that exact type
    /// (`out.append`, `d.get`): the way's class is the type and its shape `BUILTIN_RECEIVER`.
    Builtin(Value),
}

/// The shape a way records for a receiver that is not an instance of a Python class (a list,
/// a str, an int): shapes are aligned allocations, so no real shape has this address.
const BUILTIN_RECEIVER: usize = 1;

/// One (class, shape) entry of a site; see the module documentation.
#[derive(Clone, Copy, Debug, Default)]
struct Way {
    class: u64,
    shape: usize,
    epoch: u64,
    /// `dict::class_epoch` when recorded: unlike `epoch` it survives collections, so compiled
    /// code can still trust an entry recorded before one.
    class_epoch: u64,
    found: Found,
}

/// How many (class, shape) pairs a site remembers.
const WAYS: usize = 4;

/// One attribute instruction's cache.
#[derive(Clone, Copy, Debug, Default)]
pub struct AttributeSite {
    ways: [Way; WAYS],
    /// The way the next new pair replaces when all are in use.
    next: u8,
}

/// The attribute caches of a code object: a site per attribute instruction, found through a
/// per-instruction index (other instructions have none).
pub struct Sites {
    index: Box<[u32]>,
    sites: Mutable<Box<[AttributeSite]>>,
}

const NO_SITE: u32 = u32::MAX;

impl Sites {
    /// Sites for the instructions of `code` that access attributes.
    pub fn new(code: &krait_compiler::CodeObject) -> Sites {
        use krait_compiler::Opcode;
        let mut count = 0u32;
        let index = code
            .instructions
            .iter()
            .map(|instruction| {
                if matches!(
                    instruction.opcode,
                    Opcode::LoadAttr | Opcode::StoreAttr | Opcode::LoadMethod
                ) {
                    count += 1;
                    count - 1
                } else {
                    NO_SITE
                }
            })
            .collect();
        Sites {
            index,
            sites: Mutable::new(vec![AttributeSite::default(); count as usize].into_boxed_slice()),
        }
    }

    #[inline]
    fn site(&self, ip: usize) -> Option<&mut AttributeSite> {
        let slot = *self.index.get(ip)?;
        self.sites.get().get_mut(slot as usize)
    }
}

/// The way of `site` that applies to `instance`, if any.
#[inline]
fn matching_way(site: &AttributeSite, instance: &InstanceObject) -> Option<Found> {
    let class = instance.class.get().bits();
    let shape = std::rc::Rc::as_ptr(instance.shape.get()) as usize;
    let epoch = namespace_epoch();
    site.ways
        .iter()
        .find(|way| way.class == class && way.shape == shape && way.epoch == epoch)
        .map(|way| way.found)
}

/// The instance behind `object` when its attributes live in shape slots: a plain instance,
/// or an exception instance (`self.key = key` in an exception's `__init__`, `e.key` in a
/// handler), whose own attributes live in slots as well and are found before its exception
/// fields (see [`exception_field`] for the names the cache leaves alone).
#[inline]
fn plain_instance(object: Value) -> Option<&'static InstanceObject> {
    match &object.as_object()?.payload {
        Payload::Instance(instance) if instance.dict().is_null() => Some(instance),
        _ => None,
    }
}

/// Whether `name` on the exception instance `instance` may be one of the fields exceptions
/// keep outside the slots (`args`, `__cause__`, `__traceback__`…: stores of them go to the
/// exception's state, not a slot): never cached. Every other name of an exception instance
/// is looked up and stored as a plain instance's.
fn exception_field(runtime: &Runtime, instance: &InstanceObject, name: Value) -> bool {
    if instance.exception().is_none() {
        return false;
    }
    name == runtime.names.args
        || crate::protocol::str_value(name)
            .is_none_or(|text| text.starts_with("__") && text.ends_with("__"))
}

/// `object.name` from the cache, if this instruction's entry applies.
#[inline]
pub fn cached_load(sites: &Sites, ip: usize, object: Value) -> Option<Value> {
    let instance = plain_instance(object)?;
    let site = sites.site(ip)?;
    match matching_way(site, instance)? {
        Found::Slot(slot) => instance
            .slots
            .get()
            .get(slot as usize)
            .copied()
            .filter(|value| !value.is_null()),
        _ => None,
    }
}

/// `(method, object)` for `LoadMethod` from the cache, if this instruction's entry applies.
#[inline]
pub fn cached_method(sites: &Sites, ip: usize, object: Value) -> Option<Value> {
    let instance = plain_instance(object)?;
    let site = sites.site(ip)?;
    match matching_way(site, instance)? {
        Found::Method(function) => Some(function),
        _ => None,
    }
}

/// The method `LoadMethod` found at this instruction for a receiver of the builtin type
/// `class` (see [`is_builtin_receiver`]), if this instruction's entry applies: a builtin
/// function to call with the receiver as its first argument.
#[inline]
pub fn cached_builtin_method(sites: &Sites, ip: usize, class: Value) -> Option<Value> {
    let site = sites.site(ip)?;
    let class = class.bits();
    let epoch = namespace_epoch();
    match site
        .ways
        .iter()
        .find(|way| way.class == class && way.shape == BUILTIN_RECEIVER && way.epoch == epoch)?
        .found
    {
        Found::Builtin(method) => Some(method),
        _ => None,
    }
}

/// Whether `LoadMethod` looks the name up on the type of `object` alone, with nothing the
/// object itself holds to consult: true for every value but instances of Python classes
/// (whose own attributes come first), classes, modules and `super` objects.
#[inline]
pub fn is_builtin_receiver(object: Value) -> bool {
    !matches!(
        object.as_object().map(|object| &object.payload),
        Some(
            Payload::Instance(_)
                | Payload::Type(_)
                | Payload::Module { .. }
                | Payload::Super { .. }
        )
    )
}

/// After a `LoadMethod` on a builtin receiver (see [`is_builtin_receiver`]) of type `class`
/// went the slow way and found `method` there: remember it if it is a method written in Rust
/// taking the receiver as its first argument (what the slow lookup returns for `list.append`).
pub fn record_builtin_method(sites: &Sites, ip: usize, class: Value, method: Value) {
    let unbound_native = matches!(
        method.as_object().map(|object| &object.payload),
        Some(Payload::NativeFunction(native)) if native.receiver.is_null()
    );
    if !unbound_native || as_type(class).is_none_or(|class| class.user_defined) {
        return;
    }
    let Some(site) = sites.site(ip) else {
        return;
    };
    insert_way(
        site,
        Way {
            class: class.bits(),
            shape: BUILTIN_RECEIVER,
            epoch: namespace_epoch(),
            class_epoch: crate::dict::class_epoch(),
            found: Found::Builtin(method),
        },
    );
}

/// Stores `object.name = value` through the cache; false if this instruction's entry does not
/// apply.
#[inline]
pub fn cached_store(sites: &Sites, ip: usize, object: Value, value: Value) -> bool {
    let Some(instance) = plain_instance(object) else {
        return false;
    };
    let Some(site) = sites.site(ip) else {
        return false;
    };
    match matching_way(site, instance) {
        Some(Found::Slot(slot)) => match instance.slots.get().get_mut(slot as usize) {
            Some(target) => {
                *target = value;
                true
            }
            None => false,
        },
        Some(Found::Add(slot, shape)) => {
            if instance.slots.get().len() != slot as usize {
                return false;
            }
            instance.push_slot(value);
            let shape = shape as *const crate::shape::Shape;
            // SAFETY: `shape` is the address of a live `Rc<Shape>` allocation: it was recorded
            // from an instance's shape, and shapes are never freed (each is held by its
            // parent's transition table, up to the root shape the runtime holds). Taking one
            // more strong count before `from_raw` makes the new `Rc` an owned reference.
            let shape = unsafe {
                std::rc::Rc::increment_strong_count(shape);
                std::rc::Rc::from_raw(shape)
            };
            *instance.shape.get() = shape;
            true
        }
        _ => false,
    }
}

/// The shape address of a plain instance (0 for anything else): what `record_store` needs
/// from before a store.
#[inline]
pub fn shape_before_store(object: Value) -> usize {
    plain_instance(object).map_or(0, |instance| {
        std::rc::Rc::as_ptr(instance.shape.get()) as usize
    })
}

/// Whether the class lets a plain instance attribute or method lookup be cached: a Python class
/// with no `__getattribute__` override and no data descriptor (property, `__set__`) for `name`;
/// for stores, no `__setattr__` override and no `__slots__` restriction either.
fn cacheable(runtime: &mut Runtime, class: Value, name: Value, for_store: bool) -> bool {
    let Some(class_object) = as_type(class) else {
        return false;
    };
    if !class_object.user_defined || (for_store && class_object.slot_names.is_some()) {
        return false;
    }
    let names = runtime.names;
    let hooks: &[Value] = if for_store {
        &[names.__setattr__]
    } else {
        &[names.__getattribute__]
    };
    for &hook in hooks {
        if let Some(found) = lookup_in_type(runtime, class, hook) {
            if !matches!(
                found.as_object().map(|object| &object.payload),
                Some(Payload::NativeFunction(_))
            ) {
                return false;
            }
        }
    }
    // A data descriptor (a property, or an instance of a class with `__set__`) takes over the
    // lookup; plain class attributes and functions do not.
    !matches!(
        lookup_in_type(runtime, class, name)
            .and_then(|attribute| attribute.as_object())
            .map(|object| &object.payload),
        Some(Payload::Property { .. } | Payload::Instance(_))
    )
}

fn record(sites: &Sites, ip: usize, instance: &InstanceObject, found: Found) {
    let shape = std::rc::Rc::as_ptr(instance.shape.get()) as usize;
    record_for_shape(sites, ip, instance, shape, found);
}

fn record_for_shape(
    sites: &Sites,
    ip: usize,
    instance: &InstanceObject,
    shape: usize,
    found: Found,
) {
    let Some(site) = sites.site(ip) else {
        return;
    };
    let way = Way {
        class: instance.class.get().bits(),
        shape,
        epoch: namespace_epoch(),
        class_epoch: crate::dict::class_epoch(),
        found,
    };
    insert_way(site, way);
}

/// Puts `way` into `site`.
fn insert_way(site: &mut AttributeSite, way: Way) {
    // Reuse the way for this pair, else a stale or empty one, else the oldest.
    let epoch = way.epoch;
    let target = site
        .ways
        .iter()
        .position(|old| old.class == way.class && old.shape == way.shape)
        .or_else(|| {
            site.ways
                .iter()
                .position(|old| old.epoch != epoch || matches!(old.found, Found::Empty))
        })
        .unwrap_or_else(|| {
            let oldest = site.next as usize % WAYS;
            site.next = ((oldest + 1) % WAYS) as u8;
            oldest
        });
    site.ways[target] = way;
}

/// After a `StoreAttr` went the slow way: remember the slot if it stored a plain instance
/// attribute, or the shape transition if it added one as the next slot. `shape_before` is
/// `shape_before_store` of the object, taken before the store.
pub fn record_store(
    runtime: &mut Runtime,
    sites: &Sites,
    ip: usize,
    object: Value,
    name: Value,
    shape_before: usize,
) {
    let Some(instance) = plain_instance(object) else {
        return;
    };
    if exception_field(runtime, instance, name) {
        return;
    }
    let shape = instance.shape.get();
    let shape_after = std::rc::Rc::as_ptr(shape) as usize;
    if shape_after == shape_before {
        record_slot(runtime, sites, ip, object, name, true);
        return;
    }
    let class = *instance.class.get();
    let slot = shape.slot_of(name);
    let added_last = slot.is_some_and(|slot| {
        slot + 1 == shape.names().len() && instance.slots.get().len() == slot + 1
    });
    if shape_before != 0 && added_last && cacheable(runtime, class, name, true) {
        if let Some(slot) = slot {
            record_for_shape(
                sites,
                ip,
                instance,
                shape_before,
                Found::Add(slot as u32, shape_after),
            );
        }
    }
}

/// After a `LoadAttr` or `StoreAttr` went the slow way: remember the slot if it was a plain
/// instance attribute.
pub fn record_slot(
    runtime: &mut Runtime,
    sites: &Sites,
    ip: usize,
    object: Value,
    name: Value,
    for_store: bool,
) {
    let Some(instance) = plain_instance(object) else {
        return;
    };
    if exception_field(runtime, instance, name) {
        return;
    }
    let class = *instance.class.get();
    if !cacheable(runtime, class, name, for_store) {
        return;
    }
    if let Some(slot) = instance.shape.get().slot_of(name) {
        if !instance.slots.get()[slot].is_null() {
            record(sites, ip, instance, Found::Slot(slot as u32));
        }
    }
}

/// After a `LoadMethod` went the slow way: remember the function if it came from the class.
pub fn record_method(
    runtime: &mut Runtime,
    sites: &Sites,
    ip: usize,
    object: Value,
    name: Value,
    method: Value,
) {
    let Some(instance) = plain_instance(object) else {
        return;
    };
    // An exception's fields (some classes' `errno`, `name`, `msg`…) come before its class's
    // methods: methods of exception instances are looked up the general way.
    if instance.exception().is_some() {
        return;
    }
    let class = *instance.class.get();
    if method.is_null()
        || instance.shape.get().slot_of(name).is_some()
        || !matches!(
            method.as_object().map(|object| &object.payload),
            Some(Payload::Function(_))
        )
        || !cacheable(runtime, class, name, false)
    {
        return;
    }
    if lookup_in_type(runtime, class, name) == Some(method) {
        record(sites, ip, instance, Found::Method(method));
    }
}

/// `LoadMethod`'s cache probe for any receiver: the method cached for a plain instance's
/// (class, shape), or the builtin method cached for a builtin receiver's type.
#[inline]
pub fn cached_any_method(
    runtime: &Runtime,
    sites: &Sites,
    ip: usize,
    object: Value,
) -> Option<Value> {
    if let Some(method) = cached_method(sites, ip, object) {
        return Some(method);
    }
    if is_builtin_receiver(object) {
        return cached_builtin_method(sites, ip, crate::protocol::type_of(runtime, object));
    }
    None
}

/// After a `LoadMethod` went the slow way and found `method`: remembers it as
/// [`record_builtin_method`] or [`record_method`] does, by the kind of receiver.
pub fn record_any_method(
    runtime: &mut Runtime,
    sites: &Sites,
    ip: usize,
    object: Value,
    name: Value,
    method: Value,
) {
    if is_builtin_receiver(object) {
        let class = crate::protocol::type_of(runtime, object);
        record_builtin_method(sites, ip, class, method);
    } else {
        record_method(runtime, sites, ip, object, name, method);
    }
}

/// What compiled code may check inline at an attribute instruction: the site's only entry, if it
/// has exactly one valid for the current namespace epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Monomorphic {
    /// The class's bits.
    pub class: u64,
    /// The shape's address.
    pub shape: usize,
    /// The class epoch (`dict::class_epoch`) the entry was read in.
    pub epoch: u64,
    /// The slot of an instance attribute, or `None` for a method.
    pub slot: Option<u32>,
    /// The method's bits, for a method.
    pub method: u64,
    /// For a store that adds the attribute (`slot` is then the next slot): the address of
    /// the shape the instance moves to (`Rc::as_ptr`); 0 otherwise.
    pub added_shape: usize,
}

/// Every entry of the site at `ip` that compiled code may check inline (an instance slot or a
/// method, valid for the current namespace epoch), at most `WAYS`.
pub fn ways(sites: &Sites, ip: usize) -> Vec<Monomorphic> {
    let Some(site) = sites.site(ip) else {
        return Vec::new();
    };
    let class_epoch = crate::dict::class_epoch();
    site.ways
        .iter()
        .filter(|way| way.class_epoch == class_epoch)
        .filter_map(|way| match way.found {
            Found::Slot(slot) => Some(Monomorphic {
                class: way.class,
                shape: way.shape,
                epoch: class_epoch,
                slot: Some(slot),
                method: 0,
                added_shape: 0,
            }),
            Found::Method(method) => Some(Monomorphic {
                class: way.class,
                shape: way.shape,
                epoch: class_epoch,
                slot: None,
                method: method.bits(),
                added_shape: 0,
            }),
            Found::Add(slot, shape) => Some(Monomorphic {
                class: way.class,
                shape: way.shape,
                epoch: class_epoch,
                slot: Some(slot),
                method: 0,
                added_shape: shape,
            }),
            Found::Empty | Found::Builtin(_) => None,
        })
        .collect()
}

/// The builtin methods (`list.append`, `str.lower`) the `LoadMethod` site at `ip` found for
/// builtin receivers and still holds: what a call of its result is expected to reach.
pub fn builtin_methods(sites: &Sites, ip: usize) -> Vec<Value> {
    let Some(site) = sites.site(ip) else {
        return Vec::new();
    };
    let epoch = namespace_epoch();
    site.ways
        .iter()
        .filter(|way| way.shape == BUILTIN_RECEIVER && way.epoch == epoch)
        .filter_map(|way| match way.found {
            Found::Builtin(method) => Some(method),
            _ => None,
        })
        .collect()
}

/// The single valid entry of the site at `ip`, if it has exactly one.
pub fn monomorphic(sites: &Sites, ip: usize) -> Option<Monomorphic> {
    let site = sites.site(ip)?;
    let class_epoch = crate::dict::class_epoch();
    let mut valid = site
        .ways
        .iter()
        .filter(|way| way.class_epoch == class_epoch && !matches!(way.found, Found::Empty));
    let way = *valid.next()?;
    if valid.next().is_some() {
        return None;
    }
    Some(match way.found {
        Found::Slot(slot) => Monomorphic {
            class: way.class,
            shape: way.shape,
            epoch: class_epoch,
            slot: Some(slot),
            method: 0,
            added_shape: 0,
        },
        Found::Method(method) => Monomorphic {
            class: way.class,
            shape: way.shape,
            epoch: class_epoch,
            slot: None,
            method: method.bits(),
            added_shape: 0,
        },
        Found::Empty | Found::Add(..) | Found::Builtin(_) => return None,
    })
}
