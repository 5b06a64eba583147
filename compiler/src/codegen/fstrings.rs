//! f-strings: literal text becomes string constants, each `{expression!conversion:spec}` a
//! `FormatValue`, and the pieces are joined by one `BuildString`. Adjacent literal text (from
//! implicit concatenation, `{{` escapes or `{x=}` debug text) is merged into one constant.

use std::rc::Rc;

use ruff_python_ast::{
    ConversionFlag, ExprFString, FStringPart, InterpolatedElement, InterpolatedStringElement,
};

use crate::code::Constant;
use crate::opcode::Opcode;

use super::{CompileResult, Compiler};

/// `FormatValue` flag: a format spec is on the stack above the value.
const HAS_SPEC: u32 = 4;

/// Pieces pushed so far and literal text not yet pushed.
#[derive(Default)]
struct Pieces {
    count: u32,
    text: String,
    /// How many format specs enclose these pieces (Python 3.11 allows one).
    spec_depth: u32,
    /// The end of the f-string, where CPython 3.11 reports errors inside it.
    end: u32,
}

impl<'ast> Compiler<'ast> {
    /// An f-string expression (possibly implicitly concatenated with plain strings).
    pub(super) fn fstring(&mut self, node: &'ast ExprFString) -> CompileResult {
        let mut pieces = Pieces::default();
        for part in node.value.iter() {
            match part {
                FStringPart::Literal(literal) => pieces.text.push_str(&literal.value),
                FStringPart::FString(fstring) => {
                    pieces.end = fstring.range.end().to_u32();
                    for element in fstring.elements.iter() {
                        self.fstring_element(element, &mut pieces)?;
                    }
                }
            }
        }
        self.finish_pieces(pieces);
        Ok(())
    }

    /// Pushes pending text, then joins all pieces into one string (an empty string if none).
    fn finish_pieces(&mut self, mut pieces: Pieces) {
        self.flush_text(&mut pieces);
        match pieces.count {
            0 => self.unit.load_constant(Constant::Str(Rc::from(""))),
            1 => {}
            count => self.emit(Opcode::BuildString, count),
        }
    }

    fn flush_text(&mut self, pieces: &mut Pieces) {
        if !pieces.text.is_empty() {
            let text = std::mem::take(&mut pieces.text);
            self.unit.load_constant(Constant::Str(Rc::from(text)));
            pieces.count += 1;
        }
    }

    fn fstring_element(
        &mut self,
        element: &'ast InterpolatedStringElement,
        pieces: &mut Pieces,
    ) -> CompileResult {
        match element {
            InterpolatedStringElement::Literal(literal) => {
                pieces.text.push_str(&literal.value);
                Ok(())
            }
            InterpolatedStringElement::Interpolation(interpolation) => {
                self.replacement_field(interpolation, pieces)
            }
        }
    }

    /// `{expression!conversion:spec}`, and for `{expression=}` the text before it.
    fn replacement_field(
        &mut self,
        field: &'ast InterpolatedElement,
        pieces: &mut Pieces,
    ) -> CompileResult {
        if pieces.spec_depth > 1 {
            return Err(self.index.error(
                crate::error::SyntaxErrorKind::Syntax,
                &self.filename,
                pieces.end,
                "f-string: expressions nested too deeply",
            ));
        }
        if let Some(debug) = &field.debug_text {
            pieces.text.push_str(debug.leading());
            pieces.text.push_str(debug.expression());
            pieces.text.push_str(debug.trailing());
        }
        self.flush_text(pieces);
        self.expression(&field.expression)?;
        let mut conversion = match field.conversion {
            ConversionFlag::None => 0,
            ConversionFlag::Str => 1,
            ConversionFlag::Repr => 2,
            ConversionFlag::Ascii => 3,
        };
        // `{x=}` shows the repr unless a conversion or a spec is given.
        if field.debug_text.is_some() && conversion == 0 && field.format_spec.is_none() {
            conversion = 2;
        }
        if let Some(spec) = &field.format_spec {
            let mut spec_pieces = Pieces {
                spec_depth: pieces.spec_depth + 1,
                end: pieces.end,
                ..Pieces::default()
            };
            for element in spec.elements.iter() {
                self.fstring_element(element, &mut spec_pieces)?;
            }
            self.finish_pieces(spec_pieces);
            conversion |= HAS_SPEC;
        }
        self.emit(Opcode::FormatValue, conversion);
        pieces.count += 1;
        Ok(())
    }
}
