//! The one opcode table.
//!
//! Every instruction of krait's bytecode is declared exactly once, in [`for_each_opcode!`], with
//! the meaning of its argument, its stack effect and a one-line description. The `Opcode` enum,
//! its names for `--dis`, the argument kinds the disassembler resolves, and the stack effects the
//! compiler uses to compute each code object's maximum stack depth are all derived from it, so
//! adding an opcode is one edit here plus its semantics in the interpreter.
//!
//! Conventions (close to CPython 3.11, simplified):
//! - An instruction is an opcode and a `u32` argument; there is no `EXTENDED_ARG`.
//! - Offsets and jump targets are instruction indices, and every jump target is absolute.
//! - "TOS" is the top of the operand stack, "TOS1" the value below it.
//! - `NULL` is a marker value that Python code can never observe; it marks "no self" in the
//!   call protocol and unbound local variables.

/// Calls `$callback!` with the whole opcode table.
///
/// The table starts with the name of the argument variable (`arg;`), then each row is
/// `Name(argument kind) [pops, pushes] "description"`, where `pops` and `pushes` are expressions
/// over `arg` (the instruction's argument), and the argument kind says how the disassembler
/// resolves the argument.
#[macro_export]
macro_rules! for_each_opcode {
    ($callback:ident) => {
        $callback! {
            arg;
            Nop(Unused) [0, 0] "does nothing";
            PopTop(Unused) [1, 0] "pops TOS";
            Copy(Count) [arg, arg + 1] "pushes a copy of the arg-th value from the top (1 = TOS)";
            Swap(Count) [arg, arg] "swaps TOS with the arg-th value from the top";
            PushNull(Unused) [0, 1] "pushes NULL";

            LoadConst(Constant) [0, 1] "pushes constants[arg]";
            LoadFast(Local) [0, 1] "pushes local arg; UnboundLocalError if unbound";
            StoreFast(Local) [1, 0] "pops TOS into local arg";
            DeleteFast(Local) [0, 0] "unbinds local arg";
            LoadDeref(Cell) [0, 1] "pushes the contents of cell arg (cells then free variables)";
            StoreDeref(Cell) [1, 0] "pops TOS into cell arg";
            DeleteDeref(Cell) [0, 0] "empties cell arg";
            LoadClosure(Cell) [0, 1] "pushes cell arg itself, to build a closure";
            LoadClassDeref(Cell) [0, 1] "in a class body: the name in the namespace, else cell arg";
            LoadName(Name) [0, 1] "pushes names[arg] from locals, then globals, then builtins";
            StoreName(Name) [1, 0] "pops TOS into the local namespace under names[arg]";
            DeleteName(Name) [0, 0] "deletes names[arg] from the local namespace";
            LoadGlobal(Name) [0, 1] "pushes names[arg] from globals, then builtins";
            StoreGlobal(Name) [1, 0] "pops TOS into globals under names[arg]";
            DeleteGlobal(Name) [0, 0] "deletes names[arg] from globals";
            LoadAttr(Name) [1, 1] "replaces TOS with TOS.names[arg]";
            StoreAttr(Name) [2, 0] "TOS.names[arg] = TOS1; pops both";
            DeleteAttr(Name) [1, 0] "del TOS.names[arg]";
            LoadMethod(Name) [1, 2] "replaces TOS with (method, TOS) or (NULL, TOS.names[arg]) for CallMethod";

            Call(Count) [arg + 1, 1] "calls stack[-arg-1] with the arg values above it";
            CallMethod(Count) [arg + 2, 1] "[X, Y, args]: calls X(Y, *args), or Y(*args) when X is NULL";
            CallKw(Count) [arg + 2, 1] "[callable, args, names]: the last len(names) args are keywords";
            CallFunctionEx(Flags) [2 + (arg & 1), 1] "[callable, args tuple, kwargs dict if arg & 1]";
            MakeFunction(Flags) [1 + (arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1), 1] "[defaults if &1, kwdefaults if &2, annotations (a tuple of name, value pairs) if &4, closure if &8, code] to a function";
            ReturnValue(Unused) [1, 0] "returns TOS to the caller";
            LoadBuildClass(Unused) [0, 1] "pushes builtins.__build_class__";

            BinaryOp(BinaryOperator) [2, 1] "TOS1 op TOS (in-place forms use __i*__ first)";
            UnaryNegative(Unused) [1, 1] "-TOS";
            UnaryPositive(Unused) [1, 1] "+TOS";
            UnaryInvert(Unused) [1, 1] "~TOS";
            UnaryNot(Unused) [1, 1] "not TOS";
            CompareOp(Comparison) [2, 1] "TOS1 cmp TOS";
            IsOp(Invert) [2, 1] "TOS1 is TOS (is not when arg = 1)";
            ContainsOp(Invert) [2, 1] "TOS1 in TOS (not in when arg = 1)";
            BinarySubscr(Unused) [2, 1] "TOS1[TOS]";
            StoreSubscr(Unused) [3, 0] "TOS1[TOS] = TOS2";
            DeleteSubscr(Unused) [2, 0] "del TOS1[TOS]";
            BuildSlice(Count) [arg, 1] "slice(TOS2?, TOS1, TOS) from 2 or 3 values";

            BuildTuple(Count) [arg, 1] "a tuple of the top arg values";
            BuildList(Count) [arg, 1] "a list of the top arg values";
            BuildSet(Count) [arg, 1] "a set of the top arg values";
            BuildMap(Count) [2 * arg, 1] "a dict of arg key/value pairs";
            BuildString(Count) [arg, 1] "concatenates the top arg strings";
            ListAppend(Count) [1, 0] "stack[-arg].append(TOS) after popping TOS";
            SetAdd(Count) [1, 0] "stack[-arg].add(TOS) after popping TOS";
            MapAdd(Count) [2, 0] "stack[-arg][TOS1] = TOS after popping both";
            ListExtend(Count) [1, 0] "stack[-arg].extend(TOS) after popping TOS";
            SetUpdate(Count) [1, 0] "stack[-arg].update(TOS) after popping TOS";
            DictUpdate(Count) [1, 0] "stack[-arg].update(TOS) after popping TOS";
            DictMerge(Count) [1, 0] "like DictUpdate, but a repeated key is a TypeError (calls)";
            ListToTuple(Unused) [1, 1] "tuple(TOS) for a list TOS";
            FormatValue(Flags) [1 + ((arg >> 2) & 1), 1] "format(value, spec if arg & 4) after conversion arg & 3 (1 str, 2 repr, 3 ascii)";
            UnpackSequence(Count) [1, arg] "pushes TOS's arg items, the first on top";
            UnpackEx(Count) [1, (arg & 0xff) + (arg >> 8) + 1] "unpacks with a starred target: arg & 0xff before, arg >> 8 after";

            Jump(Target) [0, 0] "continues at arg";
            PopJumpIfFalse(Target) [1, 0] "pops TOS; jumps to arg if it is false";
            PopJumpIfTrue(Target) [1, 0] "pops TOS; jumps to arg if it is true";
            JumpIfFalseOrPop(Target) [1, 0] "jumps to arg keeping TOS if false, else pops it";
            JumpIfTrueOrPop(Target) [1, 0] "jumps to arg keeping TOS if true, else pops it";
            GetIter(Unused) [1, 1] "iter(TOS)";
            ForIter(Target) [1, 2] "pushes next(TOS); at the end pops TOS and jumps to arg";

            RaiseVarargs(Count) [arg, 0] "raise (arg 0), raise TOS (1), raise TOS1 from TOS (2)";
            Reraise(Unused) [1, 0] "raises TOS again, keeping its traceback";
            PushExcInfo(Unused) [1, 2] "[exc] to [previously handled exception, exc]; exc becomes handled";
            PopExcept(Unused) [1, 0] "pops the previously handled exception and restores it";
            CheckExcMatch(Unused) [2, 2] "[exc, type] to [exc, isinstance(exc, type)]";
            LoadAssertionError(Unused) [0, 1] "pushes AssertionError";
            BeforeWith(Unused) [1, 2] "[manager] to [bound __exit__, manager.__enter__()]";
            WithExceptStart(Unused) [3, 4] "[exit, prev, exc] pushes exit(type(exc), exc, exc.__traceback__)";

            YieldValue(Flags) [1, 1] "yields TOS; pushes the value sent on resumption (arg 1: inside `yield from`/`await`, the delegate below)";
            GetYieldFromIter(Unused) [1, 1] "iter(TOS) unless TOS is a generator";
            Send(Target) [2, 2] "[iterator, value] to [iterator, iterator.send(value)]; when it returns, to [its value] and jumps to arg";

            ImportName(Name) [2, 1] "[level, fromlist] to the module names[arg]";
            ImportFrom(Name) [1, 2] "pushes TOS.names[arg] (for from-imports)";
            ImportStar(Unused) [1, 0] "copies the public names of module TOS into the namespace";

            SetupAnnotations(Unused) [0, 0] "creates `__annotations__` (an empty dict) in the local namespace unless it exists";
            PrintExpr(Unused) [1, 0] "pops TOS and shows it with `sys.displayhook` (interactive `single` mode)";

            MatchSequence(Unused) [1, 2] "pushes whether TOS is a sequence to `match` (list, tuple, range…; not str, bytes, bytearray)";
            MatchMapping(Unused) [1, 2] "pushes whether TOS is a mapping to `match` (a dict or a `collections.abc.Mapping`)";
            GetLen(Unused) [1, 2] "pushes len(TOS)";
            MatchKeys(Unused) [2, 3] "[subject, keys] to [subject, keys, the values of keys in subject as a tuple, or None if one is missing]";
            MatchClass(Count) [3, 1] "[subject, class, names] to the tuple of arg positional (`__match_args__`) then keyword attributes, or None if no match";

            GetAwaitable(Flags) [1, 1] "the iterator `await TOS` drives: a coroutine itself or `__await__()` (arg 1/2: after `__aenter__`/`__aexit__`, for messages)";
            GetAiter(Unused) [1, 1] "TOS.__aiter__()";
            GetAnext(Unused) [1, 2] "[aiter] to [aiter, awaitable of aiter.__anext__()]";
            EndAsyncFor(Unused) [2, 0] "[aiter, exc]: pops both if exc is a StopAsyncIteration, else raises exc again";
            BeforeAsyncWith(Unused) [1, 2] "[manager] to [bound __aexit__, manager.__aenter__()]";
            AsyncGenWrap(Unused) [1, 1] "marks TOS as a value an async generator yields (not one an `await` in it passes out)";

            CheckEgMatch(Unused) [2, 2] "`except*`: [exc, type] to [rest, match] (split by type), or [exc, None] if nothing matches; match becomes handled";
            PrepReraiseStar(Unused) [2, 1] "[original, list of raised/unhandled] to the exception group to raise at the end of `except*`, or None";
        }
    };
}

/// How an instruction's argument is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgumentKind {
    /// The argument is ignored.
    Unused,
    /// A plain number (an item count, a stack distance).
    Count,
    /// Bit flags documented on the opcode.
    Flags,
    /// An index into `constants`.
    Constant,
    /// An index into the local variables (`varnames`).
    Local,
    /// An index into cells then free variables (`cellvars` then `freevars`).
    Cell,
    /// An index into `names`.
    Name,
    /// An absolute instruction index.
    Target,
    /// A [`BinaryOperator`].
    BinaryOperator,
    /// A [`Comparison`].
    Comparison,
    /// 0 for the plain form, 1 for the negated form.
    Invert,
}

macro_rules! define_opcodes {
    ($arg:ident; $($name:ident($kind:ident) [$pops:expr, $pushes:expr] $doc:literal;)*) => {
        /// A bytecode operation; see [`for_each_opcode!`] for the table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Opcode {
            $(#[doc = $doc] $name,)*
        }

        impl Opcode {
            /// Every opcode, in table order (its `u8` encoding is the index).
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];

            /// The name shown by `--dis` (CPython's spelling: `LOAD_FAST`).
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => upper_snake(stringify!($name)),)* }
            }

            /// How the argument is read.
            pub fn argument_kind(self) -> ArgumentKind {
                match self { $(Opcode::$name => ArgumentKind::$kind,)* }
            }

            /// The one-line description from the table.
            pub fn description(self) -> &'static str {
                match self { $(Opcode::$name => $doc,)* }
            }

            /// How many values the instruction pops and pushes, given its argument, on the path
            /// that falls through (see [`Opcode::branch_stack_effect`] for the other).
            #[allow(unused_variables, clippy::identity_op)]
            pub fn stack_effect(self, $arg: u32) -> (u32, u32) {
                match self { $(Opcode::$name => ($pops, $pushes),)* }
            }

            /// The stack effect when the instruction jumps to its target, for the opcodes whose
            /// two paths differ (`ForIter`, `Send`, `JumpIf*OrPop`); `None` for the others.
            pub fn branch_stack_effect(self) -> Option<(u32, u32)> {
                match self {
                    Opcode::ForIter => Some((1, 0)),
                    Opcode::Send => Some((2, 1)),
                    Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => Some((1, 1)),
                    _ => None,
                }
            }

            /// Decodes a byte written by [`Opcode::to_byte`].
            pub fn from_byte(byte: u8) -> Option<Opcode> {
                Self::ALL.get(byte as usize).copied()
            }

            /// The opcode's encoding.
            pub fn to_byte(self) -> u8 {
                self as u8
            }
        }
    };
}

for_each_opcode!(define_opcodes);

/// Converts `LoadFast` to `LOAD_FAST` once per name (cached for the life of the process).
fn upper_snake(camel: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<HashMap<&'static str, &'static str>>> = OnceLock::new();
    let names = NAMES.get_or_init(|| Mutex::new(HashMap::new()));
    let mut names = match names.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    names.entry(camel).or_insert_with(|| {
        let mut out = String::new();
        for (index, character) in camel.chars().enumerate() {
            if character.is_ascii_uppercase() && index > 0 {
                out.push('_');
            }
            out.push(character.to_ascii_uppercase());
        }
        Box::leak(out.into_boxed_str())
    })
}

/// The operators of `BinaryOp`, in-place forms included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BinaryOperator {
    /// `+`
    Add,
    /// `-`
    Subtract,
    /// `*`
    Multiply,
    /// `/`
    TrueDivide,
    /// `//`
    FloorDivide,
    /// `%`
    Remainder,
    /// `**`
    Power,
    /// `@`
    MatrixMultiply,
    /// `<<`
    LeftShift,
    /// `>>`
    RightShift,
    /// `&`
    And,
    /// `|`
    Or,
    /// `^`
    Xor,
    /// `+=` (augmented assignment)
    InPlaceAdd,
    /// `-=` (augmented assignment)
    InPlaceSubtract,
    /// `*=` (augmented assignment)
    InPlaceMultiply,
    /// `/=` (augmented assignment)
    InPlaceTrueDivide,
    /// `//=` (augmented assignment)
    InPlaceFloorDivide,
    /// `%=` (augmented assignment)
    InPlaceRemainder,
    /// `**=` (augmented assignment)
    InPlacePower,
    /// `@=` (augmented assignment)
    InPlaceMatrixMultiply,
    /// `<<=` (augmented assignment)
    InPlaceLeftShift,
    /// `>>=` (augmented assignment)
    InPlaceRightShift,
    /// `&=` (augmented assignment)
    InPlaceAnd,
    /// `|=` (augmented assignment)
    InPlaceOr,
    /// `^=` (augmented assignment)
    InPlaceXor,
}

impl BinaryOperator {
    const ALL: [BinaryOperator; 26] = [
        Self::Add,
        Self::Subtract,
        Self::Multiply,
        Self::TrueDivide,
        Self::FloorDivide,
        Self::Remainder,
        Self::Power,
        Self::MatrixMultiply,
        Self::LeftShift,
        Self::RightShift,
        Self::And,
        Self::Or,
        Self::Xor,
        Self::InPlaceAdd,
        Self::InPlaceSubtract,
        Self::InPlaceMultiply,
        Self::InPlaceTrueDivide,
        Self::InPlaceFloorDivide,
        Self::InPlaceRemainder,
        Self::InPlacePower,
        Self::InPlaceMatrixMultiply,
        Self::InPlaceLeftShift,
        Self::InPlaceRightShift,
        Self::InPlaceAnd,
        Self::InPlaceOr,
        Self::InPlaceXor,
    ];

    /// Decodes an instruction argument.
    pub fn from_arg(arg: u32) -> Option<BinaryOperator> {
        Self::ALL.get(arg as usize).copied()
    }

    /// Whether this is an augmented-assignment form (`+=`).
    pub fn is_in_place(self) -> bool {
        self as u8 >= Self::InPlaceAdd as u8
    }

    /// The plain operator of an in-place one (`+=` to `+`); plain operators map to themselves.
    pub fn plain(self) -> BinaryOperator {
        if self.is_in_place() {
            Self::ALL[self as usize - Self::InPlaceAdd as usize]
        } else {
            self
        }
    }

    /// The operator as written in Python source (`+`, `+=`).
    pub fn symbol(self) -> &'static str {
        const SYMBOLS: [&str; 26] = [
            "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "+=", "-=", "*=",
            "/=", "//=", "%=", "**=", "@=", "<<=", ">>=", "&=", "|=", "^=",
        ];
        SYMBOLS[self as usize]
    }

    /// The dunder method implementing the operator (`__add__`, `__iadd__`).
    pub fn dunder(self) -> &'static str {
        const DUNDERS: [&str; 26] = [
            "__add__",
            "__sub__",
            "__mul__",
            "__truediv__",
            "__floordiv__",
            "__mod__",
            "__pow__",
            "__matmul__",
            "__lshift__",
            "__rshift__",
            "__and__",
            "__or__",
            "__xor__",
            "__iadd__",
            "__isub__",
            "__imul__",
            "__itruediv__",
            "__ifloordiv__",
            "__imod__",
            "__ipow__",
            "__imatmul__",
            "__ilshift__",
            "__irshift__",
            "__iand__",
            "__ior__",
            "__ixor__",
        ];
        DUNDERS[self as usize]
    }

    /// The reflected dunder (`__radd__`) of the plain operator.
    pub fn reflected_dunder(self) -> &'static str {
        const REFLECTED: [&str; 13] = [
            "__radd__",
            "__rsub__",
            "__rmul__",
            "__rtruediv__",
            "__rfloordiv__",
            "__rmod__",
            "__rpow__",
            "__rmatmul__",
            "__rlshift__",
            "__rrshift__",
            "__rand__",
            "__ror__",
            "__rxor__",
        ];
        REFLECTED[self.plain() as usize]
    }
}

/// The comparisons of `CompareOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Comparison {
    /// `<`
    Less,
    /// `<=`
    LessEqual,
    /// `==`
    Equal,
    /// `!=`
    NotEqual,
    /// `>`
    Greater,
    /// `>=`
    GreaterEqual,
}

impl Comparison {
    /// Decodes an instruction argument.
    pub fn from_arg(arg: u32) -> Option<Comparison> {
        use Comparison::*;
        [Less, LessEqual, Equal, NotEqual, Greater, GreaterEqual]
            .get(arg as usize)
            .copied()
    }

    /// The operator as written in Python source.
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// The rich-comparison dunder (`__lt__`).
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }

    /// The comparison with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> Comparison {
        use Comparison::*;
        match self {
            Less => Greater,
            LessEqual => GreaterEqual,
            Equal => Equal,
            NotEqual => NotEqual,
            Greater => Less,
            GreaterEqual => LessEqual,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_upper_snake_case() {
        assert_eq!(Opcode::LoadFast.name(), "LOAD_FAST");
        assert_eq!(Opcode::CallFunctionEx.name(), "CALL_FUNCTION_EX");
    }

    #[test]
    fn bytes_round_trip() {
        for &opcode in Opcode::ALL {
            assert_eq!(Opcode::from_byte(opcode.to_byte()), Some(opcode));
        }
    }

    #[test]
    fn in_place_operators_map_to_plain_ones() {
        assert_eq!(BinaryOperator::InPlaceXor.plain(), BinaryOperator::Xor);
        assert_eq!(BinaryOperator::InPlaceAdd.reflected_dunder(), "__radd__");
    }
}
