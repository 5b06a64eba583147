//! Inline caches for attribute instructions (`LoadAttr`, `LoadMethod`, `StoreAttr`): what one
//! instruction found the last time, for instances of one class with one shape.
//!
//! An entry is valid while the instance has the recorded class and shape and the namespace
//! epoch has not moved (see `attribute_cache.rs`): the same class with the same namespaces and
//! the same instance layout means the same lookup result — a slot index for an instance
//! attribute, or the function for a method found on the class. Shapes are never freed (the
//! root shape's transition tree keeps them), so a shape's address identifies it. Only the
//! plain cases are cached: a user class without `__getattribute__`/`__setattr__` overrides, no
//! data descriptor for the name, an instance whose attributes live in its shape slots.

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
}

/// One instruction's cache entry; see the module documentation.
#[derive(Clone, Copy, Debug, Default)]
pub struct AttributeSite {
    class: u64,
    shape: usize,
    epoch: u64,
    found: Found,
}

/// The sites of a code object, one per instruction.
pub type Sites = Mutable<Box<[AttributeSite]>>;

/// The instance behind `object` when its attributes live in shape slots.
#[inline]
fn plain_instance(object: Value) -> Option<&'static InstanceObject> {
    match &object.as_object()?.payload {
        Payload::Instance(instance)
            if instance.dict.get().is_null() && instance.exception.is_none() =>
        {
            Some(instance)
        }
        _ => None,
    }
}

#[inline]
fn site_matches(site: &AttributeSite, instance: &InstanceObject) -> bool {
    site.class == instance.class.get().bits()
        && site.shape == std::rc::Rc::as_ptr(instance.shape.get()) as usize
        && site.epoch == namespace_epoch()
}

/// `object.name` from the cache, if this instruction's entry applies.
#[inline]
pub fn cached_load(sites: &Sites, ip: usize, object: Value) -> Option<Value> {
    let instance = plain_instance(object)?;
    let site = sites.get().get(ip)?;
    if !site_matches(site, instance) {
        return None;
    }
    match site.found {
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
    let site = sites.get().get(ip)?;
    if !site_matches(site, instance) {
        return None;
    }
    match site.found {
        Found::Method(function) => Some(function),
        _ => None,
    }
}

/// Stores `object.name = value` through the cache; false if this instruction's entry does not
/// apply.
#[inline]
pub fn cached_store(sites: &Sites, ip: usize, object: Value, value: Value) -> bool {
    let Some(instance) = plain_instance(object) else {
        return false;
    };
    let Some(site) = sites.get().get(ip) else {
        return false;
    };
    if !site_matches(site, instance) {
        return false;
    }
    match site.found {
        Found::Slot(slot) => match instance.slots.get().get_mut(slot as usize) {
            Some(target) => {
                *target = value;
                true
            }
            None => false,
        },
        _ => false,
    }
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
    if let Some(site) = sites.get().get_mut(ip) {
        *site = AttributeSite {
            class: instance.class.get().bits(),
            shape: std::rc::Rc::as_ptr(instance.shape.get()) as usize,
            epoch: namespace_epoch(),
            found,
        };
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
