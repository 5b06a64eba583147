//! `CodeObject`: the compiler's output, as plain data.
//!
//! A code object is everything the VM needs to run one function, class body, comprehension or
//! module: instructions, constants, names, variable layout, a line table and an exception
//! table. It holds no runtime values (constants are [`Constant`]s, not heap objects), so the
//! compiler never depends on the runtime and the `.pyc` format can serialize it directly.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::opcode::Opcode;

/// One instruction: an opcode and its argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// What to do.
    pub opcode: Opcode,
    /// Its argument; how it is read depends on the opcode (see the opcode table).
    pub arg: u32,
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// Any other `int`.
    BigInt(BigInt),
    /// A `float`.
    Float(f64),
    /// A `complex` literal's imaginary part (`2j`).
    Imaginary(f64),
    /// A `str`.
    Str(Rc<str>),
    /// A `bytes`.
    Bytes(Rc<[u8]>),
    /// A tuple of constants (keyword-name tuples, default values).
    Tuple(Rc<[Constant]>),
    /// `...`.
    Ellipsis,
    /// A nested function, class body or comprehension.
    Code(Rc<CodeObject>),
}

/// Where an instruction came from in the source: 1-based lines, 0-based UTF-8 byte columns,
/// as CPython's `co_positions()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// First line.
    pub line: u32,
    /// Column of the first character.
    pub column: u32,
    /// Last line.
    pub end_line: u32,
    /// Column after the last character.
    pub end_column: u32,
}

/// One row of the exception table: an exception raised by an instruction in
/// `start..end` is handled at `target`, after the operand stack is cut to `depth` values
/// (and, if `push_lasti`, the raising instruction's index is pushed) and the exception pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    /// First instruction covered.
    pub start: u32,
    /// One past the last instruction covered.
    pub end: u32,
    /// The handler's first instruction.
    pub target: u32,
    /// Operand stack depth at the handler, before the exception is pushed.
    pub depth: u32,
    /// Whether the raising instruction's index is pushed before the exception.
    pub push_lasti: bool,
}

/// Flags of a code object, as bits of [`CodeObject::flags`].
pub mod flags {
    /// The function's frame uses fast locals (functions, lambdas, comprehensions).
    pub const OPTIMIZED: u32 = 0x1;
    /// The code runs with a fresh local namespace (class bodies, modules use `LoadName`).
    pub const NEW_LOCALS: u32 = 0x2;
    /// It takes `*args`.
    pub const VARARGS: u32 = 0x4;
    /// It takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 0x8;
    /// It is nested in another function.
    pub const NESTED: u32 = 0x10;
    /// Calling it makes a generator.
    pub const GENERATOR: u32 = 0x20;
    /// Calling it makes a coroutine (`async def`).
    pub const COROUTINE: u32 = 0x80;
    /// A generator that `await` accepts as a coroutine (what `types.coroutine` marks).
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    /// Calling it makes an async generator.
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// A compiled unit of code; see the module documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `f`, `<module>`, `<lambda>`, `<listcomp>`, the class name for a class body.
    pub name: Rc<str>,
    /// `C.f`, `f.<locals>.g`.
    pub qualname: Rc<str>,
    /// The source file, as given on the command line.
    pub filename: Rc<str>,
    /// The line of the `def`/`class` (1 for modules).
    pub first_line: u32,
    /// Number of positional parameters (positional-only ones included).
    pub argument_count: u32,
    /// Number of positional-only parameters.
    pub positional_only_count: u32,
    /// Number of keyword-only parameters.
    pub keyword_only_count: u32,
    /// Bits from [`flags`].
    pub flags: u32,
    /// Local variable names: parameters first (positional, keyword-only, `*args`, `**kwargs`),
    /// then the other locals.
    pub varnames: Vec<Rc<str>>,
    /// Variables of this scope that inner scopes capture.
    pub cellvars: Vec<Rc<str>>,
    /// Variables captured from enclosing scopes.
    pub freevars: Vec<Rc<str>>,
    /// For each cell variable that is also a parameter, its index in `varnames`.
    pub cell_parameters: Vec<Option<u32>>,
    /// Global, attribute and imported names used by the instructions.
    pub names: Vec<Rc<str>>,
    /// Constants used by `LoadConst`.
    pub constants: Vec<Constant>,
    /// The instructions.
    pub instructions: Vec<Instruction>,
    /// For each instruction, where it came from.
    pub locations: Vec<Location>,
    /// Handlers for exceptions, innermost first where ranges nest.
    pub exception_table: Vec<ExceptionEntry>,
    /// The deepest the operand stack gets.
    pub max_stack_depth: u32,
    /// The docstring, if the body starts with one.
    pub docstring: Option<Rc<str>>,
}

impl CodeObject {
    /// Whether calling this code creates a generator instead of running it.
    pub fn is_generator(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    /// Number of cells plus free variables: the frame slots after the locals.
    pub fn cell_count(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The name of a cell or free variable by its `LoadDeref` index.
    pub fn cell_name(&self, index: usize) -> Option<&Rc<str>> {
        if index < self.cellvars.len() {
            self.cellvars.get(index)
        } else {
            self.freevars.get(index - self.cellvars.len())
        }
    }

    /// The source line of an instruction (0 if it has none).
    pub fn line_of(&self, instruction: usize) -> u32 {
        self.locations
            .get(instruction)
            .map_or(0, |location| location.line)
    }

    /// The innermost exception handler covering an instruction.
    pub fn handler_for(&self, instruction: u32) -> Option<&ExceptionEntry> {
        self.exception_table
            .iter()
            .find(|entry| entry.start <= instruction && instruction < entry.end)
    }
}
