//! Functions, lambdas and classes: compiling their bodies into nested code objects, and the
//! code that creates them at run time (defaults, closures, `MakeFunction`, decorators,
//! `__build_class__`).

use std::rc::Rc;

use ruff_python_ast::{
    Expr, ExprLambda, Parameter, ParameterWithDefault, Parameters, Stmt, StmtClassDef,
    StmtFunctionDef,
};
use ruff_text_size::{Ranged, TextRange};

use crate::code::{flags, CodeObject, Constant};
use crate::opcode::Opcode;
use crate::symtable::{mangle, NameScope, ScopeId, ScopeKind};

use super::constants::constant_value;
use super::names::Access;
use super::unit::CodeUnit;
use super::{docstring, CompileResult, Compiler};

/// `MakeFunction` flag: a tuple of positional defaults is on the stack.
const HAS_DEFAULTS: u32 = 1;
/// `MakeFunction` flag: a dict of keyword-only defaults is on the stack.
const HAS_KEYWORD_DEFAULTS: u32 = 2;
/// `MakeFunction` flag: a tuple of annotations (name, value, name, value…) is on the stack.
const HAS_ANNOTATIONS: u32 = 4;
/// `MakeFunction` flag: a tuple of cells (the closure) is on the stack.
const HAS_CLOSURE: u32 = 8;

impl<'ast> Compiler<'ast> {
    /// `def name(…): …`, with its decorators.
    pub(super) fn function_definition(&mut self, function: &'ast StmtFunctionDef) -> CompileResult {
        for decorator in &function.decorator_list {
            self.expression(&decorator.expression)?;
        }
        self.set_location(function.range);
        let mut make_flags = self.parameter_defaults(&function.parameters)?;
        if self.parameter_annotations(&function.parameters, function.returns.as_deref())? {
            make_flags |= HAS_ANNOTATIONS;
        }
        let scope = self.scope_of(function, function.range)?;
        let name = function.name.id.as_str();
        let qualname = self.qualname(name, ScopeKind::Function);
        let first_line = self.index.line_of(function.range.start().to_u32());
        self.enter_unit(scope, name, &qualname, first_line);
        self.set_parameters(&function.parameters);
        if let Some(text) = docstring(&function.body) {
            self.unit.docstring = Some(Rc::from(text));
        }
        let body = self.statements(&function.body);
        let code = self.finish_function_unit(body)?;
        self.set_location(function.range);
        self.make_function(code, make_flags, function.range)?;
        for decorator in function.decorator_list.iter().rev() {
            self.set_location(decorator.expression.range());
            self.emit(Opcode::Call, 1);
        }
        self.set_location(function.range);
        self.name(name, Access::Store, function.name.range)
    }

    /// `lambda …: expression`.
    pub(super) fn lambda(&mut self, lambda: &'ast ExprLambda) -> CompileResult {
        let make_flags = match &lambda.parameters {
            Some(parameters) => self.parameter_defaults(parameters)?,
            None => 0,
        };
        let scope = self.scope_of(lambda, lambda.range)?;
        let qualname = self.qualname("<lambda>", ScopeKind::Lambda);
        let first_line = self.index.line_of(lambda.range.start().to_u32());
        self.enter_unit(scope, "<lambda>", &qualname, first_line);
        if let Some(parameters) = &lambda.parameters {
            self.set_parameters(parameters);
        }
        let body = self.expression(&lambda.body);
        if body.is_ok() {
            self.set_location(lambda.body.range());
            if self.scope().is_generator {
                self.emit(Opcode::PopTop, 0);
                self.return_none();
            } else {
                self.emit(Opcode::ReturnValue, 0);
            }
        }
        let code = self.finish_function_unit(body)?;
        self.make_function(code, make_flags, lambda.range)
    }

    /// `class Name(bases, keywords): …`, with its decorators.
    pub(super) fn class_definition(&mut self, class: &'ast StmtClassDef) -> CompileResult {
        for decorator in &class.decorator_list {
            self.expression(&decorator.expression)?;
        }
        self.set_location(class.range);
        let scope = self.scope_of(class, class.range)?;
        let name = class.name.id.as_str();
        let qualname = self.qualname(name, ScopeKind::Class);
        let first_line = self.index.line_of(class.range.start().to_u32());
        self.enter_unit(scope, name, &qualname, first_line);
        let body = self.class_body(class, &qualname);
        let code = self.finish_function_unit(body)?;

        self.set_location(class.range);
        self.emit(Opcode::LoadBuildClass, 0);
        self.make_function(code, 0, class.range)?;
        self.unit.load_constant(Constant::Str(Rc::from(name)));
        match &class.arguments {
            Some(arguments) => {
                self.check_repeated_keywords(&arguments.keywords)?;
                self.call_arguments(2, &arguments.args, &arguments.keywords)?;
            }
            None => self.emit(Opcode::Call, 2),
        }
        for decorator in class.decorator_list.iter().rev() {
            self.set_location(decorator.expression.range());
            self.emit(Opcode::Call, 1);
        }
        self.set_location(class.range);
        self.name(name, Access::Store, class.name.range)
    }

    /// The body of a class: it runs in the class namespace and returns the `__class__` cell
    /// (for `super()`) or `None`.
    fn class_body(&mut self, class: &'ast StmtClassDef, qualname: &str) -> CompileResult {
        let name_index = self.unit.name("__name__");
        self.emit(Opcode::LoadName, name_index);
        self.store_name_directly("__module__");
        self.unit.load_constant(Constant::Str(Rc::from(qualname)));
        self.store_name_directly("__qualname__");
        if has_annotations(&class.body) {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        if let Some(text) = docstring(&class.body) {
            self.unit.docstring = Some(Rc::from(text));
            self.unit.load_constant(Constant::Str(Rc::from(text)));
            self.store_name_directly("__doc__");
        }
        self.statements(&class.body)?;
        if !self.unit.is_reachable() {
            return Ok(());
        }
        if self.scope().needs_class_cell {
            let Some(index) = self.unit.cell_index("__class__") else {
                return Err(self.error(class.range, "internal compiler error: no __class__ cell"));
            };
            self.emit(Opcode::LoadClosure, index);
            self.emit(Opcode::Copy, 1);
            self.store_name_directly("__classcell__");
            self.emit(Opcode::ReturnValue, 0);
        } else {
            self.return_none();
        }
        Ok(())
    }

    /// The scope the symbol table created for a node.
    pub(super) fn scope_of<Node>(&self, node: &Node, range: TextRange) -> CompileResult<ScopeId> {
        self.symbols
            .scope_of(node)
            .ok_or_else(|| self.error(range, "internal compiler error: no scope for this node"))
    }

    /// The qualified name of a scope about to be entered from the current unit (CPython's
    /// `compiler_set_qualname`): `f`, `C.m`, `f.<locals>.g`.
    pub(super) fn qualname(&self, name: &str, kind: ScopeKind) -> String {
        let parent = &self.unit;
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let mangled = mangle(parent.private.as_deref(), name);
            if self.scope().name_scope(&mangled) == Some(NameScope::GlobalExplicit) {
                return name.to_string();
            }
        }
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{name}", parent.qualname)
        } else {
            format!("{}.{name}", parent.qualname)
        }
    }

    /// Starts compiling a nested scope: the current unit becomes its parent.
    pub(super) fn enter_unit(
        &mut self,
        scope_id: ScopeId,
        name: &str,
        qualname: &str,
        first_line: u32,
    ) {
        let scope = self.symbols.scope(scope_id);
        let mut unit = CodeUnit::new(scope_id, scope.kind, name, qualname, first_line);
        unit.private = scope.private.clone();
        for parameter in &scope.parameters {
            unit.varname(parameter);
        }
        if scope.kind.is_function_like() {
            for local in scope.plain_locals() {
                unit.varname(local);
            }
            unit.flags |= flags::OPTIMIZED | flags::NEW_LOCALS;
        }
        if scope.is_nested {
            unit.flags |= flags::NESTED;
        }
        if scope.kind.is_function_like() {
            unit.flags |= match (scope.is_generator, scope.is_coroutine) {
                (true, false) => flags::GENERATOR,
                (false, true) => flags::COROUTINE,
                (true, true) => flags::ASYNC_GENERATOR,
                (false, false) => 0,
            };
        }
        unit.cellvars = scope.cellvars().into_iter().map(Rc::from).collect();
        unit.freevars = scope.freevars().into_iter().map(Rc::from).collect();
        let parent = std::mem::replace(&mut self.unit, unit);
        self.outer.push(parent);
    }

    /// Ends the nested scope being compiled (whatever `body` returned), makes its parent current
    /// again and assembles it.
    pub(super) fn finish_function_unit(
        &mut self,
        body: CompileResult,
    ) -> CompileResult<CodeObject> {
        if body.is_ok() {
            self.return_none();
        }
        let Some(parent) = self.outer.pop() else {
            return Err(self.error(
                TextRange::default(),
                "internal compiler error: no enclosing unit",
            ));
        };
        let unit = std::mem::replace(&mut self.unit, parent);
        body?;
        self.assemble(unit)
    }

    /// Records the parameter counts and `*args`/`**kwargs` flags of the unit being compiled.
    fn set_parameters(&mut self, parameters: &Parameters) {
        self.unit.positional_only_count = parameters.posonlyargs.len() as u32;
        self.unit.argument_count = (parameters.posonlyargs.len() + parameters.args.len()) as u32;
        self.unit.keyword_only_count = parameters.kwonlyargs.len() as u32;
        if parameters.vararg.is_some() {
            self.unit.flags |= flags::VARARGS;
        }
        if parameters.kwarg.is_some() {
            self.unit.flags |= flags::VARKEYWORDS;
        }
    }

    /// Pushes the default values (a tuple of positional defaults, a dict of keyword-only ones)
    /// and returns the `MakeFunction` flags saying which are there.
    fn parameter_defaults(&mut self, parameters: &'ast Parameters) -> CompileResult<u32> {
        let mut make_flags = 0;
        let positional: Vec<_> = parameters
            .posonlyargs
            .iter()
            .chain(parameters.args.iter())
            .filter_map(|parameter| parameter.default.as_deref())
            .collect();
        if !positional.is_empty() {
            let constants: Option<Vec<Constant>> = positional
                .iter()
                .map(|value| constant_value(value))
                .collect();
            match constants {
                Some(constants) => self
                    .unit
                    .load_constant(Constant::Tuple(Rc::from(constants))),
                None => {
                    for value in &positional {
                        self.expression(value)?;
                    }
                    self.emit(Opcode::BuildTuple, positional.len() as u32);
                }
            }
            make_flags |= HAS_DEFAULTS;
        }
        let mut keyword_count = 0;
        for parameter in parameters.kwonlyargs.iter() {
            if let Some(default) = &parameter.default {
                let name = self.mangled(&parameter.parameter.name.id);
                self.unit.load_constant(Constant::Str(Rc::from(name)));
                self.expression(default)?;
                keyword_count += 1;
            }
        }
        if keyword_count > 0 {
            self.emit(Opcode::BuildMap, keyword_count);
            make_flags |= HAS_KEYWORD_DEFAULTS;
        }
        Ok(make_flags)
    }

    /// Pushes the tuple of a function's annotations (`name, value` pairs in CPython's order:
    /// positional parameters, positional-only ones, `*args`, keyword-only ones, `**kwargs`,
    /// `return`); returns whether there were any.
    fn parameter_annotations(
        &mut self,
        parameters: &'ast Parameters,
        returns: Option<&'ast Expr>,
    ) -> CompileResult<bool> {
        let mut annotated: Vec<(&'ast str, &'ast Expr)> = Vec::new();
        let plain = |list: &'ast [ParameterWithDefault]| {
            list.iter().filter_map(|parameter| {
                let annotation = parameter.parameter.annotation.as_deref()?;
                Some((parameter.parameter.name.id.as_str(), annotation))
            })
        };
        annotated.extend(plain(&parameters.args));
        annotated.extend(plain(&parameters.posonlyargs));
        let star = |parameter: &'ast Option<Box<Parameter>>| {
            let parameter = parameter.as_deref()?;
            Some((parameter.name.id.as_str(), parameter.annotation.as_deref()?))
        };
        annotated.extend(star(&parameters.vararg));
        annotated.extend(plain(&parameters.kwonlyargs));
        annotated.extend(star(&parameters.kwarg));
        if let Some(returns) = returns {
            annotated.push(("return", returns));
        }
        if annotated.is_empty() {
            return Ok(false);
        }
        for &(name, annotation) in &annotated {
            let mangled = self.mangled(name);
            self.unit.load_constant(Constant::Str(Rc::from(mangled)));
            self.annotation_value(annotation)?;
        }
        self.emit(Opcode::BuildTuple, 2 * annotated.len() as u32);
        Ok(true)
    }

    /// Pushes the value of an annotation: the expression, or its text (CPython's unparsing)
    /// under `from __future__ import annotations`.
    pub(super) fn annotation_value(&mut self, annotation: &'ast Expr) -> CompileResult {
        if self.symbols.future_annotations {
            let text = super::unparse::unparse(annotation, self.index.source());
            self.unit.load_constant(Constant::Str(Rc::from(text)));
            Ok(())
        } else {
            self.expression(annotation)
        }
    }

    /// Creates a function object from a compiled code object, with its closure (the cells of
    /// the current unit that the code's free variables refer to).
    pub(super) fn make_function(
        &mut self,
        code: CodeObject,
        make_flags: u32,
        range: TextRange,
    ) -> CompileResult {
        let mut make_flags = make_flags;
        if !code.freevars.is_empty() {
            for free in &code.freevars {
                let Some(index) = self.unit.cell_index(free) else {
                    return Err(self.error(
                        range,
                        format!("internal compiler error: free variable '{free}' not found"),
                    ));
                };
                self.emit(Opcode::LoadClosure, index);
            }
            self.emit(Opcode::BuildTuple, code.freevars.len() as u32);
            make_flags |= HAS_CLOSURE;
        }
        self.unit.load_constant(Constant::Code(Rc::new(code)));
        self.emit(Opcode::MakeFunction, make_flags);
        Ok(())
    }
}

/// Whether a module or class body has an annotated assignment that is not inside a nested
/// function or class (CPython's `find_ann`; like 3.11's, it does not look into `match`).
pub(super) fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|statement| match statement {
        Stmt::AnnAssign(_) => true,
        Stmt::For(node) => has_annotations(&node.body) || has_annotations(&node.orelse),
        Stmt::While(node) => has_annotations(&node.body) || has_annotations(&node.orelse),
        Stmt::If(node) => {
            has_annotations(&node.body)
                || node
                    .elif_else_clauses
                    .iter()
                    .any(|clause| has_annotations(&clause.body))
        }
        Stmt::With(node) => has_annotations(&node.body),
        Stmt::Try(node) => {
            node.handlers.iter().any(|handler| {
                let ruff_python_ast::ExceptHandler::ExceptHandler(handler) = handler;
                has_annotations(&handler.body)
            }) || has_annotations(&node.body)
                || has_annotations(&node.finalbody)
                || has_annotations(&node.orelse)
        }
        _ => false,
    })
}
