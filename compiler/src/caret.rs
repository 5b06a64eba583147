//! Where a traceback's `~~^^~~` markers go: CPython 3.11 underlines the operator of a failing
//! binary operation and the brackets of a failing subscript. Finding them needs the parser,
//! so it lives here; the VM's traceback printer asks for it.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

/// For the source segment of a failing instruction, the character offsets where the `^` run
/// starts and ends (CPython's `_extract_caret_anchors_from_line_segment`), or `None` when the
/// segment is not a lone binary operation or subscript.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let module = parsed.into_syntax();
    let [Stmt::Expr(statement)] = module.body.as_slice() else {
        return None;
    };
    let characters = |byte: usize| {
        segment
            .get(..byte.min(segment.len()))
            .map_or(0, |prefix| prefix.chars().count())
    };
    let bytes = segment.as_bytes();
    match &*statement.value {
        Expr::BinOp(operation) => {
            let left_end = operation.left.range().end().to_usize();
            let right_start = operation.right.range().start().to_usize();
            let operator = segment.get(left_end..right_start)?;
            let offset = operator.len() - operator.trim_start().len();
            let mut left = left_end + offset;
            let mut right = left + 1;
            if offset + 1 < operator.len() && !operator.as_bytes()[offset + 1].is_ascii_whitespace()
            {
                right += 1;
            }
            while left < bytes.len()
                && (bytes[left].is_ascii_whitespace() || bytes[left] == b')' || bytes[left] == b'#')
            {
                left += 1;
                right += 1;
            }
            Some((characters(left), characters(right)))
        }
        Expr::Subscript(subscript) => {
            let mut left = characters(subscript.value.range().end().to_usize());
            let mut right = characters(subscript.slice.range().end().to_usize() + 1);
            let chars: Vec<char> = segment.chars().collect();
            while left < chars.len() && (chars[left].is_whitespace() || chars[left] != '[') {
                left += 1;
            }
            while right < chars.len() && (chars[right].is_whitespace() || chars[right] != ']') {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::caret_anchors;

    #[test]
    fn binary_operations_mark_the_operator() {
        assert_eq!(caret_anchors("1/0"), Some((1, 2)));
        assert_eq!(caret_anchors("a // b"), Some((2, 4)));
        assert_eq!(caret_anchors("(a) + b"), Some((4, 5)));
    }

    #[test]
    fn subscripts_mark_the_brackets() {
        assert_eq!(caret_anchors("d['k']"), Some((1, 6)));
    }

    #[test]
    fn other_expressions_have_no_anchors() {
        assert_eq!(caret_anchors("f(x)"), None);
        assert_eq!(caret_anchors("x = 1"), None);
    }
}
