//! Scopes and the classification of every name in them.
//!
//! Python decides at compile time where each name lives: a function's local (a fast slot), a
//! cell shared with inner functions, a free variable captured from an enclosing function, a
//! global, or — in module and class bodies — a lookup in the namespace dictionary. The code
//! generator needs that answer before it emits the first instruction of a scope, because a name
//! assigned anywhere in a function is local everywhere in it. So the whole module is walked once
//! first ([`builder`]), recording how each scope binds and uses each name, and then the scopes
//! are resolved against each other ([`analysis`]), following CPython 3.11's `symtable.c` so that
//! the same programs get the same scoping and the same `SyntaxError`s.

mod analysis;
mod builder;

use std::collections::HashMap;

use ruff_python_ast::ModModule;

use crate::error::SyntaxError;
use crate::source::LineIndex;

/// Index of a scope in its [`SymbolTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScopeId(pub u32);

/// What kind of code a scope compiles to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module body.
    Module,
    /// A class body.
    Class,
    /// A `def`.
    Function,
    /// A `lambda`.
    Lambda,
    /// A list, set or dict comprehension or a generator expression: a function of its own
    /// whose only parameter, `.0`, is the iterator of the first `for`.
    Comprehension(ComprehensionKind),
}

/// The four kinds of comprehension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComprehensionKind {
    /// `[x for x in y]`.
    List,
    /// `{x for x in y}`.
    Set,
    /// `{k: v for k, v in y}`.
    Dict,
    /// `(x for x in y)`.
    Generator,
}

impl ComprehensionKind {
    /// The code object name: `<listcomp>`, `<setcomp>`, `<dictcomp>`, `<genexpr>`.
    pub fn code_name(self) -> &'static str {
        match self {
            ComprehensionKind::List => "<listcomp>",
            ComprehensionKind::Set => "<setcomp>",
            ComprehensionKind::Dict => "<dictcomp>",
            ComprehensionKind::Generator => "<genexpr>",
        }
    }

    /// How CPython names it in error messages ("list comprehension").
    pub fn description(self) -> &'static str {
        match self {
            ComprehensionKind::List => "list comprehension",
            ComprehensionKind::Set => "set comprehension",
            ComprehensionKind::Dict => "dict comprehension",
            ComprehensionKind::Generator => "generator expression",
        }
    }
}

impl ScopeKind {
    /// Whether the scope runs as a function (fast locals, cells): functions, lambdas and
    /// comprehensions.
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_)
        )
    }
}

/// How a name is bound and used in one scope, as bits of [`Symbol::flags`].
pub mod symbol_flags {
    /// Assigned (or deleted, or a `for`/`with`/`except` target, or a `def`/`class` name).
    pub const ASSIGNED: u32 = 1;
    /// A parameter.
    pub const PARAMETER: u32 = 2;
    /// Read.
    pub const USED: u32 = 4;
    /// Declared `global`.
    pub const GLOBAL: u32 = 8;
    /// Declared `nonlocal`.
    pub const NONLOCAL: u32 = 16;
    /// Bound by an import.
    pub const IMPORTED: u32 = 32;
    /// Annotated (`x: int`).
    pub const ANNOTATED: u32 = 64;
    /// An iteration variable of a comprehension.
    pub const COMPREHENSION_TARGET: u32 = 128;
    /// In a class body: also a free variable of a method (CPython's `DEF_FREE_CLASS`), so it is
    /// both a namespace name and passed through to the method's closure.
    pub const FREE_IN_CLASS: u32 = 256;
    /// Any binding.
    pub const BOUND: u32 = ASSIGNED | PARAMETER | IMPORTED;
}

/// Where a name lives, which decides the instructions that access it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    /// A function's local variable: `LoadFast`/`StoreFast`.
    Local,
    /// A function's local captured by an inner scope: `LoadDeref`/`StoreDeref`.
    Cell,
    /// Captured from an enclosing function: `LoadDeref` (`LoadClassDeref` in a class body).
    Free,
    /// Declared `global`: `LoadGlobal`/`StoreGlobal`.
    GlobalExplicit,
    /// Not bound in any enclosing function, used in a function: `LoadGlobal`.
    GlobalImplicit,
    /// In a module or class body, a name looked up in the namespace: `LoadName`/`StoreName`.
    Name,
}

/// One name of a scope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The name, mangled if it is private to a class (`__x` in `C` is `_C__x`).
    pub name: String,
    /// Bits from [`symbol_flags`].
    pub flags: u32,
    /// Where it lives.
    pub scope: NameScope,
}

/// A module, class, function, lambda or comprehension.
#[derive(Clone, Debug)]
pub struct Scope {
    /// Its kind.
    pub kind: ScopeKind,
    /// The `def`/`class` name, `<lambda>`, `<listcomp>`…, or `top` for the module.
    pub name: String,
    /// The enclosing scope.
    pub parent: Option<ScopeId>,
    /// Scopes nested in it, in source order.
    pub children: Vec<ScopeId>,
    /// Its names, in the order they first appear.
    pub symbols: Vec<Symbol>,
    /// Index into `symbols` by name.
    lookup: HashMap<String, usize>,
    /// The parameter names (mangled) in `varnames` order: positional, keyword-only, `*args`,
    /// `**kwargs`.
    pub parameters: Vec<String>,
    /// Whether it contains `yield` (or is a generator expression).
    pub is_generator: bool,
    /// Whether it is an `async def`, or a comprehension with `async for` or `await` in it
    /// (CPython's `ste_coroutine`).
    pub is_coroutine: bool,
    /// Whether it is nested in a function-like scope.
    pub is_nested: bool,
    /// For a class: whether a method uses `super` or `__class__`, so that the body creates the
    /// `__class__` cell.
    pub needs_class_cell: bool,
    /// The class whose private names (`__x`) are mangled in this scope.
    pub private: Option<String>,
    /// Whether this scope has free variables (analysis only).
    has_free: bool,
    /// Whether an inner scope has free variables (analysis only).
    child_has_free: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: String, parent: Option<ScopeId>) -> Self {
        Scope {
            kind,
            name,
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            lookup: HashMap::new(),
            parameters: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_nested: false,
            needs_class_cell: false,
            private: None,
            has_free: false,
            child_has_free: false,
        }
    }

    /// The symbol of a (mangled) name.
    pub fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.lookup.get(name).map(|&index| &self.symbols[index])
    }

    /// Where a (mangled) name lives; `None` for names the scope never mentions (such as
    /// `__name__` read by a class body's prologue).
    pub fn name_scope(&self, name: &str) -> Option<NameScope> {
        self.symbol(name).map(|symbol| symbol.scope)
    }

    /// The cell variables, sorted by name as CPython orders `co_cellvars` (a class's implicit
    /// `__class__` cell first).
    pub fn cellvars(&self) -> Vec<String> {
        let mut cells: Vec<String> = self
            .symbols
            .iter()
            .filter(|symbol| symbol.scope == NameScope::Cell)
            .map(|symbol| symbol.name.clone())
            .collect();
        cells.sort();
        if self.needs_class_cell {
            cells.insert(0, "__class__".to_string());
        }
        cells
    }

    /// The free variables, sorted by name (including a class's names passed through to its
    /// methods' closures).
    pub fn freevars(&self) -> Vec<String> {
        let mut free: Vec<String> = self
            .symbols
            .iter()
            .filter(|symbol| {
                symbol.scope == NameScope::Free || symbol.flags & symbol_flags::FREE_IN_CLASS != 0
            })
            .map(|symbol| symbol.name.clone())
            .collect();
        free.sort();
        free
    }

    /// The locals that are neither parameters nor cells, in the order they first appear.
    pub fn plain_locals(&self) -> impl Iterator<Item = &str> {
        self.symbols
            .iter()
            .filter(|symbol| {
                symbol.scope == NameScope::Local && symbol.flags & symbol_flags::PARAMETER == 0
            })
            .map(|symbol| symbol.name.as_str())
    }

    /// Records a use or binding of a name, returning its previous flags.
    fn add(&mut self, name: &str, flags: u32) -> u32 {
        match self.lookup.get(name) {
            Some(&index) => {
                let previous = self.symbols[index].flags;
                self.symbols[index].flags |= flags;
                previous
            }
            None => {
                self.lookup.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags,
                    scope: NameScope::GlobalImplicit,
                });
                0
            }
        }
    }

    /// The flags of a name (0 if absent).
    fn flags(&self, name: &str) -> u32 {
        self.symbol(name).map_or(0, |symbol| symbol.flags)
    }
}

/// Every scope of a module.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    scopes: Vec<Scope>,
    /// Whether the module starts with `from __future__ import annotations` (annotations are
    /// then kept as strings, never evaluated).
    pub future_annotations: bool,
    /// Scope of each scope-creating AST node, keyed by the node's address (the AST is borrowed,
    /// unmoved, for as long as the table is used).
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// Builds and resolves the scopes of a parsed module.
    pub fn build(
        module: &ModModule,
        index: &LineIndex,
        filename: &str,
    ) -> Result<SymbolTable, SyntaxError> {
        let (mut table, directives) = builder::build(module, index, filename)?;
        analysis::analyze(&mut table, &directives, index, filename)?;
        Ok(table)
    }

    /// The module scope.
    pub fn root(&self) -> ScopeId {
        ScopeId(0)
    }

    /// A scope by id.
    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0 as usize]
    }

    /// The scope created by an AST node (a `def`, `class`, `lambda` or comprehension).
    pub fn scope_of<Node>(&self, node: &Node) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }

    /// All scopes, the module first.
    pub fn scopes(&self) -> &[Scope] {
        &self.scopes
    }
}

/// The key of an AST node in [`SymbolTable::by_node`].
fn node_key<Node>(node: &Node) -> usize {
    node as *const Node as usize
}

/// `name` as seen inside class `private`: `__x` becomes `_Class__x` (CPython's `_Py_Mangle`).
/// Dunder names, dotted names and names in classes named only with underscores are unchanged.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class_name) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

#[cfg(test)]
mod tests;
