//! `Runtime`: the state every part of krait shares — the heap, interned strings, the builtin
//! classes, the `builtins` and `sys.modules` namespaces, and the output streams.
//!
//! It also offers the constructors for every kind of object (`new_str`, `new_list`, …) and for
//! exceptions (`new_error`), so code elsewhere never builds payloads by hand.

use rustc_hash::FxHashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::dict::Dict;
use crate::error::PyErr;
use crate::heap::Heap;
use crate::names::Names;
use crate::object::{
    ExceptionData, HeapObject, InstanceObject, Layout, Mutable, NativeFunctionObject,
    NativeFunctionPointer, Payload, StrObject, TupleObject, TypeObject,
};
use crate::shape::Shape;
use crate::stream::Output;
use crate::types_table::BuiltinTypes;
use crate::value::Value;

/// The shared runtime state; see the module documentation.
pub struct Runtime {
    /// The garbage-collected heap.
    pub heap: Heap,
    /// The builtin classes.
    pub types: BuiltinTypes,
    /// Frequently used interned names.
    pub names: Names,
    /// The operators' dunder names.
    pub operator_names: crate::names::OperatorNames,
    /// The one-character ASCII strs and the empty str, by code (128 = empty), interned: text
    /// processing makes these constantly.
    short_strs: [Value; 129],
    /// The `builtins` module's namespace (a dict).
    pub builtins: Value,
    /// `sys.modules` (a dict).
    pub modules: Value,
    /// Standard output and error.
    pub output: Output,
    /// The shape of instances with no attributes.
    pub root_shape: Rc<Shape>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: usize,
    /// `sys.get_int_max_str_digits()`: the most decimal digits an int may have when converted
    /// to or from a str (0 = unlimited).
    pub int_max_str_digits: usize,
    /// Results of attribute lookups along class MROs.
    pub attribute_cache: crate::attribute_cache::AttributeCache,
    /// The class of `sys._getframe()` results (NULL until first used).
    pub frame_class: Value,
    /// `sys.get_asyncgen_hooks()`: the firstiter and finalizer hooks (None when unset).
    pub asyncgen_hooks: [Value; 2],
    /// Values Rust code holds across calls into Python (see `heap.rs`): a stack.
    roots: Vec<Value>,
    /// The running thread's current `contextvars.Context` (NULL until it uses one). Each
    /// thread has its own, swapped in and out with the root stack (`krait-vm`'s `threads`):
    /// one shared slot let a thread read another thread's context variables.
    pub thread_context: Value,
    interned: FxHashMap<Box<str>, Value>,
}

impl Runtime {
    /// A runtime with every builtin class and the `builtins` namespace ready.
    pub fn new() -> Runtime {
        let mut interned = FxHashMap::default();
        let mut heap = Heap::new();
        let names = Names::new(&mut |text: &str| intern_into(&mut heap, &mut interned, text));
        let operator_names = crate::names::OperatorNames::new(&mut |text: &str| {
            intern_into(&mut heap, &mut interned, text)
        });
        let short_strs = std::array::from_fn(|code| {
            let text = if code < 128 {
                char::from(code as u8).to_string()
            } else {
                String::new()
            };
            intern_into(&mut heap, &mut interned, &text)
        });
        let mut runtime = Runtime {
            heap,
            types: BuiltinTypes::empty(),
            names,
            operator_names,
            short_strs,
            builtins: Value::NULL,
            modules: Value::NULL,
            output: Output::default(),
            root_shape: Shape::root(),
            argv: Vec::new(),
            recursion_limit: 1000,
            int_max_str_digits: 4300,
            attribute_cache: Default::default(),
            frame_class: Value::NULL,
            asyncgen_hooks: [Value::NONE; 2],
            roots: Vec::new(),
            thread_context: Value::NULL,
            interned,
        };
        runtime.builtins = runtime.new_dict();
        if let Some(table) = crate::types::dict::table(runtime.builtins) {
            table.get().watch_as_globals();
        }
        runtime.modules = runtime.new_dict();
        crate::bootstrap::create_builtin_types(&mut runtime);
        runtime
    }

    /// Visits every root the runtime itself holds.
    pub fn trace_roots(&self, visit: &mut dyn FnMut(Value)) {
        self.types.trace(visit);
        self.names.trace(visit);
        visit(self.builtins);
        visit(self.modules);
        if !self.frame_class.is_null() {
            visit(self.frame_class);
        }
        self.asyncgen_hooks.iter().for_each(|&value| visit(value));
        self.roots.iter().for_each(|&value| visit(value));
        visit(self.thread_context);
        self.interned.values().for_each(|&value| visit(value));
    }

    /// Roots a value until the matching [`Runtime::pop_roots`].
    #[inline]
    pub fn push_root(&mut self, value: Value) {
        self.roots.push(value);
    }

    /// Replaces the root pushed at position `slot` (a [`Runtime::root_mark`] taken just before
    /// pushing it): a loop keeps its changing value rooted in one slot.
    #[inline]
    pub fn set_root(&mut self, slot: usize, value: Value) {
        if let Some(root) = self.roots.get_mut(slot) {
            *root = value;
        }
    }

    /// The number of pushed roots, to restore with [`Runtime::pop_roots`].
    #[inline]
    pub fn root_mark(&self) -> usize {
        self.roots.len()
    }

    /// Exchanges the stack of pushed roots with `other`: each thread has its own, installed
    /// while it holds the interpreter lock (`krait-vm`'s `threads`).
    pub fn swap_root_stack(&mut self, other: &mut Vec<Value>) {
        std::mem::swap(&mut self.roots, other);
    }

    /// Drops the roots pushed since `mark`.
    #[inline]
    pub fn pop_roots(&mut self, mark: usize) {
        self.roots.truncate(mark);
    }

    // ----- strings -----

    /// The interned str for `text` (identifiers, attribute names).
    pub fn intern(&mut self, text: &str) -> Value {
        intern_into(&mut self.heap, &mut self.interned, text)
    }

    /// The interned version of a str value (itself if already interned).
    pub fn intern_value(&mut self, value: Value) -> Value {
        match value.as_object().and_then(HeapObject::as_str) {
            Some(text) if text.is_interned() => value,
            Some(text) => {
                if let Some(&interned) = self.interned.get(text.text()) {
                    interned
                } else {
                    text.set_interned();
                    self.interned.insert(text.text().into(), value);
                    value
                }
            }
            None => value,
        }
    }

    /// A new str.
    pub fn new_str(&mut self, text: &str) -> Value {
        match text.as_bytes() {
            [] => return self.short_strs[128],
            &[byte] if byte < 128 => return self.short_strs[byte as usize],
            _ => {}
        }
        self.heap.allocate(Payload::Str(make_str(text)))
    }

    /// A new str from an owned string (its buffer is kept when the text is too long to store
    /// inline).
    pub fn new_string(&mut self, text: String) -> Value {
        if text.len() <= 1 {
            return self.new_str(&text);
        }
        self.heap
            .allocate(Payload::Str(StrObject::from_string(text)))
    }

    /// A new str whose character count the caller knows (`text.len()` for the result of an
    /// ASCII-only operation on ASCII text): skips counting.
    #[inline]
    pub fn new_str_with_char_count(&mut self, text: &str, char_count: usize) -> Value {
        match text.as_bytes() {
            [] => return self.short_strs[128],
            &[byte] if byte < 128 => return self.short_strs[byte as usize],
            _ => {}
        }
        self.heap
            .allocate(Payload::Str(StrObject::with_char_count(text, char_count)))
    }

    /// [`Runtime::new_string`] for text whose character count the caller knows.
    pub fn new_string_with_char_count(&mut self, text: String, char_count: usize) -> Value {
        if text.len() <= 1 {
            return self.new_str_with_char_count(&text, char_count);
        }
        self.heap
            .allocate(Payload::Str(StrObject::from_string_with_char_count(
                text, char_count,
            )))
    }

    /// The one-character str for an ASCII byte (shared, like CPython's), or `None` for a byte
    /// past ASCII.
    #[inline]
    pub fn ascii_char(&self, byte: u8) -> Option<Value> {
        (byte < 128).then(|| self.short_strs[byte as usize])
    }

    // ----- numbers -----

    /// An int from an i64 (inline when it fits). The inline case is inlined into callers; the
    /// allocation is not.
    #[inline(always)]
    pub fn new_int(&mut self, value: i64) -> Value {
        match Value::small_int(value) {
            Some(small) => small,
            None => self.new_boxed_int(value),
        }
    }

    /// `new_int` for a value outside the inline range.
    #[inline(never)]
    fn new_boxed_int(&mut self, value: i64) -> Value {
        self.heap.allocate(Payload::BigInt(BigInt::from(value)))
    }

    /// An int from a big integer (inline when it fits).
    pub fn new_bigint(&mut self, value: BigInt) -> Value {
        if let Some(small) = value.to_i64().and_then(Value::small_int) {
            return small;
        }
        self.heap.allocate(Payload::BigInt(value))
    }

    // ----- containers -----

    /// A new list.
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.heap.allocate(Payload::List(Mutable::new(items)))
    }

    /// A new tuple.
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.len() <= crate::tuple_object::INLINE_ITEMS {
            return self.heap.allocate_tuple(&items);
        }
        self.heap
            .allocate(Payload::Tuple(TupleObject::from_vec(items)))
    }

    /// A new tuple of a copy of `items` (no vector to make and free for a short one).
    #[inline]
    pub fn new_tuple_from(&mut self, items: &[Value]) -> Value {
        self.heap.allocate_tuple(items)
    }

    /// A new empty dict.
    pub fn new_dict(&mut self) -> Value {
        self.heap
            .allocate(Payload::Dict(Box::new(Mutable::new(Dict::new()))))
    }

    /// A new empty set.
    pub fn new_set(&mut self) -> Value {
        self.heap
            .allocate(Payload::Set(Box::new(Mutable::new(Dict::new_set()))))
    }

    /// A builtin function object.
    pub fn new_native_function(
        &mut self,
        owner: &'static str,
        name: &'static str,
        function: NativeFunctionPointer,
    ) -> Value {
        self.heap
            .allocate(Payload::NativeFunction(NativeFunctionObject {
                name,
                function,
                receiver: Value::NULL,
                owner,
            }))
    }

    /// A new class object (no MRO computed: see `types::type_::new_class`).
    pub fn new_type_object(&mut self, name: &str, layout: Layout) -> Value {
        let name = self.intern(name);
        let dict = self.new_dict();
        if let Some(table) = crate::types::dict::table(dict) {
            table.get().watch();
        }
        let module = self.intern("builtins");
        let metaclass = self.types.type_;
        self.heap.allocate(Payload::Type(Box::new(TypeObject {
            name,
            qualname: Mutable::new(name),
            module: Mutable::new(module),
            bases: Mutable::new(Vec::new()),
            mro: Mutable::new(Vec::new()),
            dict,
            layout,
            version: std::cell::Cell::new(0),
            metaclass: Mutable::new(metaclass),
            user_defined: false,
            slot_names: None,
            instance_slots: std::cell::Cell::new(0),
        })))
    }

    /// A new instance of `class` with no attributes.
    pub fn new_instance(&mut self, class: Value, layout: Layout) -> Value {
        let exception = (layout == Layout::Exception).then(|| ExceptionData {
            args: Value::NULL,
            traceback: Vec::new(),
            cause: Value::NULL,
            context: Value::NULL,
            suppress_context: false,
        });
        let capacity = match class.as_object().map(|object| &object.payload) {
            Some(Payload::Type(class)) => class.instance_slots.get() as usize,
            _ => 0,
        };
        if exception.is_none() {
            return self
                .heap
                .allocate_instance(class, self.root_shape.clone(), capacity, 0);
        }
        let slots = self.heap.take_instance_slots(capacity);
        self.heap
            .allocate(Payload::Instance(InstanceObject::with_slots(
                class,
                self.root_shape.clone(),
                exception,
                slots,
            )))
    }

    /// A new plain instance of `class` (an `object.__new__` instance, not an exception) that
    /// already has `shape`'s attributes, all NULL: compiled code that folded a construction
    /// writes them before anything else can see the instance (`jit/src/translate/folded_init.rs`).
    pub fn new_shaped_instance(&mut self, class: Value, shape: Rc<Shape>) -> Value {
        let capacity = match class.as_object().map(|object| &object.payload) {
            Some(Payload::Type(class)) => class.instance_slots.get() as usize,
            _ => 0,
        };
        let length = shape.names().len();
        self.heap.allocate_instance(class, shape, capacity, length)
    }

    // ----- exceptions -----

    /// A new exception of `class` with `args`, ready to raise.
    pub fn new_exception(&mut self, class: Value, args: Vec<Value>) -> Value {
        let args = self.new_tuple(args);
        let exception = self.new_instance(class, Layout::Exception);
        if let Some(data) = exception_data(exception) {
            data.get().args = args;
        }
        exception
    }

    /// A raised exception of `class` with a message.
    pub fn new_error(&mut self, class: Value, message: impl AsRef<str>) -> PyErr {
        let message = self.new_str(message.as_ref());
        PyErr {
            exception: self.new_exception(class, vec![message]),
        }
    }

    /// `TypeError(message)`.
    pub fn type_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.types.type_error, message)
    }

    /// `ValueError(message)`.
    pub fn value_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.types.value_error, message)
    }

    /// `IndexError(message)`.
    pub fn index_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.types.index_error, message)
    }

    /// `AttributeError(message)`.
    pub fn attribute_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.types.attribute_error, message)
    }

    /// `OverflowError(message)`.
    pub fn overflow_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.types.overflow_error, message)
    }

    /// `ZeroDivisionError(message)`.
    pub fn zero_division_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.types.zero_division_error, message)
    }

    /// `RuntimeError(message)`.
    pub fn runtime_error(&mut self, message: impl AsRef<str>) -> PyErr {
        self.new_error(self.types.runtime_error, message)
    }

    /// `MemoryError()`, for allocations that cannot be satisfied.
    pub fn memory_error(&mut self) -> PyErr {
        PyErr {
            exception: self.new_exception(self.types.memory_error, Vec::new()),
        }
    }

    /// `KeyError(key)`.
    pub fn key_error(&mut self, key: Value) -> PyErr {
        PyErr {
            exception: self.new_exception(self.types.key_error, vec![key]),
        }
    }

    /// `StopIteration(value)`, or with no args when `value` is None.
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr {
            exception: self.new_exception(self.types.stop_iteration, args),
        }
    }

    /// Registers a module in `sys.modules`.
    pub fn register_module(&mut self, name: &str, module: Value) {
        let key = self.intern(name);
        crate::types::dict::set_str_key(self, self.modules, key, module);
    }

    /// Creates a module object with a fresh namespace holding `__name__`.
    pub fn new_module(&mut self, name: &str) -> Value {
        let name_value = self.intern(name);
        let dict = self.new_dict();
        if let Some(table) = crate::types::dict::table(dict) {
            table.get().watch_as_globals();
        }
        crate::types::dict::set_str_key(self, dict, self.names.__name__, name_value);
        crate::types::dict::set_str_key(self, dict, self.names.__doc__, Value::NONE);
        self.heap.allocate(Payload::Module {
            name: name_value,
            dict,
        })
    }
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::new()
    }
}

/// The exception data of an exception instance.
pub fn exception_data(value: Value) -> Option<&'static Mutable<ExceptionData>> {
    match &value.as_object()?.payload {
        Payload::Instance(instance) => instance.exception(),
        _ => None,
    }
}

/// Builds a str payload, computing its character count.
pub fn make_str(text: &str) -> StrObject {
    StrObject::new(text)
}

fn intern_into(heap: &mut Heap, interned: &mut FxHashMap<Box<str>, Value>, text: &str) -> Value {
    if let Some(&value) = interned.get(text) {
        return value;
    }
    let object = make_str(text);
    object.set_interned();
    let value = heap.allocate(Payload::Str(object));
    interned.insert(text.into(), value);
    value
}
