//! Interned names the runtime looks up often (dunders, common attributes).

use krait_compiler::{BinaryOperator, Comparison};

use crate::value::Value;

macro_rules! define_names {
    ($($field:ident),* $(,)?) => {
        /// Interned strings for frequently used names; `names.__init__` is `"__init__"`.
        #[allow(non_snake_case, missing_docs)]
        #[derive(Clone, Copy)]
        pub struct Names {
            $(pub $field: Value,)*
        }

        impl Names {
            /// Interns every name with `intern`.
            pub fn new(intern: &mut dyn FnMut(&str) -> Value) -> Names {
                Names { $($field: intern(stringify!($field)),)* }
            }

            /// Visits every name (they are GC roots).
            pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
                $(visit(self.$field);)*
            }
        }
    };
}

define_names!(
    __init__,
    __new__,
    __repr__,
    __str__,
    __eq__,
    __ne__,
    __lt__,
    __le__,
    __gt__,
    __ge__,
    __hash__,
    __len__,
    __getitem__,
    __setitem__,
    __delitem__,
    __iter__,
    __next__,
    __contains__,
    __bool__,
    __call__,
    __getattr__,
    __getattribute__,
    __setattr__,
    __delattr__,
    __get__,
    __set__,
    __delete__,
    __enter__,
    __exit__,
    __name__,
    __qualname__,
    __module__,
    __doc__,
    __class__,
    __dict__,
    __init_subclass__,
    __abstractmethods__,
    __set_name__,
    __classcell__,
    __index__,
    __int__,
    __float__,
    __neg__,
    __pos__,
    __invert__,
    __abs__,
    __round__,
    __format__,
    __reversed__,
    __builtins__,
    __file__,
    __traceback__,
    __cause__,
    __context__,
    __all__,
    __missing__,
    __mro__,
    __bases__,
    __base__,
    __slots__,
    __main__,
    __spec__,
    __package__,
    __loader__,
    __build_class__,
    __suppress_context__,
    __self__,
    __func__,
    __defaults__,
    __code__,
    __kwdefaults__,
    __closure__,
    __annotations__,
    __prepare__,
    __class_getitem__,
    __bytes__,
    __complex__,
    __trunc__,
    __floor__,
    __ceil__,
    __divmod__,
    __rdivmod__,
    __instancecheck__,
    __subclasscheck__,
    __sizeof__,
    __await__,
    __aiter__,
    __anext__,
    __aenter__,
    __aexit__,
    __length_hint__,
    __weakref__,
    __origin__,
    args,
    value,
    code,
    msg,
    name,
    obj,
    send,
    throw,
    close,
    keys,
    items,
    values,
    append,
    extend,
    write,
    flush,
    readline,
    mro,
    builtins,
    __dir__,
    __reduce__,
    __copy__,
    __deepcopy__,
    __fspath__,
    __getstate__,
    __setstate__,
    __contains___,
    start,
    stop,
    step,
    real,
    imag,
    filename,
    lineno,
    offset,
    text,
    errno,
    strerror,
    key,
    default,
    reverse,
    sep,
    end,
    file,
    maxsplit,
);

/// The interned dunder names of the binary and comparison operators, indexed by operator, so the
/// operator protocols find `__add__` or `__lt__` without hashing the name on every operation
/// (sorting a list of strs compares millions of times).
#[derive(Clone, Copy)]
pub struct OperatorNames {
    binary: [Value; 26],
    reflected: [Value; 13],
    comparison: [Value; 6],
}

impl OperatorNames {
    /// Interns every operator dunder with `intern`.
    pub fn new(intern: &mut dyn FnMut(&str) -> Value) -> OperatorNames {
        let binary = std::array::from_fn(|index| {
            let operator = BinaryOperator::from_arg(index as u32).unwrap_or(BinaryOperator::Add);
            intern(operator.dunder())
        });
        let reflected = std::array::from_fn(|index| {
            let operator = BinaryOperator::from_arg(index as u32).unwrap_or(BinaryOperator::Add);
            intern(operator.reflected_dunder())
        });
        let comparison = std::array::from_fn(|index| {
            let operator = Comparison::from_arg(index as u32).unwrap_or(Comparison::Equal);
            intern(operator.dunder())
        });
        OperatorNames {
            binary,
            reflected,
            comparison,
        }
    }

    /// `operator.dunder()`, interned.
    #[inline]
    pub fn binary(&self, operator: BinaryOperator) -> Value {
        self.binary[operator as usize]
    }

    /// `operator.reflected_dunder()`, interned.
    #[inline]
    pub fn reflected(&self, operator: BinaryOperator) -> Value {
        self.reflected[operator.plain() as usize]
    }

    /// `operator.dunder()` of a comparison, interned.
    #[inline]
    pub fn comparison(&self, operator: Comparison) -> Value {
        self.comparison[operator as usize]
    }
}
