//! The `--dis` listing: headers, line numbers, resolved arguments, exception tables, nested code.

use super::helpers::compile;
use crate::disassemble::disassemble;

#[test]
fn listing_resolves_arguments_and_nests_code_objects() {
    let code = compile("def f(a):\n    try:\n        return a.b + 1.5\n    except E as e:\n        return f'{e!r}'\nx = f is not None\n");
    let listing = disassemble(&code);
    let expected_lines = [
        "Disassembly of <code object <module> at \"<test>\", line 1>:",
        "   1        0 LOAD_CONST               0 (<code object f at \"<test>\", line 1>)",
        "            1 MAKE_FUNCTION            0",
        "   6        3 LOAD_NAME                0 (f)",
        "            5 IS_OP                    1 (is not)",
        "Disassembly of <code object f at \"<test>\", line 1>:",
        "   3        0 LOAD_FAST                0 (a)",
        "            1 LOAD_ATTR                0 (b)",
        "            2 LOAD_CONST               0 (1.5)",
        "            3 BINARY_OP                0 (+)",
        "   2 >>     5 PUSH_EXC_INFO",
        "            8 POP_JUMP_IF_FALSE       22 (to 22)",
        "           11 FORMAT_VALUE             2 (repr)",
        "ExceptionTable:",
        "  0 to 3 -> 5 [0]",
    ];
    for line in expected_lines {
        assert!(
            listing.lines().any(|listed| listed == line),
            "missing {line:?} in:\n{listing}"
        );
    }
    let module_header = listing.find("<module>").unwrap_or(usize::MAX);
    let function_header = listing.find("Disassembly of <code object f").unwrap_or(0);
    assert!(module_header < function_header, "{listing}");
}
