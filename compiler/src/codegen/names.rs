//! Loading, storing and deleting a variable by name: the symbol table decides whether that is a
//! fast local, a cell, a global or a namespace lookup (CPython's `compiler_nameop`).

use ruff_text_size::TextRange;

use crate::opcode::Opcode;
use crate::symtable::{mangle, NameScope, ScopeKind};

use super::{CompileResult, Compiler};

/// What to do with a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Access {
    Load,
    Store,
    Delete,
}

impl Compiler<'_> {
    /// Emits the access of variable `name` (unmangled) in the current scope.
    pub(super) fn name(&mut self, name: &str, access: Access, range: TextRange) -> CompileResult {
        if name == "__debug__" && access != Access::Load {
            let verb = if access == Access::Store {
                "assign to"
            } else {
                "delete"
            };
            return Err(self.error(range, format!("cannot {verb} __debug__")));
        }
        let mangled = mangle(self.unit.private.as_deref(), name);
        self.mangled_name(&mangled, access);
        Ok(())
    }

    /// Stores TOS in a name that the symbol table may not know (`__doc__`, `__module__`):
    /// always a namespace store.
    pub(super) fn store_name_directly(&mut self, name: &str) {
        let index = self.unit.name(name);
        self.emit(Opcode::StoreName, index);
    }

    /// Emits the access of an already mangled name.
    pub(super) fn mangled_name(&mut self, mangled: &str, access: Access) {
        let kind = self.unit.kind;
        let function_like = kind.is_function_like();
        let name_scope = self.scope().name_scope(mangled);
        match name_scope {
            Some(NameScope::Local) if function_like => {
                let index = self.unit.varname(mangled);
                let opcode = match access {
                    Access::Load => Opcode::LoadFast,
                    Access::Store => Opcode::StoreFast,
                    Access::Delete => Opcode::DeleteFast,
                };
                self.emit(opcode, index);
            }
            Some(NameScope::Cell | NameScope::Free) => {
                let Some(index) = self.unit.cell_index(mangled) else {
                    // Unreachable for a consistent symbol table; fall back to a namespace access.
                    self.namespace_access(mangled, access);
                    return;
                };
                let opcode = match access {
                    Access::Load if kind == ScopeKind::Class => Opcode::LoadClassDeref,
                    Access::Load => Opcode::LoadDeref,
                    Access::Store => Opcode::StoreDeref,
                    Access::Delete => Opcode::DeleteDeref,
                };
                self.emit(opcode, index);
            }
            Some(NameScope::GlobalExplicit) => self.global_access(mangled, access),
            Some(NameScope::GlobalImplicit) if function_like => self.global_access(mangled, access),
            _ => self.namespace_access(mangled, access),
        }
    }

    fn global_access(&mut self, name: &str, access: Access) {
        let index = self.unit.name(name);
        let opcode = match access {
            Access::Load => Opcode::LoadGlobal,
            Access::Store => Opcode::StoreGlobal,
            Access::Delete => Opcode::DeleteGlobal,
        };
        self.emit(opcode, index);
    }

    fn namespace_access(&mut self, name: &str, access: Access) {
        let index = self.unit.name(name);
        let opcode = match access {
            Access::Load => Opcode::LoadName,
            Access::Store => Opcode::StoreName,
            Access::Delete => Opcode::DeleteName,
        };
        self.emit(opcode, index);
    }
}
