//! `match`, `async`/`await`, `except*`, annotations and the `eval`/`single` modes: instruction
//! sequences (CPython 3.11's, before its peephole optimizer) and the compile-time errors.

use super::helpers::*;
use crate::code::{flags, CodeObject};

fn function(source: &str) -> std::rc::Rc<CodeObject> {
    nested(&compile(source), "f")
}

/// The exception table as `(first, last, target, depth)` rows (`last` inclusive).
fn table(code: &CodeObject) -> Vec<(u32, u32, u32, u32)> {
    code.exception_table
        .iter()
        .map(|entry| (entry.start, entry.end - 1, entry.target, entry.depth))
        .collect()
}

#[test]
fn sequence_pattern_with_star_and_guard() {
    let f = function(
        "def f(x):\n    match x:\n        case [a, *rest] if a:\n            return rest\n",
    );
    assert_eq!(
        ops(&f),
        [
            "LOAD_FAST x",
            "MATCH_SEQUENCE; POP_JUMP_IF_FALSE to 16",
            "GET_LEN; LOAD_CONST 1; COMPARE_OP >=; POP_JUMP_IF_FALSE to 16",
            "UNPACK_EX 1; SWAP 2; SWAP 2; STORE_FAST a; STORE_FAST rest",
            "LOAD_FAST a; POP_JUMP_IF_FALSE to 17",
            "LOAD_FAST rest; RETURN_VALUE",
            "POP_TOP",
            "LOAD_CONST None; RETURN_VALUE",
        ]
        .join("; ")
    );
}

#[test]
fn mapping_pattern_with_rest() {
    let f = function(
        "def f(x):\n    match x:\n        case {'k': v, **others}:\n            return v\n",
    );
    assert_eq!(
        ops(&f),
        [
            "LOAD_FAST x; MATCH_MAPPING; POP_JUMP_IF_FALSE to 31",
            "GET_LEN; LOAD_CONST 1; COMPARE_OP >=; POP_JUMP_IF_FALSE to 31",
            "LOAD_CONST 'k'; BUILD_TUPLE 1; MATCH_KEYS",
            "COPY 1; LOAD_CONST None; IS_OP 1; POP_JUMP_IF_FALSE to 29",
            "UNPACK_SEQUENCE 1; SWAP 3; SWAP 2",
            "BUILD_MAP 0; SWAP 3; DICT_UPDATE 2; UNPACK_SEQUENCE 1; COPY 2; SWAP 2; DELETE_SUBSCR",
            "SWAP 2; STORE_FAST v; STORE_FAST others",
            "LOAD_FAST v; RETURN_VALUE",
            "POP_TOP; POP_TOP; POP_TOP",
            "LOAD_CONST None; RETURN_VALUE",
        ]
        .join("; ")
    );
}

#[test]
fn class_and_or_patterns() {
    let f = function(
        "def f(x):\n    match x:\n        case C(1, y=b) | [b]:\n            return b\n        case _:\n            return None\n",
    );
    assert_eq!(
        ops(&f),
        [
            "LOAD_FAST x; COPY 1",
            "LOAD_GLOBAL C; LOAD_CONST ('y',); MATCH_CLASS 1",
            "COPY 1; LOAD_CONST None; IS_OP 1; POP_JUMP_IF_FALSE to 14",
            "UNPACK_SEQUENCE 2; LOAD_CONST 1; COMPARE_OP ==; POP_JUMP_IF_FALSE to 14; JUMP to 27",
            "POP_TOP; COPY 1; MATCH_SEQUENCE; POP_JUMP_IF_FALSE to 24",
            "GET_LEN; LOAD_CONST 1; COMPARE_OP ==; POP_JUMP_IF_FALSE to 24",
            "UNPACK_SEQUENCE 1; JUMP to 27",
            "POP_TOP; POP_TOP; JUMP to 32",
            "SWAP 2; POP_TOP; STORE_FAST b",
            "LOAD_FAST b; RETURN_VALUE",
            "LOAD_CONST None; RETURN_VALUE",
        ]
        .join("; ")
    );
}

#[test]
fn pattern_errors() {
    let irrefutable = "match x:\n    case y:\n        pass\n    case 1:\n        pass\n";
    assert_eq!(
        compile_error(irrefutable),
        "name capture 'y' makes remaining patterns unreachable"
    );
    assert_eq!(
        compile_error("match x:\n    case _ | 1:\n        pass\n"),
        "wildcard makes remaining patterns unreachable"
    );
    assert_eq!(
        compile_error("match x:\n    case [a, a]:\n        pass\n"),
        "multiple assignments to name 'a' in pattern"
    );
    assert_eq!(
        compile_error("match x:\n    case [a] | [b]:\n        pass\n"),
        "alternative patterns bind different names"
    );
    assert_eq!(
        compile_error("match x:\n    case {1: a, True: b}:\n        pass\n"),
        "mapping pattern checks duplicate key (True)"
    );
    assert_eq!(
        compile_error("match x:\n    case C(a=1, a=2):\n        pass\n"),
        "attribute name repeated in class pattern: a"
    );
    assert_eq!(
        compile_error("match x:\n    case [*a, *b]:\n        pass\n"),
        "multiple starred names in sequence pattern"
    );
}

#[test]
fn coroutine_flags() {
    let module = compile(
        "async def c():\n    await x\nasync def g():\n    yield 1\ndef n():\n    yield 1\n",
    );
    assert_eq!(
        nested(&module, "c").flags & flags::COROUTINE,
        flags::COROUTINE
    );
    assert_eq!(
        nested(&module, "g").flags & flags::ASYNC_GENERATOR,
        flags::ASYNC_GENERATOR
    );
    assert_eq!(
        nested(&module, "n").flags & flags::GENERATOR,
        flags::GENERATOR
    );
    assert_eq!(
        ops(&nested(&module, "g")),
        "LOAD_CONST 1; ASYNC_GEN_WRAP; YIELD_VALUE 0; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
}

#[test]
fn async_with_and_async_for() {
    let f = function("async def f(m, it):\n    async with m as v:\n        async for x in it:\n            await v\n");
    let await_loop = |send: u32| {
        format!(
            "LOAD_CONST None; SEND to {}; YIELD_VALUE 1; JUMP to {send}",
            send + 3
        )
    };
    assert_eq!(
        ops(&f),
        [
            format!(
                "LOAD_FAST m; BEFORE_ASYNC_WITH; GET_AWAITABLE 1; {}",
                await_loop(4)
            ),
            "STORE_FAST v; LOAD_FAST it; GET_AITER".to_string(),
            format!("GET_ANEXT; GET_AWAITABLE 0; {}", await_loop(13)),
            format!(
                "STORE_FAST x; LOAD_FAST v; GET_AWAITABLE 0; {}",
                await_loop(20)
            ),
            "POP_TOP; JUMP to 10; END_ASYNC_FOR".to_string(),
            "LOAD_CONST None; LOAD_CONST None; LOAD_CONST None; CALL 3".to_string(),
            format!("GET_AWAITABLE 2; {}", await_loop(32)),
            "POP_TOP; JUMP to 52; PUSH_EXC_INFO; WITH_EXCEPT_START".to_string(),
            format!("GET_AWAITABLE 2; {}", await_loop(41)),
            "POP_JUMP_IF_TRUE to 49; RERAISE; SWAP 2; POP_EXCEPT; RERAISE".to_string(),
            "POP_TOP; POP_EXCEPT; POP_TOP; LOAD_CONST None; RETURN_VALUE".to_string(),
        ]
        .join("; ")
    );
    assert_eq!(
        table(&f),
        [
            (7, 9, 37, 1),
            (10, 15, 25, 2),
            (16, 25, 37, 1),
            (37, 45, 46, 2)
        ]
    );
}

#[test]
fn async_comprehensions() {
    let module = compile("async def f(it):\n    return [x async for x in it]\n");
    let f = nested(&module, "f");
    assert!(ops(&f).starts_with(
        "LOAD_CONST <code f.<locals>.<listcomp>>; MAKE_FUNCTION 0; LOAD_FAST it; GET_AITER; CALL 1; GET_AWAITABLE 0"
    ));
    let comprehension = nested(&module, "f.<locals>.<listcomp>");
    assert_eq!(comprehension.flags & flags::COROUTINE, flags::COROUTINE);
    assert!(ops(&comprehension).ends_with("JUMP to 2; END_ASYNC_FOR; RETURN_VALUE"));
}

#[test]
fn async_errors() {
    assert_eq!(
        compile_error("def f():\n    await x\n"),
        "'await' outside async function"
    );
    assert_eq!(compile_error("await x\n"), "'await' outside function");
    assert_eq!(
        compile_error("def f():\n    async for x in y: pass\n"),
        "'async for' outside async function"
    );
    assert_eq!(
        compile_error("def f():\n    async with x: pass\n"),
        "'async with' outside async function"
    );
    assert_eq!(
        compile_error("def f():\n    return [x async for x in y]\n"),
        "asynchronous comprehension outside of an asynchronous function"
    );
    assert_eq!(
        compile_error("async def f():\n    yield 1\n    return 2\n"),
        "'return' with value in async generator"
    );
    assert_eq!(
        compile_error("async def f():\n    yield from x\n"),
        "'yield from' inside async function"
    );
}

#[test]
fn except_star() {
    let f = function("def f():\n    try:\n        a()\n    except* E as e:\n        b(e)\n");
    assert_eq!(
        ops(&f),
        [
            "LOAD_GLOBAL a; CALL 0; POP_TOP; JUMP to 44",
            "PUSH_EXC_INFO; COPY 1; BUILD_LIST 0; SWAP 2",
            "LOAD_GLOBAL E; CHECK_EG_MATCH; COPY 1; LOAD_CONST None; IS_OP 0; POP_JUMP_IF_TRUE to 28",
            "STORE_FAST e; LOAD_GLOBAL b; LOAD_FAST e; CALL 1; POP_TOP",
            "LOAD_CONST None; STORE_FAST e; DELETE_FAST e; JUMP to 29",
            "LOAD_CONST None; STORE_FAST e; DELETE_FAST e; LIST_APPEND 2; JUMP to 29",
            "POP_TOP",
            "LIST_APPEND 1; PREP_RERAISE_STAR; COPY 1; LOAD_CONST None; IS_OP 1; POP_JUMP_IF_TRUE to 38",
            "POP_TOP; POP_EXCEPT; JUMP to 44",
            "SWAP 2; POP_EXCEPT; RERAISE",
            "SWAP 2; POP_EXCEPT; RERAISE",
            "LOAD_CONST None; RETURN_VALUE",
        ]
        .join("; ")
    );
    assert_eq!(
        table(&f),
        [
            (0, 2, 4, 0),
            (4, 14, 41, 1),
            (15, 18, 23, 4),
            (19, 34, 41, 1)
        ]
    );
    let forbidden = "'break', 'continue' and 'return' cannot appear in an except* block";
    assert_eq!(
        compile_error("for x in y:\n    try:\n        pass\n    except* E:\n        break\n"),
        forbidden
    );
    assert_eq!(
        compile_error("def f():\n    try:\n        pass\n    except* E:\n        return\n"),
        forbidden
    );
}

#[test]
fn function_annotations() {
    let module = compile("def f(a: int, *b: str, c: bool = True) -> None:\n    pass\n");
    assert_eq!(
        ops(&module),
        "LOAD_CONST 'c'; LOAD_CONST True; BUILD_MAP 1; LOAD_CONST 'a'; LOAD_NAME int; LOAD_CONST 'b'; LOAD_NAME str; LOAD_CONST 'c'; LOAD_NAME bool; LOAD_CONST 'return'; LOAD_CONST None; BUILD_TUPLE 8; LOAD_CONST <code f>; MAKE_FUNCTION 6; STORE_NAME f; LOAD_CONST None; RETURN_VALUE"
    );
    let future = compile("from __future__ import annotations\nx: dict[str,  'a'] = {}\n");
    assert!(ops(&future).contains("LOAD_CONST \"dict[str, 'a']\"; LOAD_NAME __annotations__"));
}

#[test]
fn eval_and_single_modes() {
    let eval = crate::compile("a + 1", "<eval>", crate::Mode::Eval).unwrap();
    assert_eq!(
        ops(&eval),
        "LOAD_NAME a; LOAD_CONST 1; BINARY_OP +; RETURN_VALUE"
    );
    let single = crate::compile("a; 2\n", "<single>", crate::Mode::Single).unwrap();
    assert_eq!(
        ops(&single),
        "LOAD_NAME a; PRINT_EXPR; LOAD_CONST 2; PRINT_EXPR; LOAD_CONST None; RETURN_VALUE"
    );
    let error = crate::compile("1\n2\n", "<single>", crate::Mode::Single).unwrap_err();
    assert_eq!(
        error.message,
        "multiple statements found while compiling a single statement"
    );
}
