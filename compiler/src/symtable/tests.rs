//! Tests of name classification and of the scoping errors.

use super::*;
use crate::parse::parse_module;

fn table(source: &str) -> SymbolTable {
    let parsed = match parse_module(source, "<test>") {
        Ok(parsed) => parsed,
        Err(error) => panic!("{error}"),
    };
    let module = parsed.into_syntax();
    let index = LineIndex::new(source);
    match SymbolTable::build(&module, &index, "<test>") {
        Ok(table) => table,
        Err(error) => panic!("{error}"),
    }
}

fn error(source: &str) -> String {
    let parsed = match parse_module(source, "<test>") {
        Ok(parsed) => parsed,
        Err(error) => panic!("{error}"),
    };
    let module = parsed.into_syntax();
    let index = LineIndex::new(source);
    match SymbolTable::build(&module, &index, "<test>") {
        Ok(_) => panic!("{source:?} has no scoping error"),
        Err(error) => error.message,
    }
}

/// The scope named `name` (the first one, in creation order).
fn scope<'a>(table: &'a SymbolTable, name: &str) -> &'a Scope {
    match table.scopes().iter().find(|scope| scope.name == name) {
        Some(scope) => scope,
        None => panic!("no scope {name}"),
    }
}

fn classify(table: &SymbolTable, scope_name: &str, name: &str) -> Option<NameScope> {
    scope(table, scope_name).name_scope(name)
}

#[test]
fn module_names_are_namespace_names() {
    let table = table("x = 1\nprint(x)\n");
    assert_eq!(classify(&table, "top", "x"), Some(NameScope::Name));
    assert_eq!(classify(&table, "top", "print"), Some(NameScope::Name));
}

#[test]
fn function_locals_globals_cells_and_free_variables() {
    let table = table(
        "g = 1\ndef f(a, *args, b, **kwargs):\n    c = a + g\n    def inner():\n        return c + len(args)\n    return inner\n",
    );
    let f = scope(&table, "f");
    assert_eq!(f.parameters, ["a", "b", "args", "kwargs"]);
    assert_eq!(f.name_scope("a"), Some(NameScope::Local));
    assert_eq!(f.name_scope("g"), Some(NameScope::GlobalImplicit));
    assert_eq!(f.name_scope("c"), Some(NameScope::Cell));
    assert_eq!(f.name_scope("args"), Some(NameScope::Cell));
    assert_eq!(f.name_scope("inner"), Some(NameScope::Local));
    assert_eq!(f.cellvars(), ["args", "c"]);
    let inner = scope(&table, "inner");
    assert_eq!(inner.name_scope("c"), Some(NameScope::Free));
    assert_eq!(inner.name_scope("len"), Some(NameScope::GlobalImplicit));
    assert_eq!(inner.freevars(), ["args", "c"]);
    assert!(inner.is_nested);
    assert!(!f.is_nested);
}

#[test]
fn global_and_nonlocal_declarations() {
    let table = table(
        "def f():\n    global g\n    g = 1\n    x = 0\n    def h():\n        nonlocal x\n        x += 1\n    return h\n",
    );
    assert_eq!(classify(&table, "f", "g"), Some(NameScope::GlobalExplicit));
    assert_eq!(classify(&table, "f", "x"), Some(NameScope::Cell));
    assert_eq!(classify(&table, "h", "x"), Some(NameScope::Free));
}

#[test]
fn free_variables_pass_through_intermediate_functions() {
    let table = table("def a():\n    x = 1\n    def b():\n        def c():\n            return x\n        return c\n    return b\n");
    assert_eq!(classify(&table, "a", "x"), Some(NameScope::Cell));
    assert_eq!(classify(&table, "b", "x"), Some(NameScope::Free));
    assert_eq!(classify(&table, "c", "x"), Some(NameScope::Free));
}

#[test]
fn class_scopes_are_invisible_to_methods() {
    let table = table("class C:\n    x = 1\n    def m(self):\n        return x\n");
    assert_eq!(classify(&table, "C", "x"), Some(NameScope::Name));
    assert_eq!(classify(&table, "m", "x"), Some(NameScope::GlobalImplicit));
}

#[test]
fn class_in_function_reads_free_variables() {
    let table = table(
        "def f():\n    x = 1\n    y = 2\n    class C:\n        a = x\n        y = 3\n        def m(self):\n            return y\n    return C\n",
    );
    assert_eq!(classify(&table, "C", "x"), Some(NameScope::Free));
    // `y` is a class attribute and also passed through to `m`'s closure.
    let class = scope(&table, "C");
    assert_eq!(class.name_scope("y"), Some(NameScope::Name));
    assert_eq!(class.freevars(), ["x", "y"]);
    assert_eq!(classify(&table, "m", "y"), Some(NameScope::Free));
    assert_eq!(classify(&table, "f", "y"), Some(NameScope::Cell));
}

#[test]
fn super_creates_the_class_cell() {
    let table = table("class C(B):\n    def m(self):\n        return super().m()\n    def n(self):\n        return 1\n");
    let class = scope(&table, "C");
    assert!(class.needs_class_cell);
    assert_eq!(class.cellvars(), ["__class__"]);
    assert_eq!(classify(&table, "m", "__class__"), Some(NameScope::Free));
    assert_eq!(scope(&table, "m").freevars(), ["__class__"]);
    assert!(scope(&table, "n").freevars().is_empty());
    let plain = self::table("class D:\n    def m(self):\n        return 1\n");
    assert!(!scope(&plain, "D").needs_class_cell);
}

#[test]
fn dunder_class_reference_also_creates_the_cell() {
    let table = table("class C:\n    def m(self):\n        def inner():\n            return __class__\n        return inner\n");
    assert!(scope(&table, "C").needs_class_cell);
    assert_eq!(classify(&table, "m", "__class__"), Some(NameScope::Free));
    assert_eq!(
        classify(&table, "inner", "__class__"),
        Some(NameScope::Free)
    );
}

#[test]
fn comprehensions_are_function_scopes() {
    let table = table("def f(n):\n    return [x * n for x in range(n) if x]\n");
    let comprehension = scope(&table, "<listcomp>");
    assert_eq!(
        comprehension.kind,
        ScopeKind::Comprehension(ComprehensionKind::List)
    );
    assert_eq!(comprehension.parameters, [".0"]);
    assert_eq!(comprehension.name_scope("x"), Some(NameScope::Local));
    assert_eq!(comprehension.name_scope("n"), Some(NameScope::Free));
    // The first iterable is evaluated in `f`: `range` is used there, not in the comprehension.
    assert_eq!(comprehension.name_scope("range"), None);
    assert_eq!(classify(&table, "f", "n"), Some(NameScope::Cell));
    let generator = self::table("g = (y for y in z)\n");
    assert!(scope(&generator, "<genexpr>").is_generator);
}

#[test]
fn walrus_in_comprehension_binds_in_the_enclosing_function() {
    let table = table(
        "def f(items):\n    if any((last := item) for item in items):\n        return last\n",
    );
    assert_eq!(classify(&table, "<genexpr>", "last"), Some(NameScope::Free));
    assert_eq!(classify(&table, "f", "last"), Some(NameScope::Cell));
    let module = self::table("[y := x for x in range(3)]\n");
    assert_eq!(
        classify(&module, "<listcomp>", "y"),
        Some(NameScope::GlobalExplicit)
    );
}

#[test]
fn generators_and_private_names() {
    let table = table("class C:\n    def __m(self):\n        yield self.__x\n    __y = 1\n");
    assert!(scope(&table, "__m").is_generator);
    assert_eq!(classify(&table, "C", "_C__m"), Some(NameScope::Name));
    assert_eq!(classify(&table, "C", "_C__y"), Some(NameScope::Name));
    assert_eq!(mangle(Some("_Foo"), "__bar"), "_Foo__bar");
    assert_eq!(mangle(Some("Foo"), "__bar__"), "__bar__");
    assert_eq!(mangle(Some("___"), "__bar"), "__bar");
    assert_eq!(mangle(None, "__bar"), "__bar");
}

#[test]
fn scoping_errors_use_cpython_messages() {
    assert_eq!(
        error("def f(x):\n    global x\n"),
        "name 'x' is parameter and global"
    );
    assert_eq!(
        error("def f():\n    x = 1\n    global x\n"),
        "name 'x' is assigned to before global declaration"
    );
    assert_eq!(
        error("def f():\n    print(x)\n    global x\n"),
        "name 'x' is used prior to global declaration"
    );
    assert_eq!(
        error("def f():\n    nonlocal x\n"),
        "no binding for nonlocal 'x' found"
    );
    assert_eq!(
        error("nonlocal x\n"),
        "nonlocal declaration not allowed at module level"
    );
    assert_eq!(
        error("def f(a, a):\n    pass\n"),
        "duplicate argument 'a' in function definition"
    );
    assert_eq!(
        error("def f():\n    from os import *\n"),
        "import * only allowed at module level"
    );
    assert_eq!(
        error("[(yield) for x in y]\n"),
        "'yield' inside list comprehension"
    );
    assert_eq!(
        error("def f(x):\n    x: int = 1\n    global y\n    y: int\n"),
        "annotated name 'y' can't be global"
    );
    assert_eq!(
        error("def f():\n    [i := 0 for i in range(3)]\n"),
        "assignment expression cannot rebind comprehension iteration variable 'i'"
    );
    assert_eq!(
        error("class C:\n    [y := 0 for x in range(3)]\n"),
        "assignment expression within a comprehension cannot be used in a class body"
    );
    assert_eq!(
        error("def f():\n    [x for x in (y := [])]\n"),
        "assignment expression cannot be used in a comprehension iterable expression"
    );
}
