//! `try`, `with`, and `return`/`break`/`continue` unwinding through them: instruction
//! sequences and exception tables.

use super::helpers::*;
use crate::code::CodeObject;

/// The exception table as `(first, last, target, depth)` rows (`last` inclusive).
fn table(code: &CodeObject) -> Vec<(u32, u32, u32, u32)> {
    code.exception_table
        .iter()
        .map(|entry| (entry.start, entry.end - 1, entry.target, entry.depth))
        .collect()
}

fn function(source: &str) -> std::rc::Rc<CodeObject> {
    nested(&compile(source), "f")
}

#[test]
fn try_except_else_with_named_and_bare_clauses() {
    let f = function("def f():\n    try:\n        a()\n    except E as e:\n        b(e)\n    except:\n        c()\n    else:\n        d()\n");
    assert_eq!(
        ops(&f),
        [
            "LOAD_GLOBAL a; CALL 0; POP_TOP",
            "LOAD_GLOBAL d; CALL 0; POP_TOP; JUMP to 34",
            "PUSH_EXC_INFO",
            "LOAD_GLOBAL E; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE to 25; STORE_FAST e",
            "LOAD_GLOBAL b; LOAD_FAST e; CALL 1; POP_TOP",
            "POP_EXCEPT; LOAD_CONST None; STORE_FAST e; DELETE_FAST e; JUMP to 34",
            "LOAD_CONST None; STORE_FAST e; DELETE_FAST e; RERAISE",
            "POP_TOP; LOAD_GLOBAL c; CALL 0; POP_TOP; POP_EXCEPT; JUMP to 34",
            "SWAP 2; POP_EXCEPT; RERAISE",
            "LOAD_CONST None; RETURN_VALUE",
        ]
        .join("; ")
    );
    assert_eq!(
        table(&f),
        [
            (0, 2, 7, 0),
            (7, 11, 31, 1),
            (12, 15, 21, 1),
            (21, 28, 31, 1)
        ]
    );
}

#[test]
fn unmatched_exception_is_reraised() {
    let f = function("def f():\n    try:\n        x = 1\n    except E:\n        return 2\n");
    assert_eq!(
        ops(&f),
        "LOAD_CONST 1; STORE_FAST x; JUMP to 15; PUSH_EXC_INFO; LOAD_GLOBAL E; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE to 11; POP_TOP; POP_EXCEPT; LOAD_CONST 2; RETURN_VALUE; RERAISE; SWAP 2; POP_EXCEPT; RERAISE; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(table(&f), [(0, 1, 3, 0), (3, 7, 12, 1), (11, 11, 12, 1)]);
}

#[test]
fn try_finally_runs_the_finally_body_on_return() {
    let f = function("def f():\n    try:\n        return a()\n    finally:\n        b()\n");
    assert_eq!(
        ops(&f),
        "LOAD_GLOBAL a; CALL 0; LOAD_GLOBAL b; CALL 0; POP_TOP; RETURN_VALUE; PUSH_EXC_INFO; LOAD_GLOBAL b; CALL 0; POP_TOP; RERAISE; SWAP 2; POP_EXCEPT; RERAISE"
    );
    // The inlined copy of the finally body is not protected by the finally handler.
    assert_eq!(table(&f), [(0, 1, 6, 0), (6, 10, 11, 1)]);
    // A `return` in `finally` discards the pending one.
    let overriding =
        function("def f():\n    try:\n        return g()\n    finally:\n        return 2\n");
    assert!(
        ops(&overriding).starts_with("LOAD_GLOBAL g; CALL 0; POP_TOP; LOAD_CONST 2; RETURN_VALUE"),
        "{}",
        ops(&overriding)
    );
}

#[test]
fn with_statement() {
    let f = function("def f():\n    with m() as v:\n        g(v)\n");
    assert_eq!(
        ops(&f),
        [
            "LOAD_GLOBAL m; CALL 0; BEFORE_WITH; STORE_FAST v",
            "LOAD_GLOBAL g; LOAD_FAST v; CALL 1; POP_TOP",
            "LOAD_CONST None; LOAD_CONST None; LOAD_CONST None; CALL 3; POP_TOP; JUMP to 24",
            "PUSH_EXC_INFO; WITH_EXCEPT_START; POP_JUMP_IF_TRUE to 21; RERAISE",
            "SWAP 2; POP_EXCEPT; RERAISE",
            "POP_TOP; POP_EXCEPT; POP_TOP",
            "LOAD_CONST None; RETURN_VALUE",
        ]
        .join("; ")
    );
    assert_eq!(table(&f), [(3, 7, 14, 1), (14, 17, 18, 2)]);
}

#[test]
fn return_from_with_in_for_unwinds_both() {
    let f = function("def f():\n    for x in y:\n        with m() as v:\n            return v\n");
    assert!(
        ops(&f).contains("LOAD_FAST v; SWAP 2; LOAD_CONST None; LOAD_CONST None; LOAD_CONST None; CALL 3; POP_TOP; SWAP 2; POP_TOP; RETURN_VALUE"),
        "{}",
        ops(&f)
    );
    assert_eq!(table(&f), [(7, 8, 18, 2), (18, 21, 22, 3)]);
}

#[test]
fn break_and_continue_unwind_to_the_loop() {
    let f = function("def f():\n    for x in y:\n        try:\n            pass\n        finally:\n            break\n");
    assert_eq!(ops(&f), "LOAD_GLOBAL y; GET_ITER; FOR_ITER to 6; STORE_FAST x; POP_TOP; JUMP to 6; LOAD_CONST None; RETURN_VALUE");
    let handler = function("def f():\n    for x in y:\n        try:\n            g()\n        except E as e:\n            break\n");
    assert!(
        ops(&handler).contains("STORE_FAST e; POP_EXCEPT; LOAD_CONST None; STORE_FAST e; DELETE_FAST e; POP_TOP; JUMP to"),
        "{}",
        ops(&handler)
    );
    let continued = function("def f():\n    while x:\n        with m():\n            continue\n");
    assert!(
        ops(&continued).contains("POP_TOP; LOAD_CONST None; LOAD_CONST None; LOAD_CONST None; CALL 3; POP_TOP; JUMP to 0"),
        "{}",
        ops(&continued)
    );
}

#[test]
fn return_inside_except_and_finally_handlers() {
    let except =
        function("def f():\n    try:\n        g()\n    except E as e:\n        return e\n");
    assert!(
        ops(&except).contains("LOAD_FAST e; SWAP 2; POP_EXCEPT; LOAD_CONST None; STORE_FAST e; DELETE_FAST e; RETURN_VALUE"),
        "{}",
        ops(&except)
    );
    let finally = function(
        "def f():\n    try:\n        g()\n    finally:\n        if h():\n            return x\n",
    );
    assert!(
        ops(&finally).contains("LOAD_GLOBAL x; SWAP 2; POP_TOP; SWAP 2; POP_EXCEPT; RETURN_VALUE"),
        "{}",
        ops(&finally)
    );
}

#[test]
fn nested_handlers_keep_consistent_depths() {
    // The invariant checks (flow analysis, max depth) run on every compiled code object.
    compile(
        "def f(items):\n    for item in items:\n        try:\n            with open(item) as fh, lock:\n                try:\n                    return fh.read()\n                except (IOError, OSError) as error:\n                    if error:\n                        continue\n                    raise ValueError() from error\n                finally:\n                    log()\n        except Exception:\n            break\n        else:\n            pass\n        finally:\n            for x in y:\n                if x:\n                    break\n    else:\n        return None\n    while True:\n        try:\n            yield 1\n        finally:\n            return 2\n",
    );
    assert_eq!(
        compile_error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n"),
        "default 'except:' must be last"
    );
}
