//! The first pass: walk the AST and record, per scope, how each name is bound and used.
//!
//! Nothing is resolved here (a name used before an enclosing function assigns it is still
//! found later); this pass only collects flags, creates a scope for each `def`, `class`,
//! `lambda` and comprehension, and reports the errors CPython's `symtable.c` reports while
//! walking (`global` after use, duplicate parameters, misplaced walrus and `yield`).

use std::collections::HashMap;

use ruff_python_ast::{
    Comprehension, ExceptHandler, Expr, ExprContext, InterpolatedStringElement, ModModule,
    Parameters, Pattern, Stmt,
};
use ruff_text_size::{Ranged, TextRange};

use super::{
    mangle, node_key, symbol_flags, ComprehensionKind, Scope, ScopeId, ScopeKind, SymbolTable,
};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::LineIndex;

/// Where the directive (`global`, `nonlocal`, or the implicit one of a walrus in a
/// comprehension) of a name was written, for the analysis' error messages.
pub(super) type DirectiveRanges = HashMap<(ScopeId, String), TextRange>;

/// Walks a module and returns its unresolved symbol table.
pub(super) fn build(
    module: &ModModule,
    index: &LineIndex,
    filename: &str,
) -> Result<(SymbolTable, DirectiveRanges), SyntaxError> {
    let mut builder = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, "top".to_string(), None)],
            by_node: HashMap::new(),
            future_annotations: has_future_annotations(&module.body),
        },
        frames: vec![Frame::new(ScopeId(0))],
        depth: 0,
        private: None,
        directives: HashMap::new(),
        index,
        filename,
    };
    builder.statements(&module.body)?;
    Ok((builder.table, builder.directives))
}

/// Per-scope state of the walk.
struct Frame {
    id: ScopeId,
    /// Inside the iterable of a comprehension's `for` (where a walrus is an error).
    in_iterable: u32,
    /// Inside the target of a comprehension's `for`.
    in_iteration_target: bool,
}

impl Frame {
    fn new(id: ScopeId) -> Self {
        Frame {
            id,
            in_iterable: 0,
            in_iteration_target: false,
        }
    }
}

/// How deeply statements and expressions may nest: CPython's compiler gives up at about this
/// depth too ("maximum recursion depth exceeded during compilation").
const MAX_NESTING: usize = 3000;

struct Builder<'a> {
    table: SymbolTable,
    frames: Vec<Frame>,
    /// Current nesting of statements and expressions.
    depth: usize,
    /// The class whose private names are being mangled.
    private: Option<String>,
    directives: DirectiveRanges,
    index: &'a LineIndex<'a>,
    filename: &'a str,
}

type Walk = Result<(), SyntaxError>;

impl Builder<'_> {
    fn error(&self, range: TextRange, message: impl Into<String>) -> SyntaxError {
        self.index.error_range(
            SyntaxErrorKind::Syntax,
            self.filename,
            range.start().to_u32(),
            range.end().to_u32(),
            message,
        )
    }

    /// An error with a single caret at the start of `range`.
    fn error_at(&self, range: TextRange, message: impl Into<String>) -> SyntaxError {
        self.index.error(
            SyntaxErrorKind::Syntax,
            self.filename,
            range.start().to_u32(),
            message,
        )
    }

    fn frame(&self) -> &Frame {
        // The module frame is never popped.
        &self.frames[self.frames.len() - 1]
    }

    fn frame_mut(&mut self) -> &mut Frame {
        let last = self.frames.len() - 1;
        &mut self.frames[last]
    }

    fn current_id(&self) -> ScopeId {
        self.frame().id
    }

    fn current(&mut self) -> &mut Scope {
        let id = self.current_id();
        &mut self.table.scopes[id.0 as usize]
    }

    fn current_kind(&self) -> ScopeKind {
        self.table.scope(self.current_id()).kind
    }

    /// Records `flags` for `name` (mangled) in the current scope.
    fn add(&mut self, name: &str, flags: u32, range: TextRange) -> Walk {
        let name = mangle(self.private.as_deref(), name);
        let in_iteration_target = self.frame().in_iteration_target;
        let previous = self.current().flags(&name);
        if flags & symbol_flags::PARAMETER != 0 && previous & symbol_flags::PARAMETER != 0 {
            return Err(self.error(
                range,
                format!("duplicate argument '{name}' in function definition"),
            ));
        }
        let mut flags = flags;
        if in_iteration_target && flags & symbol_flags::ASSIGNED != 0 {
            if previous & (symbol_flags::GLOBAL | symbol_flags::NONLOCAL) != 0 {
                return Err(self.error(
                    range,
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{name}'"
                    ),
                ));
            }
            flags |= symbol_flags::COMPREHENSION_TARGET;
        }
        self.current().add(&name, flags);
        Ok(())
    }

    /// Opens a scope for `node` and makes it current.
    fn enter<Node>(&mut self, kind: ScopeKind, name: &str, node: &Node) -> ScopeId {
        let parent = self.current_id();
        let id = ScopeId(self.table.scopes.len() as u32);
        let parent_scope = self.table.scope(parent);
        let is_nested = parent_scope.is_nested || parent_scope.kind.is_function_like();
        let mut scope = Scope::new(kind, name.to_string(), Some(parent));
        scope.is_nested = is_nested;
        scope.private = self.private.clone();
        self.table.scopes.push(scope);
        self.table.scopes[parent.0 as usize].children.push(id);
        self.table.by_node.insert(node_key(node), id);
        self.frames.push(Frame::new(id));
        id
    }

    fn exit(&mut self) {
        if self.frames.len() > 1 {
            self.frames.pop();
        }
    }

    fn statements(&mut self, body: &[Stmt]) -> Walk {
        body.iter()
            .try_for_each(|statement| self.statement(statement))
    }

    fn statement(&mut self, statement: &Stmt) -> Walk {
        self.nested(statement.range(), |builder| {
            builder.statement_inner(statement)
        })
    }

    /// Runs one level of the walk, refusing to go deeper than [`MAX_NESTING`].
    fn nested(&mut self, range: TextRange, body: impl FnOnce(&mut Self) -> Walk) -> Walk {
        if self.depth >= MAX_NESTING {
            let mut error =
                self.error(range, "maximum recursion depth exceeded during compilation");
            error.kind = SyntaxErrorKind::Recursion;
            return Err(error);
        }
        self.depth += 1;
        let result = crate::stack::grow(|| body(self));
        self.depth -= 1;
        result
    }

    fn statement_inner(&mut self, statement: &Stmt) -> Walk {
        match statement {
            Stmt::FunctionDef(function) => {
                self.add(
                    &function.name.id,
                    symbol_flags::ASSIGNED,
                    function.name.range,
                )?;
                self.parameter_defaults(&function.parameters)?;
                self.parameter_annotations(&function.parameters, function.returns.as_deref())?;
                for decorator in &function.decorator_list {
                    self.expression(&decorator.expression)?;
                }
                self.enter(ScopeKind::Function, &function.name.id, function);
                self.current().is_coroutine = function.is_async;
                self.parameters(&function.parameters)?;
                self.statements(&function.body)?;
                self.exit();
            }
            Stmt::ClassDef(class) => {
                self.add(&class.name.id, symbol_flags::ASSIGNED, class.name.range)?;
                if let Some(arguments) = &class.arguments {
                    for argument in arguments.args.iter() {
                        self.expression(argument)?;
                    }
                    for keyword in arguments.keywords.iter() {
                        self.expression(&keyword.value)?;
                    }
                }
                for decorator in &class.decorator_list {
                    self.expression(&decorator.expression)?;
                }
                self.enter(ScopeKind::Class, &class.name.id, class);
                let saved = self.private.replace(class.name.id.to_string());
                self.current().private = self.private.clone();
                let result = self.statements(&class.body);
                self.private = saved;
                result?;
                self.exit();
            }
            Stmt::Return(node) => self.optional(node.value.as_deref())?,
            Stmt::Delete(node) => node
                .targets
                .iter()
                .try_for_each(|target| self.expression(target))?,
            Stmt::Assign(node) => {
                for target in &node.targets {
                    self.expression(target)?;
                }
                self.expression(&node.value)?;
            }
            Stmt::AugAssign(node) => {
                self.expression(&node.target)?;
                self.expression(&node.value)?;
            }
            Stmt::AnnAssign(node) => {
                if let Expr::Name(name) = node.target.as_ref() {
                    let mangled = mangle(self.private.as_deref(), &name.id);
                    let current = self.current().flags(&mangled);
                    let is_module = self.current_kind() == ScopeKind::Module;
                    if current & (symbol_flags::GLOBAL | symbol_flags::NONLOCAL) != 0
                        && !is_module
                        && node.simple
                    {
                        let which = if current & symbol_flags::GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(self.error(
                            node.range,
                            format!("annotated name '{}' can't be {which}", name.id),
                        ));
                    }
                    if node.simple {
                        self.add(
                            &name.id,
                            symbol_flags::ANNOTATED | symbol_flags::ASSIGNED,
                            name.range,
                        )?;
                    } else if node.value.is_some() {
                        self.add(&name.id, symbol_flags::ASSIGNED, name.range)?;
                    }
                } else {
                    self.expression(&node.target)?;
                }
                self.annotation(&node.annotation)?;
                self.optional(node.value.as_deref())?;
            }
            Stmt::For(node) => {
                self.expression(&node.target)?;
                self.expression(&node.iter)?;
                self.statements(&node.body)?;
                self.statements(&node.orelse)?;
            }
            Stmt::While(node) => {
                self.expression(&node.test)?;
                self.statements(&node.body)?;
                self.statements(&node.orelse)?;
            }
            Stmt::If(node) => {
                self.expression(&node.test)?;
                self.statements(&node.body)?;
                for clause in &node.elif_else_clauses {
                    if let Some(test) = &clause.test {
                        self.expression(test)?;
                    }
                    self.statements(&clause.body)?;
                }
            }
            Stmt::With(node) => {
                for item in &node.items {
                    self.expression(&item.context_expr)?;
                    self.optional(item.optional_vars.as_deref())?;
                }
                self.statements(&node.body)?;
            }
            Stmt::Match(node) => {
                self.expression(&node.subject)?;
                for case in &node.cases {
                    self.pattern(&case.pattern)?;
                    self.optional(case.guard.as_deref())?;
                    self.statements(&case.body)?;
                }
            }
            Stmt::Raise(node) => {
                self.optional(node.exc.as_deref())?;
                self.optional(node.cause.as_deref())?;
            }
            Stmt::Try(node) => {
                self.statements(&node.body)?;
                for handler in &node.handlers {
                    let ExceptHandler::ExceptHandler(handler) = handler;
                    self.optional(handler.type_.as_deref())?;
                    if let Some(name) = &handler.name {
                        self.add(&name.id, symbol_flags::ASSIGNED, name.range)?;
                    }
                    self.statements(&handler.body)?;
                }
                self.statements(&node.orelse)?;
                self.statements(&node.finalbody)?;
            }
            Stmt::Assert(node) => {
                self.expression(&node.test)?;
                self.optional(node.msg.as_deref())?;
            }
            Stmt::Import(node) => {
                for alias in &node.names {
                    let stored = match &alias.asname {
                        Some(asname) => asname.id.as_str(),
                        None => alias.name.id.split('.').next().unwrap_or(""),
                    };
                    self.add(stored, symbol_flags::IMPORTED, alias.range)?;
                }
            }
            Stmt::ImportFrom(node) => {
                for alias in &node.names {
                    if alias.name.id.as_str() == "*" {
                        if self.current_kind() != ScopeKind::Module {
                            return Err(
                                self.error(node.range, "import * only allowed at module level")
                            );
                        }
                        continue;
                    }
                    let stored = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add(&stored.id, symbol_flags::IMPORTED, alias.range)?;
                }
            }
            Stmt::Global(node) => {
                for name in &node.names {
                    self.declaration(&name.id, node.range, true)?;
                }
            }
            Stmt::Nonlocal(node) => {
                for name in &node.names {
                    self.declaration(&name.id, node.range, false)?;
                }
            }
            Stmt::Expr(node) => self.expression(&node.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::TypeAlias(node) => return Err(self.error(node.range, "invalid syntax")),
            Stmt::IpyEscapeCommand(node) => return Err(self.error(node.range, "invalid syntax")),
        }
        Ok(())
    }

    /// `global name` (`is_global`) or `nonlocal name`.
    fn declaration(&mut self, name: &str, range: TextRange, is_global: bool) -> Walk {
        let mangled = mangle(self.private.as_deref(), name);
        let current = self.current().flags(&mangled);
        let which = if is_global { "global" } else { "nonlocal" };
        let conflicting = symbol_flags::PARAMETER
            | symbol_flags::ASSIGNED
            | symbol_flags::USED
            | symbol_flags::ANNOTATED;
        if current & conflicting != 0 {
            let message = if current & symbol_flags::PARAMETER != 0 {
                format!("name '{name}' is parameter and {which}")
            } else if current & symbol_flags::USED != 0 {
                format!("name '{name}' is used prior to {which} declaration")
            } else if current & symbol_flags::ANNOTATED != 0 {
                format!("annotated name '{name}' can't be {which}")
            } else {
                format!("name '{name}' is assigned to before {which} declaration")
            };
            return Err(self.error(range, message));
        }
        let flag = if is_global {
            symbol_flags::GLOBAL
        } else {
            symbol_flags::NONLOCAL
        };
        self.current().add(&mangled, flag);
        let id = self.current_id();
        self.directives.entry((id, mangled)).or_insert(range);
        Ok(())
    }

    /// A pattern of a `match` case: captures bind names, value patterns and class patterns
    /// read them.
    fn pattern(&mut self, pattern: &Pattern) -> Walk {
        crate::stack::grow(|| match pattern {
            Pattern::MatchValue(node) => self.expression(&node.value),
            Pattern::MatchSingleton(_) => Ok(()),
            Pattern::MatchSequence(node) => {
                node.patterns.iter().try_for_each(|item| self.pattern(item))
            }
            Pattern::MatchMapping(node) => {
                self.expressions(&node.keys)?;
                node.patterns
                    .iter()
                    .try_for_each(|item| self.pattern(item))?;
                match &node.rest {
                    Some(rest) => self.add(&rest.id, symbol_flags::ASSIGNED, rest.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchClass(node) => {
                self.expression(&node.cls)?;
                node.arguments
                    .patterns
                    .iter()
                    .try_for_each(|item| self.pattern(item))?;
                node.arguments
                    .keywords
                    .iter()
                    .try_for_each(|keyword| self.pattern(&keyword.pattern))
            }
            Pattern::MatchStar(node) => match &node.name {
                Some(name) => self.add(&name.id, symbol_flags::ASSIGNED, name.range),
                None => Ok(()),
            },
            Pattern::MatchAs(node) => {
                if let Some(inner) = &node.pattern {
                    self.pattern(inner)?;
                }
                match &node.name {
                    Some(name) => self.add(&name.id, symbol_flags::ASSIGNED, name.range),
                    None => Ok(()),
                }
            }
            Pattern::MatchOr(node) => node.patterns.iter().try_for_each(|item| self.pattern(item)),
        })
    }

    /// An annotation, read in the current scope (not at all under
    /// `from __future__ import annotations`, where it stays a string).
    fn annotation(&mut self, annotation: &Expr) -> Walk {
        if self.table.future_annotations {
            return Ok(());
        }
        self.expression(annotation)
    }

    /// A function's parameter and return annotations, evaluated where it is defined.
    fn parameter_annotations(&mut self, parameters: &Parameters, returns: Option<&Expr>) -> Walk {
        for parameter in parameters
            .posonlyargs
            .iter()
            .chain(parameters.args.iter())
            .chain(parameters.kwonlyargs.iter())
        {
            if let Some(annotation) = &parameter.parameter.annotation {
                self.annotation(annotation)?;
            }
        }
        for parameter in [&parameters.vararg, &parameters.kwarg]
            .into_iter()
            .flatten()
        {
            if let Some(annotation) = &parameter.annotation {
                self.annotation(annotation)?;
            }
        }
        match returns {
            Some(returns) => self.annotation(returns),
            None => Ok(()),
        }
    }

    /// Default values are evaluated where the function is defined.
    fn parameter_defaults(&mut self, parameters: &Parameters) -> Walk {
        for parameter in parameters
            .posonlyargs
            .iter()
            .chain(parameters.args.iter())
            .chain(parameters.kwonlyargs.iter())
        {
            self.optional(parameter.default.as_deref())?;
        }
        Ok(())
    }

    /// Declares the parameters in the (new) current scope, in `varnames` order.
    fn parameters(&mut self, parameters: &Parameters) -> Walk {
        let mut names = Vec::new();
        for parameter in parameters
            .posonlyargs
            .iter()
            .chain(parameters.args.iter())
            .chain(parameters.kwonlyargs.iter())
        {
            names.push((&parameter.parameter.name.id, parameter.parameter.range));
        }
        if let Some(vararg) = &parameters.vararg {
            names.push((&vararg.name.id, vararg.range));
        }
        if let Some(kwarg) = &parameters.kwarg {
            names.push((&kwarg.name.id, kwarg.range));
        }
        for (name, range) in names {
            self.add(name, symbol_flags::PARAMETER, range)?;
            let mangled = mangle(self.private.as_deref(), name);
            self.current().parameters.push(mangled);
        }
        Ok(())
    }

    fn optional(&mut self, expression: Option<&Expr>) -> Walk {
        match expression {
            Some(expression) => self.expression(expression),
            None => Ok(()),
        }
    }

    fn expressions(&mut self, expressions: &[Expr]) -> Walk {
        expressions
            .iter()
            .try_for_each(|expression| self.expression(expression))
    }

    fn expression(&mut self, expression: &Expr) -> Walk {
        self.nested(expression.range(), |builder| {
            builder.expression_inner(expression)
        })
    }

    fn expression_inner(&mut self, expression: &Expr) -> Walk {
        match expression {
            Expr::BoolOp(node) => self.expressions(&node.values)?,
            Expr::Named(node) => {
                if self.frame().in_iterable > 0 {
                    return Err(self.error(
                        node.range,
                        "assignment expression cannot be used in a comprehension iterable expression",
                    ));
                }
                if matches!(self.current_kind(), ScopeKind::Comprehension(_)) {
                    self.extend_named_scope(&node.target, node.range)?;
                }
                self.expression(&node.value)?;
                self.expression(&node.target)?;
            }
            Expr::BinOp(node) => {
                self.expression(&node.left)?;
                self.expression(&node.right)?;
            }
            Expr::UnaryOp(node) => self.expression(&node.operand)?,
            Expr::Lambda(node) => {
                if let Some(parameters) = &node.parameters {
                    self.parameter_defaults(parameters)?;
                }
                self.enter(ScopeKind::Lambda, "<lambda>", node);
                if let Some(parameters) = &node.parameters {
                    self.parameters(parameters)?;
                }
                self.expression(&node.body)?;
                self.exit();
            }
            Expr::If(node) => {
                self.expression(&node.test)?;
                self.expression(&node.body)?;
                self.expression(&node.orelse)?;
            }
            Expr::Dict(node) => {
                for item in &node.items {
                    self.optional(item.key.as_ref())?;
                    self.expression(&item.value)?;
                }
            }
            Expr::Set(node) => self.expressions(&node.elts)?,
            Expr::List(node) => self.expressions(&node.elts)?,
            Expr::Tuple(node) => self.expressions(&node.elts)?,
            Expr::ListComp(node) => self.comprehension(
                node,
                ComprehensionKind::List,
                &node.generators,
                &node.elt,
                None,
            )?,
            Expr::SetComp(node) => self.comprehension(
                node,
                ComprehensionKind::Set,
                &node.generators,
                &node.elt,
                None,
            )?,
            Expr::DictComp(node) => {
                let Some(key) = node.key.as_deref() else {
                    return Err(self.error(
                        node.range,
                        "dict unpacking cannot be used in dict comprehension",
                    ));
                };
                self.comprehension(
                    node,
                    ComprehensionKind::Dict,
                    &node.generators,
                    key,
                    Some(&node.value),
                )?
            }
            Expr::Generator(node) => self.comprehension(
                node,
                ComprehensionKind::Generator,
                &node.generators,
                &node.elt,
                None,
            )?,
            Expr::Await(node) => {
                self.expression(&node.value)?;
                // A comprehension with `await` in it is asynchronous; elsewhere only `async def`
                // makes a coroutine (and the compiler rejects `await` outside one).
                if matches!(self.current_kind(), ScopeKind::Comprehension(_)) {
                    self.current().is_coroutine = true;
                }
            }
            Expr::Yield(node) => {
                self.optional(node.value.as_deref())?;
                self.yield_found(node.range)?;
            }
            Expr::YieldFrom(node) => {
                self.expression(&node.value)?;
                self.yield_found(node.range)?;
            }
            Expr::Compare(node) => {
                self.expression(&node.left)?;
                self.expressions(&node.comparators)?;
            }
            Expr::Call(node) => {
                self.expression(&node.func)?;
                self.expressions(&node.arguments.args)?;
                for keyword in node.arguments.keywords.iter() {
                    self.expression(&keyword.value)?;
                }
            }
            Expr::FString(node) => {
                for element in node.value.elements() {
                    self.interpolated_element(element)?;
                }
            }
            Expr::TString(node) => return Err(self.error(node.range, "invalid syntax")),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(node) => self.expression(&node.value)?,
            Expr::Subscript(node) => {
                self.expression(&node.value)?;
                self.expression(&node.slice)?;
            }
            Expr::Starred(node) => self.expression(&node.value)?,
            Expr::Name(node) => {
                if node.ctx == ExprContext::Load {
                    self.add(&node.id, symbol_flags::USED, node.range)?;
                    if node.id.as_str() == "super" && self.current_kind().is_function_like() {
                        self.current().add("__class__", symbol_flags::USED);
                    }
                } else {
                    self.add(&node.id, symbol_flags::ASSIGNED, node.range)?;
                }
            }
            Expr::Slice(node) => {
                self.optional(node.lower.as_deref())?;
                self.optional(node.upper.as_deref())?;
                self.optional(node.step.as_deref())?;
            }
            Expr::IpyEscapeCommand(node) => return Err(self.error(node.range, "invalid syntax")),
        }
        Ok(())
    }

    fn interpolated_element(&mut self, element: &InterpolatedStringElement) -> Walk {
        if let InterpolatedStringElement::Interpolation(interpolation) = element {
            self.expression(&interpolation.expression)?;
            if let Some(spec) = &interpolation.format_spec {
                for element in spec.elements.iter() {
                    self.interpolated_element(element)?;
                }
            }
        }
        Ok(())
    }

    /// `yield` makes the current scope a generator; it is an error in a comprehension.
    fn yield_found(&mut self, range: TextRange) -> Walk {
        if let ScopeKind::Comprehension(kind) = self.current_kind() {
            return Err(self.error(range, format!("'yield' inside {}", kind.description())));
        }
        self.current().is_generator = true;
        Ok(())
    }

    /// A comprehension: the first iterable belongs to the enclosing scope, the rest to a new
    /// function scope whose parameter `.0` receives the first iterator.
    fn comprehension<Node>(
        &mut self,
        node: &Node,
        kind: ComprehensionKind,
        generators: &[Comprehension],
        element: &Expr,
        value: Option<&Expr>,
    ) -> Walk {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.frame_mut().in_iterable += 1;
        let result = self.expression(&first.iter);
        self.frame_mut().in_iterable -= 1;
        result?;
        self.enter(ScopeKind::Comprehension(kind), kind.code_name(), node);
        if kind == ComprehensionKind::Generator {
            self.current().is_generator = true;
        }
        if generators.iter().any(|generator| generator.is_async) {
            self.current().is_coroutine = true;
        }
        self.current().add(".0", symbol_flags::PARAMETER);
        self.current().parameters.push(".0".to_string());
        for (position, generator) in generators.iter().enumerate() {
            self.frame_mut().in_iteration_target = true;
            let result = self.expression(&generator.target);
            self.frame_mut().in_iteration_target = false;
            result?;
            if position > 0 {
                self.frame_mut().in_iterable += 1;
                let result = self.expression(&generator.iter);
                self.frame_mut().in_iterable -= 1;
                result?;
            }
            self.expressions(&generator.ifs)?;
        }
        if let Some(value) = value {
            self.expression(value)?;
        }
        self.expression(element)?;
        let awaited = kind != ComprehensionKind::Generator && self.current().is_coroutine;
        self.exit();
        // An asynchronous list, set or dict comprehension is awaited where it is written, so a
        // comprehension around it is asynchronous too (an `async def` already is).
        if awaited && matches!(self.current_kind(), ScopeKind::Comprehension(_)) {
            self.current().is_coroutine = true;
        }
        Ok(())
    }

    /// A walrus in a comprehension binds in the nearest enclosing function (as a `nonlocal`)
    /// or module (as a `global`); CPython's `symtable_extend_namedexpr_scope`.
    fn extend_named_scope(&mut self, target: &Expr, range: TextRange) -> Walk {
        let Expr::Name(target) = target else {
            return Ok(());
        };
        let name = mangle(self.private.as_deref(), &target.id);
        let current = self.current_id();
        for position in (0..self.frames.len()).rev() {
            let id = self.frames[position].id;
            let scope = self.table.scope(id);
            match scope.kind {
                ScopeKind::Comprehension(_) => {
                    if scope.flags(&name) & symbol_flags::COMPREHENSION_TARGET != 0 {
                        return Err(self.error_at(
                            range,
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{name}'"
                            ),
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let flag = if scope.flags(&name) & symbol_flags::GLOBAL != 0 {
                        symbol_flags::GLOBAL
                    } else {
                        symbol_flags::NONLOCAL
                    };
                    self.table.scopes[current.0 as usize].add(&name, flag);
                    self.directives
                        .entry((current, name.clone()))
                        .or_insert(range);
                    self.table.scopes[id.0 as usize].add(&name, symbol_flags::ASSIGNED);
                    return Ok(());
                }
                ScopeKind::Module => {
                    self.table.scopes[current.0 as usize].add(&name, symbol_flags::GLOBAL);
                    self.table.scopes[id.0 as usize].add(&name, symbol_flags::GLOBAL);
                    return Ok(());
                }
                ScopeKind::Class => {
                    return Err(self.error(
                        range,
                        "assignment expression within a comprehension cannot be used in a class body",
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Whether a module starts with `from __future__ import annotations` (after its docstring and
/// other future imports).
fn has_future_annotations(body: &[Stmt]) -> bool {
    for (position, statement) in body.iter().enumerate() {
        match statement {
            Stmt::ImportFrom(import)
                if import.level == 0
                    && import
                        .module
                        .as_ref()
                        .is_some_and(|module| module.id.as_str() == "__future__") =>
            {
                if import
                    .names
                    .iter()
                    .any(|alias| alias.name.id.as_str() == "annotations")
                {
                    return true;
                }
            }
            Stmt::Expr(expression)
                if position == 0 && matches!(expression.value.as_ref(), Expr::StringLiteral(_)) => {
            }
            _ => return false,
        }
    }
    false
}
