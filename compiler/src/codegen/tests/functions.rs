//! Functions, closures, classes and comprehensions: the code that creates them and their code
//! objects' layout.

use super::helpers::*;
use crate::code::flags;

#[test]
fn function_creation_with_defaults_and_decorators() {
    let code = compile(
        "@d1\n@d2(x)\ndef f(a, b=1, *args, c, e=g(), **kw):\n    '''Doc.'''\n    return a\n",
    );
    assert_eq!(
        ops(&code),
        "LOAD_NAME d1; LOAD_NAME d2; LOAD_NAME x; CALL 1; LOAD_CONST (1,); LOAD_CONST 'e'; LOAD_NAME g; CALL 0; BUILD_MAP 1; LOAD_CONST <code f>; MAKE_FUNCTION 3; CALL 1; CALL 1; STORE_NAME f; LOAD_CONST None; RETURN_VALUE"
    );
    let f = nested(&code, "f");
    let varnames: Vec<&str> = f.varnames.iter().map(|name| &**name).collect();
    assert_eq!(varnames, ["a", "b", "c", "e", "args", "kw"]);
    assert_eq!(
        (
            f.argument_count,
            f.positional_only_count,
            f.keyword_only_count
        ),
        (2, 0, 2)
    );
    assert_eq!(
        f.flags,
        flags::OPTIMIZED | flags::NEW_LOCALS | flags::VARARGS | flags::VARKEYWORDS
    );
    assert_eq!(f.docstring.as_deref(), Some("Doc."));
    assert_eq!(f.first_line, 1);
    assert_eq!(ops(&f), "LOAD_FAST a; RETURN_VALUE");
    let positional_only = compile("def f(a, /, b=x):\n    pass\n");
    assert_eq!(ops(&positional_only), "LOAD_NAME x; BUILD_TUPLE 1; LOAD_CONST <code f>; MAKE_FUNCTION 1; STORE_NAME f; LOAD_CONST None; RETURN_VALUE");
    assert_eq!(nested(&positional_only, "f").positional_only_count, 1);
}

#[test]
fn closures_and_cells() {
    let code = compile(
        "def outer(a):\n    b = 1\n    def inner(c):\n        return a + b + c\n    return inner\n",
    );
    let outer = nested(&code, "outer");
    let cells: Vec<&str> = outer.cellvars.iter().map(|name| &**name).collect();
    assert_eq!(cells, ["a", "b"]);
    assert_eq!(outer.cell_parameters, [Some(0), None]);
    assert_eq!(
        ops(&outer),
        "LOAD_CONST 1; STORE_DEREF b; LOAD_CLOSURE a; LOAD_CLOSURE b; BUILD_TUPLE 2; LOAD_CONST <code outer.<locals>.inner>; MAKE_FUNCTION 8; STORE_FAST inner; LOAD_FAST inner; RETURN_VALUE"
    );
    let inner = nested(&code, "outer.<locals>.inner");
    let free: Vec<&str> = inner.freevars.iter().map(|name| &**name).collect();
    assert_eq!(free, ["a", "b"]);
    assert_eq!(inner.flags & flags::NESTED, flags::NESTED);
    assert_eq!(
        ops(&inner),
        "LOAD_DEREF a; LOAD_DEREF b; BINARY_OP +; LOAD_FAST c; BINARY_OP +; RETURN_VALUE"
    );
}

#[test]
fn qualified_names() {
    let code = compile(
        "def f():\n    def g():\n        pass\n    class K:\n        def m(self):\n            pass\n    return [lambda: 0 for _ in ()]\nclass C:\n    def m(self):\n        pass\n    class D:\n        pass\ndef h():\n    global k\n    def k():\n        pass\n",
    );
    for qualname in [
        "f",
        "f.<locals>.g",
        "f.<locals>.K",
        "f.<locals>.K.m",
        "f.<locals>.<listcomp>",
        "f.<locals>.<listcomp>.<lambda>",
        "C",
        "C.m",
        "C.D",
        "h",
        "k",
    ] {
        nested(&code, qualname);
    }
}

#[test]
fn classes() {
    let code = compile("class C(B, metaclass=M):\n    '''Doc.'''\n    x = 1\n    def m(self):\n        return super().m()\n");
    assert_eq!(
        ops(&code),
        "LOAD_BUILD_CLASS; LOAD_CONST <code C>; MAKE_FUNCTION 0; LOAD_CONST 'C'; LOAD_NAME B; LOAD_NAME M; LOAD_CONST ('metaclass',); CALL_KW 4; STORE_NAME C; LOAD_CONST None; RETURN_VALUE"
    );
    let class = nested(&code, "C");
    assert_eq!(
        ops(&class),
        "LOAD_NAME __name__; STORE_NAME __module__; LOAD_CONST 'C'; STORE_NAME __qualname__; LOAD_CONST 'Doc.'; STORE_NAME __doc__; LOAD_CONST 1; STORE_NAME x; LOAD_CLOSURE __class__; BUILD_TUPLE 1; LOAD_CONST <code C.m>; MAKE_FUNCTION 8; STORE_NAME m; LOAD_CLOSURE __class__; COPY 1; STORE_NAME __classcell__; RETURN_VALUE"
    );
    assert_eq!(class.docstring.as_deref(), Some("Doc."));
    let method = nested(&code, "C.m");
    assert_eq!(
        ops(&method),
        "LOAD_GLOBAL super; CALL 0; LOAD_METHOD m; CALL_METHOD 0; RETURN_VALUE"
    );
    let free: Vec<&str> = method.freevars.iter().map(|name| &**name).collect();
    assert_eq!(free, ["__class__"]);
    let plain = compile("class D:\n    pass\n");
    assert_eq!(ops(&plain), "LOAD_BUILD_CLASS; LOAD_CONST <code D>; MAKE_FUNCTION 0; LOAD_CONST 'D'; CALL 2; STORE_NAME D; LOAD_CONST None; RETURN_VALUE");
    assert_eq!(
        ops(&nested(&plain, "D")),
        "LOAD_NAME __name__; STORE_NAME __module__; LOAD_CONST 'D'; STORE_NAME __qualname__; LOAD_CONST None; RETURN_VALUE"
    );
    let starred = compile("class E(*bases, **kw):\n    pass\n");
    assert_eq!(
        ops(&starred),
        "LOAD_BUILD_CLASS; LOAD_CONST <code E>; MAKE_FUNCTION 0; LOAD_CONST 'E'; BUILD_LIST 2; LOAD_NAME bases; LIST_EXTEND 1; LIST_TO_TUPLE; BUILD_MAP 0; LOAD_NAME kw; DICT_MERGE 1; CALL_FUNCTION_EX 1; STORE_NAME E; LOAD_CONST None; RETURN_VALUE"
    );
}

#[test]
fn private_names_are_mangled() {
    let code = compile("class C:\n    __x = 1\n    def __m(self):\n        return self.__y\n");
    let class = nested(&code, "C");
    assert!(ops(&class).contains("STORE_NAME _C__x"), "{}", ops(&class));
    assert!(ops(&class).contains("STORE_NAME _C__m"), "{}", ops(&class));
    assert_eq!(
        ops(&nested(&code, "C.__m")),
        "LOAD_FAST self; LOAD_ATTR _C__y; RETURN_VALUE"
    );
}

#[test]
fn comprehensions() {
    let code = compile("def f(n):\n    return [x * n for x in range(n) if x]\n");
    assert_eq!(
        ops(&nested(&code, "f")),
        "LOAD_CLOSURE n; BUILD_TUPLE 1; LOAD_CONST <code f.<locals>.<listcomp>>; MAKE_FUNCTION 8; LOAD_GLOBAL range; LOAD_DEREF n; CALL 1; GET_ITER; CALL 1; RETURN_VALUE"
    );
    let comprehension = nested(&code, "f.<locals>.<listcomp>");
    assert_eq!(
        ops(&comprehension),
        "BUILD_LIST 0; LOAD_FAST .0; FOR_ITER to 11; STORE_FAST x; LOAD_FAST x; POP_JUMP_IF_FALSE to 10; LOAD_FAST x; LOAD_DEREF n; BINARY_OP *; LIST_APPEND 2; JUMP to 2; RETURN_VALUE"
    );
    assert_eq!(comprehension.argument_count, 1);
    assert_eq!(&*comprehension.name, "<listcomp>");
    assert_eq!(
        comprehension.flags,
        flags::OPTIMIZED | flags::NEW_LOCALS | flags::NESTED
    );

    let nested_loops = compile("s = {x + y for x in a for y in b}");
    assert_eq!(
        ops(&nested(&nested_loops, "<setcomp>")),
        "BUILD_SET 0; LOAD_FAST .0; FOR_ITER to 14; STORE_FAST x; LOAD_GLOBAL b; GET_ITER; FOR_ITER to 13; STORE_FAST y; LOAD_FAST x; LOAD_FAST y; BINARY_OP +; SET_ADD 3; JUMP to 6; JUMP to 2; RETURN_VALUE"
    );
    let dictionary = compile("d = {k: v for k, v in items}");
    assert_eq!(
        ops(&nested(&dictionary, "<dictcomp>")),
        "BUILD_MAP 0; LOAD_FAST .0; FOR_ITER to 10; UNPACK_SEQUENCE 2; STORE_FAST k; STORE_FAST v; LOAD_FAST k; LOAD_FAST v; MAP_ADD 2; JUMP to 2; RETURN_VALUE"
    );
    let generator = compile("g = (x for x in a)");
    assert_eq!(ops(&generator), "LOAD_CONST <code <genexpr>>; MAKE_FUNCTION 0; LOAD_NAME a; GET_ITER; CALL 1; STORE_NAME g; LOAD_CONST None; RETURN_VALUE");
    let genexpr = nested(&generator, "<genexpr>");
    assert_eq!(
        ops(&genexpr),
        "LOAD_FAST .0; FOR_ITER to 7; STORE_FAST x; LOAD_FAST x; YIELD_VALUE 0; POP_TOP; JUMP to 1; LOAD_CONST None; RETURN_VALUE"
    );
    assert_eq!(genexpr.flags & flags::GENERATOR, flags::GENERATOR);
    // A comprehension in a class body cannot see class variables.
    let class = compile("class C:\n    y = 1\n    z = [y for _ in range(3)]\n");
    assert!(ops(&nested(&class, "C.<listcomp>")).contains("LOAD_GLOBAL y"));
}

#[test]
fn walrus_in_comprehension_stores_in_enclosing_function() {
    let code = compile("def f(a):\n    [last := x for x in a]\n    return last\n");
    let f = nested(&code, "f");
    assert!(
        ops(&f).ends_with("LOAD_DEREF last; RETURN_VALUE"),
        "{}",
        ops(&f)
    );
    let comprehension = nested(&code, "f.<locals>.<listcomp>");
    assert!(
        ops(&comprehension).contains("COPY 1; STORE_DEREF last"),
        "{}",
        ops(&comprehension)
    );
}

#[test]
fn generator_functions_return_none_implicitly() {
    let code = compile("def g():\n    yield 1\n    return 2\n");
    let g = nested(&code, "g");
    assert_eq!(
        g.flags,
        flags::OPTIMIZED | flags::NEW_LOCALS | flags::GENERATOR
    );
    assert_eq!(
        ops(&g),
        "LOAD_CONST 1; YIELD_VALUE 0; POP_TOP; LOAD_CONST 2; RETURN_VALUE"
    );
}
