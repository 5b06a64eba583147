//! Calls: plain (`Call`), method (`LoadMethod` + `CallMethod`), with keywords (`CallKw` and a
//! tuple of names), and with `*args`/`**kwargs` (`CallFunctionEx` on a built tuple and dict).
//! Class definitions reuse the same argument passing for `__build_class__`.

use std::collections::HashSet;
use std::rc::Rc;

use ruff_python_ast::{Expr, ExprCall, Keyword};
use ruff_text_size::Ranged;

use crate::code::Constant;
use crate::opcode::Opcode;

use super::{CompileResult, Compiler};

impl<'ast> Compiler<'ast> {
    /// A call expression.
    pub(super) fn call(&mut self, node: &'ast ExprCall) -> CompileResult {
        let arguments = &node.arguments;
        self.check_repeated_keywords(&arguments.keywords)?;
        let plain_arguments = !arguments
            .args
            .iter()
            .any(|argument| matches!(argument, Expr::Starred(_)));
        if let Expr::Attribute(attribute) = node.func.as_ref() {
            if plain_arguments && arguments.keywords.is_empty() {
                self.expression(&attribute.value)?;
                let saved = self.unit.location;
                self.unit.location = self.attribute_location(attribute, attribute.range);
                let index = self.unit.name(&self.mangled(&attribute.attr.id));
                self.emit(Opcode::LoadMethod, index);
                self.unit.location = saved;
                for argument in arguments.args.iter() {
                    self.expression(argument)?;
                }
                self.unit.location = self.attribute_location(attribute, node.range());
                self.emit(Opcode::CallMethod, arguments.args.len() as u32);
                return Ok(());
            }
        }
        self.expression(&node.func)?;
        self.call_arguments(0, &arguments.args, &arguments.keywords)?;
        Ok(())
    }

    /// Passes arguments to the callable on the stack, after `prefix` positional arguments already
    /// pushed above it, and emits the call (its location is the current one).
    pub(super) fn call_arguments(
        &mut self,
        prefix: u32,
        arguments: &'ast [Expr],
        keywords: &'ast [Keyword],
    ) -> CompileResult {
        let location = self.unit.location;
        let starred = arguments
            .iter()
            .any(|argument| matches!(argument, Expr::Starred(_)));
        let double_starred = keywords.iter().any(|keyword| keyword.arg.is_none());
        if !starred && !double_starred {
            for argument in arguments {
                self.expression(argument)?;
            }
            let positional = prefix + arguments.len() as u32;
            if keywords.is_empty() {
                self.unit.location = location;
                self.emit(Opcode::Call, positional);
                return Ok(());
            }
            let mut names = Vec::with_capacity(keywords.len());
            for keyword in keywords {
                self.expression(&keyword.value)?;
                if let Some(name) = &keyword.arg {
                    names.push(Constant::Str(Rc::from(name.id.as_str())));
                }
            }
            self.unit.location = location;
            self.unit.load_constant(Constant::Tuple(Rc::from(names)));
            self.emit(Opcode::CallKw, positional + keywords.len() as u32);
            return Ok(());
        }

        // The positional arguments as one tuple.
        if starred {
            for argument in arguments
                .iter()
                .take_while(|argument| !matches!(argument, Expr::Starred(_)))
            {
                self.expression(argument)?;
            }
            let leading = arguments
                .iter()
                .take_while(|argument| !matches!(argument, Expr::Starred(_)))
                .count();
            self.emit(Opcode::BuildList, prefix + leading as u32);
            for argument in &arguments[leading..] {
                match argument {
                    Expr::Starred(starred) => {
                        self.expression(&starred.value)?;
                        self.emit(Opcode::ListExtend, 1);
                    }
                    _ => {
                        self.expression(argument)?;
                        self.emit(Opcode::ListAppend, 1);
                    }
                }
            }
            self.emit(Opcode::ListToTuple, 0);
        } else {
            for argument in arguments {
                self.expression(argument)?;
            }
            self.emit(Opcode::BuildTuple, prefix + arguments.len() as u32);
        }

        // The keyword arguments as one dict, merged in order.
        let has_keywords = !keywords.is_empty();
        if has_keywords {
            let mut have_dict = false;
            let mut pending: Vec<&'ast Keyword> = Vec::new();
            for keyword in keywords {
                if keyword.arg.is_some() {
                    pending.push(keyword);
                    continue;
                }
                if !pending.is_empty() {
                    self.keyword_dict(&pending)?;
                    pending.clear();
                    if have_dict {
                        self.emit(Opcode::DictMerge, 1);
                    }
                    have_dict = true;
                }
                if !have_dict {
                    self.emit(Opcode::BuildMap, 0);
                    have_dict = true;
                }
                self.expression(&keyword.value)?;
                self.emit(Opcode::DictMerge, 1);
            }
            if !pending.is_empty() {
                self.keyword_dict(&pending)?;
                if have_dict {
                    self.emit(Opcode::DictMerge, 1);
                }
            }
        }
        self.unit.location = location;
        self.emit(Opcode::CallFunctionEx, u32::from(has_keywords));
        Ok(())
    }

    /// A dict of named keyword arguments.
    fn keyword_dict(&mut self, keywords: &[&'ast Keyword]) -> CompileResult {
        for keyword in keywords {
            if let Some(name) = &keyword.arg {
                self.unit
                    .load_constant(Constant::Str(Rc::from(name.id.as_str())));
                self.expression(&keyword.value)?;
            }
        }
        self.emit(Opcode::BuildMap, keywords.len() as u32);
        Ok(())
    }

    /// `f(a=1, a=2)` is a syntax error.
    pub(super) fn check_repeated_keywords(&self, keywords: &[Keyword]) -> CompileResult {
        let mut seen = HashSet::new();
        for keyword in keywords {
            if let Some(name) = &keyword.arg {
                if !seen.insert(name.id.as_str()) {
                    return Err(self.error(
                        keyword.range,
                        format!("keyword argument repeated: {}", name.id),
                    ));
                }
            }
        }
        Ok(())
    }
}
