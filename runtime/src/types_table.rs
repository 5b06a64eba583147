//! The table of builtin classes, created once at start-up.
//!
//! Every builtin type and exception class is a heap `type` object like a user class; this
//! table keeps them at hand by field (`runtime.types.int`) and records their bases.

use crate::value::Value;

macro_rules! define_types {
    ($($field:ident: $name:literal < $base:ident),* $(,)?) => {
        /// The builtin classes; see the module documentation.
        #[allow(missing_docs)]
        #[derive(Clone, Copy)]
        pub struct BuiltinTypes {
            $(pub $field: Value,)*
        }

        impl BuiltinTypes {
            /// Each class's field, Python name and base field (`object`'s base is itself), in
            /// creation order (bases before subclasses).
            pub const TABLE: &'static [(&'static str, &'static str, &'static str)] =
                &[$((stringify!($field), $name, stringify!($base)),)*];

            /// A table filled with NULLs, to be filled in by name.
            pub fn empty() -> BuiltinTypes {
                BuiltinTypes { $($field: Value::NULL,)* }
            }

            /// The slot of a class by field name.
            pub fn field_mut(&mut self, field: &str) -> Option<&mut Value> {
                match field { $(stringify!($field) => Some(&mut self.$field),)* _ => None }
            }

            /// Visits every class (they are GC roots).
            pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
                $(visit(self.$field);)*
            }
        }
    };
}

define_types! {
    object: "object" < object,
    type_: "type" < object,
    int: "int" < object,
    bool: "bool" < int,
    float: "float" < object,
    complex: "complex" < object,
    str: "str" < object,
    bytes: "bytes" < object,
    bytearray: "bytearray" < object,
    memoryview: "memoryview" < object,
    list: "list" < object,
    tuple: "tuple" < object,
    dict: "dict" < object,
    set: "set" < object,
    frozenset: "frozenset" < object,
    range: "range" < object,
    slice: "slice" < object,
    none_type: "NoneType" < object,
    not_implemented_type: "NotImplementedType" < object,
    ellipsis: "ellipsis" < object,
    function: "function" < object,
    builtin_function: "builtin_function_or_method" < object,
    method: "method" < object,
    code: "code" < object,
    module: "module" < object,
    cell: "cell" < object,
    generator: "generator" < object,
    coroutine: "coroutine" < object,
    async_generator: "async_generator" < object,
    coroutine_wrapper: "coroutine_wrapper" < object,
    async_generator_asend: "async_generator_asend" < object,
    async_generator_athrow: "async_generator_athrow" < object,
    anext_awaitable: "anext_awaitable" < object,
    staticmethod: "staticmethod" < object,
    classmethod: "classmethod" < object,
    property: "property" < object,
    super_: "super" < object,
    dict_keys: "dict_keys" < object,
    dict_values: "dict_values" < object,
    dict_items: "dict_items" < object,
    list_iterator: "list_iterator" < object,
    list_reverseiterator: "list_reverseiterator" < object,
    tuple_iterator: "tuple_iterator" < object,
    str_iterator: "str_ascii_iterator" < object,
    bytes_iterator: "bytes_iterator" < object,
    bytearray_iterator: "bytearray_iterator" < object,
    memory_iterator: "memory_iterator" < object,
    range_iterator: "range_iterator" < object,
    dict_keyiterator: "dict_keyiterator" < object,
    dict_valueiterator: "dict_valueiterator" < object,
    dict_itemiterator: "dict_itemiterator" < object,
    set_iterator: "set_iterator" < object,
    enumerate: "enumerate" < object,
    zip: "zip" < object,
    map: "map" < object,
    filter: "filter" < object,
    reversed: "reversed" < object,
    iterator: "iterator" < object,
    callable_iterator: "callable_iterator" < object,
    text_io: "TextIOWrapper" < object,
    generic_alias: "GenericAlias" < object,
    union_type: "UnionType" < object,
    traceback: "traceback" < object,
    frame: "frame" < object,

    base_exception: "BaseException" < object,
    system_exit: "SystemExit" < base_exception,
    keyboard_interrupt: "KeyboardInterrupt" < base_exception,
    generator_exit: "GeneratorExit" < base_exception,
    exception: "Exception" < base_exception,
    base_exception_group: "BaseExceptionGroup" < base_exception,
    exception_group: "ExceptionGroup" < base_exception_group,
    stop_iteration: "StopIteration" < exception,
    stop_async_iteration: "StopAsyncIteration" < exception,
    arithmetic_error: "ArithmeticError" < exception,
    floating_point_error: "FloatingPointError" < arithmetic_error,
    overflow_error: "OverflowError" < arithmetic_error,
    zero_division_error: "ZeroDivisionError" < arithmetic_error,
    assertion_error: "AssertionError" < exception,
    attribute_error: "AttributeError" < exception,
    buffer_error: "BufferError" < exception,
    eof_error: "EOFError" < exception,
    import_error: "ImportError" < exception,
    module_not_found_error: "ModuleNotFoundError" < import_error,
    lookup_error: "LookupError" < exception,
    index_error: "IndexError" < lookup_error,
    key_error: "KeyError" < lookup_error,
    memory_error: "MemoryError" < exception,
    name_error: "NameError" < exception,
    unbound_local_error: "UnboundLocalError" < name_error,
    os_error: "OSError" < exception,
    file_not_found_error: "FileNotFoundError" < os_error,
    file_exists_error: "FileExistsError" < os_error,
    permission_error: "PermissionError" < os_error,
    is_a_directory_error: "IsADirectoryError" < os_error,
    not_a_directory_error: "NotADirectoryError" < os_error,
    connection_error: "ConnectionError" < os_error,
    broken_pipe_error: "BrokenPipeError" < connection_error,
    connection_aborted_error: "ConnectionAbortedError" < connection_error,
    connection_refused_error: "ConnectionRefusedError" < connection_error,
    connection_reset_error: "ConnectionResetError" < connection_error,
    blocking_io_error: "BlockingIOError" < os_error,
    child_process_error: "ChildProcessError" < os_error,
    interrupted_error: "InterruptedError" < os_error,
    process_lookup_error: "ProcessLookupError" < os_error,
    timeout_error: "TimeoutError" < os_error,
    reference_error: "ReferenceError" < exception,
    runtime_error: "RuntimeError" < exception,
    not_implemented_error: "NotImplementedError" < runtime_error,
    recursion_error: "RecursionError" < runtime_error,
    syntax_error: "SyntaxError" < exception,
    indentation_error: "IndentationError" < syntax_error,
    tab_error: "TabError" < indentation_error,
    system_error: "SystemError" < exception,
    type_error: "TypeError" < exception,
    value_error: "ValueError" < exception,
    unicode_error: "UnicodeError" < value_error,
    unicode_decode_error: "UnicodeDecodeError" < unicode_error,
    unicode_encode_error: "UnicodeEncodeError" < unicode_error,
    unicode_translate_error: "UnicodeTranslateError" < unicode_error,
    warning: "Warning" < exception,
    user_warning: "UserWarning" < warning,
    deprecation_warning: "DeprecationWarning" < warning,
    runtime_warning: "RuntimeWarning" < warning,
    syntax_warning: "SyntaxWarning" < warning,
    future_warning: "FutureWarning" < warning,
    pending_deprecation_warning: "PendingDeprecationWarning" < warning,
    import_warning: "ImportWarning" < warning,
    unicode_warning: "UnicodeWarning" < warning,
    bytes_warning: "BytesWarning" < warning,
    resource_warning: "ResourceWarning" < warning,
    encoding_warning: "EncodingWarning" < warning,
}
