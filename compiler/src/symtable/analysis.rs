//! The second pass: resolve every name of every scope against its enclosing scopes.
//!
//! This is CPython 3.11's `analyze_block`: walking the scope tree top-down, each scope learns
//! which names its enclosing functions bind (`bound`) and which are declared global; walking back
//! up, each scope reports the names its inner scopes need from outside (`free`), which turns a
//! local of an enclosing function into a cell and makes intermediate scopes pass it through.
//! Class bodies are special: their names are invisible to the functions inside them, except for
//! the implicit `__class__` cell that `super()` needs.

use std::collections::{HashMap, HashSet};

use super::builder::DirectiveRanges;
use super::{symbol_flags, NameScope, ScopeId, ScopeKind, Symbol, SymbolTable};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::source::LineIndex;

type Names = HashSet<String>;

struct Analyzer<'a> {
    directives: &'a DirectiveRanges,
    index: &'a LineIndex<'a>,
    filename: &'a str,
}

/// Resolves all scopes of `table` in place.
pub(super) fn analyze(
    table: &mut SymbolTable,
    directives: &DirectiveRanges,
    index: &LineIndex,
    filename: &str,
) -> Result<(), SyntaxError> {
    let analyzer = Analyzer {
        directives,
        index,
        filename,
    };
    let mut free = Names::new();
    let mut global = Names::new();
    analyzer.block(table, table.root(), None, &mut free, &mut global)?;
    // Module and class bodies access their own and unknown names through the namespace.
    for scope in &mut table.scopes {
        if matches!(scope.kind, ScopeKind::Module | ScopeKind::Class) {
            for symbol in &mut scope.symbols {
                if matches!(symbol.scope, NameScope::Local | NameScope::GlobalImplicit) {
                    symbol.scope = NameScope::Name;
                }
            }
        }
    }
    Ok(())
}

impl Analyzer<'_> {
    fn error(&self, scope: ScopeId, name: &str, message: String) -> SyntaxError {
        let (start, end) = self
            .directives
            .get(&(scope, name.to_string()))
            .map_or((0, 0), |range| {
                (range.start().to_u32(), range.end().to_u32())
            });
        self.index
            .error_range(SyntaxErrorKind::Syntax, self.filename, start, end, message)
    }

    /// CPython's `analyze_block`.
    fn block(
        &self,
        table: &mut SymbolTable,
        id: ScopeId,
        bound: Option<Names>,
        free: &mut Names,
        global: &mut Names,
    ) -> Result<(), SyntaxError> {
        crate::stack::grow(|| self.block_inner(table, id, bound, free, global))
    }

    fn block_inner(
        &self,
        table: &mut SymbolTable,
        id: ScopeId,
        mut bound: Option<Names>,
        free: &mut Names,
        global: &mut Names,
    ) -> Result<(), SyntaxError> {
        let kind = table.scope(id).kind;
        let mut scopes: HashMap<String, NameScope> = HashMap::new();
        let mut local = Names::new();
        let mut new_global = Names::new();
        let mut new_free = Names::new();
        let mut new_bound = Names::new();

        if kind == ScopeKind::Class {
            new_global.extend(global.iter().cloned());
            if let Some(bound) = &bound {
                new_bound.extend(bound.iter().cloned());
            }
        }
        let symbols: Vec<(String, u32)> = table
            .scope(id)
            .symbols
            .iter()
            .map(|symbol| (symbol.name.clone(), symbol.flags))
            .collect();
        let mut has_free = false;
        for (name, flags) in symbols {
            let scope = self.name(
                id,
                &name,
                flags,
                bound.as_mut(),
                &mut local,
                free,
                global,
                &mut has_free,
            )?;
            scopes.insert(name, scope);
        }
        if kind != ScopeKind::Class {
            if kind.is_function_like() {
                new_bound.extend(local.iter().cloned());
            }
            if let Some(bound) = &bound {
                new_bound.extend(bound.iter().cloned());
            }
            new_global.extend(global.iter().cloned());
        } else {
            new_bound.insert("__class__".to_string());
        }

        let mut all_free = Names::new();
        let children = table.scope(id).children.clone();
        let mut child_has_free = false;
        for child in children {
            let mut child_free = new_free.clone();
            let mut child_global = new_global.clone();
            self.block(
                table,
                child,
                Some(new_bound.clone()),
                &mut child_free,
                &mut child_global,
            )?;
            all_free.extend(child_free);
            let child_scope = table.scope(child);
            if child_scope.has_free || child_scope.child_has_free {
                child_has_free = true;
            }
        }
        new_free.extend(all_free);

        let scope = &mut table.scopes[id.0 as usize];
        scope.has_free |= has_free;
        scope.child_has_free |= child_has_free;
        if kind.is_function_like() {
            // Locals that inner scopes need become cells.
            for (name, name_scope) in scopes.iter_mut() {
                if *name_scope == NameScope::Local && new_free.remove(name) {
                    *name_scope = NameScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && new_free.remove("__class__") {
            scope.needs_class_cell = true;
        }

        // CPython's `update_symbols`.
        for symbol in &mut scope.symbols {
            if let Some(&name_scope) = scopes.get(&symbol.name) {
                symbol.scope = name_scope;
            }
        }
        let mut passed_through: Vec<&String> = new_free.iter().collect();
        passed_through.sort();
        for name in passed_through {
            if let Some(&index) = scope.lookup.get(name.as_str()) {
                let symbol = &mut scope.symbols[index];
                if kind == ScopeKind::Class
                    && symbol.flags & (symbol_flags::BOUND | symbol_flags::GLOBAL) != 0
                {
                    symbol.flags |= symbol_flags::FREE_IN_CLASS;
                }
                continue;
            }
            if let Some(bound) = &bound {
                if !bound.contains(name.as_str()) {
                    continue;
                }
            }
            scope.lookup.insert(name.clone(), scope.symbols.len());
            scope.symbols.push(Symbol {
                name: name.clone(),
                flags: 0,
                scope: NameScope::Free,
            });
        }
        free.extend(new_free);
        Ok(())
    }

    /// CPython's `analyze_name`: where one name of one scope lives.
    #[allow(clippy::too_many_arguments)]
    fn name(
        &self,
        id: ScopeId,
        name: &str,
        flags: u32,
        bound: Option<&mut Names>,
        local: &mut Names,
        free: &mut Names,
        global: &mut Names,
        has_free: &mut bool,
    ) -> Result<NameScope, SyntaxError> {
        if flags & symbol_flags::GLOBAL != 0 {
            if flags & symbol_flags::NONLOCAL != 0 {
                return Err(self.error(id, name, format!("name '{name}' is nonlocal and global")));
            }
            global.insert(name.to_string());
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(NameScope::GlobalExplicit);
        }
        if flags & symbol_flags::NONLOCAL != 0 {
            let Some(bound) = bound else {
                return Err(self.error(
                    id,
                    name,
                    "nonlocal declaration not allowed at module level".to_string(),
                ));
            };
            if !bound.contains(name) {
                return Err(self.error(
                    id,
                    name,
                    format!("no binding for nonlocal '{name}' found"),
                ));
            }
            *has_free = true;
            free.insert(name.to_string());
            return Ok(NameScope::Free);
        }
        if flags & symbol_flags::BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(NameScope::Local);
        }
        if bound.is_some_and(|bound| bound.contains(name)) {
            *has_free = true;
            free.insert(name.to_string());
            return Ok(NameScope::Free);
        }
        Ok(NameScope::GlobalImplicit)
    }
}
