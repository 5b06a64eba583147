//! Hidden-class shapes for instance attributes.
//!
//! An instance stores attribute values in a plain array; its shape says which attribute name
//! lives at which index. Adding an attribute moves the instance to a child shape, and instances
//! that gain the same attributes in the same order share shapes — so an attribute lookup is a
//! small map probe on the shape (and, for the caches and the JIT, a shape comparison).
//!
//! Attribute names are interned strings, compared by identity. Shapes live outside the GC heap
//! (reference counted); the names they hold are interned and therefore never collected.

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;

/// A shape; see the module documentation.
#[derive(Default)]
pub struct Shape {
    names: Vec<Value>,
    index: HashMap<u64, u32>,
    transitions: RefCell<HashMap<u64, Rc<Shape>>>,
}

impl Shape {
    /// The shape with no attributes.
    pub fn root() -> Rc<Shape> {
        Rc::new(Shape::default())
    }

    /// The slot of an attribute (an interned str).
    #[inline]
    pub fn slot_of(&self, name: Value) -> Option<usize> {
        // Most shapes are small: a scan beats hashing.
        if self.names.len() <= 8 {
            return self.names.iter().position(|&candidate| candidate == name);
        }
        self.index.get(&name.bits()).map(|&slot| slot as usize)
    }

    /// The attribute names in slot order.
    pub fn names(&self) -> &[Value] {
        &self.names
    }

    /// The shape after adding `name` (an interned str) as the next slot.
    pub fn with_attribute(self: &Rc<Shape>, name: Value) -> Rc<Shape> {
        if let Some(child) = self.transitions.borrow().get(&name.bits()) {
            return child.clone();
        }
        let mut names = self.names.clone();
        names.push(name);
        let mut index = self.index.clone();
        index.insert(name.bits(), (names.len() - 1) as u32);
        let child = Rc::new(Shape {
            names,
            index,
            transitions: RefCell::default(),
        });
        self.transitions
            .borrow_mut()
            .insert(name.bits(), child.clone());
        child
    }

    /// The shape holding `names` in order (after a deletion): rebuilt from the root.
    pub fn from_names(root: &Rc<Shape>, names: &[Value]) -> Rc<Shape> {
        names
            .iter()
            .fold(root.clone(), |shape, &name| shape.with_attribute(name))
    }
}
