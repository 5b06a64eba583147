//! Instruction sequences of expressions.

use super::helpers::*;

/// The module's instructions for `source`, without the final `LOAD_CONST None; RETURN_VALUE`.
fn body(source: &str) -> String {
    let listing = ops(&compile(source));
    listing
        .strip_suffix("; LOAD_CONST None; RETURN_VALUE")
        .unwrap_or(&listing)
        .to_string()
}

#[test]
fn calls() {
    assert_eq!(
        body("f(a, b)"),
        "LOAD_NAME f; LOAD_NAME a; LOAD_NAME b; CALL 2; POP_TOP"
    );
    assert_eq!(
        body("o.m(a)"),
        "LOAD_NAME o; LOAD_METHOD m; LOAD_NAME a; CALL_METHOD 1; POP_TOP"
    );
    assert_eq!(
        body("f(a, k=v)"),
        "LOAD_NAME f; LOAD_NAME a; LOAD_NAME v; LOAD_CONST ('k',); CALL_KW 2; POP_TOP"
    );
    assert_eq!(
        body("o.m(k=1)"),
        "LOAD_NAME o; LOAD_ATTR m; LOAD_CONST 1; LOAD_CONST ('k',); CALL_KW 1; POP_TOP"
    );
    assert_eq!(
        body("f(a, *b, c)"),
        "LOAD_NAME f; LOAD_NAME a; BUILD_LIST 1; LOAD_NAME b; LIST_EXTEND 1; LOAD_NAME c; LIST_APPEND 1; LIST_TO_TUPLE; CALL_FUNCTION_EX 0; POP_TOP"
    );
    assert_eq!(
        body("f(a, k=1, **d, j=2)"),
        "LOAD_NAME f; LOAD_NAME a; BUILD_TUPLE 1; LOAD_CONST 'k'; LOAD_CONST 1; BUILD_MAP 1; LOAD_NAME d; DICT_MERGE 1; LOAD_CONST 'j'; LOAD_CONST 2; BUILD_MAP 1; DICT_MERGE 1; CALL_FUNCTION_EX 1; POP_TOP"
    );
    assert_eq!(
        body("f(**d)"),
        "LOAD_NAME f; BUILD_TUPLE 0; BUILD_MAP 0; LOAD_NAME d; DICT_MERGE 1; CALL_FUNCTION_EX 1; POP_TOP"
    );
    assert_eq!(compile_error("f(a=1, a=2)"), "keyword argument repeated: a");
}

#[test]
fn operators_and_constants() {
    assert_eq!(body("x = -1"), "LOAD_CONST -1; STORE_NAME x");
    assert_eq!(body("x = -a"), "LOAD_NAME a; UNARY_NEGATIVE; STORE_NAME x");
    assert_eq!(body("x = not a"), "LOAD_NAME a; UNARY_NOT; STORE_NAME x");
    assert_eq!(
        body("x = ~a + +b"),
        "LOAD_NAME a; UNARY_INVERT; LOAD_NAME b; UNARY_POSITIVE; BINARY_OP +; STORE_NAME x"
    );
    assert_eq!(
        body("x = a ** b // c"),
        "LOAD_NAME a; LOAD_NAME b; BINARY_OP **; LOAD_NAME c; BINARY_OP //; STORE_NAME x"
    );
    assert_eq!(
        body("x = (1, 2.5, 'a', None)"),
        "LOAD_CONST (1, 2.5, 'a', None); STORE_NAME x"
    );
    assert_eq!(
        body("x = (1, a)"),
        "LOAD_CONST 1; LOAD_NAME a; BUILD_TUPLE 2; STORE_NAME x"
    );
    assert_eq!(body("x = 2j"), "LOAD_CONST 2j; STORE_NAME x");
    assert_eq!(body("x = __debug__"), "LOAD_CONST True; STORE_NAME x");
    assert_eq!(body("x = b'ab'"), "LOAD_CONST b'ab'; STORE_NAME x");
    assert_eq!(body("x = 'a' 'b'"), "LOAD_CONST 'ab'; STORE_NAME x");
    assert_eq!(body("x = ..."), "LOAD_CONST Ellipsis; STORE_NAME x");
    assert_eq!(
        body("x = 123456789012345678901234567890"),
        "LOAD_CONST 123456789012345678901234567890; STORE_NAME x"
    );
    // Operators on constants are folded, except where the result would be large or raise.
    assert_eq!(body("x = 2 ** 10 - -(3)"), "LOAD_CONST 1027; STORE_NAME x");
    assert_eq!(
        body("x = 'ab' * 2 + 'c'"),
        "LOAD_CONST 'ababc'; STORE_NAME x"
    );
    assert_eq!(body("x = not 0"), "LOAD_CONST True; STORE_NAME x");
    assert_eq!(
        body("x = 7 // -2, 1.5 * 2"),
        "LOAD_CONST (-4, 3.0); STORE_NAME x"
    );
    assert_eq!(
        body("x = 1 / 0"),
        "LOAD_CONST 1; LOAD_CONST 0; BINARY_OP /; STORE_NAME x"
    );
    assert_eq!(
        body("x = 2 ** 1000"),
        "LOAD_CONST 2; LOAD_CONST 1000; BINARY_OP **; STORE_NAME x"
    );
    // Constants are shared; 1, 1.0 and True are distinct.
    let code = compile("a = 1\nb = 1\nc = 1.0\nd = True\n");
    assert_eq!(code.constants.len(), 4);
}

#[test]
fn boolean_operators_short_circuit() {
    assert_eq!(
        body("x = a and b"),
        "LOAD_NAME a; JUMP_IF_FALSE_OR_POP to 3; LOAD_NAME b; STORE_NAME x"
    );
    assert_eq!(
        body("x = a or b or c"),
        "LOAD_NAME a; JUMP_IF_TRUE_OR_POP to 5; LOAD_NAME b; JUMP_IF_TRUE_OR_POP to 5; LOAD_NAME c; STORE_NAME x"
    );
    assert_eq!(
        body("x = a if t else b"),
        "LOAD_NAME t; POP_JUMP_IF_FALSE to 4; LOAD_NAME a; JUMP to 5; LOAD_NAME b; STORE_NAME x"
    );
}

#[test]
fn comparisons() {
    assert_eq!(
        body("x = a < b"),
        "LOAD_NAME a; LOAD_NAME b; COMPARE_OP <; STORE_NAME x"
    );
    assert_eq!(
        body("x = a is not b"),
        "LOAD_NAME a; LOAD_NAME b; IS_OP 1; STORE_NAME x"
    );
    assert_eq!(
        body("x = a not in b"),
        "LOAD_NAME a; LOAD_NAME b; CONTAINS_OP 1; STORE_NAME x"
    );
    assert_eq!(
        body("x = a < b <= c"),
        "LOAD_NAME a; LOAD_NAME b; SWAP 2; COPY 2; COMPARE_OP <; JUMP_IF_FALSE_OR_POP to 9; LOAD_NAME c; COMPARE_OP <=; JUMP to 11; SWAP 2; POP_TOP; STORE_NAME x"
    );
}

#[test]
fn displays() {
    assert_eq!(
        body("x = [a, b]"),
        "LOAD_NAME a; LOAD_NAME b; BUILD_LIST 2; STORE_NAME x"
    );
    assert_eq!(
        body("x = {a, b}"),
        "LOAD_NAME a; LOAD_NAME b; BUILD_SET 2; STORE_NAME x"
    );
    assert_eq!(
        body("x = {a: b}"),
        "LOAD_NAME a; LOAD_NAME b; BUILD_MAP 1; STORE_NAME x"
    );
    assert_eq!(body("x = {}"), "BUILD_MAP 0; STORE_NAME x");
    assert_eq!(
        body("x = [a, *b]"),
        "LOAD_NAME a; BUILD_LIST 1; LOAD_NAME b; LIST_EXTEND 1; STORE_NAME x"
    );
    assert_eq!(
        body("x = (*a, b)"),
        "BUILD_LIST 0; LOAD_NAME a; LIST_EXTEND 1; LOAD_NAME b; LIST_APPEND 1; LIST_TO_TUPLE; STORE_NAME x"
    );
    assert_eq!(
        body("x = {*a}"),
        "BUILD_SET 0; LOAD_NAME a; SET_UPDATE 1; STORE_NAME x"
    );
    assert_eq!(
        body("x = {a: 1, **b, c: 2}"),
        "LOAD_NAME a; LOAD_CONST 1; BUILD_MAP 1; LOAD_NAME b; DICT_UPDATE 1; LOAD_NAME c; LOAD_CONST 2; BUILD_MAP 1; DICT_UPDATE 1; STORE_NAME x"
    );
    // Long displays are built incrementally to bound the stack.
    let long = format!("x = [{}]", vec!["a"; 100].join(", "));
    assert!(compile(&long).max_stack_depth <= 32);
    let long_dict = format!(
        "x = {{{}}}",
        (0..100)
            .map(|i| format!("a{i}: {i}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(compile(&long_dict).max_stack_depth <= 40);
}

#[test]
fn subscripts_and_attributes() {
    assert_eq!(
        body("x = a[i]"),
        "LOAD_NAME a; LOAD_NAME i; BINARY_SUBSCR; STORE_NAME x"
    );
    assert_eq!(
        body("x = a[i:j]"),
        "LOAD_NAME a; LOAD_NAME i; LOAD_NAME j; BUILD_SLICE 2; BINARY_SUBSCR; STORE_NAME x"
    );
    assert_eq!(
        body("x = a[:j:2]"),
        "LOAD_NAME a; LOAD_CONST None; LOAD_NAME j; LOAD_CONST 2; BUILD_SLICE 3; BINARY_SUBSCR; STORE_NAME x"
    );
    assert_eq!(
        body("x = a[1:2, ::3]"),
        "LOAD_NAME a; LOAD_CONST 1; LOAD_CONST 2; BUILD_SLICE 2; LOAD_CONST None; LOAD_CONST None; LOAD_CONST 3; BUILD_SLICE 3; BUILD_TUPLE 2; BINARY_SUBSCR; STORE_NAME x"
    );
    assert_eq!(
        body("x = a.b.c"),
        "LOAD_NAME a; LOAD_ATTR b; LOAD_ATTR c; STORE_NAME x"
    );
}

#[test]
fn fstrings() {
    assert_eq!(
        body("x = f'a{b}c'"),
        "LOAD_CONST 'a'; LOAD_NAME b; FORMAT_VALUE 0; LOAD_CONST 'c'; BUILD_STRING 3; STORE_NAME x"
    );
    assert_eq!(
        body("x = f'{b}'"),
        "LOAD_NAME b; FORMAT_VALUE 0; STORE_NAME x"
    );
    assert_eq!(body("x = f'plain'"), "LOAD_CONST 'plain'; STORE_NAME x");
    assert_eq!(body("x = f''"), "LOAD_CONST ''; STORE_NAME x");
    assert_eq!(body("x = f'{b!r}{c!s}{d!a}'"), "LOAD_NAME b; FORMAT_VALUE 2; LOAD_NAME c; FORMAT_VALUE 1; LOAD_NAME d; FORMAT_VALUE 3; BUILD_STRING 3; STORE_NAME x");
    assert_eq!(
        body("x = f'{b:>10}'"),
        "LOAD_NAME b; LOAD_CONST '>10'; FORMAT_VALUE 4; STORE_NAME x"
    );
    assert_eq!(
        body("x = f'{b:{w}.{p}}'"),
        "LOAD_NAME b; LOAD_NAME w; FORMAT_VALUE 0; LOAD_CONST '.'; LOAD_NAME p; FORMAT_VALUE 0; BUILD_STRING 3; FORMAT_VALUE 4; STORE_NAME x"
    );
    assert_eq!(
        body("x = f'{b=}'"),
        "LOAD_CONST 'b='; LOAD_NAME b; FORMAT_VALUE 2; BUILD_STRING 2; STORE_NAME x"
    );
    assert_eq!(
        body("x = f'{b = !s}'"),
        "LOAD_CONST 'b = '; LOAD_NAME b; FORMAT_VALUE 1; BUILD_STRING 2; STORE_NAME x"
    );
    assert_eq!(body("x = f'{b=:>4}'"), "LOAD_CONST 'b='; LOAD_NAME b; LOAD_CONST '>4'; FORMAT_VALUE 4; BUILD_STRING 2; STORE_NAME x");
    assert_eq!(body("x = 'a' f'{b}' f'c{{'"), "LOAD_CONST 'a'; LOAD_NAME b; FORMAT_VALUE 0; LOAD_CONST 'c{'; BUILD_STRING 3; STORE_NAME x");
}

#[test]
fn walrus_and_lambda() {
    assert_eq!(
        body("print(y := 5)"),
        "LOAD_NAME print; LOAD_CONST 5; COPY 1; STORE_NAME y; CALL 1; POP_TOP"
    );
    let code = compile("f = lambda a, b=1: a + b");
    assert_eq!(ops(&code), "LOAD_CONST (1,); LOAD_CONST <code <lambda>>; MAKE_FUNCTION 1; STORE_NAME f; LOAD_CONST None; RETURN_VALUE");
    let lambda = nested(&code, "<lambda>");
    assert_eq!(
        ops(&lambda),
        "LOAD_FAST a; LOAD_FAST b; BINARY_OP +; RETURN_VALUE"
    );
    assert_eq!(&*lambda.name, "<lambda>");
    let generator = compile("g = lambda: (yield 1)");
    assert_eq!(
        ops(&nested(&generator, "<lambda>")),
        "LOAD_CONST 1; YIELD_VALUE 0; POP_TOP; LOAD_CONST None; RETURN_VALUE"
    );
}

#[test]
fn yields() {
    let code = compile("def g():\n    x = yield\n    yield x\n    r = yield from h()\n");
    assert_eq!(
        ops(&nested(&code, "g")),
        "LOAD_CONST None; YIELD_VALUE 0; STORE_FAST x; LOAD_FAST x; YIELD_VALUE 0; POP_TOP; LOAD_GLOBAL h; CALL 0; GET_YIELD_FROM_ITER; LOAD_CONST None; SEND to 13; YIELD_VALUE 1; JUMP to 10; STORE_FAST r; LOAD_CONST None; RETURN_VALUE"
    );
    assert_ne!(nested(&code, "g").flags & crate::code::flags::GENERATOR, 0);
    assert_eq!(compile_error("yield 1"), "'yield' outside function");
    assert_eq!(
        compile_error("class C:\n    yield 1\n"),
        "'yield' outside function"
    );
    assert_eq!(compile_error("x = await y"), "'await' outside function");
}

#[test]
fn locations_point_at_the_expression() {
    let code = compile("x = 1\ny = f(\n  x)\n");
    let call = code
        .instructions
        .iter()
        .position(|instruction| instruction.opcode == crate::opcode::Opcode::Call)
        .unwrap_or(0);
    let location = code.locations[call];
    assert_eq!(
        (
            location.line,
            location.column,
            location.end_line,
            location.end_column
        ),
        (2, 4, 3, 4)
    );
    assert_eq!(code.locations[0].line, 1);
}

/// The location `(line, column, end line, end column)` of the first instruction named `name`.
fn location_of(code: &crate::code::CodeObject, name: &str) -> (u32, u32, u32, u32) {
    let index = code
        .instructions
        .iter()
        .position(|instruction| instruction.opcode.name() == name)
        .unwrap_or_else(|| panic!("no {name} in {}", ops(code)));
    let location = code.locations[index];
    (
        location.line,
        location.column,
        location.end_line,
        location.end_column,
    )
}

#[test]
fn locations_follow_cpython() {
    // A method call spanning lines points at the attribute's line.
    let code = compile("x = (a\n     .b)\ny = (c\n     .m(1))\n");
    assert_eq!(location_of(&code, "LOAD_ATTR"), (2, 6, 2, 7));
    assert_eq!(location_of(&code, "LOAD_METHOD"), (4, 6, 4, 7));
    assert_eq!(location_of(&code, "CALL_METHOD"), (4, 6, 4, 10));
    // `assert a < b` raises at the comparison; `assert x` at the statement.
    let assert = compile("assert a < b, 'm'\n");
    assert_eq!(location_of(&assert, "RAISE_VARARGS"), (1, 7, 1, 12));
    assert_eq!(
        location_of(&compile("assert x\n"), "RAISE_VARARGS"),
        (1, 0, 1, 8)
    );
    // `for` and `with` machinery belongs to the statement.
    let statement = compile("for i in r:\n    pass\nwith m:\n    pass\n");
    assert_eq!(location_of(&statement, "FOR_ITER"), (1, 0, 2, 8));
    assert_eq!(location_of(&statement, "BEFORE_WITH"), (3, 0, 4, 8));
    // A generator expression as the only argument includes the call's parentheses.
    assert_eq!(
        location_of(&compile("f(x for x in y)\n"), "GET_ITER"),
        (1, 1, 1, 15)
    );
    // Decorators are applied at their own lines.
    let decorated = compile("@a\n@b\ndef f():\n    pass\n");
    let calls: Vec<u32> = decorated
        .instructions
        .iter()
        .zip(&decorated.locations)
        .filter(|(instruction, _)| instruction.opcode.name() == "CALL")
        .map(|(_, location)| location.line)
        .collect();
    assert_eq!(calls, [2, 1]);
}
