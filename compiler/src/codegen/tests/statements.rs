//! Instruction sequences of statements.

use super::helpers::*;

/// The module's instructions for `source`, without the final `LOAD_CONST None; RETURN_VALUE`.
fn body(source: &str) -> String {
    let listing = ops(&compile(source));
    let listing = listing
        .strip_suffix("LOAD_CONST None; RETURN_VALUE")
        .unwrap_or(&listing);
    listing.strip_suffix("; ").unwrap_or(listing).to_string()
}

/// The instructions of function `f` defined by `source`.
fn function(source: &str) -> String {
    ops(&nested(&compile(source), "f"))
}

#[test]
fn assignments() {
    assert_eq!(
        body("a = b = v"),
        "LOAD_NAME v; COPY 1; STORE_NAME a; STORE_NAME b"
    );
    assert_eq!(
        body("a, b = v"),
        "LOAD_NAME v; UNPACK_SEQUENCE 2; STORE_NAME a; STORE_NAME b"
    );
    assert_eq!(
        body("a, *b, c = v"),
        "LOAD_NAME v; UNPACK_EX 257; STORE_NAME a; STORE_NAME b; STORE_NAME c"
    );
    assert_eq!(body("[a, (b, c)] = v"), "LOAD_NAME v; UNPACK_SEQUENCE 2; STORE_NAME a; UNPACK_SEQUENCE 2; STORE_NAME b; STORE_NAME c");
    assert_eq!(body("o.x = v"), "LOAD_NAME v; LOAD_NAME o; STORE_ATTR x");
    assert_eq!(
        body("o[i] = v"),
        "LOAD_NAME v; LOAD_NAME o; LOAD_NAME i; STORE_SUBSCR"
    );
    assert_eq!(
        body("o[1:2] = v"),
        "LOAD_NAME v; LOAD_NAME o; LOAD_CONST 1; LOAD_CONST 2; BUILD_SLICE 2; STORE_SUBSCR"
    );
    assert_eq!(
        body("x: int = 1"),
        "SETUP_ANNOTATIONS; LOAD_CONST 1; STORE_NAME x; LOAD_NAME int; LOAD_NAME __annotations__; LOAD_CONST 'x'; STORE_SUBSCR"
    );
    assert_eq!(
        body("a, b = b, a"),
        "LOAD_NAME b; LOAD_NAME a; SWAP 2; STORE_NAME a; STORE_NAME b"
    );
    assert_eq!(
        body("a, b.c, d[0] = 1, 2, x"),
        "LOAD_CONST 1; LOAD_CONST 2; LOAD_NAME x; SWAP 3; STORE_NAME a; LOAD_NAME b; STORE_ATTR c; LOAD_NAME d; LOAD_CONST 0; STORE_SUBSCR"
    );
    assert_eq!(
        body("a, *b = 1, 2"),
        "LOAD_CONST (1, 2); UNPACK_EX 1; STORE_NAME a; STORE_NAME b"
    );
    assert_eq!(
        body("x: int"),
        "SETUP_ANNOTATIONS; LOAD_NAME int; LOAD_NAME __annotations__; LOAD_CONST 'x'; STORE_SUBSCR"
    );
    assert_eq!(
        body("def f():\n    x: int\n    y: g() = 1\n"),
        "LOAD_CONST <code f>; MAKE_FUNCTION 0; STORE_NAME f"
    );
    assert_eq!(
        body("o.a: int"),
        "SETUP_ANNOTATIONS; LOAD_NAME o; POP_TOP; LOAD_NAME int; POP_TOP"
    );
    assert_eq!(
        compile_error("a, *b, *c = v"),
        "multiple starred expressions in assignment"
    );
    assert_eq!(
        compile_error("*a = v"),
        "starred assignment target must be in a list or tuple"
    );
    assert_eq!(compile_error("__debug__ = 1"), "cannot assign to __debug__");
}

#[test]
fn augmented_assignments() {
    assert_eq!(
        body("x += 1"),
        "LOAD_NAME x; LOAD_CONST 1; BINARY_OP +=; STORE_NAME x"
    );
    assert_eq!(
        body("a.x -= v"),
        "LOAD_NAME a; COPY 1; LOAD_ATTR x; LOAD_NAME v; BINARY_OP -=; SWAP 2; STORE_ATTR x"
    );
    assert_eq!(
        body("a[i] *= v"),
        "LOAD_NAME a; LOAD_NAME i; COPY 2; COPY 2; BINARY_SUBSCR; LOAD_NAME v; BINARY_OP *=; SWAP 3; SWAP 2; STORE_SUBSCR"
    );
}

#[test]
fn deletions() {
    assert_eq!(
        body("del x, a.b, a[i]"),
        "DELETE_NAME x; LOAD_NAME a; DELETE_ATTR b; LOAD_NAME a; LOAD_NAME i; DELETE_SUBSCR"
    );
    assert_eq!(
        function("def f():\n    x = 1\n    del x\n"),
        "LOAD_CONST 1; STORE_FAST x; DELETE_FAST x; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(
        function("def f():\n    global g\n    del g\n"),
        "DELETE_GLOBAL g; LOAD_CONST None; RETURN_VALUE"
    );
}

#[test]
fn conditionals() {
    assert_eq!(
        body("if a:\n    x\nelif b:\n    y\nelse:\n    z\n"),
        "LOAD_NAME a; POP_JUMP_IF_FALSE to 5; LOAD_NAME x; POP_TOP; JUMP to 12; LOAD_NAME b; POP_JUMP_IF_FALSE to 10; LOAD_NAME y; POP_TOP; JUMP to 12; LOAD_NAME z; POP_TOP"
    );
    // `and`/`or`/`not` in a condition become jumps.
    assert_eq!(
        body("if a and not b:\n    x\n"),
        "LOAD_NAME a; POP_JUMP_IF_FALSE to 6; LOAD_NAME b; POP_JUMP_IF_TRUE to 6; LOAD_NAME x; POP_TOP"
    );
    assert_eq!(
        body("if a or b:\n    x\n"),
        "LOAD_NAME a; POP_JUMP_IF_TRUE to 4; LOAD_NAME b; POP_JUMP_IF_FALSE to 6; LOAD_NAME x; POP_TOP"
    );
    // Constant conditions drop the dead branch.
    assert_eq!(
        body("if 0:\n    x\nelse:\n    y\n"),
        "JUMP to 1; LOAD_NAME y; POP_TOP"
    );
}

#[test]
fn loops() {
    assert_eq!(
        body("for x in y:\n    f(x)\nelse:\n    g()\n"),
        "LOAD_NAME y; GET_ITER; FOR_ITER to 9; STORE_NAME x; LOAD_NAME f; LOAD_NAME x; CALL 1; POP_TOP; JUMP to 2; LOAD_NAME g; CALL 0; POP_TOP"
    );
    assert_eq!(
        body("while a:\n    if b:\n        break\n    continue\n"),
        "LOAD_NAME a; POP_JUMP_IF_FALSE to 6; LOAD_NAME b; POP_JUMP_IF_FALSE to 5; JUMP to 6; JUMP to 0"
    );
    assert_eq!(
        body("for x in y:\n    break\n"),
        "LOAD_NAME y; GET_ITER; FOR_ITER to 6; STORE_NAME x; POP_TOP; JUMP to 6"
    );
    assert_eq!(
        body("while True:\n    x\n"),
        "LOAD_NAME x; POP_TOP; JUMP to 0"
    );
    assert_eq!(compile_error("break"), "'break' outside loop");
    assert_eq!(compile_error("continue"), "'continue' not properly in loop");
    assert_eq!(
        compile_error("def f():\n    for x in y:\n        def g():\n            break\n"),
        "'break' outside loop"
    );
    assert_eq!(compile_error("return 1"), "'return' outside function");
    assert_eq!(
        compile_error("class C:\n    return 1\n"),
        "'return' outside function"
    );
}

#[test]
fn raise_and_assert() {
    assert_eq!(body("raise"), "RAISE_VARARGS 0");
    assert_eq!(body("raise E"), "LOAD_NAME E; RAISE_VARARGS 1");
    assert_eq!(
        body("raise E from C"),
        "LOAD_NAME E; LOAD_NAME C; RAISE_VARARGS 2"
    );
    assert_eq!(
        body("assert t"),
        "LOAD_NAME t; POP_JUMP_IF_TRUE to 4; LOAD_ASSERTION_ERROR; RAISE_VARARGS 1"
    );
    assert_eq!(
        body("assert t, m"),
        "LOAD_NAME t; POP_JUMP_IF_TRUE to 6; LOAD_ASSERTION_ERROR; LOAD_NAME m; CALL 1; RAISE_VARARGS 1"
    );
}

#[test]
fn imports() {
    assert_eq!(
        body("import a.b.c"),
        "LOAD_CONST 0; LOAD_CONST None; IMPORT_NAME a.b.c; STORE_NAME a"
    );
    assert_eq!(
        body("import a.b.c as d"),
        "LOAD_CONST 0; LOAD_CONST None; IMPORT_NAME a.b.c; IMPORT_FROM b; SWAP 2; POP_TOP; IMPORT_FROM c; STORE_NAME d; POP_TOP"
    );
    assert_eq!(
        body("import a as b"),
        "LOAD_CONST 0; LOAD_CONST None; IMPORT_NAME a; STORE_NAME b"
    );
    assert_eq!(
        body("from m import x, y as z"),
        "LOAD_CONST 0; LOAD_CONST ('x', 'y'); IMPORT_NAME m; IMPORT_FROM x; STORE_NAME x; IMPORT_FROM y; STORE_NAME z; POP_TOP"
    );
    assert_eq!(
        body("from .. import x"),
        "LOAD_CONST 2; LOAD_CONST ('x',); IMPORT_NAME ; IMPORT_FROM x; STORE_NAME x; POP_TOP"
    );
    assert_eq!(
        body("from m import *"),
        "LOAD_CONST 0; LOAD_CONST ('*',); IMPORT_NAME m; IMPORT_STAR"
    );
    assert_eq!(
        body("'''doc'''\nfrom __future__ import annotations\n"),
        "LOAD_CONST 'doc'; STORE_NAME __doc__; LOAD_CONST 0; LOAD_CONST ('annotations',); IMPORT_NAME __future__; IMPORT_FROM annotations; STORE_NAME annotations; POP_TOP"
    );
    assert_eq!(
        compile_error("x = 1\nfrom __future__ import annotations\n"),
        "from __future__ imports must occur at the beginning of the file"
    );
    assert_eq!(
        compile_error("from __future__ import braces\n"),
        "not a chance"
    );
    assert_eq!(
        compile_error("from __future__ import spam\n"),
        "future feature spam is not defined"
    );
    assert_eq!(
        function("def f():\n    import os\n    return os\n"),
        "LOAD_CONST 0; LOAD_CONST None; IMPORT_NAME os; STORE_FAST os; LOAD_FAST os; RETURN_VALUE"
    );
}

#[test]
fn name_operations_by_scope() {
    assert_eq!(
        function("def f(a):\n    global g\n    g = a\n    return len(a)\n"),
        "LOAD_FAST a; STORE_GLOBAL g; LOAD_GLOBAL len; LOAD_FAST a; CALL 1; RETURN_VALUE"
    );
    let code = compile("def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n        return x\n    return g\n");
    assert_eq!(ops(&nested(&code, "f")), "LOAD_CONST 1; STORE_DEREF x; LOAD_CLOSURE x; BUILD_TUPLE 1; LOAD_CONST <code f.<locals>.g>; MAKE_FUNCTION 8; STORE_FAST g; LOAD_FAST g; RETURN_VALUE");
    assert_eq!(
        ops(&nested(&code, "f.<locals>.g")),
        "LOAD_CONST 2; STORE_DEREF x; LOAD_DEREF x; RETURN_VALUE"
    );
    let class_code = compile("def f():\n    x = 1\n    class C:\n        y = x\n        global z\n        z = y\n    return C\n");
    assert_eq!(
        ops(&nested(&class_code, "f.<locals>.C")),
        "LOAD_NAME __name__; STORE_NAME __module__; LOAD_CONST 'f.<locals>.C'; STORE_NAME __qualname__; LOAD_CLASS_DEREF x; STORE_NAME y; LOAD_NAME y; STORE_GLOBAL z; LOAD_CONST None; RETURN_VALUE"
    );
}

#[test]
fn expression_statements_and_docstrings() {
    assert_eq!(
        body("'''module doc'''\n1\nx\n"),
        "LOAD_CONST 'module doc'; STORE_NAME __doc__; LOAD_NAME x; POP_TOP"
    );
    assert_eq!(body("pass\nglobal x\n"), "");
}
