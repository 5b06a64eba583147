//! The layout of heap objects.
//!
//! Every heap object is a [`HeapObject`]: a GC header followed by a [`Payload`], the Rust enum
//! of every object kind krait knows. A builtin object's Python type follows from its payload
//! variant; an instance of a user class carries its class.
//!
//! Mutable payloads use `UnsafeCell`: krait runs Python code on one thread, and the rule that
//! keeps it sound is that **no Rust reference into a payload is held across a call that can run
//! Python code** (a dunder, a user function) — code that needs to call back first copies what
//! it needs out (see [`Mutable`]).

use std::cell::{Cell, UnsafeCell};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::dict::Dict;
use crate::shape::Shape;
use crate::value::Value;

pub use crate::str_object::{CharIndex, StrObject};
pub use crate::tuple_object::TupleObject;

/// Interior mutability for payloads, under the rule in the module documentation.
pub struct Mutable<T>(UnsafeCell<T>);

impl<T> Mutable<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Mutable<T> {
        Mutable(UnsafeCell::new(value))
    }

    /// Borrows the contents mutably.
    ///
    /// The borrow must end before anything that can run Python code or touch this object
    /// through another path; callers keep it to one statement or one loop with no calls out.
    #[allow(clippy::mut_from_ref)]
    #[inline]
    pub fn get(&self) -> &mut T {
        // SAFETY: single-threaded, and by the module's rule no other reference to the contents
        // is live while this one is used (each borrow is short and makes no call into Python).
        unsafe { &mut *self.0.get() }
    }
}

/// A heap object: the GC header and the payload.
///
/// `repr(C)` keeps `kind` at a fixed offset (0): compiled code reads it to recognize the few
/// payloads it handles inline (see `layout.rs`). The collector's mark bits live outside the
/// object, in its chunk's bitmaps (`heap/chunk.rs`).
#[repr(C)]
pub struct HeapObject {
    /// The payload's `layout::Kind`, set at allocation (payloads never change kind).
    pub(crate) kind: u8,
    /// What the object is.
    pub payload: Payload,
}

/// A user-defined function.
pub struct FunctionObject {
    /// The code object (a [`Payload::Code`]).
    pub code: Value,
    /// The module's global namespace (a dict).
    pub globals: Value,
    /// `__name__` (a str).
    pub name: Mutable<Value>,
    /// `__qualname__` (a str).
    pub qualname: Mutable<Value>,
    /// Positional defaults (a tuple) or NULL.
    pub defaults: Mutable<Value>,
    /// Keyword-only defaults (a dict) or NULL.
    pub keyword_defaults: Mutable<Value>,
    /// The cells of the free variables (a tuple) or NULL.
    pub closure: Value,
    /// `__module__`.
    pub module: Value,
    /// `__doc__`.
    pub doc: Value,
    /// Attributes set on the function (a dict) or NULL.
    pub dict: Mutable<Value>,
    /// `__annotations__` (a dict), or NULL until first read.
    pub annotations: Mutable<Value>,
}

/// A code object as the runtime sees it: the compiler's data plus its constants and names as
/// values, converted once.
pub struct CodeData {
    /// The compiled code.
    pub code: Rc<krait_compiler::CodeObject>,
    /// `code.constants` as values.
    pub constants: Box<[Value]>,
    /// `code.names` as interned strings.
    pub names: Box<[Value]>,
    /// `code.varnames` as interned strings (for keyword arguments).
    pub varnames: Box<[Value]>,
    /// `LoadGlobal` caches, one per name (see `global_cache.rs`).
    pub global_cache: Mutable<Box<[crate::global_cache::GlobalCache]>>,
    /// Attribute instruction caches, one per instruction (see `attribute_site.rs`).
    pub attribute_sites: crate::attribute_site::Sites,
    /// Tiering counters, type feedback and compiled code (see `profile.rs`).
    pub profile: crate::profile::CodeProfile,
    /// Whether a call with exactly `argument_count` positional arguments binds them as the
    /// first locals with nothing else to do: no `*args`/`**kwargs`, no keyword-only
    /// parameters, no cells, and not a generator. The interpreter's call fast path needs it.
    pub plain_call: bool,
    /// What compiled code needs to set up a frame for this code without looking further.
    pub call_shape: CallShape,
}

/// The sizes of a code object's frame, for compiled code that pushes one inline (a call it
/// did not expect: see `jit/src/translate/inline_call.rs`), as `u32`s at fixed offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct CallShape {
    /// The positional parameters when `plain_call` holds (a call passing exactly these binds
    /// them in place), else `u32::MAX`, which no call passes.
    pub plain_arguments: u32,
    /// The locals (`varnames`).
    pub local_count: u32,
    /// The free variables (their cells follow the locals).
    pub free_count: u32,
    /// The VM stack values a frame needs: locals, free cells and the operand stack's maximum.
    pub room: u32,
}

impl CallShape {
    /// The shape of `code`, given whether a call binds its parameters in place.
    pub fn of(code: &krait_compiler::CodeObject, plain_call: bool) -> CallShape {
        let saturate = |count: usize| u32::try_from(count).unwrap_or(u32::MAX);
        CallShape {
            plain_arguments: if plain_call {
                code.argument_count
            } else {
                u32::MAX
            },
            local_count: saturate(code.varnames.len()),
            free_count: saturate(code.freevars.len()),
            room: saturate(code.varnames.len() + code.cell_count() + code.max_stack_depth as usize),
        }
    }
}

/// The signature of a function written in Rust.
pub type NativeFunctionPointer =
    fn(&mut dyn crate::Host, crate::Arguments) -> crate::PyResult<Value>;

/// A builtin function or method written in Rust.
pub struct NativeFunctionObject {
    /// Its name, as Python sees it.
    pub name: &'static str,
    /// The implementation.
    pub function: NativeFunctionPointer,
    /// The bound receiver (passed as the first argument) or NULL.
    pub receiver: Value,
    /// The type or module name it belongs to, for its repr.
    pub owner: &'static str,
}

/// A class (a `type` instance).
pub struct TypeObject {
    /// `__name__`.
    pub name: Value,
    /// `__qualname__`.
    pub qualname: Mutable<Value>,
    /// `__module__` as a str (builtins: `builtins`).
    pub module: Mutable<Value>,
    /// `__bases__`.
    pub bases: Mutable<Vec<Value>>,
    /// `__mro__`, the type itself first.
    pub mro: Mutable<Vec<Value>>,
    /// The namespace (a dict).
    pub dict: Value,
    /// Which builtin layout its instances have.
    pub layout: Layout,
    /// Bumped whenever the type or a base changes, for caches.
    pub version: Cell<u64>,
    /// The metaclass (`type` for most classes).
    pub metaclass: Mutable<Value>,
    /// Whether Python code created it (a `class` statement or `type(name, bases, ns)`).
    pub user_defined: bool,
    /// When every class of the MRO declares `__slots__` (without `__dict__`): the only
    /// attribute names instances may have.
    pub slot_names: Option<Box<[Value]>>,
    /// The most attribute slots an instance of this class has needed so far: new instances
    /// reserve that many, so building one (`__init__` setting its attributes) does not
    /// reallocate its slots two or three times.
    pub instance_slots: Cell<u32>,
}

/// The native layout of a type's instances: what `object.__new__` must build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Plain instances with attribute slots.
    Object,
    /// Instances that carry exception data.
    Exception,
    /// A builtin type whose instances are made by its own constructor (int, str, list, …).
    Builtin,
}

/// What an exception instance carries beyond its attributes.
pub struct ExceptionData {
    /// `args` (a tuple).
    pub args: Value,
    /// The traceback: `(code, instruction index)` pairs, outermost frame first.
    pub traceback: Vec<TracebackEntry>,
    /// `__cause__` or NULL.
    pub cause: Value,
    /// `__context__` or NULL.
    pub context: Value,
    /// `__suppress_context__`.
    pub suppress_context: bool,
}

/// One frame in a traceback.
#[derive(Clone, Copy, Debug)]
pub struct TracebackEntry {
    /// The frame's code (a [`Payload::Code`]).
    pub code: Value,
    /// The instruction being executed.
    pub instruction: u32,
}

/// An instance of a user class (or of a builtin class with the `Object`/`Exception` layout).
pub struct InstanceObject {
    /// `__class__`.
    pub class: Mutable<Value>,
    /// Where each attribute lives in `slots`.
    pub shape: Mutable<Rc<Shape>>,
    /// Attribute values, indexed by the shape.
    pub slots: Mutable<Vec<Value>>,
    /// What only some instances have, allocated on first need: most instances are plain, and
    /// every heap object is as large as the largest payload. Empty (a null pointer, which
    /// compiled code checks) for a plain instance.
    pub(crate) extra: std::cell::OnceCell<Box<InstanceExtra>>,
}

/// The rarer parts of an instance (see `InstanceObject::extra`).
#[derive(Default)]
pub struct InstanceExtra {
    /// Exception state, for exception instances.
    exception: Option<Mutable<ExceptionData>>,
    /// For instances of user subclasses of builtin types (`class Stack(list)`), the builtin
    /// value that holds the data; NULL otherwise.
    base: Mutable<Value>,
    /// The attribute dict once `__dict__` has been asked for (NULL before): from then on the
    /// attributes live there instead of in `slots`, so the dict and the attributes stay one.
    dict: Mutable<Value>,
}

impl Default for Mutable<Value> {
    fn default() -> Self {
        Mutable::new(Value::NULL)
    }
}

impl InstanceObject {
    /// A new instance of `class` with no attributes (room for `capacity`); exception instances
    /// get `exception`.
    pub fn new(
        class: Value,
        shape: Rc<Shape>,
        exception: Option<ExceptionData>,
        capacity: usize,
    ) -> Self {
        Self::with_slots(class, shape, exception, Vec::with_capacity(capacity))
    }

    /// As [`InstanceObject::new`], with `slots` (empty) as the slot buffer.
    pub fn with_slots(
        class: Value,
        shape: Rc<Shape>,
        exception: Option<ExceptionData>,
        slots: Vec<Value>,
    ) -> Self {
        debug_assert!(slots.is_empty());
        let extra = std::cell::OnceCell::new();
        if let Some(exception) = exception {
            let _ = extra.set(Box::new(InstanceExtra {
                exception: Some(Mutable::new(exception)),
                ..InstanceExtra::default()
            }));
        }
        InstanceObject {
            class: Mutable::new(class),
            shape: Mutable::new(shape),
            slots: Mutable::new(slots),
            extra,
        }
    }

    /// Appends an attribute value (the shape moved to a child with one more slot). When the
    /// slots are full, the class remembers the larger count for its next instances.
    #[inline]
    pub fn push_slot(&self, value: Value) {
        let slots = self.slots.get();
        if slots.len() == slots.capacity() {
            if let Some(Payload::Type(class)) =
                self.class.get().as_object().map(|object| &object.payload)
            {
                let needed = u32::try_from(slots.len() + 1).unwrap_or(u32::MAX);
                if class.instance_slots.get() < needed {
                    class.instance_slots.set(needed);
                }
            }
        }
        slots.push(value);
    }

    fn extra(&self) -> &InstanceExtra {
        self.extra.get_or_init(Box::default)
    }

    /// The exception state of an exception instance.
    #[inline]
    pub fn exception(&self) -> Option<&Mutable<ExceptionData>> {
        self.extra.get()?.exception.as_ref()
    }

    /// The builtin value behind an instance of a subclass of a builtin type, or NULL.
    #[inline]
    pub fn base(&self) -> Value {
        self.extra
            .get()
            .map_or(Value::NULL, |extra| *extra.base.get())
    }

    /// Sets the builtin value behind the instance.
    pub fn set_base(&self, base: Value) {
        *self.extra().base.get() = base;
    }

    /// The attribute dict, once `__dict__` has been asked for; NULL before.
    #[inline]
    pub fn dict(&self) -> Value {
        self.extra
            .get()
            .map_or(Value::NULL, |extra| *extra.dict.get())
    }

    /// Makes `dict` the instance's attribute dict.
    pub fn set_dict(&self, dict: Value) {
        *self.extra().dict.get() = dict;
    }

    /// Whether this is a plain instance: no exception state, builtin base or attribute dict.
    #[inline]
    pub fn is_plain(&self) -> bool {
        self.extra.get().is_none()
    }
}

/// A suspended generator's frame: everything the interpreter needs to resume it.
pub struct SuspendedFrame {
    /// The generator function.
    pub function: Value,
    /// The code being run (the function's when the generator was made: a later assignment to
    /// `__code__` does not change a running generator, as in CPython), kept here so resuming
    /// does not reach it through the function.
    pub code: Value,
    /// The global namespace, as `code` (the function's).
    pub globals: Value,
    /// The next instruction to execute.
    pub instruction: u32,
    /// How many of `values` are locals and cells (where the operand stack starts).
    pub stack_start: u32,
    /// Locals, cells and the deepest operand stack of `code`: the room resuming needs on the
    /// VM stack (kept here so resuming reads nothing from the code object).
    pub frame_size: u32,
    /// Locals, cells, then the operand stack.
    pub values: Vec<Value>,
    /// The exception being handled inside the generator when it yielded (or NULL). While the
    /// generator runs: the exception its consumer was handling, given back when it stops.
    pub handled_exception: Value,
}

/// Where a generator is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratorState {
    /// Created, not started.
    Created,
    /// Paused at a `yield`.
    Suspended,
    /// Executing now (re-entering it is a ValueError).
    Running,
    /// Returned or raised.
    Finished,
}

/// Which kind of suspendable code a [`GeneratorObject`] runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratorKind {
    /// A generator (`yield`).
    Generator,
    /// A coroutine (`async def`).
    Coroutine,
    /// An async generator (`async def` with `yield`).
    AsyncGenerator,
}

/// A generator, coroutine or async generator object.
pub struct GeneratorObject {
    /// Which of the three it is.
    pub kind: GeneratorKind,
    /// Its frame while it is not running.
    pub frame: Mutable<Option<SuspendedFrame>>,
    /// Its state.
    pub state: Cell<GeneratorState>,
    /// `__name__`.
    pub name: Value,
    /// `__qualname__`.
    pub qualname: Value,
    /// For an async generator: whether `sys.set_asyncgen_hooks`' firstiter hook has been
    /// called for it (on its first `__anext__`, `asend`, `athrow` or `aclose`).
    pub hooks_initialized: Cell<bool>,
}

/// The state of builtin iterators.
pub enum IteratorKind {
    /// Over a list, tuple or str (by index, so mutation during iteration is safe).
    Sequence {
        /// The sequence.
        sequence: Value,
        /// The next index.
        index: Cell<usize>,
    },
    /// Over a list backwards.
    ReversedSequence {
        /// The sequence.
        sequence: Value,
        /// One past the next index (0 = done).
        remaining: Cell<usize>,
    },
    /// Over a range.
    Range {
        /// The next value.
        next: Cell<i64>,
        /// The end (exclusive).
        stop: i64,
        /// The step (never 0).
        step: i64,
    },
    /// Over a dict's keys, values or items, or a set.
    Dict {
        /// The dict or set.
        dict: Value,
        /// The next entry index.
        index: Cell<usize>,
        /// The length when iteration started, to detect resizing.
        length: usize,
        /// What to yield.
        kind: DictViewKind,
    },
    /// `enumerate`.
    Enumerate {
        /// The underlying iterator.
        iterator: Value,
        /// The next count.
        count: Cell<Value>,
    },
    /// `zip`.
    Zip {
        /// The underlying iterators.
        iterators: Box<[Value]>,
        /// `strict=True`: iterables of different lengths raise ValueError.
        strict: bool,
    },
    /// `map`.
    Map {
        /// The function.
        function: Value,
        /// The underlying iterators.
        iterators: Box<[Value]>,
    },
    /// `filter`.
    Filter {
        /// The predicate, or None for truthiness.
        function: Value,
        /// The underlying iterator.
        iterator: Value,
    },
    /// Over an object with `__getitem__` but no `__iter__`.
    GetItem {
        /// The object.
        object: Value,
        /// The next index.
        index: Cell<i64>,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        /// The callable.
        callable: Value,
        /// The value that ends iteration.
        sentinel: Value,
    },
    /// An exhausted iterator.
    Exhausted,
}

/// Which view of a dict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictViewKind {
    /// `keys()` (and sets).
    Keys,
    /// `values()`.
    Values,
    /// `items()`.
    Items,
}

/// Every kind of heap object.
pub enum Payload {
    /// `str`.
    Str(StrObject),
    /// `int` beyond the inline range (always normalized: it never fits inline).
    BigInt(BigInt),
    /// `complex`.
    Complex(f64, f64),
    /// `bytes`.
    Bytes(Box<[u8]>),
    /// `bytearray`.
    ByteArray(Mutable<Vec<u8>>),
    /// `memoryview`.
    MemoryView(crate::types::memoryview::MemoryView),
    /// `list`.
    List(Mutable<Vec<Value>>),
    /// `tuple` (short ones keep their items in the slot: `tuple_object.rs`).
    Tuple(TupleObject),
    /// `dict`.
    Dict(Box<Mutable<Dict>>),
    /// `set` (a dict whose values are unused).
    Set(Box<Mutable<Dict>>),
    /// `frozenset`.
    FrozenSet(Box<Mutable<Dict>>),
    /// A view of a dict.
    DictView(Value, DictViewKind),
    /// `range`.
    Range {
        /// First value.
        start: i64,
        /// End (exclusive).
        stop: i64,
        /// Step (never 0).
        step: i64,
    },
    /// `slice`.
    Slice {
        /// Start or None.
        start: Value,
        /// Stop or None.
        stop: Value,
        /// Step or None.
        step: Value,
    },
    /// A Python function (boxed, like the other large and rarer kinds, so that every heap object
    /// stays small: the slab's slot size is the largest variant).
    Function(Box<FunctionObject>),
    /// A code object.
    Code(Box<CodeData>),
    /// A builtin function or bound builtin method.
    NativeFunction(NativeFunctionObject),
    /// A bound method of a Python function.
    BoundMethod {
        /// The function.
        function: Value,
        /// The receiver.
        receiver: Value,
    },
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `property(getter, setter, deleter)`.
    Property {
        /// fget or None.
        getter: Value,
        /// fset or None.
        setter: Value,
        /// fdel or None.
        deleter: Value,
        /// __doc__ or None.
        doc: Value,
    },
    /// `super(type, object)`.
    Super {
        /// The class after which to look.
        class: Value,
        /// The bound object (or class).
        object: Value,
    },
    /// A class.
    Type(Box<TypeObject>),
    /// An instance of a user class or exception.
    Instance(InstanceObject),
    /// A module.
    Module {
        /// `__name__`.
        name: Value,
        /// The namespace (a dict).
        dict: Value,
    },
    /// A closure cell.
    Cell(Cell<Value>),
    /// A builtin iterator.
    Iterator(IteratorKind),
    /// A generator, coroutine or async generator.
    Generator(Box<GeneratorObject>),
    /// The helper objects of coroutines and async generators (`coro.__await__()`, `asend`,
    /// `athrow`, and the marker of a value an async generator yields).
    Awaitable(crate::types::coroutine::Awaitable),
    /// A text stream (`sys.stdout`, `sys.stderr`, `sys.stdin`).
    TextStream(crate::stream::TextStream),
    /// `types.GenericAlias`: `list[int]` (see `types/generic_alias.rs`).
    GenericAlias {
        /// `__origin__`: the subscripted class.
        origin: Value,
        /// `__args__`: a tuple.
        arguments: Value,
    },
    /// `types.UnionType`: `int | None`; its `__args__` tuple.
    Union(Value),
    /// A traceback (or, with `frame`, a frame) object: a view of one entry of an
    /// exception's recorded traceback (see `types/traceback.rs`).
    Traceback {
        /// The exception whose traceback it shows.
        exception: Value,
        /// The entry (innermost frame first).
        index: u32,
        /// Whether it is the frame of that entry rather than the traceback.
        frame: bool,
    },
    /// An object of a class that a native module defines (a random generator, a compiled
    /// regular expression, an open file): see `modules/native.rs`.
    Native(Box<NativeObject>),
}

/// An instance of a class defined by a native module: its class and Rust state.
///
/// The state holds no `Value`s (the collector does not look inside it); whatever Python
/// values belong with it live in a Python-level wrapper object instead.
pub struct NativeObject {
    /// The class (a type object the module created).
    pub class: Value,
    /// The Rust state, downcast by the module's functions.
    pub data: Mutable<Box<dyn std::any::Any>>,
}

impl HeapObject {
    /// The payload of an object known to be a str.
    pub fn as_str(&self) -> Option<&StrObject> {
        match &self.payload {
            Payload::Str(text) => Some(text),
            _ => None,
        }
    }

    /// Whether this object can reference other values (the collector need not queue one that
    /// cannot: a large list of strs then costs no mark stack).
    #[inline]
    pub fn may_reference(&self) -> bool {
        !matches!(
            self.payload,
            Payload::Str(_)
                | Payload::BigInt(_)
                | Payload::Complex(..)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::Range { .. }
        )
    }

    /// Calls `visit` on every value this object references (for the GC). Generic so that the
    /// marker's visitor is inlined into it; the rarer parts take it as a `dyn`.
    #[inline]
    pub fn trace<V: FnMut(Value)>(&self, visit: &mut V) {
        match &self.payload {
            Payload::Str(_)
            | Payload::BigInt(_)
            | Payload::Complex(..)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range { .. }
            | Payload::TextStream(_) => {}
            Payload::List(items) => items.get().iter().for_each(|&item| visit(item)),
            Payload::Tuple(items) => items.iter().for_each(|&item| visit(item)),
            Payload::Dict(dict) | Payload::Set(dict) | Payload::FrozenSet(dict) => {
                dict.get().trace(&mut *visit)
            }
            Payload::DictView(dict, _) => visit(*dict),
            Payload::MemoryView(view) => visit(view.object),
            Payload::Slice { start, stop, step } => {
                visit(*start);
                visit(*stop);
                visit(*step);
            }
            Payload::Function(function) => {
                visit(function.code);
                visit(function.globals);
                visit(*function.name.get());
                visit(*function.qualname.get());
                visit(*function.defaults.get());
                visit(*function.keyword_defaults.get());
                visit(function.closure);
                visit(function.module);
                visit(function.doc);
                visit(*function.dict.get());
                visit(*function.annotations.get());
            }
            Payload::Code(code) => {
                code.profile
                    .roots
                    .get()
                    .iter()
                    .for_each(|&value| visit(value));
                code.constants.iter().for_each(|&value| visit(value));
                code.names.iter().for_each(|&value| visit(value));
                code.varnames.iter().for_each(|&value| visit(value));
            }
            Payload::NativeFunction(native) => visit(native.receiver),
            Payload::BoundMethod { function, receiver } => {
                visit(*function);
                visit(*receiver);
            }
            Payload::StaticMethod(function) | Payload::ClassMethod(function) => visit(*function),
            Payload::Property {
                getter,
                setter,
                deleter,
                doc,
            } => {
                visit(*getter);
                visit(*setter);
                visit(*deleter);
                visit(*doc);
            }
            Payload::Super { class, object } => {
                visit(*class);
                visit(*object);
            }
            Payload::GenericAlias { origin, arguments } => {
                visit(*origin);
                visit(*arguments);
            }
            Payload::Union(arguments) => visit(*arguments),
            Payload::Traceback { exception, .. } => visit(*exception),
            Payload::Type(class) => {
                visit(class.name);
                visit(*class.qualname.get());
                visit(*class.module.get());
                class.bases.get().iter().for_each(|&base| visit(base));
                class.mro.get().iter().for_each(|&base| visit(base));
                visit(class.dict);
                visit(*class.metaclass.get());
            }
            Payload::Instance(instance) => {
                visit(*instance.class.get());
                visit(instance.base());
                visit(instance.dict());
                instance.slots.get().iter().for_each(|&slot| visit(slot));
                if let Some(exception) = instance.exception() {
                    let exception = exception.get();
                    visit(exception.args);
                    visit(exception.cause);
                    visit(exception.context);
                    exception
                        .traceback
                        .iter()
                        .for_each(|entry| visit(entry.code));
                }
            }
            Payload::Module { name, dict } => {
                visit(*name);
                visit(*dict);
            }
            Payload::Cell(cell) => visit(cell.get()),
            Payload::Iterator(iterator) => iterator.trace(&mut *visit),
            Payload::Generator(generator) => {
                visit(generator.name);
                visit(generator.qualname);
                if let Some(frame) = generator.frame.get() {
                    visit(frame.function);
                    visit(frame.code);
                    visit(frame.globals);
                    visit(frame.handled_exception);
                    frame.values.iter().for_each(|&value| visit(value));
                }
            }
            Payload::Awaitable(awaitable) => awaitable.trace(&mut *visit),
            Payload::Native(native) => visit(native.class),
        }
    }

    /// Bytes this object owns outside its header, for GC accounting.
    pub fn owned_bytes(&self) -> usize {
        self.payload.owned_bytes()
    }
}

impl Payload {
    /// Bytes this payload owns outside the heap object, for GC accounting.
    #[inline]
    pub fn owned_bytes(&self) -> usize {
        const VALUE: usize = std::mem::size_of::<Value>();
        match self {
            Payload::Str(text) => text.owned_bytes(),
            Payload::BigInt(int) => int.bits() as usize / 8,
            Payload::Bytes(bytes) => bytes.len(),
            Payload::ByteArray(bytes) => bytes.get().capacity(),
            Payload::List(items) => items.get().capacity() * VALUE,
            Payload::Tuple(items) if items.owns_memory() => items.len() * VALUE,
            Payload::Dict(dict) | Payload::Set(dict) | Payload::FrozenSet(dict) => {
                dict.get().owned_bytes()
            }
            Payload::Instance(instance) => instance.slots.get().capacity() * VALUE,
            Payload::Generator(generator) => generator
                .frame
                .get()
                .as_ref()
                .map_or(0, |frame| frame.values.capacity() * VALUE),
            _ => 0,
        }
    }

    /// What freeing an object with this payload involves (see [`DropKind`]). When unsure, the
    /// answer must be `Memory` or `Finalize`, never `Nothing`.
    #[inline]
    pub fn drop_kind(&self) -> DropKind {
        match self {
            Payload::Complex(..)
            | Payload::MemoryView(_)
            | Payload::DictView(..)
            | Payload::Range { .. }
            | Payload::Slice { .. }
            | Payload::NativeFunction(_)
            | Payload::BoundMethod { .. }
            | Payload::StaticMethod(_)
            | Payload::ClassMethod(_)
            | Payload::Property { .. }
            | Payload::Super { .. }
            | Payload::Module { .. }
            | Payload::Cell(_)
            | Payload::Awaitable(_)
            | Payload::GenericAlias { .. }
            | Payload::Union(_)
            | Payload::Traceback { .. } => DropKind::Nothing,
            // Open files flush and close when dropped; standard streams hold output state; a
            // module namespace moves the globals epoch when dropped, which must happen before
            // anything it referenced (freed by the same collection) is reused, or a global
            // cache could hand out a freed object (`dict.rs`, `Drop for Dict`).
            // A class is dropped by the sweep so that the collection knows it freed one and
            // empties the attribute caches keyed on its address (`Heap::collect`).
            Payload::Native(_) | Payload::TextStream(_) | Payload::Dict(_) | Payload::Type(_) => {
                DropKind::Finalize
            }
            // Short text and short tuples are stored in the slot: nothing to free.
            Payload::Tuple(items) if !items.owns_memory() => DropKind::Nothing,
            Payload::Str(text) if !text.owns_memory() => DropKind::Nothing,
            Payload::Iterator(iterator) => match iterator {
                IteratorKind::Sequence { .. }
                | IteratorKind::ReversedSequence { .. }
                | IteratorKind::Range { .. }
                | IteratorKind::Dict { .. }
                | IteratorKind::Enumerate { .. }
                | IteratorKind::Filter { .. }
                | IteratorKind::GetItem { .. }
                | IteratorKind::Callable { .. }
                | IteratorKind::Exhausted => DropKind::Nothing,
                IteratorKind::Zip { .. } | IteratorKind::Map { .. } => DropKind::Memory,
            },
            _ => DropKind::Memory,
        }
    }
}

/// What the collector must do to free an object (`Payload::drop_kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropKind {
    /// Nothing: the payload owns no memory and its drop does nothing (ranges, slices, most
    /// iterators, bound methods). The sweep frees it by clearing bits, without touching it.
    Nothing,
    /// Its drop only releases memory (buffers, boxes, reference counts): the collector may run
    /// it late, when the slot is reused (its cache line is about to be written anyway).
    Memory,
    /// Its drop has effects that must not wait (an open file flushes and closes, a module
    /// namespace invalidates the global caches): the sweep runs it at once.
    Finalize,
}

// The payloads `drop_kind` calls free of drop code hold only these types (and `Value`s,
// integers, floats and `Cell`s of them, which are `Copy`): if one of them gains a field that
// owns memory, this stops compiling instead of leaking.
const _: () = assert!(
    !std::mem::needs_drop::<crate::types::memoryview::MemoryView>()
        && !std::mem::needs_drop::<NativeFunctionObject>()
        && !std::mem::needs_drop::<crate::types::coroutine::Awaitable>()
        && !std::mem::needs_drop::<DictViewKind>()
        && !std::mem::needs_drop::<Cell<Value>>()
        && !std::mem::needs_drop::<Value>()
);

impl IteratorKind {
    fn trace(&self, visit: &mut dyn FnMut(Value)) {
        match self {
            IteratorKind::Sequence { sequence, .. }
            | IteratorKind::ReversedSequence { sequence, .. } => visit(*sequence),
            IteratorKind::Range { .. } | IteratorKind::Exhausted => {}
            IteratorKind::Dict { dict, .. } => visit(*dict),
            IteratorKind::Enumerate { iterator, count } => {
                visit(*iterator);
                visit(count.get());
            }
            IteratorKind::Zip { iterators, .. } => iterators.iter().for_each(|&value| visit(value)),
            IteratorKind::Map {
                function,
                iterators,
            } => {
                visit(*function);
                iterators.iter().for_each(|&value| visit(value));
            }
            IteratorKind::Filter { function, iterator } => {
                visit(*function);
                visit(*iterator);
            }
            IteratorKind::GetItem { object, .. } => visit(*object),
            IteratorKind::Callable { callable, sentinel } => {
                visit(*callable);
                visit(*sentinel);
            }
        }
    }
}
